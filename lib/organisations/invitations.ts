import "server-only";
import { randomBytes } from "node:crypto";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/mutations";
import { checkInviteManagement, hashToken, inviteExpiry, type InviteManagementRefusal } from "./rules";

export class InvitationError extends Error {
  constructor(readonly code: InviteManagementRefusal | "EMAIL_IN_USE") {
    super(code);
    this.name = "InvitationError";
  }
}

/**
 * Whose invitations these are: an organisation's (its MANAGE_USERS holders manage them) or Loket's
 * own staff invitations (organisation null, managed by admins). Every query below is scoped by it.
 */
export type InvitationScope = { organisationId: string | null };

export interface InviteeLink {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

/** A fresh one-time link: the mail carries the token, the row only its hash. */
export function newInviteLink(now: Date): InviteeLink {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: inviteExpiry(now) };
}

/**
 * Before inviting an address: refused when it has an account or an open invitation in the same scope
 * (send that one again instead); an expired, unaccepted one is withdrawn, so only the new one is listed.
 */
export async function replaceEarlierInvites(tx: Tx, scope: InvitationScope, email: string, now: Date): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new InvitationError("EMAIL_IN_USE");
  const pending = { organisationId: scope.organisationId, email, usedAt: null, revokedAt: null };
  if (await tx.invitation.findFirst({ where: { ...pending, expiresAt: { gt: now } }, select: { id: true } })) throw new InvitationError("INVITE_OPEN");
  await tx.invitation.updateMany({ where: pending, data: { revokedAt: now } });
}

/** The invitation mail, for a colleague (organisation name given) or a staff member (null). */
export async function enqueueInviteMail(
  tx: Tx,
  invite: { email: string; name: string; organisationName: string | null },
  link: InviteeLink,
  linkBase: string,
  now: Date,
): Promise<void> {
  const url = `${linkBase.replace(/\/$/, "")}/uitnodiging/${link.token}`;
  const until = `De link is eenmalig en geldig tot ${link.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`;
  const staff = invite.organisationName === null;
  await enqueueMail(tx, {
    kind: staff ? "staff.invite" : "organisation.invite",
    to: invite.email,
    subject: staff ? "Uitnodiging voor de werkplek van Loket" : `Uitnodiging voor het werkgeversportaal van ${invite.organisationName}`,
    text: [
      `Beste ${invite.name},`,
      "",
      staff
        ? "U bent uitgenodigd voor de werkplek van Loket. Kies uw wachtwoord via deze link:"
        : `U bent uitgenodigd voor het werkgeversportaal van ${invite.organisationName}. Kies uw wachtwoord via deze link:`,
      url,
      "",
      ...(staff ? ["Bij de eerste keer inloggen stelt u tweestapsverificatie in met een authenticator-app op uw telefoon."] : []),
      until,
    ].join("\n"),
    at: now,
  });
}

async function managedInvitation(tx: Tx, scope: InvitationScope, invitationId: string) {
  const invite = await tx.invitation.findFirst({
    where: { id: invitationId, organisationId: scope.organisationId },
    select: { id: true, email: true, name: true, usedAt: true, revokedAt: true, expiresAt: true, organisation: { select: { name: true } } },
  });
  if (!invite) throw new InvitationError("INVITATION_NOT_FOUND");
  const refusal = checkInviteManagement(invite);
  if (refusal) throw new InvitationError(refusal);
  return invite;
}

/** A guarded update matched nothing: someone accepted or withdrew it since we read it. Say which. */
async function refuseChangedMeanwhile(tx: Tx, invitationId: string): Promise<never> {
  const current = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { usedAt: true, revokedAt: true, expiresAt: true } });
  throw new InvitationError(checkInviteManagement(current) ?? "INVITE_ACCEPTED");
}

/** Withdraws an open or expired invitation: its link stops working at once. */
export async function withdrawInvitation(tx: Tx, actorId: string, scope: InvitationScope, invitationId: string, now: Date): Promise<void> {
  const invite = await managedInvitation(tx, scope, invitationId);
  // Guarded: an acceptance racing this withdrawal wins or loses as a whole, never half.
  const withdrawn = await tx.invitation.updateMany({ where: { id: invite.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  if (withdrawn.count !== 1) await refuseChangedMeanwhile(tx, invite.id);
  await audit(tx, { actorId, action: "invitation.withdraw", entityType: "Invitation", entityId: invite.id, data: { at: now.toISOString() } });
}

/**
 * Sends an open or expired invitation again with a new link and a fresh seven days; the earlier
 * link stops working (its hash is replaced).
 */
export async function resendInvitation(tx: Tx, actorId: string, scope: InvitationScope, invitationId: string, linkBase: string, now: Date): Promise<{ expiresAt: Date; token: string }> {
  const invite = await managedInvitation(tx, scope, invitationId);
  if (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } })) throw new InvitationError("EMAIL_IN_USE");
  const link = newInviteLink(now);
  const renewed = await tx.invitation.updateMany({ where: { id: invite.id, usedAt: null, revokedAt: null }, data: { tokenHash: link.tokenHash, expiresAt: link.expiresAt } });
  if (renewed.count !== 1) await refuseChangedMeanwhile(tx, invite.id);
  await enqueueInviteMail(tx, { email: invite.email, name: invite.name, organisationName: invite.organisation?.name ?? null }, link, linkBase, now);
  await audit(tx, { actorId, action: "invitation.resend", entityType: "Invitation", entityId: invite.id, data: { expiresAt: link.expiresAt.toISOString() } });
  return { expiresAt: link.expiresAt, token: link.token };
}
