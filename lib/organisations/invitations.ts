import "server-only";
import { randomBytes } from "node:crypto";
import type { Locale } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import { formatDateTime } from "@/lib/calendar/format";
import { isStaff } from "@/lib/auth/rules";
import type { Tx } from "@/lib/db/client";
import { mailText } from "@/lib/mail-templates/queries";
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
 * The account that already holds an address, if any, and whether the inviter may see it anyway:
 * an organisation sees its own members (its accounts list), admins see staff (the staff list).
 * Anyone else's account (another organisation's contact, a beneficiary) is not the inviter's
 * business, and the invitation must not reveal that it exists.
 */
async function addressHolder(tx: Tx, scope: InvitationScope, email: string) {
  const user = await tx.user.findUnique({ where: { email }, select: { name: true, locale: true, role: true, memberships: { select: { organisationId: true } } } });
  if (!user) return null;
  const visible = scope.organisationId === null ? isStaff(user.role) : user.memberships.some((m) => m.organisationId === scope.organisationId);
  return { name: user.name, locale: user.locale, visible };
}

/**
 * Before inviting an address: refused when it belongs to an account the inviter can see anyway or
 * has an open invitation in the same scope (send that one again instead); an expired, unaccepted
 * one is withdrawn, so only the new one is listed. Someone else's address goes ahead as if free.
 */
export async function replaceEarlierInvites(tx: Tx, scope: InvitationScope, email: string, now: Date): Promise<void> {
  if ((await addressHolder(tx, scope, email))?.visible) throw new InvitationError("EMAIL_IN_USE");
  const pending = { organisationId: scope.organisationId, email, usedAt: null, revokedAt: null };
  if (await tx.invitation.findFirst({ where: { ...pending, expiresAt: { gt: now } }, select: { id: true } })) throw new InvitationError("INVITE_OPEN");
  await tx.invitation.updateMany({ where: pending, data: { revokedAt: now } });
}

/**
 * Mails an invitation, or, when the address already belongs to someone else's account, tells that
 * account holder instead. The inviter sees the same outcome either way (the invitation is recorded
 * and listed as open until it expires), so inviting cannot be used to find out who has an account:
 * the usual answer to account enumeration, as sign-up forms give it. The holder gets no link (one
 * address, one account) but learns who asked, so a genuine colleague can use another address, and a
 * stranger's attempt is harmless. The invitation's token is never mailed, so it cannot be accepted.
 */
export async function deliverInvitation(
  tx: Tx,
  scope: InvitationScope,
  invite: { email: string; name: string; organisationName: string | null },
  link: InviteeLink,
  linkBase: string,
  now: Date,
): Promise<void> {
  const holder = await addressHolder(tx, scope, invite.email);
  if (!holder) return enqueueInviteMail(tx, invite, link, linkBase, now);
  const mail = addressTakenMail({ name: holder.name, organisationName: invite.organisationName, locale: holder.locale });
  await enqueueMail(tx, { kind: "invitation.address_taken", to: invite.email, subject: mail.subject, text: mail.text, locale: holder.locale, at: now });
}

function addressTakenMail(input: { name: string; organisationName: string | null; locale: Locale }): { subject: string; text: string } {
  const org = input.organisationName;
  if (input.locale === "en") {
    return {
      subject: "Invitation to Loket: you already have an account",
      text: [
        `Dear ${input.name},`,
        "",
        org
          ? `Someone at ${org} invited this email address to Loket's employer portal.`
          : "A Loket administrator invited this email address to the Loket staff workspace.",
        "An account with this address already exists, so we did not send an invitation link: one address has one account.",
        "",
        "Expected this invitation? Ask whoever invited you to use another email address for you.",
        "Not expected? You need not do anything; your account is unchanged and you log in as before.",
      ].join("\n"),
    };
  }
  return {
    subject: "Uitnodiging voor Loket: u heeft al een account",
    text: [
      `Beste ${input.name},`,
      "",
      org
        ? `Iemand van ${org} heeft dit e-mailadres uitgenodigd voor het werkgeversportaal van Loket.`
        : "Een beheerder van Loket heeft dit e-mailadres uitgenodigd voor de werkplek van Loket.",
      "Met dit adres bestaat al een account, daarom hebben wij geen uitnodigingslink gestuurd: één adres hoort bij één account.",
      "",
      "Verwachtte u deze uitnodiging? Vraag degene die u uitnodigde dan een ander e-mailadres voor u te gebruiken.",
      "Verwachtte u die niet? Dan hoeft u niets te doen; uw account is niet veranderd en u logt in zoals altijd.",
    ].join("\n"),
  };
}

/** The invitation mail, for a colleague (organisation name given) or a staff member (null). */
async function enqueueInviteMail(
  tx: Tx,
  invite: { email: string; name: string; organisationName: string | null },
  link: InviteeLink,
  linkBase: string,
  now: Date,
): Promise<void> {
  const url = `${linkBase.replace(/\/$/, "")}/uitnodiging/${link.token}`;
  const until = formatDateTime(link.expiresAt, "nl");
  const staff = invite.organisationName === null;
  // Worded by the admin (/agent/beheer/mailteksten). The invitee has no account yet, so no known
  // language: Dutch, the portals' first language.
  const mail = staff
    ? await mailText(tx, "invitation.staff", "nl", { naam: invite.name, link: url, geldigtot: until })
    : await mailText(tx, "invitation.employer", "nl", { naam: invite.name, organisatie: invite.organisationName ?? "", link: url, geldigtot: until });
  await enqueueMail(tx, { kind: staff ? "staff.invite" : "organisation.invite", to: invite.email, subject: mail.subject, text: mail.text, at: now });
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
  await audit(tx, { actorId, action: "invitation.withdraw", entityType: "Invitation", entityId: invite.id, organisationId: scope.organisationId, data: { at: now.toISOString() } });
}

/**
 * Sends an open or expired invitation again with a new link and a fresh seven days; the earlier
 * link stops working (its hash is replaced).
 */
export async function resendInvitation(tx: Tx, actorId: string, scope: InvitationScope, invitationId: string, linkBase: string, now: Date): Promise<{ expiresAt: Date; token: string }> {
  const invite = await managedInvitation(tx, scope, invitationId);
  // As for a new invitation: only an account the inviter can see anyway is named.
  if ((await addressHolder(tx, scope, invite.email))?.visible) throw new InvitationError("EMAIL_IN_USE");
  const link = newInviteLink(now);
  const renewed = await tx.invitation.updateMany({ where: { id: invite.id, usedAt: null, revokedAt: null }, data: { tokenHash: link.tokenHash, expiresAt: link.expiresAt } });
  if (renewed.count !== 1) await refuseChangedMeanwhile(tx, invite.id);
  await deliverInvitation(tx, scope, { email: invite.email, name: invite.name, organisationName: invite.organisation?.name ?? null }, link, linkBase, now);
  await audit(tx, { actorId, action: "invitation.resend", entityType: "Invitation", entityId: invite.id, organisationId: scope.organisationId, data: { expiresAt: link.expiresAt.toISOString() } });
  return { expiresAt: link.expiresAt, token: link.token };
}
