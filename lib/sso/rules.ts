// Pure rules of single sign-on: when the IdP's login counts as multi-factor, and how a BSN or
// KvK number is turned into the keyed hash that is stored for matching only.
import { createHmac } from "node:crypto";

/**
 * RFC 8176 methods that show a second factor by themselves: "mfa" (Entra ID, Okta), a one-time
 * code, a hardware or software key (passkeys), a text message or a call.
 */
const MFA_METHODS = new Set(["mfa", "otp", "hwk", "swk", "sms", "tel"]);

export function idpShowsMfa(claims: { amr?: unknown; acr?: unknown }, mfaAcrValues: readonly string[]): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((m): m is string => typeof m === "string") : [];
  if (amr.some((m) => MFA_METHODS.has(m.toLowerCase()))) return true;
  return typeof claims.acr === "string" && mfaAcrValues.includes(claims.acr);
}

export type IdentifierKind = "bsn" | "kvk";

/** Digits only; a BSN is nine digits (a leading zero may have been dropped), a KvK number eight, an RSIN nine. */
export function normaliseIdentifier(kind: IdentifierKind, raw: unknown): string | null {
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  const digits = String(raw).replace(/[\s.-]/g, "");
  if (!/^\d{7,9}$/.test(digits)) return null;
  return kind === "bsn" ? digits.padStart(9, "0") : digits;
}

/** HMAC-SHA256, keyed: the stored value cannot be turned back into the number without the key. */
export function identifierHash(kind: IdentifierKind, value: string, key: string): string {
  return createHmac("sha256", key).update(`${kind}:${value}`).digest("hex");
}
