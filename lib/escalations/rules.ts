// Pure rules for employer escalations: when one may be raised and when tier 2 may follow. No I/O.
import type { EscalationStatus, TicketStatus } from "@prisma/client";

export type EscalationRefusal =
  | "ESCALATION_NOT_FOUND"
  | "TICKET_CLOSED"
  | "ALREADY_ESCALATED"
  | "ALREADY_TIER_2"
  | "TIER_1_NOT_DUE";

/** A new tier-1 escalation: not on a closed ticket, and not while one on that ticket is running. */
export function checkRaise(input: { ticketStatus: TicketStatus | null; runningTier: number | null }): EscalationRefusal | null {
  if (input.ticketStatus === "CLOSED") return "TICKET_CLOSED";
  if (input.runningTier === 2) return "ALREADY_TIER_2";
  if (input.runningTier === 1) return "ALREADY_ESCALATED";
  return null;
}

/**
 * Tier 2 (the manager) follows tier 1 when tier 1 is overdue (still open past its due time) or when
 * the employer declares tier 1 unsatisfactory (before or after its outcome).
 */
export function checkTier2(
  input: { tier: number; status: EscalationStatus; dueAt: Date; unsatisfied: boolean; ticketStatus: TicketStatus | null; hasNext: boolean },
  now: Date,
): EscalationRefusal | null {
  if (input.tier >= 2 || input.hasNext || input.status === "MOVED_UP") return "ALREADY_TIER_2";
  if (input.ticketStatus === "CLOSED") return "TICKET_CLOSED";
  const overdue = input.status === "OPEN" && now.getTime() >= input.dueAt.getTime();
  if (!overdue && !input.unsatisfied) return "TIER_1_NOT_DUE";
  return null;
}

/** The SLA policy of an escalation's tier: tier 2's own when an admin configured one, else tier 1's budget again. */
export function escalationPolicyKey(tier: number, configured: Readonly<Record<string, unknown>>): "ESCALATION_TIER_1" | "ESCALATION_TIER_2" {
  return tier === 2 && configured.ESCALATION_TIER_2 ? "ESCALATION_TIER_2" : "ESCALATION_TIER_1";
}
