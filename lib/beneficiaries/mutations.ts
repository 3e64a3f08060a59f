import "server-only";
import { Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import { formatDateTime } from "@/lib/calendar/format";
import { NO_PASSWORD } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/client";
import { mailText } from "@/lib/mail-templates/queries";
import { newInviteLink } from "@/lib/organisations/invitations";
import { enqueueMail } from "@/lib/outbox/mutations";
import { clientNumberKey } from "@/lib/people/client-number";
import { emailChangeRefusal, inviteRefusal, mergedContactFields, mergedEmail, mergeRefusal, type BeneficiaryRefusal } from "./rules";
import type { BeneficiaryFields, MergeInput, UpdateBeneficiaryInput } from "./schema";
import { clientNumberKeySql } from "@/lib/db/text-match";

export class BeneficiaryError extends Error {
  constructor(readonly code: BeneficiaryRefusal) {
    super(code);
    this.name = "BeneficiaryError";
  }
}

const ACCOUNT = { id: true, email: true, name: true, role: true, active: true, locale: true, passwordHash: true, mergedIntoId: true, erasedAt: true, phone: true, postalStreet: true, postalCode: true, postalCity: true, clientNumber: true } as const;

/** A beneficiary account staff may manage; anyone else (staff, employer contacts, the erased) is not found. */
async function requireBeneficiary(tx: Tx, userId: string) {
  const user = await tx.user.findFirst({ where: { id: userId, role: "BENEFICIARY", erasedAt: null }, select: ACCOUNT });
  if (!user) throw new BeneficiaryError("USER_NOT_FOUND");
  return user;
}

/**
 * Unique e-mail and client number, checked before writing so the refusal names the field. A client
 * number is taken when another's has the same letters and digits ("k100232" is K-100232's): the
 * searches find them as one, so two people would share one number (clientNumberKey, by its index).
 */
async function assertFree(tx: Tx, fields: { email: string | null; clientNumber: string }, exceptId: string | null): Promise<void> {
  const not = exceptId ? { id: { not: exceptId } } : {};
  if (fields.email && (await tx.user.findFirst({ where: { email: fields.email, ...not }, select: { id: true } }))) throw new BeneficiaryError("EMAIL_IN_USE");
  const taken = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE ${clientNumberKeySql('"clientNumber"')} = ${clientNumberKey(fields.clientNumber)} AND "id" <> ${exceptId ?? ""} LIMIT 1`;
  if (taken.length > 0) throw new BeneficiaryError("CLIENT_NUMBER_TAKEN");
}

/** A unique-constraint race (someone took the address between the check and the write) says which. */
function refuseUniqueRace(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = String((error.meta as { target?: unknown } | undefined)?.target ?? "");
    throw new BeneficiaryError(target.includes("clientNumber") ? "CLIENT_NUMBER_TAKEN" : "EMAIL_IN_USE");
  }
  throw error;
}

function contactData(fields: BeneficiaryFields) {
  return {
    name: fields.name,
    email: fields.email,
    clientNumber: fields.clientNumber,
    phone: fields.phone,
    postalStreet: fields.postalStreet,
    postalCode: fields.postalCode,
    postalCity: fields.postalCity,
    locale: fields.locale,
  };
}

/** Creates a beneficiary without a password: they choose one through a portal invitation. */
export async function createBeneficiary(tx: Tx, actorId: string, fields: BeneficiaryFields, now: Date): Promise<{ id: string }> {
  await assertFree(tx, fields, null);
  const user = await tx.user
    .create({ data: { ...contactData(fields), role: "BENEFICIARY", passwordHash: NO_PASSWORD, createdAt: now }, select: { id: true } })
    .catch(refuseUniqueRace);
  await audit(tx, { actorId, action: "beneficiary.create", entityType: "User", entityId: user.id, data: { at: now.toISOString() } });
  return user;
}

/** Changes the person's details; the audit names the changed fields, never their values. */
export async function updateBeneficiary(tx: Tx, actorId: string, input: UpdateBeneficiaryInput, now: Date): Promise<void> {
  const user = await requireBeneficiary(tx, input.userId);
  if (user.mergedIntoId) throw new BeneficiaryError("ALREADY_MERGED");
  const emailRefusal = emailChangeRefusal({ hasPassword: user.passwordHash !== NO_PASSWORD }, input.email);
  if (emailRefusal) throw new BeneficiaryError(emailRefusal);
  await assertFree(tx, input, user.id);
  const next = contactData(input);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== user[key]);
  if (changed.length === 0) return;
  await tx.user.update({ where: { id: user.id }, data: next }).catch(refuseUniqueRace);
  // A new address must not leave a link waiting at the old one.
  if (changed.includes("email")) await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await audit(tx, { actorId, action: "beneficiary.update", entityType: "User", entityId: user.id, data: { fields: changed, at: now.toISOString() } });
}

/**
 * Invites the person to the portal (or again, with a fresh link: the earlier one stops working).
 * The invitation names the account, so accepting it sets this account's password
 * (lib/organisations/mutations.ts acceptInvitation) instead of creating another.
 */
export async function inviteBeneficiary(tx: Tx, actorId: string, userId: string, linkBase: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const user = await requireBeneficiary(tx, userId);
  const refusal = inviteRefusal({ active: user.active, hasPassword: user.passwordHash !== NO_PASSWORD, mergedIntoId: user.mergedIntoId, email: user.email });
  if (refusal || user.email === null) throw new BeneficiaryError(refusal ?? "NO_EMAIL");
  const email = user.email;
  const replaced = await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const link = newInviteLink(now);
  const row = await tx.invitation.create({
    data: { organisationId: null, userId: user.id, role: "BENEFICIARY", email, name: user.name, tokenHash: link.tokenHash, expiresAt: link.expiresAt, invitedById: actorId, createdAt: now },
    select: { id: true },
  });
  const url = `${linkBase.replace(/\/$/, "")}/uitnodiging/${link.token}`;
  // The account knows its language, unlike a colleague's invitation to an address.
  const mail = await mailText(tx, "invitation.beneficiary", user.locale, { naam: user.name, link: url, geldigtot: formatDateTime(link.expiresAt, user.locale) });
  await enqueueMail(tx, { kind: "beneficiary.invite", to: email, subject: mail.subject, text: mail.text, locale: user.locale, sensitive: true, at: now });
  await audit(tx, { actorId, action: replaced.count > 0 ? "beneficiary.invite_resend" : "beneficiary.invite", entityType: "User", entityId: user.id, data: { invitationId: row.id, expiresAt: link.expiresAt.toISOString() } });
  return { token: link.token, expiresAt: link.expiresAt };
}

/** Deactivation ends every session (session version) and withdraws open invitations. */
export async function setBeneficiaryActive(tx: Tx, actorId: string, userId: string, active: boolean, now: Date): Promise<void> {
  const user = await requireBeneficiary(tx, userId);
  if (user.mergedIntoId) throw new BeneficiaryError("ALREADY_MERGED");
  if (user.active === active) return;
  if (active) await tx.user.update({ where: { id: user.id }, data: { active: true, failedLogins: 0, lockedUntil: null } });
  else {
    await tx.user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } });
    await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  }
  await audit(tx, { actorId, action: active ? "beneficiary.reactivate" : "beneficiary.deactivate", entityType: "User", entityId: user.id, data: { at: now.toISOString() } });
}

export interface MergeCounts {
  tickets: number;
  messages: number;
  appointments: number;
  complaints: number;
  calls: number;
  contactNotes: number;
  satisfaction: number;
  notifications: number;
  legalHolds: number;
}

/**
 * Merges duplicate B into survivor A in the caller's transaction: everything that names B as the
 * person it is about moves to A; B is deactivated (sessions end), points at A, and frees its
 * e-mail address and client number. Audit events stay as they were written (history is not
 * rewritten); B's own login artefacts (reset links, e-mail changes, invitations) are spent.
 */
export async function mergeBeneficiaries(tx: Tx, actorId: string, input: MergeInput, now: Date): Promise<MergeCounts> {
  // Both rows locked in id order, so two merges of the same pair cannot interleave or deadlock.
  const ids = [input.survivorId, input.duplicateId].sort();
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`;
  const [survivor, duplicate] = await Promise.all([
    tx.user.findUnique({ where: { id: input.survivorId }, select: ACCOUNT }),
    tx.user.findUnique({ where: { id: input.duplicateId }, select: ACCOUNT }),
  ]);
  if (!survivor || !duplicate) throw new BeneficiaryError("USER_NOT_FOUND");
  const refusal = mergeRefusal(survivor, duplicate);
  if (refusal) throw new BeneficiaryError(refusal);
  const from = { id: duplicate.id };
  const to = survivor.id;
  const counts: MergeCounts = {
    tickets: (await tx.ticket.updateMany({ where: { requesterId: from.id }, data: { requesterId: to } })).count,
    messages: (await tx.message.updateMany({ where: { authorId: from.id }, data: { authorId: to } })).count,
    appointments: (await tx.callbackAppointment.updateMany({ where: { personId: from.id }, data: { personId: to } })).count,
    complaints: (await tx.complaint.updateMany({ where: { complainantId: from.id }, data: { complainantId: to } })).count,
    calls: (await tx.callRecord.updateMany({ where: { callerId: from.id }, data: { callerId: to } })).count,
    contactNotes: (await tx.contactNote.updateMany({ where: { subjectId: from.id }, data: { subjectId: to } })).count,
    satisfaction: (await tx.satisfactionResponse.updateMany({ where: { respondentId: from.id }, data: { respondentId: to } })).count,
    notifications: (await tx.notification.updateMany({ where: { userId: from.id }, data: { userId: to } })).count,
    legalHolds: (await tx.legalHold.updateMany({ where: { userId: from.id }, data: { userId: to } })).count,
  };
  await tx.complaint.updateMany({ where: { ombudsRequestedById: from.id }, data: { ombudsRequestedById: to } });
  // Chats and the customer's lines in them belong to the surviving account too.
  await tx.chatSession.updateMany({ where: { requesterId: from.id }, data: { requesterId: to } });
  await tx.chatMessage.updateMany({ where: { authorId: from.id }, data: { authorId: to } });
  await tx.invitation.updateMany({ where: { userId: from.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await tx.passwordResetToken.updateMany({ where: { userId: from.id, usedAt: null }, data: { usedAt: now } });
  await tx.emailChange.updateMany({ where: { userId: from.id, usedAt: null }, data: { usedAt: now } });
  await tx.notificationPreference.deleteMany({ where: { userId: from.id } });
  await tx.user.update({
    where: { id: duplicate.id },
    data: { active: false, mergedIntoId: survivor.id, email: mergedEmail(duplicate.id), clientNumber: null, sessionVersion: { increment: 1 } },
  });
  const fill = mergedContactFields(survivor, duplicate);
  if (Object.keys(fill).length > 0) await tx.user.update({ where: { id: survivor.id }, data: fill });
  await audit(tx, {
    actorId,
    action: "beneficiary.merge",
    entityType: "User",
    entityId: survivor.id,
    data: { survivorId: survivor.id, duplicateId: duplicate.id, moved: { ...counts }, filled: Object.keys(fill), at: now.toISOString() },
  });
  return counts;
}
