import "server-only";
import type { TotpKeyring } from "./two-factor-rules";

/** The key that signs sessions; also keys mailed login codes and device tokens. */
export function authSecret(): string {
  const value = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!value && process.env.NODE_ENV === "production") {
    // Refuse rather than run with a guessable or missing key.
    throw new Error("AUTH_SECRET is not set: sessions cannot be signed. Set AUTH_SECRET and restart.");
  }
  return value ?? "loket-development-only-secret";
}

/**
 * The keys that encrypt TOTP secrets at rest, apart from AUTH_SECRET so that rotating the session
 * key no longer disables every authenticator.
 *
 * - TOTP_ENCRYPTION_KEY: the current key; new and re-encrypted secrets use it. Required in
 *   production. Without it (development, and the embedded demo whose AUTH_SECRET is generated
 *   and kept beside its data) the key is AUTH_SECRET itself, which is what sealed secrets before.
 * - TOTP_ENCRYPTION_KEYS_OLD: comma-separated earlier keys, only for reading.
 * - AUTH_SECRET is always tried too: secrets stored before TOTP_ENCRYPTION_KEY existed used it.
 *
 * Rotating: put the current key in TOTP_ENCRYPTION_KEYS_OLD, set a new TOTP_ENCRYPTION_KEY and
 * restart. Each stored secret names its key (a prefix); a person's next successful login
 * re-encrypts theirs with the new key. Remove an old key once no stored secret names it any more
 * (no totpSecret starting with its id, see totpKeyId) or once those people may re-enrol. To rotate
 * AUTH_SECRET itself, first put its old value in TOTP_ENCRYPTION_KEYS_OLD (older secrets used it).
 */
export function totpKeyring(): TotpKeyring {
  const configured = process.env.TOTP_ENCRYPTION_KEY?.trim();
  if (!configured && process.env.NODE_ENV === "production" && process.env.LOKET_EMBEDDED !== "1") {
    throw new Error("TOTP_ENCRYPTION_KEY is not set: TOTP secrets cannot be encrypted. Set TOTP_ENCRYPTION_KEY and restart.");
  }
  const current = configured || authSecret();
  const old = (process.env.TOTP_ENCRYPTION_KEYS_OLD ?? "").split(",").map((k) => k.trim());
  const previous = [...new Set([...old, authSecret()])].filter((k) => k && k !== current);
  return { current, previous };
}

export const DEVICE_COOKIE = "loket-device";
