import Link from "@/components/ui/link";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { getLocale, getTranslations } from "next-intl/server";
import type { TicketListItem } from "@/lib/tickets/queries";
import { AnswerClock } from "./answer-clock";

export async function QueueTable({ tickets, total }: { tickets: TicketListItem[]; total: number }) {
  const t = await getTranslations();
  const locale = await getLocale();
  if (tickets.length === 0) {
    return <EmptyState>{t("agentQueue.empty")}</EmptyState>;
  }
  return (
    <DataTable
      caption={t("tickets.total", { count: total })}
      columns={[
        { label: t("tickets.number") },
        { label: t("tickets.subject") },
        { label: t("tickets.status") },
        { label: t("tickets.channel") },
        { label: t("tickets.priority") },
        { label: t("tickets.assignee") },
        { label: t("tickets.due") },
      ]}
      testId="queue-table"
    >
      {tickets.map((ticket) => (
        <tr key={ticket.id} className="border-t border-slate-100 align-top">
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
            <Link href={`/agent/tickets/${ticket.id}`}>{ticket.number}</Link>
          </td>
          <td className="px-3 py-2">
            {ticket.subject}
            <span className="block text-xs text-slate-600">
              {locale === "en" ? ticket.category.nameEn : ticket.category.nameNl}
              {ticket.team ? ` · ${ticket.team.name}` : ""}
              {ticket.isPartner ? ` · ${t("tickets.partner")}` : ""}
              {ticket.senderUnverified ? <span className="font-semibold text-amber-800"> · {t("agentSender.title")}</span> : null}
              {ticket.urgentRequest?.verification === "PENDING" || ticket.urgentRequest?.verification === "NOT_REACHED" ? (
                <span className="font-semibold text-red-800" data-testid="urgent-verify-flag"> · {t("urgentVerify.queueFlag")}</span>
              ) : null}
            </span>
          </td>
          <td className="px-3 py-2">{t(`staffStatus.${ticket.status}`)}</td>
          <td className="px-3 py-2">{t(`channel.${ticket.channel}`)}</td>
          <td className="px-3 py-2">
            <span className={ticket.priority === "URGENT" ? "font-semibold text-red-700" : undefined}>{t(`priority.${ticket.priority}`)}</span>
          </td>
          <td className="px-3 py-2">{ticket.assignee?.name ?? t("tickets.unassigned")}</td>
          <td className="px-3 py-2 text-xs">
            <AnswerClock ticket={ticket} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
