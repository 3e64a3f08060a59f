import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChatEntry } from "@/components/chat/customer-chat-page";
import { ServicePanel } from "@/components/employer-service/service-panel";
import { Countdown } from "@/components/werkgever/countdown";
import { EmployerTicketTable } from "@/components/werkgever/employer-ticket-table";
import { Pagination, pageFrom } from "@/components/werkgever/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { EMPLOYER_PAGE_SIZE, listEmployerTickets, listRunningUrgentRequests } from "@/lib/employer/queries";
import { toLastPageIfPast } from "@/lib/util/paging";
import { employerLine, getCustomerSuccessManager } from "@/lib/employer-service/queries";
import { areaHomeTitle } from "@/lib/i18n/page-title";

export const generateMetadata = areaHomeTitle("employer", "employer.home");

async function EmployerHome({ searchParams }: { searchParams: Promise<{ pagina?: string }> }) {
  const user = await requirePermission("employer.enter", "/werkgever");
  const page = pageFrom((await searchParams).pagina);
  const locale = (await getLocale()) === "en" ? "en" : "nl";
  const [t, tickets, urgent, line, csm] = await Promise.all([
    getTranslations("werkgever"),
    listEmployerTickets(user, page),
    listRunningUrgentRequests(user),
    employerLine(new Date(), locale),
    getCustomerSuccessManager(user),
  ]);
  toLastPageIfPast(page, tickets.total, EMPLOYER_PAGE_SIZE, (last) => (last > 0 ? `/werkgever?pagina=${last + 1}` : "/werkgever"));
  const mayFile = can(user, "employer.request.submit");
  return (
    <>
      <PageHeader
        title={t("title", { organisation: user.organisationName ?? "" })}
        intro={mayFile ? t("intro") : t("introNoRight")}
        actions={
          mayFile ? (
            <div className="flex gap-2">
              <Link href="/werkgever/vragen/nieuw" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800 hover:no-underline">{t("nav.question")}</Link>
              <Link href="/werkgever/spoed" className="rounded border border-red-700 bg-white px-4 py-2 text-sm font-medium text-red-800 no-underline hover:bg-red-50 hover:no-underline">{t("nav.urgent")}</Link>
            </div>
          ) : null
        }
      />
      {can(user, "employer.chat.use") ? <ChatEntry user={user} portal="werkgever" /> : null}
      {urgent.length > 0 ? (
        <section aria-labelledby="urgent-heading" className="mb-6 rounded-lg border border-red-200 bg-red-50 p-4">
          <h2 id="urgent-heading" className="font-semibold text-red-900">{t("dashboard.urgentTitle")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {urgent.map((u) => (
              <li key={u.ticket.number}>
                <Link href={`/werkgever/vragen/${u.ticket.number}`} className="underline">{u.ticket.number}</Link> · {u.ticket.subject} · <Countdown dueAt={u.dueAt.toISOString()} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 className="mb-3 text-lg font-semibold">{t("dashboard.ticketsTitle")}</h2>
      <EmployerTicketTable tickets={tickets.items} />
      <Pagination page={page} total={tickets.total} pageSize={EMPLOYER_PAGE_SIZE} basePath="/werkgever" />
      <div className="mt-8">
        <ServicePanel line={line} csm={csm} />
      </div>
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever", EmployerHome);
