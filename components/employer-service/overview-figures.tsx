import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, StackedCell } from "@/components/ui/data-table";
import { percent } from "@/lib/employer-service/rules";
import type { OverviewFigures as Figures, Ratio } from "@/lib/employer-service/queries";

/** A bar beside a number; the number is the information, the bar only shows the proportion. */
function Bar({ share }: { share: number | null }) {
  if (share === null) return null;
  return (
    <span aria-hidden="true" className="ml-2 inline-block h-2 w-24 overflow-hidden rounded bg-slate-200 align-middle">
      <span className="block h-full bg-brand-700" style={{ width: `${share}%` }} />
    </span>
  );
}

const cell = "px-3 py-2";
const num = "px-3 py-2 text-right tabular-nums";

/** The period's figures as tables a screen reader reads as tables: in time, by subject, by status. */
export async function OverviewFigures({ figures }: { figures: Figures }) {
  const [t, ts, locale] = await Promise.all([getTranslations("serviceOverview.figures"), getTranslations("status"), getLocale()]);
  const ratioRow = (label: string, r: Ratio, testId: string) => {
    const share = percent(r.hit, r.total);
    return (
      <tr className="border-t border-slate-100" data-testid={testId}>
        <th scope="row" className={`${cell} text-left font-normal`}>{label}</th>
        <StackedCell label={t("inTime")} className={num}>{r.hit}</StackedCell>
        <StackedCell label={t("counted")} className={num}>{r.total}</StackedCell>
        <StackedCell label={t("share")} className={num}>{share === null ? t("none") : `${share}%`}<Bar share={share} /></StackedCell>
      </tr>
    );
  };
  return (
    <section aria-labelledby="figures-heading" className="mb-8 space-y-6">
      <div>
        <h2 id="figures-heading" className="text-lg font-semibold">{t("title")}</h2>
        <p className="text-sm text-slate-700" data-testid="figures-total">{t("total", { count: figures.total })} {t("note")}</p>
      </div>
      <div>
        <h3 className="mb-2 font-semibold">{t("inTimeTitle")}</h3>
        <DataTable caption={t("inTimeCaption")} testId="figures-in-time" stackOnPhone columns={[{ label: t("kind") }, { label: t("inTime"), align: "right" }, { label: t("counted"), align: "right" }, { label: t("share"), align: "right" }]}>
          {ratioRow(t("written"), figures.written, "in-time-written")}
          {ratioRow(t("urgent"), figures.urgent, "in-time-urgent")}
        </DataTable>
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <h3 className="mb-2 font-semibold">{t("categoryTitle")}</h3>
          <DataTable
            caption={t("categoryCaption")}
            testId="figures-category"
            stackOnPhone
            columns={[{ label: t("category") }, { label: t("count"), align: "right" }, { label: t("inTime"), align: "right" }, { label: t("late"), align: "right" }, { label: t("open"), align: "right" }]}
          >
            {figures.byCategory.map((c) => (
              <tr key={c.key} className="border-t border-slate-100" data-testid={`category-${c.key}`}>
                <th scope="row" className={`${cell} text-left font-normal`}>{locale === "en" ? c.nameEn : c.nameNl}</th>
                <StackedCell label={t("count")} className={num}>{c.total}<Bar share={percent(c.total, figures.total)} /></StackedCell>
                <StackedCell label={t("inTime")} className={num}>{c.inTime}</StackedCell>
                <StackedCell label={t("late")} className={num}>{c.late}</StackedCell>
                <StackedCell label={t("open")} className={num}>{c.open}</StackedCell>
              </tr>
            ))}
          </DataTable>
        </div>
        <div>
          <h3 className="mb-2 font-semibold">{t("statusTitle")}</h3>
          <DataTable caption={t("statusCaption")} testId="figures-status" columns={[{ label: t("status") }, { label: t("count"), align: "right" }]}>
            {figures.byStatus.map((s) => (
              <tr key={s.status} className="border-t border-slate-100" data-testid={`status-${s.status}`}>
                <th scope="row" className={`${cell} text-left font-normal`}>{ts(s.status)}</th>
                <td className={num}>{s.count}<Bar share={percent(s.count, figures.total)} /></td>
              </tr>
            ))}
          </DataTable>
        </div>
      </div>
    </section>
  );
}
