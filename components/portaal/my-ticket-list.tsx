import Link from "@/components/ui/link";
import { DataTable, EmptyState, StackedCell } from "@/components/ui/data-table";
import { getLocale, getTranslations } from "next-intl/server";
import { customerStatus } from "@/lib/complaints/rules";
import { PORTAL_PAGE_SIZE, type listMyTickets } from "@/lib/portal/queries";
import { When } from "./when";

type Page = Awaited<ReturnType<typeof listMyTickets>>;

/** The person's tickets with status and due date, newest activity first, paginated by ?pagina=. */
export async function MyTicketList({ page, current, now }: { page: Page; current: number; now: Date }) {
  const [t, ts, tcs, locale] = await Promise.all([getTranslations("portaal.list"), getTranslations("status"), getTranslations("complaintStatus"), getLocale()]);
  if (page.total === 0) return <EmptyState>{t("none")}</EmptyState>;
  const pages = Math.max(1, Math.ceil(page.total / PORTAL_PAGE_SIZE));
  return (
    <div className="space-y-3">
      <DataTable
        stackOnPhone
        caption={t("caption")}
        columns={[
          { label: t("number") },
          { label: t("subject") },
          { label: t("status") },
          { label: t("due") },
          { label: t("lastActivity") },
        ]}
      >
        {page.items.map((ticket) => (
          <tr key={ticket.id} role="row" className="border-t border-slate-100" data-testid="ticket-row">
            <StackedCell label={t("number")} className="whitespace-nowrap px-3 py-2 font-mono text-xs">
              <Link href={`/portaal/vragen/${ticket.id}`}>{ticket.number}</Link>
            </StackedCell>
            <StackedCell label={t("subject")}>
              <span>
                {ticket.subject}
                <span className="block text-xs text-slate-600">{locale === "en" ? ticket.category.nameEn : ticket.category.nameNl}</span>
              </span>
            </StackedCell>
            <StackedCell label={t("status")} testId="ticket-status">{((shown) => (shown.kind === "complaint" ? tcs(shown.status) : ts(shown.status)))(customerStatus(ticket))}</StackedCell>
            <StackedCell label={t("due")} testId="ticket-due">{ticket.answerDueAt ? <When at={ticket.answerDueAt} now={now} /> : "—"}</StackedCell>
            <StackedCell label={t("lastActivity")}><When at={ticket.lastActivityAt} now={now} /></StackedCell>
          </tr>
        ))}
      </DataTable>
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center gap-4 text-sm">
          {current > 0 ? <Link href={`/portaal?pagina=${current}`}>{t("previous")}</Link> : null}
          <span>{t("page", { page: current + 1, pages })}</span>
          {current + 1 < pages ? <Link href={`/portaal?pagina=${current + 2}`}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
