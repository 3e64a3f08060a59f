import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateKeyLong } from "@/lib/calendar/format";
import { slotLabel } from "@/lib/callbacks/rules";
import type { HistoryItem } from "@/lib/phone/history-rules";
import { When } from "./when";

function TicketLink({ ticket }: { ticket: { id: string; number: string } | null }) {
  return ticket ? <> · <Link href={`/agent/tickets/${ticket.id}`} className="underline">{ticket.number}</Link></> : null;
}

/** Everything the person had with us that this staff member may see, newest first, 10 at a time. */
export async function CallerHistory({ callerId, items, more, pages }: { callerId: string; items: HistoryItem[]; more: boolean; pages: number }) {
  const [t, ts, locale] = await Promise.all([getTranslations("agentPhone"), getTranslations(), getLocale()]);
  const lang = locale === "en" ? "en" : "nl";
  return (
    <div id="caller-history">
      <h3 className="font-semibold">{t("history")}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("historyNone")}</p>
      ) : (
        <ol className="mt-1 space-y-1 text-sm" data-testid="caller-history">
          {items.map((x) => (
            <li key={`${x.kind}-${x.id}`} data-kind={x.kind}>
              <span className="mr-1 inline-block min-w-24 rounded bg-slate-100 px-1 text-xs font-medium text-slate-800">{t(`historyKind.${x.kind}`)}</span>
              {x.kind === "TICKET" ? (
                <><Link href={`/agent/tickets/${x.id}`} className="underline">{x.number}</Link> · {x.subject} · {ts(`staffStatus.${x.status}`)}</>
              ) : x.kind === "CALL" ? (
                <>{x.summary} · {x.agent}<TicketLink ticket={x.ticket} /></>
              ) : x.kind === "APPOINTMENT" ? (
                <>{formatDateKeyLong(x.date, lang)}, {slotLabel(x.slot, lang)} · {x.phone} · {ts(`agentCallbacks.status.${x.status}`)}<TicketLink ticket={x.ticket} /></>
              ) : (
                <>{ts(`leadComplaints.stage.${x.stage}`)} · {ts(`leadComplaints.status.${x.status}`)}<TicketLink ticket={x.ticket} /></>
              )}
              <span className="ml-1 text-xs text-slate-600">· <When date={x.at} /></span>
            </li>
          ))}
        </ol>
      )}
      {more ? (
        <p className="mt-2 text-sm">
          <Link href={`/agent/telefoon?caller=${callerId}&historie=${pages + 1}#caller-history`} className="underline">{t("historyMore")}</Link>
        </p>
      ) : null}
    </div>
  );
}
