// API token secrets: "lk_" + 32 random bytes (base64url). Only the SHA-256 of the secret is kept;
// the first characters stay readable so an admin can tell tokens apart. Pure apart from randomness.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "lk_";
/** "lk_" and 8 characters: enough to recognise a token, far too little to guess it. */
const SHOWN_LENGTH = TOKEN_PREFIX.length + 8;
/** lastUsedAt is written at most this often, so a busy integration does not write on every call. */
export const LAST_USE_INTERVAL_MS = 60_000;

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function tokenPrefix(secret: string): string {
  return secret.slice(0, SHOWN_LENGTH);
}

export type TokenStatus = "ACTIVE" | "REVOKED" | "EXPIRED";

export function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): TokenStatus {
  if (token.revokedAt) return "REVOKED";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "ACTIVE";
}

export function lastUseIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USE_INTERVAL_MS;
}
