import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import { audit } from "@/lib/audit/mutations";
import type { PasswordRefusal } from "@/lib/auth/password-policy";
import { afterFailedLogin } from "@/lib/auth/rules";
import type { Tx } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/mutations";
import { mailText } from "@/lib/mail-templates/queries";
import { passwordChangedMail, resetLinkValues } from "./mail-texts";
import { hashResetToken, newResetToken, RESET_REQUESTS_PER_HOUR, resetExpiry, resetWindowStart, type ResetRefusal } from "./rules";
import { getBrand } from "@/lib/brand/queries";

export type AccountRefusal = PasswordRefusal | ResetRefusal | "WRONG_PASSWORD" | "LOCKED" | "PASSWORD_UNCHANGED" | "PASSWORD_CHANGED_MEANWHILE";

export class AccountRuleError extends Error {
  constructor(readonly code: AccountRefusal) {
    super(code);
    this.name = "AccountRuleError";
  }
}

export function linkBase(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/$/, "");
}

// Serialises the password work of one account: concurrent requests queue here instead of racing.
async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}

/** A wrong current password counts like a failed login: the fifth in a row locks the account. */
export async function recordWrongPassword(tx: Tx, userId: string, now: Date): Promise<{ locked: boolean }> {
  await lockUser(tx, userId);
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { failedLogins: true } });
  const next = afterFailedLogin(user.failedLogins, now);
  await tx.user.update({ where: { id: userId }, data: next });
  await audit(tx, { actorId: userId, action: next.lockedUntil ? "auth.locked" : "account.password_wrong", entityType: "User", entityId: userId });
  return { locked: next.lockedUntil !== null };
}

/**
 * Stores a new password hash: every session ends (session version bump), the lockout is cleared,
 * open reset links are spent, and a notice goes to the person. `expectedHash` guards a change
 * against a concurrent one that already replaced the password it was checked against.
 */
export async function storeNewPassword(
  tx: Tx,
  input: { userId: string; newHash: string; expectedHash?: string; how: "change" | "reset" },
  now: Date,
): Promise<void> {
  await lockUser(tx, input.userId);
  const updated = await tx.user.updateMany({
    where: { id: input.userId, active: true, ...(input.expectedHash ? { passwordHash: input.expectedHash } : {}) },
    data: { passwordHash: input.newHash, passwordChangedAt: now, sessionVersion: { increment: 1 }, failedLogins: 0, lockedUntil: null },
  });
  if (updated.count !== 1) throw new AccountRuleError("PASSWORD_CHANGED_MEANWHILE");
  await tx.passwordResetToken.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: now } });
  const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true, name: true, locale: true } });
  const brand = await getBrand(tx);
  const mail = passwordChangedMail({ name: user.name, at: now, how: input.how, resetUrl: `${linkBase()}/wachtwoord-vergeten`, locale: user.locale, sender: brand.name });
  await enqueueMail(tx, { kind: "account.password_changed", to: accountEmail(user), subject: mail.subject, text: mail.text, locale: user.locale, at: now });
  await audit(tx, { actorId: input.userId, action: input.how === "reset" ? "account.password_reset" : "account.password_changed", entityType: "User", entityId: input.userId });
}

/**
 * Mails a one-time link to an active account. Unknown, inactive and throttled addresses get no
 * mail; the caller answers all the same. Earlier unused links are spent by the new one.
 */
export async function createResetLink(tx: Tx, email: string, now: Date): Promise<{ token: string } | null> {
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, active: true, locale: true } });
  if (!user?.active) return null;
  await lockUser(tx, user.id);
  const recent = await tx.passwordResetToken.count({ where: { userId: user.id, createdAt: { gt: resetWindowStart(now) } } });
  if (recent >= RESET_REQUESTS_PER_HOUR) {
    await audit(tx, { actorId: null, action: "account.password_reset_throttled", entityType: "User", entityId: user.id });
    return null;
  }
  await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
  const token = newResetToken();
  const expiresAt = resetExpiry(now);
  const row = await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt, createdAt: now }, select: { id: true } });
  const mail = await mailText(tx, "account.passwordReset", user.locale, resetLinkValues({ name: user.name, link: `${linkBase()}/wachtwoord-herstellen/${token}`, expiresAt, locale: user.locale }));
  await enqueueMail(tx, { kind: "account.password_reset", to: email, subject: mail.subject, text: mail.text, locale: user.locale, at: now });
  await audit(tx, { actorId: null, action: "account.password_reset_requested", entityType: "PasswordResetToken", entityId: row.id, data: { userId: user.id } });
  return { token };
}

/** Spends a link with a guarded update: of two racing uses, only one matches. */
export async function spendResetToken(tx: Tx, tokenHash: string, now: Date): Promise<{ userId: string }> {
  const row = await tx.passwordResetToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true } });
  if (!row) throw new AccountRuleError("RESET_INVALID");
  // The account first, then its links: the same order as a new request, so the two cannot deadlock.
  await lockUser(tx, row.userId);
  const spent = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (spent.count !== 1) throw new AccountRuleError("RESET_USED");
  return { userId: row.userId };
}
