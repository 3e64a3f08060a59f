import { getLocale, getTranslations } from "next-intl/server";
import { formatDateKeyLong } from "@/lib/calendar/format";
import { slotLabel } from "@/lib/callbacks/rules";
import { AttachmentLinks } from "@/components/ui/attachment-links";
import type { TimelineEntry } from "@/lib/workspace/timeline";
import { When } from "./when";

const BOX: Record<string, string> = {
  INBOUND: "border-slate-200 bg-white",
  OUTBOUND: "border-brand-100 bg-brand-50",
  INTERNAL: "border-amber-200 bg-amber-50",
};

/** Everything that happened on the ticket, oldest first, in one list. */
export async function TicketTimeline({ entries, ticketId, names }: { entries: TimelineEntry[]; ticketId: string; names: Map<string, string> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const show = (event: string, value: string | null) => {
    if (value === null) return "—";
    if (event === "status") return t(`staffStatus.${value}`);
    if (event === "priority") return t(`priority.${value}`);
    return names.get(value) ?? value;
  };
  return (
    <ol className="space-y-3" aria-label={t("agentTicket.timeline")} data-testid="timeline">
      {entries.map((e) => (
        <li key={`${e.kind}-${e.id}`}>
          {e.kind === "message" ? (
            <article className={`rounded-lg border p-3 ${BOX[e.direction] ?? ""}`}>
              <header className="mb-1 flex flex-wrap justify-between gap-2 text-xs text-slate-700">
                <span className="font-semibold">
                  {t(`agentTicket.direction.${e.direction}`)}
                  {/* An internal note goes to no one, so it has no channel to name. */}
                  {e.direction === "INTERNAL" ? "" : ` · ${t(`channel.${e.channel}`)}`}
                  {e.author ? ` · ${e.author}` : ""}
                  {e.automatic ? ` · ${t("agentTicket.automatic")}` : ""}
                </span>
                <When date={e.at} />
              </header>
              <p className="whitespace-pre-wrap text-sm text-slate-900">{e.body}</p>
              <AttachmentLinks attachments={e.attachments} label={t("agentTicket.attachments")} />
              {e.direction === "OUTBOUND" && e.channel === "LETTER" ? (
                <a className="mt-2 inline-block text-sm" href={`/api/agent/letters/${ticketId}/${e.id}`} target="_blank" rel="noopener">
                  {t("agentTicket.printLetter")}
                </a>
              ) : null}
            </article>
          ) : e.kind === "event" ? (
            <p className="text-xs text-slate-700">
              <When date={e.at} /> · {e.event.startsWith("urgent_") ? t(`urgentVerify.event.${["urgent_verification", "urgent_linked", "urgent_unlinked"].includes(e.event) ? e.event : "urgent_verification"}`) : t(`agentTicket.event.${["status", "category", "team", "assignee", "priority", "created", "complaint_answer", "sla_answered", "sla_answered_late", "complaint_ombudsman"].includes(e.event) ? e.event : "other"}`)}
              {["status", "category", "team", "assignee", "priority"].includes(e.event) ? `: ${show(e.event, e.from)} → ${show(e.event, e.to)}` : ""}
              {e.event === "urgent_verification" && e.to ? `: ${t(`urgentVerify.state.${e.to}`)}` : ""}
              {e.actor ? ` · ${e.actor}` : ""}
            </p>
          ) : e.kind === "call" ? (
            <article className="rounded-lg border border-sky-200 bg-sky-50 p-3">
              <header className="mb-1 flex justify-between gap-2 text-xs text-slate-700">
                <span className="font-semibold">
                  {t("agentTicket.call")} · {e.agent}
                  {e.resolvedFirstContact ? ` · ${t("agentTicket.fcr")}` : ""}
                </span>
                <When date={e.at} />
              </header>
              <p className="whitespace-pre-wrap text-sm">{e.summary}</p>
            </article>
          ) : e.kind === "appointment" ? (
            <p className="rounded border border-violet-200 bg-violet-50 p-2 text-sm">
              {t("agentTicket.appointment", { date: formatDateKeyLong(e.date, locale === "en" ? "en" : "nl"), slot: slotLabel(e.slot as "MORNING" | "AFTERNOON", locale === "en" ? "en" : "nl"), status: t(`agentCallbacks.status.${e.status}`) })} · <When date={e.at} />
            </p>
          ) : (
            <p className="rounded border border-violet-200 bg-white p-2 text-sm">
              {t("agentTicket.attempt", { outcome: t(`agentCallbacks.outcome.${e.outcome}`), handler: e.handler })}
              {e.note ? `: ${e.note}` : ""} · <When date={e.at} />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
