import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import { Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/mutations";
import { confirmEmailMail, emailChangeNoticeMail } from "./email-change-mail";
import { checkEmailChange, emailChangeExpiry, hashEmailChangeToken, newEmailChangeToken, plausibleToken, type EmailChangeRefusal, type EmailConfirmRefusal } from "./email-change-rules";
import { linkBase } from "./mutations";

export class EmailChangeError extends Error {
  constructor(readonly code: EmailChangeRefusal | EmailConfirmRefusal) {
    super(code);
    this.name = "EmailChangeError";
  }
}

async function assertAddressFree(tx: Tx, email: string, userId: string): Promise<void> {
  if (await tx.user.findFirst({ where: { email, id: { not: userId } }, select: { id: true } })) throw new EmailChangeError("EMAIL_IN_USE");
}

/**
 * Records a requested change (the password was checked by the caller): a newer request replaces an
 * open older one, the link goes to the new address and a notice to the current one.
 */
export async function requestEmailChange(tx: Tx, userId: string, newEmail: string, now: Date): Promise<{ token: string }> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true } });
  if (user.email === newEmail) throw new EmailChangeError("SAME_EMAIL");
  await assertAddressFree(tx, newEmail, userId);
  await tx.emailChange.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  const token = newEmailChangeToken();
  const expiresAt = emailChangeExpiry(now);
  const row = await tx.emailChange.create({ data: { userId, newEmail, tokenHash: hashEmailChangeToken(token), expiresAt, createdAt: now }, select: { id: true } });
  const confirm = confirmEmailMail({ name: user.name, link: `${linkBase()}/e-mail-bevestigen/${token}`, expiresAt, locale: user.locale });
  await enqueueMail(tx, { kind: "account.email_change", to: newEmail, subject: confirm.subject, text: confirm.text, locale: user.locale, sensitive: true, at: now });
  const notice = emailChangeNoticeMail({ name: user.name, newEmail, at: now, resetUrl: `${linkBase()}/wachtwoord-vergeten`, locale: user.locale });
  await enqueueMail(tx, { kind: "account.email_change_notice", to: accountEmail(user), subject: notice.subject, text: notice.text, locale: user.locale, sensitive: false, at: now });
  await audit(tx, { actorId: userId, action: "account.email_change_requested", entityType: "User", entityId: userId, data: { emailChangeId: row.id, expiresAt: expiresAt.toISOString() } });
  return { token };
}

/**
 * Confirms a change with the mailed token: the account takes the new address, the link is spent.
 * Reset links mailed to the old address are spent too: that mailbox no longer speaks for the account.
 */
export async function confirmEmailChange(tx: Tx, token: string, now: Date): Promise<{ email: string }> {
  const tokenHash = hashEmailChangeToken(token);
  const row = await tx.emailChange.findUnique({ where: { tokenHash }, include: { user: { select: { active: true } } } });
  const refusal = checkEmailChange(row, now);
  if (refusal || !row) throw new EmailChangeError(refusal ?? "EMAIL_CHANGE_INVALID");
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${row.userId} FOR UPDATE`;
  const spent = await tx.emailChange.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (spent.count !== 1) throw new EmailChangeError("EMAIL_CHANGE_USED");
  await assertAddressFree(tx, row.newEmail, row.userId);
  await tx.user
    .update({ where: { id: row.userId }, data: { email: row.newEmail } })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailChangeError("EMAIL_IN_USE");
      throw error;
    });
  await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
  await tx.emailChange.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
  await audit(tx, { actorId: row.userId, action: "account.email_changed", entityType: "User", entityId: row.userId, data: { emailChangeId: row.id, at: now.toISOString() } });
  return { email: row.newEmail };
}

/** What the confirmation page may show for a link: the new address, or why the link is no good. */
export async function emailChangeLinkState(token: string, now: Date): Promise<{ ok: true; email: string } | { ok: false; reason: EmailConfirmRefusal }> {
  if (!plausibleToken(token)) return { ok: false, reason: "EMAIL_CHANGE_INVALID" };
  const row = await db.emailChange.findUnique({ where: { tokenHash: hashEmailChangeToken(token) }, include: { user: { select: { active: true } } } });
  const refusal = checkEmailChange(row, now);
  return refusal || !row ? { ok: false, reason: refusal ?? "EMAIL_CHANGE_INVALID" } : { ok: true, email: row.newEmail };
}
