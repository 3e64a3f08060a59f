// Pure rules of single sign-on: when the IdP's login counts as multi-factor, how a BSN, KvK number
// or RSIN is read from a broker's claim, and the keyed hash that is stored for matching only.
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

export type IdentifierKind = "bsn" | "kvk" | "rsin";

const DIGITS: Record<IdentifierKind, { min: number; length: number }> = {
  // Nine digits; a leading zero may have been dropped by a number-typed claim.
  bsn: { min: 7, length: 9 },
  kvk: { min: 7, length: 8 },
  rsin: { min: 8, length: 9 },
};

/** A claim's value without the spaces, dots and dashes people write numbers with; null if no string or number. */
function claimDigits(raw: unknown): string | null {
  return typeof raw === "string" || typeof raw === "number" ? String(raw).trim().replace(/[\s.-]/g, "") : null;
}

/**
 * Digits only, padded to the full length: a BSN and an RSIN are nine digits, a KvK number eight
 * (a claim sent as a number may have lost its leading zero). Anything else is no identifier.
 */
export function normaliseIdentifier(kind: IdentifierKind, raw: unknown): string | null {
  const digits = claimDigits(raw);
  const { min, length } = DIGITS[kind];
  if (!digits || !/^\d+$/.test(digits) || digits.length < min || digits.length > length) return null;
  return digits.padStart(length, "0");
}

/**
 * The check of a nine-digit BSN or RSIN (the 11-test): each digit times its weight, 9 down to 2 and
 * -1 for the last, adds up to a multiple of 11. It catches every single wrong digit and most swaps.
 */
export function passesElevenTest(nineDigits: string): boolean {
  if (!/^\d{9}$/.test(nineDigits)) return false;
  const sum = [...nineDigits].reduce((total, digit, i) => total + Number(digit) * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0;
}

/**
 * The company number an eHerkenning broker asserts: a KvK number from the KvK claim, or an RSIN
 * from the RSIN claim. Brokers that put either number in one claim are served too: nine digits in
 * the KvK claim are an RSIN (a KvK number has eight).
 */
export function companyNumber(kvkRaw: unknown, rsinRaw: unknown): { kind: "kvk" | "rsin"; value: string } | null {
  if (claimDigits(kvkRaw)?.length === 9) {
    const rsin = normaliseIdentifier("rsin", kvkRaw);
    if (rsin) return { kind: "rsin", value: rsin };
  }
  const kvk = normaliseIdentifier("kvk", kvkRaw);
  if (kvk) return { kind: "kvk", value: kvk };
  const rsin = normaliseIdentifier("rsin", rsinRaw);
  return rsin ? { kind: "rsin", value: rsin } : null;
}

/** HMAC-SHA256, keyed: the stored value cannot be turned back into the number without the key. */
export function identifierHash(kind: IdentifierKind | "eherkenning", value: string, key: string): string {
  return createHmac("sha256", key).update(`${kind}:${value}`).digest("hex");
}
