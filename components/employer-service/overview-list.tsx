import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { DataTable, EmptyState, StackedCell } from "@/components/ui/data-table";
import { customerStatus } from "@/lib/complaints/rules";
import type { OverviewRow } from "@/lib/employer-service/queries";
import { OVERVIEW_PAGE_SIZE, type OverviewFilters, overviewQuery, TICKET_STATUSES, type Timing, TIMINGS } from "@/lib/employer-service/rules";

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2";
const labelClass = "block text-sm font-medium text-slate-800";

const TIMING_STYLE: Record<Timing, string> = {
  IN_TIME: "bg-emerald-100 text-emerald-900",
  LATE: "bg-red-100 text-red-900",
  OPEN: "bg-amber-100 text-amber-900",
  NONE: "bg-slate-100 text-slate-800",
};

interface Props {
  keys: { from: string; to: string };
  filters: OverviewFilters;
  categories: { key: string; nameNl: string; nameEn: string }[];
  items: OverviewRow[];
  total: number;
  page: number;
}

/** Search and filters (a GET form: the address holds the whole view), the page of questions, the pager and the CSV link. */
export async function OverviewList({ keys, filters, categories, items, total, page }: Props) {
  const [t, tt, tr, format, locale] = await Promise.all([getTranslations("serviceOverview.list"), getTranslations("serviceOverview.timing"), getTranslations(), getFormatter(), getLocale()]);
  const pages = Math.max(1, Math.ceil(total / OVERVIEW_PAGE_SIZE));
  const href = (p: number) => `/werkgever/overzicht?${overviewQuery(keys, filters, p)}`;
  return (
    <section aria-labelledby="list-heading">
      <h2 id="list-heading" className="mb-3 text-lg font-semibold">{t("title")}</h2>
      <form method="get" action="/werkgever/overzicht" className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("filters")}>
        <input type="hidden" name="van" value={keys.from} />
        <input type="hidden" name="tot" value={keys.to} />
        <div className="grid gap-4 md:grid-cols-4">
          <div>
            <label htmlFor="zoek" className={labelClass}>{t("search")}</label>
            <input id="zoek" name="zoek" type="search" defaultValue={filters.search ?? ""} maxLength={100} className={inputClass} />
          </div>
          <div>
            <label htmlFor="categorie" className={labelClass}>{t("category")}</label>
            <select id="categorie" name="categorie" defaultValue={filters.categoryKey ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {categories.map((c) => <option key={c.key} value={c.key}>{locale === "en" ? c.nameEn : c.nameNl}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="status" className={labelClass}>{t("status")}</label>
            <select id="status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {TICKET_STATUSES.map((s) => <option key={s} value={s}>{tr(`statusFilter.${s}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="termijn" className={labelClass}>{t("timing")}</label>
            <select id="termijn" name="termijn" defaultValue={filters.timing ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {TIMINGS.map((s) => <option key={s} value={s}>{tt(s)}</option>)}
            </select>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("apply")}</button>
          <Link href={`/werkgever/overzicht?${overviewQuery(keys, {})}`} className="text-sm">{t("reset")}</Link>
        </div>
      </form>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p data-testid="list-count">{t("count", { count: total })}</p>
        {/* A plain link with the download attribute: the browser saves the file, no script needed. */}
        <a href={`/werkgever/overzicht/export?${overviewQuery(keys, filters)}`} download className="font-medium" data-testid="export-link">{t("export")}</a>
      </div>
      {items.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        // On a phone each question is a card with its status, date and term in view.
        <DataTable
          caption={t("caption")}
          testId="overview-list"
          stackOnPhone
          columns={[{ label: t("number") }, { label: t("subject") }, { label: t("category") }, { label: t("status") }, { label: t("received") }, { label: t("timing") }]}
        >
          {items.map((row) => {
            const shown = customerStatus(row);
            return (
              <tr key={row.id} role="row" className="border-t border-slate-100">
                <StackedCell label={t("number")} className="whitespace-nowrap px-3 py-2 font-mono text-xs"><Link href={`/werkgever/vragen/${row.number}`}>{row.number}</Link></StackedCell>
                <StackedCell label={t("subject")}>{row.subject}</StackedCell>
                <StackedCell label={t("category")}>{locale === "en" ? row.category.nameEn : row.category.nameNl}</StackedCell>
                <StackedCell label={t("status")}>{tr(shown.kind === "complaint" ? `complaintStatus.${shown.status}` : `status.${shown.status}`)}</StackedCell>
                <StackedCell label={t("received")} className="whitespace-nowrap px-3 py-2">{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}</StackedCell>
                <StackedCell label={t("timing")}><span className={`rounded px-2 py-0.5 text-xs font-semibold ${TIMING_STYLE[row.timing]}`}>{tt(row.timing)}</span></StackedCell>
              </tr>
            );
          })}
        </DataTable>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pager")} className="mt-4 flex items-center gap-4 text-sm">
          {page > 0 ? <Link href={href(page - 1)}>{t("previous")}</Link> : null}
          <span>{t("page", { page: page + 1, pages })}</span>
          {page + 1 < pages ? <Link href={href(page + 1)}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
