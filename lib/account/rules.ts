// Pure rules of password reset links. No I/O (hashing is a pure function of the token).
import { createHash, randomBytes } from "node:crypto";

export const RESET_MINUTES = 60;
/** Links per account per hour; more requests get the same answer but no mail. */
export const RESET_REQUESTS_PER_HOUR = 3;

export type ResetRefusal = "RESET_INVALID" | "RESET_USED" | "RESET_EXPIRED";

export function newResetToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Links carry the token; the database keeps only this hash. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function resetExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_MINUTES * 60_000);
}

export function resetWindowStart(now: Date): Date {
  return new Date(now.getTime() - 3_600_000);
}

/** Why a link cannot be used (an inactive account counts as an unknown link), or null. */
export function checkResetToken(
  row: { usedAt: Date | null; expiresAt: Date; user: { active: boolean } } | null,
  now: Date,
): ResetRefusal | null {
  if (!row || !row.user.active) return "RESET_INVALID";
  if (row.usedAt) return "RESET_USED";
  if (row.expiresAt.getTime() <= now.getTime()) return "RESET_EXPIRED";
  return null;
}
