import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CallForm } from "@/components/agent/call-form";
import { CallerPanel } from "@/components/agent/caller-panel";
import { PreAnnouncementForm } from "@/components/agent/pre-announcement-form";
import { When } from "@/components/agent/when";
import { PageHeader } from "@/components/ui/page-header";
import { PreAnnouncementMatches } from "@/components/urgent/pre-announcement-matches";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime, formatWeekdayDayMonth, toFormatLocale } from "@/lib/calendar/format";
import { listTeamSlots } from "@/lib/callbacks/queries";
import { slotHours } from "@/lib/callbacks/rules";
import { db } from "@/lib/db/client";
import { historyPages } from "@/lib/phone/history-rules";
import { getCaller, listHandoverStaff, listOpenPreAnnouncements, listOrganisations, searchCallers } from "@/lib/phone/queries";
import { listDraftCalls } from "@/lib/telephony/queries";
import { queueOptions } from "@/lib/tickets/queries";
import { firstParam } from "@/lib/util/url-params";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.phone");

async function PhonePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("workspace.enter", "/agent/telefoon");
  // A repeated parameter arrives as an array; the first value counts.
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, firstParam(value)]));
  const q = (params.q ?? "").slice(0, 100);
  const callerParam = params.caller;
  const [t, td, locale, results, view, options, organisations, handlers, pre, drafts] = await Promise.all([
    getTranslations("agentPhone"),
    getTranslations("telephonyDrafts"),
    getLocale(),
    q ? searchCallers(q) : Promise.resolve([]),
    callerParam && callerParam !== "unknown" ? getCaller(user, callerParam, historyPages(params.historie)) : Promise.resolve(null),
    queueOptions(user),
    listOrganisations(),
    listHandoverStaff(),
    listOpenPreAnnouncements(),
    listDraftCalls(user.id),
  ]);
  const unknown = callerParam === "unknown";
  // A call the telephone platform drafted, being completed: only one's own (the command checks again).
  const draft = drafts.find((d) => d.id === params.concept) ?? null;
  const numberParam = (params.nummer ?? "").slice(0, 40);
  const now = new Date();
  const slotLists = await Promise.all(options.teams.map((team) => listTeamSlots(db, team.id, now)));
  const lang = toFormatLocale(locale);
  const slots: Record<string, { value: string; label: string }[]> = {};
  options.teams.forEach((team, i) => {
    slots[team.id] = (slotLists[i] ?? [])
      .filter((s) => s.bookable)
      .map((s) => ({
        value: `${s.date}|${s.kind}`,
        label: t("slotOption", { date: formatWeekdayDayMonth(s.startsAt, lang), time: slotHours(s.kind), remaining: s.remaining }),
      }));
  });
  // The first line may register a dossier question for a known caller (it goes to a case handler), never for an unknown one.
  const categories = options.categories.map((c) => ({ key: c.key, name: locale === "en" ? c.nameEn : c.nameNl, dossierSensitive: c.dossierSensitive }));
  const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          {drafts.length > 0 ? (
            <section aria-labelledby="drafts-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="draft-calls">
              <h2 id="drafts-heading" className="font-semibold">{td("heading")}</h2>
              <p className="text-sm text-slate-700">{td("intro")}</p>
              <ul className="mt-2 divide-y divide-amber-200 text-sm">
                {drafts.map((d) => (
                  <li key={d.id} className="flex items-center justify-between gap-2 py-2">
                    <span>
                      {d.callerName ?? td("unknownCaller")}
                      {d.phone ? ` · ${d.phone}` : ""}
                      <span className="block text-xs text-slate-700">
                        <When date={d.startedAt} />
                        {d.durationSec !== null ? ` · ${td("duration", { minutes: Math.floor(d.durationSec / 60), seconds: d.durationSec % 60 })}` : ""}
                        {d.waitSec !== null ? ` · ${td("wait", { seconds: d.waitSec })}` : ""}
                      </span>
                    </span>
                    <Link
                      href={`/agent/telefoon?caller=${d.callerId ?? "unknown"}&concept=${d.id}${d.phone ? `&nummer=${encodeURIComponent(d.phone)}` : ""}`}
                      aria-label={`${td("complete")}: ${d.callerName ?? td("unknownCaller")}`}
                    >
                      {td("complete")}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <form method="get" role="search" aria-label={t("findCaller")} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <label htmlFor="caller-q" className="text-sm font-medium">{t("findCaller")}</label>
            <div className="flex gap-2">
              <input id="caller-q" name="q" type="search" defaultValue={q} className={field} aria-describedby="caller-q-hint" />
              <button type="submit" className="mt-1 rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">{t("find")}</button>
            </div>
            <p id="caller-q-hint" className="mt-1 text-xs text-slate-600">{t("findHint")}</p>
            {q ? (
              results.length === 0 ? (
                <p className="mt-3 text-sm text-slate-600">{t("noResults")}</p>
              ) : (
                <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="caller-results">
                  {results.map((r) => (
                    <li key={r.id} className="flex items-center justify-between py-2">
                      <span>
                        {r.name}
                        <span className="block text-xs text-slate-600">
                          {[r.clientNumber ?? r.memberships[0]?.organisation.name, r.phone, r.email].filter(Boolean).join(" · ")}
                        </span>
                      </span>
                      <Link href={`/agent/telefoon?caller=${r.id}`} aria-label={`${t("select")}: ${r.name}`}>{t("select")}</Link>
                    </li>
                  ))}
                </ul>
              )
            ) : null}
            <p className="mt-3 text-sm">
              <Link href="/agent/telefoon?caller=unknown">{t("unknown")}</Link>
            </p>
          </form>
          {view ? <CallerPanel view={view} /> : null}
          {draft ? (
            <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="completing-draft">
              {td("completing", { when: formatDateTime(draft.startedAt, lang) })}
            </p>
          ) : null}
          {view || unknown ? (
            <CallForm
              key={`${view?.caller.id ?? "unknown"}-${draft?.id ?? ""}`}
              callerId={view?.caller.id ?? null}
              callerPhone={view?.caller.phone ?? (numberParam || null)}
              draftCallId={draft?.id ?? null}
              tickets={view?.tickets ?? []}
              categories={unknown ? categories.filter((c) => !c.dossierSensitive) : categories}
              teams={options.teams}
              slots={slots}
            />
          ) : null}
        </div>
        <aside className="space-y-6">
          <PreAnnouncementForm
            organisations={organisations}
            handlers={handlers}
            defaults={view?.organisationId ? { organisationId: view.organisationId, callerName: view.caller.name } : undefined}
          />
          <section aria-labelledby="pre-list-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="pre-list-heading" className="font-semibold">{t("openPre")}</h2>
            {pre.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noPre")}</p>
            ) : (
              <ul className="mt-2 space-y-2 text-sm" data-testid="pre-list">
                {pre.map((p) => (
                  <li key={p.id} className="rounded border border-slate-200 p-2">
                    <strong>{p.organisation.name}</strong>: {p.subject}
                    <span className="block text-xs text-slate-600">
                      {p.callerName} · {t("loggedBy", { name: p.loggedBy.name })}
                      {p.handedOverTo ? ` · ${t("handedTo", { name: p.handedOverTo.name })}` : ""} · <When date={p.createdAt} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <PreAnnouncementMatches user={user} />
        </aside>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/telefoon", PhonePage);
