// Pure rules of the lead desk's escalation board. No I/O.
import type { EscalationStatus, Role } from "@prisma/client";
import { can, escalationTierPermission } from "@/lib/auth/permissions";

/** Tier 1 is the coordinators' (and managers'), tier 2 the managers' alone. */
export function mayHandleTier(role: Role, tier: number): boolean {
  return can({ role }, escalationTierPermission(tier));
}

/** Who sees the board: the handlers, and a customer success manager for their organisations. */
export function mayViewBoard(role: Role): boolean {
  return can({ role }, "escalations.board.read");
}

export type DeskEscalationRefusal = "ESCALATION_NOT_FOUND" | "NOT_YOUR_TIER" | "ESCALATION_CLOSED" | "ALREADY_TIER_2";

export function checkDeskAction(escalation: { tier: number; status: EscalationStatus }, role: Role, action: "take" | "answer" | "resolve" | "moveUp"): DeskEscalationRefusal | null {
  if (!mayHandleTier(role, escalation.tier)) return "NOT_YOUR_TIER";
  if (escalation.status !== "OPEN") return "ESCALATION_CLOSED";
  if (action === "moveUp" && escalation.tier >= 2) return "ALREADY_TIER_2";
  return null;
}
