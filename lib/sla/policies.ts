import { RuleInputError } from "@/lib/calendar/errors";
import type { LineCalendar } from "@/lib/sla/opening-time";

export type SlaUnit = "WORKING_DAYS" | "WORKING_HOURS" | "CALENDAR_HOURS" | "OPENING_HOURS";

export interface SlaPolicy {
  readonly key: string;
  readonly unit: SlaUnit;
  /** Whole working days, or hours (fractions allowed for the hour units). */
  readonly amount: number;
  /** The last share of the budget in which a clock is AT_RISK, 0-1 (default 0.2). */
  readonly atRiskShare: number;
  /** OPENING_HOURS: the contact line whose opening hours the clock counts. */
  readonly lineKey?: string | null;
  /**
   * OPENING_HOURS: that line's schedule and calendar, as read with getLineCalendar (getSlaPolicies
   * fills it in). Without it the line's default schedule is used with the clock's settings.
   */
  readonly line?: LineCalendar;
}

export type DefaultPolicyKey = "WRITTEN_QUESTION" | "COMPLAINT" | "URGENT_REQUEST" | "ESCALATION_TIER_1";

export const DEFAULT_SLA_POLICIES: Readonly<Record<DefaultPolicyKey, SlaPolicy>> = Object.freeze({
  // Portal, e-mail and letter: answered within 5 working days of receipt.
  WRITTEN_QUESTION: Object.freeze({ key: "WRITTEN_QUESTION", unit: "WORKING_DAYS", amount: 5, atRiskShare: 0.2 }),
  // A formal complaint: a substantive reaction within 5 working days; the clock restarts at each
  // tier, so callers start a new clock (startedAt = the moment the tier began) per tier.
  COMPLAINT: Object.freeze({ key: "COMPLAINT", unit: "WORKING_DAYS", amount: 5, atRiskShare: 0.2 }),
  // Urgent requests count the employer line's opening hours from the written receipt: 7 hours of
  // its 09:00-16:00 day is one working day, so a Friday 15:00 request is due Monday 15:00 instead of
  // breaching over a weekend nobody works (migration 20261204081205 sets the same).
  URGENT_REQUEST: Object.freeze({ key: "URGENT_REQUEST", unit: "OPENING_HOURS", amount: 7, atRiskShare: 0.2, lineKey: "EMPLOYER" }),
  ESCALATION_TIER_1: Object.freeze({ key: "ESCALATION_TIER_1", unit: "WORKING_DAYS", amount: 1, atRiskShare: 0.2 }),
});

/** Looks a policy up by key; throws UNKNOWN_POLICY rather than falling back to a default. */
export function policyByKey(
  key: string,
  policies: Readonly<Record<string, SlaPolicy>> = DEFAULT_SLA_POLICIES,
): SlaPolicy {
  const policy = Object.prototype.hasOwnProperty.call(policies, key) ? policies[key] : undefined;
  if (!policy) throw new RuleInputError("UNKNOWN_POLICY", `no SLA policy ${JSON.stringify(key)}`);
  return policy;
}

export const SLA_UNITS: readonly SlaUnit[] = ["WORKING_DAYS", "WORKING_HOURS", "CALENDAR_HOURS", "OPENING_HOURS"];
const checked = new WeakSet<SlaPolicy>();

/** Validates a policy (admins configure them); cached per object so the hot path pays once. */
export function assertValidPolicy(policy: SlaPolicy): void {
  if (checked.has(policy)) return;
  if (!policy || !SLA_UNITS.includes(policy.unit)) {
    throw new RuleInputError("INVALID_POLICY", `unknown SLA unit ${JSON.stringify(policy?.unit)}`);
  }
  const { amount, atRiskShare } = policy;
  const amountOk =
    Number.isFinite(amount) && amount > 0 && (policy.unit !== "WORKING_DAYS" || Number.isInteger(amount));
  if (!amountOk) {
    throw new RuleInputError("INVALID_POLICY", `policy ${policy.key}: amount must be positive (whole for working days)`);
  }
  if (!(atRiskShare >= 0 && atRiskShare <= 1)) {
    throw new RuleInputError("INVALID_POLICY", `policy ${policy.key}: atRiskShare must lie in 0-1`);
  }
  if (policy.unit === "OPENING_HOURS" && !policy.line && !policy.lineKey) {
    throw new RuleInputError("INVALID_POLICY", `policy ${policy.key}: OPENING_HOURS needs a line`);
  }
  checked.add(policy);
}
