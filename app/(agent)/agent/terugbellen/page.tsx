import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AttemptForm } from "@/components/agent/attempt-form";
import { When } from "@/components/agent/when";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatDateKeyLong } from "@/lib/calendar/format";
import { parseDateKey } from "@/lib/calendar/local-time";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { slotLabel } from "@/lib/callbacks/rules";
import { queueOptions } from "@/lib/tickets/queries";
import { listCallbacks, upcomingCallbackCounts } from "@/lib/workspace/callback-list";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.callbacks");

async function CallbackList({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("workspace.enter", "/agent/terugbellen");
  const params = await searchParams;
  const today = amsterdamDateKey(new Date());
  // A day that does not exist (2026-13-45, 2026-02-30) falls back to today, as a malformed one does.
  const date = params.date && parseDateKey(params.date) !== null ? params.date : today;
  const options = await queueOptions(user);
  const teamId = options.teams.some((x) => x.id === params.team) ? params.team : undefined;
  const [t, locale, rows, upcoming] = await Promise.all([getTranslations(), getLocale(), listCallbacks(user, { date, teamId }), upcomingCallbackCounts(user, date)]);
  const mayAttempt = can(user, "callbacks.attempt.log");
  const lang = locale === "en" ? "en" : "nl";
  const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";
  return (
    <>
      <PageHeader title={t("agentCallbacks.title")} intro={t("agentCallbacks.intro")} />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[12rem_14rem_auto]">
        <div>
          <label htmlFor="cb-date" className="text-sm font-medium">{t("agentCallbacks.date")}</label>
          <input id="cb-date" name="date" type="date" defaultValue={date} className={field} />
        </div>
        <div>
          <label htmlFor="cb-team" className="text-sm font-medium">{t("agentCallbacks.team")}</label>
          <select id="cb-team" name="team" defaultValue={teamId ?? ""} className={field}>
            <option value="">{t("agentCallbacks.allTeams")}</option>
            {options.teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </div>
        <button type="submit" className="self-end rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">{t("agentCallbacks.show")}</button>
      </form>
      {(["MORNING", "AFTERNOON"] as const).map((slot) => {
        const inSlot = rows.filter((r) => r.slot === slot);
        return (
          <section key={slot} aria-labelledby={`slot-${slot}`} className="mb-6">
            <h2 id={`slot-${slot}`} className="mb-2 text-lg font-semibold">{formatDateKeyLong(date, lang)} · {slotLabel(slot, lang)}</h2>
            {inSlot.length === 0 ? (
              <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">{t("agentCallbacks.none")}</p>
            ) : (
              <ul className="space-y-3">
                {inSlot.map((a) => (
                  <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="callback-row">
                    <div className="flex flex-wrap justify-between gap-2">
                      <p className="font-medium">
                        {a.person?.name ?? "—"} · <a href={`tel:${a.phone}`} className="underline">{a.phone}</a>
                        <span className="block text-xs text-slate-600">
                          {a.team.name} · <Link href={`/agent/tickets/${a.ticket.id}`} className="underline">{a.ticket.number}</Link>
                          {a.ticket.subject ? ` · ${a.ticket.subject}` : ""}
                          {a.isRepeat ? " · ↻" : ""}
                        </span>
                      </p>
                      <span className="text-sm font-semibold" data-testid="callback-status">{t(`agentCallbacks.status.${a.status}`)}</span>
                    </div>
                    <h3 className="mt-2 text-sm font-semibold">{t("agentCallbacks.attempts")}</h3>
                    {a.attempts.length === 0 ? (
                      <p className="text-sm text-slate-600">{t("agentCallbacks.noAttempts")}</p>
                    ) : (
                      <ol className="list-decimal pl-5 text-sm">
                        {a.attempts.map((x) => (
                          <li key={x.id}>{t(`agentCallbacks.outcome.${x.outcome}`)} · {x.handler.name} · <When date={x.attemptedAt} />{x.note ? ` · ${x.note}` : ""}</li>
                        ))}
                      </ol>
                    )}
                    {mayAttempt && a.status === "BOOKED" ? <AttemptForm appointmentId={a.id} label={`${a.person?.name ?? a.phone} ${a.ticket.number}`} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {upcoming.length > 0 ? (
        <section aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading" className="mb-2 text-lg font-semibold">{t("agentCallbacks.upcoming")}</h2>
          <ul className="list-disc pl-5 text-sm">
            {upcoming.map((u) => (
              <li key={u.date}><Link className="underline" href={`/agent/terugbellen?date=${u.date}${teamId ? `&team=${teamId}` : ""}`}>{formatDateKeyLong(u.date, lang)}</Link>: {u.count}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/terugbellen", CallbackList);
