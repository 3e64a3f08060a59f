import Link from "next/link";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
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
        <tr key={ticket.id} className="border-t border-slate-100">
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
            <Link href={`/werkgever/vragen/${ticket.number}`}>{ticket.number}</Link>
          </td>
          <td className="px-3 py-2">
            {ticket.priority === "URGENT" ? <span className="mr-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">{t("werkgever.tickets.urgent")}</span> : null}
            {ticket.subject}
            <span className="block text-xs text-slate-600">{locale === "en" ? ticket.category.nameEn : ticket.category.nameNl}</span>
            {ticket.urgentRequest && !ticket.urgentRequest.answeredAt && ticket.status !== "RESOLVED" && ticket.status !== "CLOSED" ? (
              <span className="block text-xs"><Countdown dueAt={ticket.urgentRequest.dueAt.toISOString()} /></span>
            ) : null}
          </td>
          <td className="px-3 py-2">{ticket.requester?.name ?? "—"}</td>
          <td className="px-3 py-2">{t(`status.${ticket.status}`)}</td>
          <td className="whitespace-nowrap px-3 py-2">{format.dateTime(ticket.lastActivityAt, { dateStyle: "medium", timeStyle: "short" })}</td>
        </tr>
      ))}
    </DataTable>
  );
}
