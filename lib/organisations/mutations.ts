import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import { audit } from "@/lib/audit/mutations";
import { hashPassword, NO_PASSWORD } from "@/lib/auth/password";
import { checkPassword, type PasswordRefusal } from "@/lib/auth/password-policy";
import { getPasswordPolicy } from "@/lib/auth/password-settings";
import type { Tx } from "@/lib/db/client";
import { deliverInvitation, newInviteLink, replaceEarlierInvites } from "./invitations";
import { checkInvite, checkRightsChange, hashToken, type InviteRefusal, type RightsRefusal } from "./rules";
import type { InviteInput, SetRightsInput } from "./schema";

export class OrganisationRuleError extends Error {
  constructor(readonly code: RightsRefusal | InviteRefusal | PasswordRefusal | "USER_NOT_FOUND" | "EMAIL_IN_USE") {
    super(code);
    this.name = "OrganisationRuleError";
  }
}

export interface OrgActor {
  id: string;
  organisationId: string;
}

/** Invites a colleague: only the token's hash is stored; the link goes out through the outbox. */
export async function inviteColleague(tx: Tx, actor: OrgActor, input: InviteInput, linkBase: string, now: Date): Promise<{ id: string; token: string; expiresAt: Date }> {
  await replaceEarlierInvites(tx, { organisationId: actor.organisationId }, input.email, now);
  const link = newInviteLink(now);
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: actor.organisationId }, select: { name: true } });
  const row = await tx.invitation.create({
    data: {
      organisationId: actor.organisationId,
      email: input.email,
      name: input.name,
      rights: input.rights,
      hrProfessional: input.hrProfessional,
      tokenHash: link.tokenHash,
      expiresAt: link.expiresAt,
      invitedById: actor.id,
      createdAt: now,
    },
    select: { id: true },
  });
  await deliverInvitation(tx, { organisationId: actor.organisationId }, { email: input.email, name: input.name, organisationName: organisation.name }, link, linkBase, now);
  await audit(tx, { actorId: actor.id, action: "organisation.invite", entityType: "Invitation", entityId: row.id, organisationId: actor.organisationId, data: { rights: input.rights, hrProfessional: input.hrProfessional } });
  return { id: row.id, token: link.token, expiresAt: link.expiresAt };
}

async function membershipInOrganisation(tx: Tx, actor: OrgActor, userId: string) {
  const membership = await tx.membership.findFirst({
    where: { userId, organisationId: actor.organisationId, user: { role: "EMPLOYER_CONTACT" } },
    include: { user: { select: { active: true } } },
  });
  if (!membership) throw new OrganisationRuleError("USER_NOT_FOUND");
  return membership;
}

function countManagers(tx: Tx, organisationId: string) {
  return tx.membership.count({ where: { organisationId, rights: { has: "MANAGE_USERS" }, user: { active: true } } });
}

/** Grants and revokes rights of a colleague in the same organisation. */
export async function setRights(tx: Tx, actor: OrgActor, input: SetRightsInput, now: Date): Promise<void> {
  const membership = await membershipInOrganisation(tx, actor, input.userId);
  const refusal = checkRightsChange({
    actorId: actor.id,
    targetId: input.userId,
    currentRights: membership.rights,
    nextRights: input.rights,
    managersInOrganisation: await countManagers(tx, actor.organisationId),
  });
  if (refusal) throw new OrganisationRuleError(refusal);
  const rights = [...new Set(input.rights)];
  await tx.membership.update({ where: { id: membership.id }, data: { rights, hrProfessional: input.hrProfessional } });
  await audit(tx, {
    actorId: actor.id,
    action: "organisation.rights",
    entityType: "User",
    entityId: input.userId,
    organisationId: actor.organisationId,
    data: { from: membership.rights, to: rights, hrProfessional: input.hrProfessional, at: now.toISOString() },
  });
}

/** Deactivates a colleague's account; their sessions end at once (session version bump). */
export async function deactivateAccount(tx: Tx, actor: OrgActor, userId: string, now: Date): Promise<void> {
  const membership = await membershipInOrganisation(tx, actor, userId);
  if (membership.user.active) {
    const refusal = checkRightsChange({
      actorId: actor.id,
      targetId: userId,
      currentRights: membership.rights,
      nextRights: null,
      managersInOrganisation: await countManagers(tx, actor.organisationId),
    });
    if (refusal) throw new OrganisationRuleError(refusal);
  }
  await tx.user.update({ where: { id: userId }, data: { active: false, sessionVersion: { increment: 1 } } });
  await audit(tx, { actorId: actor.id, action: "organisation.deactivate", entityType: "User", entityId: userId, organisationId: actor.organisationId, data: { at: now.toISOString() } });
}

/** The invitee chooses a password: the account and membership are created, the link is spent. */
export async function acceptInvitation(tx: Tx, input: { token: string; password: string }, now: Date): Promise<{ userId: string; email: string }> {
  const invite = await tx.invitation.findUnique({ where: { tokenHash: hashToken(input.token) } });
  const refusal = checkInvite(invite, now);
  if (refusal || !invite) throw new OrganisationRuleError(refusal ?? "INVITE_INVALID");
  // An invitation to an existing account (a beneficiary made by staff or the import) sets that
  // account's password; one that meanwhile has a password, was merged or erased is no longer invited.
  const account = invite.userId
    ? await tx.user.findFirst({ where: { id: invite.userId, passwordHash: NO_PASSWORD, mergedIntoId: null, erasedAt: null }, select: { id: true, email: true, name: true } })
    : null;
  if (invite.userId && !account) throw new OrganisationRuleError("INVITE_INVALID");
  const passwordRefusal = checkPassword(input.password, account ?? { email: invite.email, name: invite.name }, await getPasswordPolicy(tx));
  if (passwordRefusal) throw new OrganisationRuleError(passwordRefusal);
  if (!account && (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } }))) throw new OrganisationRuleError("EMAIL_IN_USE");
  // Spend the link first with a guarded update: a second acceptance, a withdrawal or a new link
  // racing this one leaves nothing to match.
  const spent = await tx.invitation.updateMany({ where: { id: invite.id, tokenHash: invite.tokenHash, usedAt: null, revokedAt: null }, data: { usedAt: now } });
  if (spent.count !== 1) throw new OrganisationRuleError(checkInvite(await tx.invitation.findUnique({ where: { id: invite.id } }), now) ?? "INVITE_INVALID");
  if (account) {
    // Guarded like the link: the account must still be waiting for its first password.
    const set = await tx.user.updateMany({
      where: { id: account.id, passwordHash: NO_PASSWORD },
      data: { passwordHash: await hashPassword(input.password), passwordChangedAt: now, active: true, failedLogins: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    if (set.count !== 1) throw new OrganisationRuleError("INVITE_INVALID");
    await audit(tx, { actorId: account.id, action: "organisation.invite_accepted", entityType: "Invitation", entityId: invite.id, organisationId: invite.organisationId, data: { existingAccount: true } });
    return { userId: account.id, email: accountEmail(account) };
  }
  const user = await tx.user.create({
    data: {
      email: invite.email,
      name: invite.name,
      role: invite.role,
      passwordHash: await hashPassword(input.password),
      passwordChangedAt: now,
      createdAt: now,
      // An employer contact joins their organisation; a staff member (invited by an admin) their teams.
      ...(invite.organisationId
        ? { memberships: { create: { organisationId: invite.organisationId, rights: invite.rights, hrProfessional: invite.hrProfessional, createdAt: now } } }
        : { teams: { create: invite.teamIds.map((teamId) => ({ teamId })) } }),
    },
    select: { id: true, email: true },
  });
  await audit(tx, { actorId: user.id, action: "organisation.invite_accepted", entityType: "Invitation", entityId: invite.id, organisationId: invite.organisationId });
  return { userId: user.id, email: accountEmail(user) };
}

/** The organisation's setting: every contact must use a second factor (TOTP, else a mailed code). */
export async function setTwoFactorRequired(tx: Tx, actor: OrgActor, required: boolean, now: Date): Promise<void> {
  await tx.organisation.update({ where: { id: actor.organisationId }, data: { twoFactorRequired: required } });
  await audit(tx, { actorId: actor.id, action: "organisation.two_factor", entityType: "Organisation", entityId: actor.organisationId, data: { required, at: now.toISOString() } });
}
