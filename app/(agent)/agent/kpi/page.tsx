import { withPageMessages } from "@/components/layout/place-messages";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { KpiBar } from "@/components/lead/kpi-bar";
import { KpiContactReasons } from "@/components/lead/kpi-contact-reasons";
import { KpiSummaryTable } from "@/components/lead/kpi-summary-table";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { loadKpisFor } from "@/lib/kpi/load";
import { ESCALATION_AGE_BUCKETS } from "@/lib/kpi/rules";
import { escalationRows, satisfactionRows, summaryRows } from "@/lib/kpi/view";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.kpi");

async function KpiPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const user = await requirePermission("kpi.read", "/agent/kpi");
  const params = await searchParams;
  const data = await loadKpisFor(user, params, new Date());
  if (!data.ok && data.reason === "FORBIDDEN") notFound();
  const [t, locale] = await Promise.all([getTranslations("leadKpi"), getLocale()]);
  const from = data.ok || data.reason === "INVALID_PERIOD" ? data.from : "";
  const to = data.ok || data.reason === "INVALID_PERIOD" ? data.to : "";
  const exportHref = (table: string) => `/agent/kpi/export?table=${table}&from=${from}&to=${to}`;

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4" aria-describedby={!data.ok ? "period-error" : undefined}>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">{t("from")}</label>
          <input id="from" name="from" type="date" defaultValue={from} required className="mt-1 rounded border border-slate-400 px-2 py-1" />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">{t("to")}</label>
          <input id="to" name="to" type="date" defaultValue={to} required className="mt-1 rounded border border-slate-400 px-2 py-1" />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("show")}</button>
        {!data.ok ? (
          <p id="period-error" role="alert" className="w-full text-sm text-red-800">{data.reason === "INVALID_PERIOD" && data.problem === "FROM_AFTER_TO" ? t("invalidPeriod") : t("invalidDate")}</p>
        ) : null}
      </form>

      {data.ok ? (
        <div className="space-y-8">
          <section aria-labelledby="summary-heading">
            <div className="mb-2 flex items-baseline justify-between">
              <h2 id="summary-heading" className="text-lg font-semibold">{t("summary")}</h2>
              <a href={exportHref("summary")} className="text-sm">{t("csv")}</a>
            </div>
            <KpiSummaryTable rows={summaryRows(data.report, data.targets)} locale={locale} />
          </section>

          <section aria-labelledby="channels-heading" data-testid="kpi-channels">
            <h2 id="channels-heading" className="mb-2 text-lg font-semibold">{t("channels.title")}</h2>
            <dl className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
              {(
                [
                  ["callsOffered", data.report.telephony.offered],
                  ["callsAnswered", data.report.telephony.answered],
                  ["callsAbandoned", data.report.telephony.abandoned.hit],
                  ["chatsOffered", data.report.chat.offered],
                  ["chatsAnswered", data.report.chat.answered],
                  ["chatsAbandoned", data.report.chat.abandoned],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="flex justify-between gap-3">
                  <dt>{t(`channels.${key}`)}</dt>
                  <dd className="tabular-nums">{value.toLocaleString(locale)}</dd>
                </div>
              ))}
              {(
                [
                  ["chatMedianWait", data.report.chat.medianWaitSec],
                  ["chatP90Wait", data.report.chat.p90WaitSec],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="flex justify-between gap-3">
                  <dt>{t(`channels.${key}`)}</dt>
                  <dd className="tabular-nums">{value === null ? "—" : t("channels.seconds", { seconds: value })}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="satisfaction-heading">
            <div className="mb-2 flex items-baseline justify-between">
              <h2 id="satisfaction-heading" className="text-lg font-semibold">{t("satisfactionTitle")}</h2>
              <a href={exportHref("satisfaction")} className="text-sm">{t("csv")}</a>
            </div>
            {satisfactionRows(data.report, data.targets).length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">{t("noResponses")}</p>
            ) : null}
            <ul className="grid grid-cols-1 gap-2 rounded-lg border border-slate-200 bg-white p-4 empty:hidden sm:grid-cols-2">
              {satisfactionRows(data.report, data.targets).map(({ group, name, row }) => (
                <li key={`${group}-${name}`} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 text-sm">
                  <span className="min-w-0">{t(`groups.${group}`)}: {t(`values.${name}`)}</span>
                  <span className="flex items-center gap-2 tabular-nums">
                    <KpiBar value={row.value} target={row.target} good={row.verdict === "MET" ? true : row.verdict === "MISSED" ? false : null} />
                    {row.value === null ? "—" : row.value.toLocaleString(locale, { style: "percent", maximumFractionDigits: 1 })} ({row.total})
                  </span>
                </li>
              ))}
            </ul>
          </section>

          {data.contactReasons ? (
            <KpiContactReasons report={data.contactReasons} locale={locale} csvHref={exportHref("contactReasons")} />
          ) : (
            <section aria-labelledby="contact-reasons-heading">
              <h2 id="contact-reasons-heading" className="mb-2 text-lg font-semibold">{t("contactReasons.title")}</h2>
              <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">{t("contactReasons.tooLong")}</p>
            </section>
          )}

          <section aria-labelledby="escalations-heading">
            <div className="mb-2 flex items-baseline justify-between">
              <h2 id="escalations-heading" className="text-lg font-semibold">{t("escalationsTitle")}</h2>
              <a href={exportHref("escalations")} className="text-sm">{t("csv")}</a>
            </div>
            <DataTable caption={t("escalationsTitle")} columns={[{ label: t("tier") }, ...ESCALATION_AGE_BUCKETS.map((bucket) => ({ label: t(`ages.${bucket}`), align: "right" as const }))]}>
              {escalationRows(data.report).map((row) => (
                <tr key={row.tier} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 font-medium">{t("tierN", { tier: row.tier })}</th>
                  {row.counts.map((count, i) => (
                    <td key={ESCALATION_AGE_BUCKETS[i]} className="px-3 py-2 text-right tabular-nums">{count}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </section>

          <section aria-labelledby="help-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            <h2 id="help-heading" className="mb-2 text-lg font-semibold text-slate-900">{t("helpTitle")}</h2>
            <dl className="space-y-2">
              {(["firstContactResolution", "writtenInTime", "callbackNorms", "callbacks", "repeatCallbacks", "urgentInTime", "complaints", "satisfaction", "contactReasons", "escalations"] as const).map((key) => (
                <div key={key}>
                  <dt className="font-medium text-slate-900">{t(`help.${key}.term`)}</dt>
                  <dd>{t(`help.${key}.definition`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      ) : null}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/kpi", KpiPage);
