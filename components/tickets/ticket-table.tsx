import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TicketListItem } from "@/lib/tickets/queries";

/** A read-only list of tickets; `staff` switches to the workspace's wording and columns. */
export async function TicketTable({ tickets, staff = false }: { tickets: TicketListItem[]; staff?: boolean }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  if (tickets.length === 0) {
    return <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("tickets.none")}</p>;
  }
  const when = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : "—";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("tickets.total", { count: tickets.length })}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.number")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.subject")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.status")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.channel")}</th>
            {staff ? <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.priority")}</th> : null}
            {staff ? <th scope="col" className="px-3 py-2 font-semibold">{t("tickets.assignee")}</th> : null}
            <th scope="col" className="px-3 py-2 font-semibold">{staff ? t("tickets.due") : t("tickets.lastActivity")}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.id} className="border-t border-slate-100">
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{ticket.number}</td>
              <td className="px-3 py-2">
                {ticket.subject}
                <span className="block text-xs text-slate-500">
                  {locale === "en" ? ticket.category.nameEn : ticket.category.nameNl}
                  {staff && ticket.isPartner ? ` · ${t("tickets.partner")}` : ""}
                </span>
              </td>
              <td className="px-3 py-2">{t(staff ? `staffStatus.${ticket.status}` : `status.${ticket.status}`)}</td>
              <td className="px-3 py-2">{t(`channel.${ticket.channel}`)}</td>
              {staff ? (
                <td className="px-3 py-2">
                  <span className={ticket.priority === "URGENT" ? "font-semibold text-red-700" : undefined}>
                    {t(`priority.${ticket.priority}`)}
                  </span>
                </td>
              ) : null}
              {staff ? <td className="px-3 py-2">{ticket.assignee?.name ?? t("tickets.unassigned")}</td> : null}
              <td className="whitespace-nowrap px-3 py-2">
                {staff ? when(ticket.slaDueAt) : when(ticket.lastActivityAt)}
                {staff && ticket.slaState ? (
                  <span className="block text-xs text-slate-600">{t(`sla.${ticket.slaState}`)}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
