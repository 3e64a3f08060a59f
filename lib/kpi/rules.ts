// KPI definitions, targets and arithmetic. Pure: the queries count, these judge.
import type { Role } from "@prisma/client";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_KPI_TARGETS, type KpiTargets } from "./targets";

export type KpiKey =
  | "firstContactResolution"
  | "writtenInTime"
  | "callbacksAttemptedInSlot"
  | "callbacksWithin2Hours"
  | "callbacksWithin24Hours"
  | "callbacksReached"
  | "callbacksUnreachable"
  | "callbacksWrongNumber"
  | "repeatCallbacks"
  | "urgentInTime"
  | "complaintsPerThousand"
  | "complaintsInTime"
  | "satisfaction"
  | "callsAnsweredInMinute"
  | "callsAbandoned"
  | "reachability"
  | "chatsAnswered"
  | "chatsHandledInChat";

/**
 * The targets as DESIGN.md sets them; the admin's own live in the setting "kpi.targets"
 * (lib/kpi/targets-settings.ts) and are passed to verdict(). "atMost" means lower is better.
 */
export const KPI_TARGETS: KpiTargets = DEFAULT_KPI_TARGETS;

export interface Ratio {
  hit: number;
  total: number;
}

/** A share, or null when there is nothing to measure (never a fake 0% or 100%). */
export function share(ratio: Ratio): number | null {
  return ratio.total > 0 ? ratio.hit / ratio.total : null;
}

export type Verdict = "MET" | "MISSED" | "NO_TARGET" | "NO_DATA";

export function verdict(key: KpiKey, value: number | null, targets: KpiTargets = DEFAULT_KPI_TARGETS): Verdict {
  const target = targets[key];
  if (value === null) return "NO_DATA";
  if (!target) return "NO_TARGET";
  return target.direction === "atLeast" ? (value >= target.value ? "MET" : "MISSED") : value <= target.value ? "MET" : "MISSED";
}

export function perThousand(count: number, contacts: number): number | null {
  return contacts > 0 ? (count * 1000) / contacts : null;
}

export const ESCALATION_AGE_BUCKETS = ["UNDER_1_DAY", "DAYS_1_TO_3", "DAYS_3_TO_7", "OVER_7_DAYS"] as const;
export type EscalationAgeBucket = (typeof ESCALATION_AGE_BUCKETS)[number];

export function ageBucket(raisedAt: Date, now: Date): EscalationAgeBucket {
  const days = (now.getTime() - raisedAt.getTime()) / 86_400_000;
  if (days < 1) return "UNDER_1_DAY";
  if (days < 3) return "DAYS_1_TO_3";
  if (days < 7) return "DAYS_3_TO_7";
  return "OVER_7_DAYS";
}

export interface Period {
  from: Date;
  to: Date;
}

/** DESIGN: the KPI dashboard is the coordinators' and managers' (admins configure the targets). */
export function mayReadKpis(role: Role): boolean {
  return can({ role }, "kpi.read");
}
