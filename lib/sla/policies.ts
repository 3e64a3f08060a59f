import { RuleInputError } from "@/lib/calendar/errors";

export type SlaUnit = "WORKING_DAYS" | "WORKING_HOURS" | "CALENDAR_HOURS";

export interface SlaPolicy {
  readonly key: string;
  readonly unit: SlaUnit;
  /** Whole working days, or hours (fractions allowed for the hour units). */
  readonly amount: number;
  /** The last share of the budget in which a clock is AT_RISK, 0-1 (default 0.2). */
  readonly atRiskShare: number;
}

export type DefaultPolicyKey = "WRITTEN_QUESTION" | "COMPLAINT" | "URGENT_REQUEST" | "ESCALATION_TIER_1";

export const DEFAULT_SLA_POLICIES: Readonly<Record<DefaultPolicyKey, SlaPolicy>> = Object.freeze({
  // Portal, e-mail and letter: answered within 5 working days of receipt.
  WRITTEN_QUESTION: Object.freeze({ key: "WRITTEN_QUESTION", unit: "WORKING_DAYS", amount: 5, atRiskShare: 0.2 }),
  // A formal complaint: a substantive reaction within 5 working days; the clock restarts at each
  // tier, so callers start a new clock (startedAt = the moment the tier began) per tier.
  COMPLAINT: Object.freeze({ key: "COMPLAINT", unit: "WORKING_DAYS", amount: 5, atRiskShare: 0.2 }),
  // Urgent requests run around the clock from the written receipt.
  URGENT_REQUEST: Object.freeze({ key: "URGENT_REQUEST", unit: "CALENDAR_HOURS", amount: 24, atRiskShare: 0.2 }),
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

const UNITS: readonly SlaUnit[] = ["WORKING_DAYS", "WORKING_HOURS", "CALENDAR_HOURS"];
const checked = new WeakSet<SlaPolicy>();

/** Validates a policy (admins configure them); cached per object so the hot path pays once. */
export function assertValidPolicy(policy: SlaPolicy): void {
  if (checked.has(policy)) return;
  if (!policy || !UNITS.includes(policy.unit)) {
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
  checked.add(policy);
}
