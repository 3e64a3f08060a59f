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

// What the invitee hears about their link.
export type InviteRefusal = "INVITE_INVALID" | "INVITE_USED" | "INVITE_EXPIRED" | "INVITE_REVOKED";
// What the inviter hears when inviting, withdrawing or sending again.
export type InviteManagementRefusal = "INVITE_OPEN" | "INVITATION_NOT_FOUND" | "INVITE_ACCEPTED" | "INVITE_WITHDRAWN";

type InviteRow = { usedAt: Date | null; expiresAt: Date; revokedAt: Date | null };

/** Whether the invitee may still use the link. A used link says so before a withdrawn or expired one. */
export function checkInvite(invite: InviteRow | null, now: Date): InviteRefusal | null {
  if (!invite) return "INVITE_INVALID";
  if (invite.usedAt) return "INVITE_USED";
  if (invite.revokedAt) return "INVITE_REVOKED";
  if (invite.expiresAt.getTime() <= now.getTime()) return "INVITE_EXPIRED";
  return null;
}

/** Expired invitations stay listed this long, so the inviter can send them again. */
export const EXPIRED_INVITES_LISTED_DAYS = 30;

export function listedInvitesSince(now: Date): Date {
  return new Date(now.getTime() - EXPIRED_INVITES_LISTED_DAYS * 24 * 3_600_000);
}

/**
 * What the inviter may still do with an invitation: withdraw it or send it again while it is open or
 * expired. An accepted one is an account now (deactivate that instead); a withdrawn one stays
 * withdrawn (invite the person again).
 */
export function checkInviteManagement(invite: InviteRow): InviteManagementRefusal | null {
  if (invite.usedAt) return "INVITE_ACCEPTED";
  if (invite.revokedAt) return "INVITE_WITHDRAWN";
  return null;
}

/** Invitation links carry the token; the database keeps only this hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
