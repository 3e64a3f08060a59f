import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TicketListItem } from "@/lib/tickets/queries";
import { SlaBadge } from "./sla-badge";
import { When } from "./when";

export async function QueueTable({ tickets, total }: { tickets: TicketListItem[]; total: number }) {
  const t = await getTranslations();
  const locale = await getLocale();
  if (tickets.length === 0) {
    return <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("agentQueue.empty")}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="queue-table">
        <caption className="sr-only">{t("tickets.total", { count: total })}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.number")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.subject")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.status")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.channel")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.priority")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.assignee")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.due")}</th>
          </tr>
        </thead>
        <tbody>
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
                </span>
              </td>
              <td className="px-3 py-2">{t(`staffStatus.${ticket.status}`)}</td>
              <td className="px-3 py-2">{t(`channel.${ticket.channel}`)}</td>
              <td className="px-3 py-2">
                <span className={ticket.priority === "URGENT" ? "font-semibold text-red-700" : undefined}>{t(`priority.${ticket.priority}`)}</span>
              </td>
              <td className="px-3 py-2">{ticket.assignee?.name ?? t("tickets.unassigned")}</td>
              <td className="px-3 py-2 text-xs">
                <When date={ticket.slaDueAt} />
                <span className="mt-1 block">
                  <SlaBadge state={ticket.slaState} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
