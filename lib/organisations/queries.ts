import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import type { InvitationScope } from "./invitations";
import { hashToken, listedInvitesSince } from "./rules";

/** The organisation's accounts, for rights management (MANAGE_USERS holders only). */
export function listOrganisationAccounts(user: SessionUser) {
  if (user.role !== "EMPLOYER_CONTACT" || !user.organisationId || !user.rights.includes("MANAGE_USERS")) return Promise.resolve([]);
  return db.membership.findMany({
    where: { organisationId: user.organisationId, user: { role: "EMPLOYER_CONTACT" } },
    orderBy: { user: { name: "asc" } },
    take: 200,
    select: { rights: true, hrProfessional: true, user: { select: { id: true, name: true, email: true, active: true, lastLoginAt: true } } },
  });
}

/**
 * Invitations not accepted and not withdrawn, newest first: the open ones and those expired in the
 * last 30 days (they can be sent again). Scoped like every query here: an organisation sees its own.
 */
export function listPendingInvitations(scope: InvitationScope, now: Date) {
  return db.invitation.findMany({
    where: { organisationId: scope.organisationId, usedAt: null, revokedAt: null, expiresAt: { gt: listedInvitesSince(now) } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, email: true, name: true, role: true, expiresAt: true, rights: true },
  });
}

export function listOpenInvitations(user: SessionUser, now: Date) {
  if (user.role !== "EMPLOYER_CONTACT" || !user.organisationId || !user.rights.includes("MANAGE_USERS")) return Promise.resolve([]);
  return listPendingInvitations({ organisationId: user.organisationId }, now);
}

/** What the invite page shows before the password is chosen; null for an unknown token. */
export function findInvitation(token: string) {
  return db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, name: true, role: true, usedAt: true, revokedAt: true, expiresAt: true, organisationId: true, organisation: { select: { name: true } } },
  });
}

export async function getOrganisationSecurity(user: SessionUser) {
  if (!user.organisationId) return { twoFactorRequired: false };
  const row = await db.organisation.findUnique({ where: { id: user.organisationId }, select: { twoFactorRequired: true } });
  return { twoFactorRequired: row?.twoFactorRequired ?? false };
}
