import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { deliverInvitation, newInviteLink, replaceEarlierInvites, resendInvitation, withdrawInvitation } from "@/lib/organisations/invitations";
import { FIXED_HANDLER_ROLES, MAIN_CONTACT_RIGHTS, type OrgAdminRefusal } from "./rules";
import type { InviteMainContactInput, OrganisationFields, UpdateOrganisationInput } from "./schema";

export class OrgAdminError extends Error {
  constructor(readonly code: OrgAdminRefusal) {
    super(code);
    this.name = "OrgAdminError";
  }
}

/** A chosen customer success manager must be an active one. Keeping the current one as it is stays allowed. */
async function checkCsm(tx: Tx, userId: string | null, current: string | null = null): Promise<void> {
  if (!userId || userId === current) return;
  const found = await tx.user.findFirst({ where: { id: userId, role: "CUSTOMER_SUCCESS_MANAGER", active: true }, select: { id: true } });
  if (!found) throw new OrgAdminError("CSM_NOT_FOUND");
}

/** A chosen fixed case handler must be an active case handler or team coordinator (unchanged: allowed). */
async function checkHandler(tx: Tx, userId: string | null, current: string | null = null): Promise<void> {
  if (!userId || userId === current) return;
  const found = await tx.user.findFirst({ where: { id: userId, role: { in: [...FIXED_HANDLER_ROLES] }, active: true }, select: { id: true } });
  if (!found) throw new OrgAdminError("HANDLER_NOT_FOUND");
}

async function checkNumberFree(tx: Tx, externalNumber: string, exceptId: string | null): Promise<void> {
  const holder = await tx.organisation.findUnique({ where: { externalNumber }, select: { id: true } });
  if (holder && holder.id !== exceptId) throw new OrgAdminError("EXTERNAL_NUMBER_TAKEN");
}

function columns(input: OrganisationFields) {
  return {
    externalNumber: input.externalNumber,
    name: input.name,
    kvkNumber: input.kvkNumber,
    rsin: input.rsin,
    kind: input.kind,
    isPartner: input.isPartner,
    twoFactorRequired: input.twoFactorRequired,
    customerSuccessManagerId: input.customerSuccessManagerId,
    fixedCaseHandlerId: input.fixedCaseHandlerId,
    postalStreet: input.postalStreet,
    postalCode: input.postalCode,
    postalCity: input.postalCity,
  };
}

export async function createOrganisation(tx: Tx, actorId: string, input: OrganisationFields, now: Date): Promise<{ id: string }> {
  await checkNumberFree(tx, input.externalNumber, null);
  await checkCsm(tx, input.customerSuccessManagerId);
  await checkHandler(tx, input.fixedCaseHandlerId);
  const row = await tx.organisation.create({ data: { ...columns(input), createdAt: now }, select: { id: true } });
  await audit(tx, {
    actorId,
    action: "organisation.create",
    entityType: "Organisation",
    entityId: row.id,
    data: { externalNumber: input.externalNumber, kind: input.kind, isPartner: input.isPartner, fixedCaseHandlerId: input.fixedCaseHandlerId, customerSuccessManagerId: input.customerSuccessManagerId },
  });
  return row;
}

async function requireOrganisation(tx: Tx, organisationId: string) {
  const row = await tx.organisation.findUnique({ where: { id: organisationId } });
  if (!row) throw new OrgAdminError("NOT_FOUND");
  return row;
}

export async function updateOrganisation(tx: Tx, actorId: string, input: UpdateOrganisationInput, now: Date): Promise<void> {
  const before = await requireOrganisation(tx, input.organisationId);
  await checkNumberFree(tx, input.externalNumber, before.id);
  await checkCsm(tx, input.customerSuccessManagerId, before.customerSuccessManagerId);
  await checkHandler(tx, input.fixedCaseHandlerId, before.fixedCaseHandlerId);
  const next = columns(input);
  // The audit names what changed (field names and the ids of people), never more.
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== before[key]);
  if (changed.length === 0) return;
  await tx.organisation.update({ where: { id: before.id }, data: next });
  await audit(tx, {
    actorId,
    action: "organisation.update",
    entityType: "Organisation",
    entityId: before.id,
    data: { changed, fixedCaseHandlerId: next.fixedCaseHandlerId, customerSuccessManagerId: next.customerSuccessManagerId, at: now.toISOString() },
  });
}

/**
 * Invites the organisation's main contact with every right, through the same invitation machinery
 * as a colleague's invitation (one link, only its hash stored, the mail in the outbox). After
 * accepting, the main contact grants colleagues rights on /werkgever/accounts.
 */
export async function inviteMainContact(tx: Tx, actorId: string, input: InviteMainContactInput, linkBase: string, now: Date): Promise<{ id: string; token: string; expiresAt: Date }> {
  const organisation = await requireOrganisation(tx, input.organisationId);
  if (!organisation.active) throw new OrgAdminError("ORGANISATION_INACTIVE");
  const scope = { organisationId: organisation.id };
  await replaceEarlierInvites(tx, scope, input.email, now);
  const link = newInviteLink(now);
  const row = await tx.invitation.create({
    data: {
      organisationId: organisation.id,
      email: input.email,
      name: input.name,
      rights: [...MAIN_CONTACT_RIGHTS],
      tokenHash: link.tokenHash,
      expiresAt: link.expiresAt,
      invitedById: actorId,
      createdAt: now,
    },
    select: { id: true },
  });
  await deliverInvitation(tx, scope, { email: input.email, name: input.name, organisationName: organisation.name }, link, linkBase, now);
  await audit(tx, {
    actorId,
    action: "organisation.main_contact_invite",
    entityType: "Invitation",
    entityId: row.id,
    organisationId: organisation.id,
    data: { rights: [...MAIN_CONTACT_RIGHTS] },
  });
  return { id: row.id, token: link.token, expiresAt: link.expiresAt };
}

/**
 * Deactivation: the organisation's contacts are signed out at once (session version) and cannot sign
 * in while it stays inactive (lib/auth); open invitations stop working. Tickets and history stay.
 * Reactivation lets the contacts in again. Asking for the state it already has changes nothing.
 */
export async function setOrganisationActive(tx: Tx, actorId: string, organisationId: string, active: boolean, now: Date): Promise<void> {
  const organisation = await requireOrganisation(tx, organisationId);
  if (organisation.active === active) return;
  await tx.organisation.update({ where: { id: organisation.id }, data: { active, deactivatedAt: active ? null : now } });
  let signedOut = 0;
  let withdrawn = 0;
  if (!active) {
    signedOut = (await tx.user.updateMany({ where: { memberships: { some: { organisationId } } }, data: { sessionVersion: { increment: 1 } } })).count;
    withdrawn = (await tx.invitation.updateMany({ where: { organisationId, usedAt: null, revokedAt: null }, data: { revokedAt: now } })).count;
  }
  await audit(tx, {
    actorId,
    action: active ? "organisation.reactivate" : "organisation.deactivate",
    entityType: "Organisation",
    entityId: organisation.id,
    data: { at: now.toISOString(), signedOut, invitationsWithdrawn: withdrawn },
  });
}

/** An invitation of some organisation (a staff invitation is not one: INVITATION_NOT_FOUND), with its organisation's state. */
async function organisationInvitation(tx: Tx, invitationId: string) {
  const invite = await tx.invitation.findFirst({ where: { id: invitationId, organisationId: { not: null } }, select: { organisationId: true, organisation: { select: { active: true } } } });
  if (!invite?.organisationId) return null;
  return { organisationId: invite.organisationId, active: invite.organisation?.active ?? false };
}

export async function withdrawOrganisationInvitation(tx: Tx, actorId: string, invitationId: string, now: Date): Promise<void> {
  const invite = await organisationInvitation(tx, invitationId);
  // Unknown ids go through the shared path too, so the refusal is the shared INVITATION_NOT_FOUND.
  await withdrawInvitation(tx, actorId, { organisationId: invite?.organisationId ?? "" }, invitationId, now);
}

export async function resendOrganisationInvitation(tx: Tx, actorId: string, invitationId: string, linkBase: string, now: Date): Promise<{ expiresAt: Date; token: string }> {
  const invite = await organisationInvitation(tx, invitationId);
  if (invite && !invite.active) throw new OrgAdminError("ORGANISATION_INACTIVE");
  return resendInvitation(tx, actorId, { organisationId: invite?.organisationId ?? "" }, invitationId, linkBase, now);
}
