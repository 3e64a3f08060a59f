import type { Channel } from "@prisma/client";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatShortDate, toFormatLocale } from "@/lib/calendar/format";
import type { ContactReasonLine, ContactReasonReport } from "@/lib/kpi/contact-reasons";
import { KpiSparkline } from "./kpi-sparkline";

function formatDay(key: string, locale: string): string {
  // Noon UTC is the same date in Amsterdam, whatever the season.
  return formatShortDate(new Date(`${key}T12:00:00Z`), toFormatLocale(locale));
}

/** Questions per contact reason and channel: the trend table, and the per-week counts as a table. */
export async function KpiContactReasons({ report, locale, csvHref }: { report: ContactReasonReport; locale: string; csvHref: string }) {
  const t = await getTranslations("leadKpi.contactReasons");
  const tKpi = await getTranslations("leadKpi");
  const nameOf = (category: { nameNl: string; nameEn: string }) => (locale === "en" ? category.nameEn : category.nameNl);
  const channelName = (channel: Channel | null) => (channel ? tKpi(`values.${channel}`) : t("allChannels"));
  const change = (line: ContactReasonLine) => {
    if (line.change === null) return line.total > 0 ? t("new") : "—";
    return line.change.toLocaleString(locale, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" });
  };
  const lines = [
    ...report.categories.flatMap(({ category, all, channels }) => [
      { id: `${category.id}-all`, reason: nameOf(category), line: all, main: true },
      ...channels.map((line) => ({ id: `${category.id}-${line.channel}`, reason: nameOf(category), line, main: false })),
    ]),
    { id: "total", reason: t("allQuestions"), line: report.total, main: true },
  ];
  const rowHeader = (row: (typeof lines)[number]) => (
    <th scope="row" className={`px-3 py-2 ${row.main ? "font-medium" : "pl-8 font-normal text-slate-700"}`}>
      {row.main ? row.reason : <><span className="sr-only">{row.reason}: </span>{channelName(row.line.channel)}</>}
    </th>
  );
  const weekLabel = (w: ContactReasonReport["weeks"][number]) => `${w.key}${w.partial ? ` (${t("partial")})` : ""}`;

  return (
    <section aria-labelledby="contact-reasons-heading">
      <div className="mb-2 flex items-baseline justify-between">
        <h2 id="contact-reasons-heading" className="text-lg font-semibold">{t("title")}</h2>
        <a href={csvHref} className="text-sm">{tKpi("csv")}</a>
      </div>
      <p className="mb-2 text-sm text-slate-600">
        {t("intro")} {t("previousRange", { from: formatDay(report.previous.from, locale), to: formatDay(report.previous.to, locale) })}
      </p>
      {report.total.total === 0 && report.total.previous === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">{t("none")}</p>
      ) : null}
      <DataTable
        caption={t("caption")}
        testId="contact-reasons"
        columns={[{ label: t("reason") }, { label: t("current"), align: "right" }, { label: t("previous"), align: "right" }, { label: t("change"), align: "right" }, { label: t("trend") }]}
      >
        {lines.map((row) => (
          <tr key={row.id} className={`border-t border-slate-100${row.id === "total" ? " bg-slate-50" : ""}`}>
            {rowHeader(row)}
            <td className="px-3 py-2 text-right tabular-nums">{row.line.total.toLocaleString(locale)}</td>
            <td className="px-3 py-2 text-right tabular-nums text-slate-600">{row.line.previous.toLocaleString(locale)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{change(row.line)}</td>
            <td className="px-3 py-2">
              {row.main ? (
                <KpiSparkline
                  counts={row.line.perWeek}
                  label={t("sparkline", { counts: report.weeks.map((w, i) => `${weekLabel(w)} ${row.line.perWeek[i]}`).join(", ") })}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("weeksToggle")}</summary>
        <div className="mt-2">
          <DataTable caption={t("weeksCaption")} testId="contact-reasons-weeks" columns={[{ label: t("reason") }, ...report.weeks.map((w) => ({ label: weekLabel(w), align: "right" as const }))]}>
            {lines.map((row) => (
              <tr key={row.id} className="border-t border-slate-100">
                {rowHeader(row)}
                {row.line.perWeek.map((count, i) => (
                  <td key={report.weeks[i]!.key} className="px-3 py-2 text-right tabular-nums">{count.toLocaleString(locale)}</td>
                ))}
              </tr>
            ))}
          </DataTable>
        </div>
      </details>
    </section>
  );
}
