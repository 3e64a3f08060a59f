// Shapes a KPI report into rows for the page and the CSV export alike. Pure.
import type { KpiReport } from "./queries";
import { ESCALATION_AGE_BUCKETS, KPI_TARGETS, perThousand, share, verdict, type KpiKey, type Ratio, type Verdict } from "./rules";

export interface KpiRow {
  key: KpiKey;
  /** Sub-key for per-tier rows, e.g. "STAGE_1". */
  detail?: string;
  hit: number;
  total: number;
  value: number | null;
  unit: "share" | "perThousand";
  target: number | null;
  direction: "atLeast" | "atMost" | null;
  verdict: Verdict;
}

function ratioRow(key: KpiKey, ratio: Ratio, detail?: string): KpiRow {
  const value = share(ratio);
  const target = KPI_TARGETS[key];
  return { key, detail, hit: ratio.hit, total: ratio.total, value, unit: "share", target: target?.value ?? null, direction: target?.direction ?? null, verdict: verdict(key, value) };
}

export function summaryRows(report: KpiReport): KpiRow[] {
  const perK = perThousand(report.complaints.complaints, report.complaints.contacts);
  return [
    ratioRow("firstContactResolution", report.firstContactResolution),
    ratioRow("writtenInTime", report.writtenInTime),
    ratioRow("callbacksWithin2Hours", report.callbacks.within2Hours),
    ratioRow("callbacksWithin24Hours", report.callbacks.within24Hours),
    ratioRow("callbacksAttemptedInSlot", report.callbacks.attemptedInSlot),
    ratioRow("callbacksReached", report.callbacks.reached),
    ratioRow("callbacksUnreachable", report.callbacks.unreachable),
    ratioRow("callbacksWrongNumber", report.callbacks.wrongNumber),
    ratioRow("repeatCallbacks", report.callbacks.repeat),
    ratioRow("urgentInTime", report.urgentInTime),
    { key: "complaintsPerThousand", hit: report.complaints.complaints, total: report.complaints.contacts, value: perK, unit: "perThousand", target: null, direction: null, verdict: verdict("complaintsPerThousand", perK) },
    ratioRow("complaintsInTime", report.complaints.inTimeByStage.STAGE_1, "STAGE_1"),
    ratioRow("complaintsInTime", report.complaints.inTimeByStage.STAGE_2, "STAGE_2"),
    ratioRow("satisfaction", report.satisfaction.overall),
  ];
}

export function satisfactionRows(report: KpiReport): { group: "channel" | "audience"; name: string; row: KpiRow }[] {
  return [
    ...Object.entries(report.satisfaction.byChannel).map(([name, ratio]) => ({ group: "channel" as const, name, row: ratioRow("satisfaction", ratio) })),
    ...Object.entries(report.satisfaction.byAudience).map(([name, ratio]) => ({ group: "audience" as const, name, row: ratioRow("satisfaction", ratio) })),
  ];
}

export function escalationRows(report: KpiReport): { tier: 1 | 2; counts: number[] }[] {
  return ([1, 2] as const).map((tier) => ({ tier, counts: ESCALATION_AGE_BUCKETS.map((b) => report.escalations[tier][b]) }));
}
