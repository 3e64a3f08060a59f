import Link from "@/components/ui/link";
import { DataTable, EmptyState, StackedCell } from "@/components/ui/data-table";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { customerStatus } from "@/lib/complaints/rules";
import type { EmployerTicketItem } from "@/lib/employer/queries";
import { Countdown } from "./countdown";

export async function EmployerTicketTable({ tickets }: { tickets: EmployerTicketItem[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  if (tickets.length === 0) {
    return <EmptyState>{t("werkgever.tickets.none")}</EmptyState>;
  }
  return (
    <DataTable
      stackOnPhone
      caption={t("werkgever.tickets.caption")}
      columns={[
        { label: t("tickets.number") },
        { label: t("tickets.subject") },
        { label: t("werkgever.tickets.requester") },
        { label: t("tickets.status") },
        { label: t("tickets.lastActivity") },
      ]}
    >
      {tickets.map((ticket) => (
        <tr key={ticket.id} role="row" className="border-t border-slate-100">
          <StackedCell label={t("tickets.number")} className="whitespace-nowrap px-3 py-2 font-mono text-xs">
            <Link href={`/werkgever/vragen/${ticket.number}`}>{ticket.number}</Link>
          </StackedCell>
          <StackedCell label={t("tickets.subject")}>
            <span>
              {ticket.priority === "URGENT" ? <span className="mr-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">{t("werkgever.tickets.urgent")}</span> : null}
              {ticket.subject}
              <span className="block text-xs text-slate-600">{locale === "en" ? ticket.category.nameEn : ticket.category.nameNl}</span>
              {ticket.urgentRequest?.answeredAt ? (
                <span className="block text-xs text-emerald-800">{t("werkgever.countdown.answered", { at: format.dateTime(ticket.urgentRequest.answeredAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
              ) : ticket.urgentRequest?.verification === "NOT_URGENT" ? (
                <span className="block text-xs">{t("urgentEmployer.verification.NOT_URGENT")}</span>
              ) : ticket.urgentRequest && ticket.status !== "RESOLVED" && ticket.status !== "CLOSED" ? (
                <span className="block text-xs"><Countdown dueAt={ticket.urgentRequest.dueAt.toISOString()} /></span>
              ) : null}
            </span>
          </StackedCell>
          <StackedCell label={t("werkgever.tickets.requester")}>{ticket.requester?.name ?? "—"}</StackedCell>
          <StackedCell label={t("tickets.status")}>{((shown) => t(shown.kind === "complaint" ? `complaintStatus.${shown.status}` : `status.${shown.status}`))(customerStatus(ticket))}</StackedCell>
          <StackedCell label={t("tickets.lastActivity")} className="whitespace-nowrap px-3 py-2">{format.dateTime(ticket.lastActivityAt, { dateStyle: "medium", timeStyle: "short" })}</StackedCell>
        </tr>
      ))}
    </DataTable>
  );
}
