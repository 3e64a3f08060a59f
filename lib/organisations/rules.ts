// Pure rules of rights management. No I/O.
import { createHash } from "node:crypto";
import type { OrganisationRight } from "@prisma/client";

export const INVITE_DAYS = 7;

export type RightsRefusal = "LAST_MANAGER";

/**
 * The organisation must keep someone who can manage its users: the last holder of MANAGE_USERS
 * cannot drop the right from their own account (nor deactivate themselves).
 */
export function checkRightsChange(input: {
  actorId: string;
  targetId: string;
  currentRights: readonly OrganisationRight[];
  nextRights: readonly OrganisationRight[] | null; // null: deactivation
  managersInOrganisation: number;
}): RightsRefusal | null {
  const losesManage = input.currentRights.includes("MANAGE_USERS") && !(input.nextRights ?? []).includes("MANAGE_USERS");
  if (losesManage && input.managersInOrganisation <= 1) return "LAST_MANAGER";
  return null;
}

export function inviteExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITE_DAYS * 24 * 3_600_000);
}

export type InviteRefusal = "INVITE_INVALID" | "INVITE_USED" | "INVITE_EXPIRED";

export function checkInvite(invite: { usedAt: Date | null; expiresAt: Date } | null, now: Date): InviteRefusal | null {
  if (!invite) return "INVITE_INVALID";
  if (invite.usedAt) return "INVITE_USED";
  if (invite.expiresAt.getTime() <= now.getTime()) return "INVITE_EXPIRED";
  return null;
}

/** Invitation links carry the token; the database keeps only this hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
