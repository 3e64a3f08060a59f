// The KPI tables as CSV files, in the reader's language: the same names, stages, verdicts,
// channels and audiences the dashboard shows, never their codes. Shares are fractions (0,85),
// written by the shared writer with a decimal comma. Pure: the route passes its translator.
import { toCsv } from "@/lib/util/csv";
import { ESCALATION_AGE_BUCKETS } from "./rules";
import type { KpiRow } from "./view";

/** A translator of the "leadKpi" messages (next-intl's `t`, or one built in a test). */
export type KpiText = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

export function kpiSummaryCsv(rows: readonly KpiRow[], t: KpiText): string {
  const column = (key: string) => t(`csvColumns.${key}`);
  return toCsv(
    ["kpi", "detail", "numerator", "denominator", "value", "target", "direction", "verdict"].map(column),
    rows.map((r) => [
      t(`names.${r.key}`),
      r.detail ? t(`stages.${r.detail}`) : "",
      r.hit,
      r.total,
      r.value,
      r.target,
      r.direction ? t(`directions.${r.direction}`) : "",
      t(`verdicts.${r.verdict}`),
    ]),
  );
}

export function kpiSatisfactionCsv(rows: readonly { group: "channel" | "audience"; name: string; row: KpiRow }[], t: KpiText): string {
  return toCsv(
    ["group", "name", "satisfied", "responses", "share"].map((key) => t(`csvColumns.${key}`)),
    rows.map(({ group, name, row }) => [t(`groups.${group}`), t.has(`values.${name}`) ? t(`values.${name}`) : name, row.hit, row.total, row.value]),
  );
}

export function kpiEscalationCsv(rows: readonly { tier: 1 | 2; counts: number[] }[], t: KpiText): string {
  return toCsv(
    [t("tier"), ...ESCALATION_AGE_BUCKETS.map((bucket) => t(`ages.${bucket}`))],
    rows.map((r) => [t("tierN", { tier: r.tier }), ...r.counts]),
  );
}
