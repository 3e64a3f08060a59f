import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChatEntry } from "@/components/chat/customer-chat-page";
import { AppointmentList } from "@/components/portaal/appointment-list";
import { MyTicketList } from "@/components/portaal/my-ticket-list";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatLongDate } from "@/lib/calendar/format";
import { slotLabel } from "@/lib/callbacks/rules";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { parseDateKey } from "@/lib/calendar/local-time";
import { latestUnreachable, listMyAppointments, listMyTickets, PORTAL_PAGE_SIZE } from "@/lib/portal/queries";
import { toLastPageIfPast } from "@/lib/util/paging";
import { areaHomeTitle } from "@/lib/i18n/page-title";

export const generateMetadata = areaHomeTitle("portal", "portal.home");

async function PortalHome({ searchParams }: { searchParams: Promise<{ pagina?: string }> }) {
  const user = await requirePermission("portal.ticket.read", "/portaal");
  const now = new Date();
  const page = Math.max(0, (Number.parseInt((await searchParams).pagina ?? "1", 10) || 1) - 1);
  const [t, th, locale, tickets, appointments, unreachable] = await Promise.all([
    getTranslations("portaal"),
    getTranslations("portaal.home"),
    getLocale(),
    listMyTickets(user, page),
    listMyAppointments(user, amsterdamDateKey(now)),
    latestUnreachable(user),
  ]);
  toLastPageIfPast(page, tickets.total, PORTAL_PAGE_SIZE, (last) => (last > 0 ? `/portaal?pagina=${last + 1}` : "/portaal"));
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/portaal/nieuw" className="rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:no-underline">{th("newMessage")}</Link>
            <Link href="/portaal/terugbellen" className="rounded border border-brand-700 bg-white px-4 py-2 font-medium">{th("bookCallback")}</Link>
          </div>
        }
      />
      {unreachable ? (
        <section role="status" data-testid="unreachable-note" className="mb-6 rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 className="font-semibold text-amber-950">{th(unreachable.kind === "WRONG_NUMBER" ? "wrongNumberTitle" : "unreachableTitle")}</h2>
          <p className="mt-1 text-amber-950">
            {th(unreachable.kind === "WRONG_NUMBER" ? "wrongNumberText" : "unreachableText", {
              date: formatLongDate(parseDateKey(unreachable.date)!, locale === "en" ? "en" : "nl"),
              slot: slotLabel(unreachable.slot, locale === "en" ? "en" : "nl"),
              phone: unreachable.phone,
            })}
          </p>
          <Link href={`/portaal/terugbellen?vraag=${unreachable.ticketId}`} className="mt-3 inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:no-underline">
            {th("rebook")}
          </Link>
        </section>
      ) : null}
      {can(user, "portal.chat.use") ? <ChatEntry user={user} portal="portaal" /> : null}
      <section aria-labelledby="appointments-title" className="mb-8">
        <h2 id="appointments-title" className="mb-3 text-lg font-semibold">{th("appointments")}</h2>
        <AppointmentList appointments={appointments} slots={[]} now={now} withActions={false} />
      </section>
      <section aria-labelledby="tickets-title">
        <h2 id="tickets-title" className="mb-3 text-lg font-semibold">{th("tickets")}</h2>
        <MyTicketList page={tickets} current={page} now={now} />
      </section>
    </>
  );
}

export default withPageMessages("app/(beneficiary)/portaal", PortalHome);
