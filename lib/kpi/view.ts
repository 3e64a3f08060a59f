// Shapes a KPI report into rows for the page and the CSV export alike. Pure.
import type { KpiReport } from "./queries";
import { ESCALATION_AGE_BUCKETS, perThousand, share, verdict, type KpiKey, type Ratio, type Verdict } from "./rules";
import { DEFAULT_KPI_TARGETS, type KpiTargets } from "./targets";

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

function ratioRow(key: KpiKey, ratio: Ratio, targets: KpiTargets, detail?: string): KpiRow {
  const value = share(ratio);
  const target = targets[key];
  return { key, detail, hit: ratio.hit, total: ratio.total, value, unit: "share", target: target?.value ?? null, direction: target?.direction ?? null, verdict: verdict(key, value, targets) };
}

/** The verdicts judge against `targets`: the admin's (loadKpisFor returns them), DESIGN's by default. */
export function summaryRows(report: KpiReport, targets: KpiTargets = DEFAULT_KPI_TARGETS): KpiRow[] {
  const perK = perThousand(report.complaints.complaints, report.complaints.contacts);
  return [
    ratioRow("firstContactResolution", report.firstContactResolution, targets),
    ratioRow("writtenInTime", report.writtenInTime, targets),
    ratioRow("callbacksWithin2Hours", report.callbacks.within2Hours, targets),
    ratioRow("callbacksWithin24Hours", report.callbacks.within24Hours, targets),
    ratioRow("callbacksAttemptedInSlot", report.callbacks.attemptedInSlot, targets),
    ratioRow("callbacksReached", report.callbacks.reached, targets),
    ratioRow("callbacksUnreachable", report.callbacks.unreachable, targets),
    ratioRow("callbacksWrongNumber", report.callbacks.wrongNumber, targets),
    ratioRow("repeatCallbacks", report.callbacks.repeat, targets),
    ratioRow("urgentInTime", report.urgentInTime, targets),
    {
      key: "complaintsPerThousand",
      hit: report.complaints.complaints,
      total: report.complaints.contacts,
      value: perK,
      unit: "perThousand",
      target: targets.complaintsPerThousand?.value ?? null,
      direction: targets.complaintsPerThousand?.direction ?? null,
      verdict: verdict("complaintsPerThousand", perK, targets),
    },
    ratioRow("complaintsInTime", report.complaints.inTimeByStage.STAGE_1, targets, "STAGE_1"),
    ratioRow("complaintsInTime", report.complaints.inTimeByStage.STAGE_2, targets, "STAGE_2"),
    ratioRow("satisfaction", report.satisfaction.overall, targets),
    ratioRow("callsAnsweredInMinute", report.telephony.answeredInMinute, targets),
    ratioRow("callsAbandoned", report.telephony.abandoned, targets),
    ratioRow("reachability", report.telephony.reachability, targets),
    ratioRow("chatsAnswered", report.chat.answeredShare, targets),
    ratioRow("chatsHandledInChat", report.chat.handledInChat, targets),
  ];
}

export function satisfactionRows(report: KpiReport, targets: KpiTargets = DEFAULT_KPI_TARGETS): { group: "channel" | "audience"; name: string; row: KpiRow }[] {
  return [
    ...Object.entries(report.satisfaction.byChannel).map(([name, ratio]) => ({ group: "channel" as const, name, row: ratioRow("satisfaction", ratio, targets) })),
    ...Object.entries(report.satisfaction.byAudience).map(([name, ratio]) => ({ group: "audience" as const, name, row: ratioRow("satisfaction", ratio, targets) })),
  ];
}

export function escalationRows(report: KpiReport): { tier: 1 | 2; counts: number[] }[] {
  return ([1, 2] as const).map((tier) => ({ tier, counts: ESCALATION_AGE_BUCKETS.map((b) => report.escalations[tier][b]) }));
}
