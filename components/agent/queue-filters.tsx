import { getLocale, getTranslations } from "next-intl/server";
import { QUEUE_SEARCH_MAX, type QueueFilter } from "@/lib/queue/schema";

interface Options {
  teams: { id: string; name: string }[];
  categories: { key: string; nameNl: string; nameEn: string }[];
  staff: { id: string; name: string }[];
}

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: filters live in the URL, so a filtered queue can be bookmarked and shared. */
export async function QueueFilters({ filter, options }: { filter: QueueFilter; options: Options }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const select = (name: keyof QueueFilter, label: string, items: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`f-${name}`} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={(filter[name] as string | undefined) ?? ""} className={field}>
        <option value="">{t("agentQueue.any")}</option>
        {items.map((i) => (
          <option key={i.value} value={i.value}>
            {i.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="/agent" role="search" aria-label={t("agentQueue.filters")} className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-3">
        <label htmlFor="f-q" className="text-sm font-medium text-slate-800">
          {t("agentQueue.search")}
        </label>
        {/* No longer than the filter reads: a longer text was dropped without a word (or, past the
            server's header limit, answered with the browser's HTTP 431 page). */}
        <input id="f-q" name="q" type="search" maxLength={QUEUE_SEARCH_MAX} defaultValue={filter.q ?? ""} className={field} aria-describedby="f-q-hint" />
        <p id="f-q-hint" className="mt-1 text-xs text-slate-600">
          {t("agentQueue.searchHint")}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-6">
        {select("channel", t("tickets.channel"), ["PORTAL", "EMAIL", "PHONE", "LETTER"].map((c) => ({ value: c, label: t(`channel.${c}`) })))}
        {select("category", t("tickets.category"), options.categories.map((c) => ({ value: c.key, label: locale === "en" ? c.nameEn : c.nameNl })))}
        {select("status", t("tickets.status"), ["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"].map((s) => ({ value: s, label: t(`staffStatus.${s}`) })))}
        {select("team", t("tickets.team"), options.teams.map((x) => ({ value: x.id, label: x.name })))}
        {select("assignee", t("tickets.assignee"), [
          { value: "me", label: t("agentQueue.me") },
          { value: "none", label: t("tickets.unassigned") },
          ...options.staff.map((s) => ({ value: s.id, label: s.name })),
        ])}
        {select("sla", t("agentQueue.slaState"), ["ON_TRACK", "AT_RISK", "BREACHED"].map((s) => ({ value: s, label: t(`sla.${s}`) })))}
      </div>
      <div className="mt-3 flex gap-3">
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
          {t("agentQueue.apply")}
        </button>
        <a href="/agent" className="px-2 py-1.5 text-sm">
          {t("agentQueue.reset")}
        </a>
      </div>
    </form>
  );
}
