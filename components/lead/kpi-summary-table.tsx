import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { KpiRow } from "@/lib/kpi/view";
import { KpiBar } from "./kpi-bar";

function formatValue(row: KpiRow, locale: string): string {
  if (row.value === null) return "—";
  if (row.unit === "perThousand") return row.value.toLocaleString(locale, { maximumFractionDigits: 1 });
  return row.value.toLocaleString(locale, { style: "percent", maximumFractionDigits: 1 });
}

export async function KpiSummaryTable({ rows, locale }: { rows: KpiRow[]; locale: string }) {
  const t = await getTranslations("leadKpi");
  return (
    <DataTable
      caption={t("summaryCaption")}
      columns={[
        { label: t("columns.kpi") },
        { label: t("columns.value"), align: "right" },
        { label: t("columns.chart") },
        { label: t("columns.target"), align: "right" },
        { label: t("columns.verdict") },
        { label: t("columns.count"), align: "right" },
      ]}
    >
          {rows.map((row) => (
            <tr key={`${row.key}-${row.detail ?? ""}`} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 font-medium">
                {t(`names.${row.key}`)}
                {row.detail ? ` · ${t(`stages.${row.detail}`)}` : ""}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatValue(row, locale)}</td>
              <td className="px-3 py-2">{row.unit === "share" ? <KpiBar value={row.value} target={row.target} good={row.verdict === "MET" ? true : row.verdict === "MISSED" ? false : null} /> : null}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {row.target === null ? "—" : `${row.direction === "atMost" ? "≤" : "≥"} ${row.target.toLocaleString(locale, row.unit === "perThousand" ? { maximumFractionDigits: 1 } : { style: "percent", maximumFractionDigits: 1 })}`}
              </td>
              <td className="px-3 py-2">
                <span className={row.verdict === "MET" ? "font-medium text-green-800" : row.verdict === "MISSED" ? "font-medium text-red-800" : "text-slate-600"}>
                  {t(`verdicts.${row.verdict}`)}
                </span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums text-slate-600">
                {row.hit.toLocaleString(locale)} / {row.total.toLocaleString(locale)}
              </td>
            </tr>
          ))}
    </DataTable>
  );
}
