// Pure rules of changing one's e-mail address: a link to the new address, valid 24 hours, once.
import { createHash, randomBytes } from "node:crypto";

export const EMAIL_CHANGE_HOURS = 24;

export type EmailChangeRefusal = "WRONG_PASSWORD" | "LOCKED" | "SAME_EMAIL" | "EMAIL_IN_USE";
export type EmailConfirmRefusal = "EMAIL_CHANGE_INVALID" | "EMAIL_CHANGE_USED" | "EMAIL_CHANGE_EXPIRED" | "EMAIL_IN_USE";

export function newEmailChangeToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The link carries the token; the database keeps only this hash. */
export function hashEmailChangeToken(token: string): string {
  return createHash("sha256").update(`email-change:${token}`).digest("hex");
}

export function emailChangeExpiry(now: Date): Date {
  return new Date(now.getTime() + EMAIL_CHANGE_HOURS * 3_600_000);
}

/** Why a confirmation link cannot be used, or null. An inactive account's link counts as unknown. */
export function checkEmailChange(row: { usedAt: Date | null; expiresAt: Date; user: { active: boolean } } | null, now: Date): EmailConfirmRefusal | null {
  if (!row || !row.user.active) return "EMAIL_CHANGE_INVALID";
  if (row.usedAt) return "EMAIL_CHANGE_USED";
  if (row.expiresAt.getTime() <= now.getTime()) return "EMAIL_CHANGE_EXPIRED";
  return null;
}

/** Tokens are 43 characters; anything far off is not worth a database read. */
export function plausibleToken(token: string): boolean {
  return token.length >= 20 && token.length <= 200;
}
