// Two-factor rules: TOTP checks at an explicit moment, recovery and mailed codes, the signed
// "remember this device" token, and encryption of the TOTP secret at rest. No database, no clock.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { authenticator } from "otplib";
import { otplibBase32 } from "./base32";

export type TwoFactorMethod = "TOTP" | "MAIL";
export const TOTP_STEP_SECONDS = 30;
export const REMEMBER_DEVICE_DAYS = 30;
export const MAIL_CODE_MINUTES = 10;
/** How long the second step of a login stays open on the server (a mailed code: its own lifetime). */
export const CHALLENGE_MINUTES = 10;
/** Wrong codes one challenge takes before it ends and the person must log in again. */
export const MAX_CODE_ATTEMPTS = 5;
export const RECOVERY_CODE_COUNT = 10;
export const ISSUER = "Loket";

/** Which second factor a login needs: TOTP once enrolled; a mailed code when the organisation demands one. */
export function requiredSecondFactor(input: { totpEnabled: boolean; organisationRequires: boolean }): TwoFactorMethod | null {
  if (input.totpEnabled) return "TOTP";
  if (input.organisationRequires) return "MAIL";
  return null;
}

/** After the password: a code step, enrolment first (staff without TOTP), or nothing more. */
export type LoginStep = TwoFactorMethod | "ENROL" | null;

/** Staff must use TOTP: one who has none yet may do nothing but enrol. Others keep their rules. */
export function loginStepAfterPassword(input: { staff: boolean; totpEnabled: boolean; organisationRequires: boolean }): LoginStep {
  if (input.staff && !input.totpEnabled) return "ENROL";
  return requiredSecondFactor(input);
}

/**
 * Whether a completed session may act: a staff session only once it passed TOTP (a code, a
 * remembered device, or enrolment just now). Guards old or forged-by-bug tokens at one place.
 */
export function sessionMayAct(input: { staff: boolean; secondFactorPassed: boolean }): boolean {
  return !input.staff || input.secondFactorPassed;
}

/** When a login challenge stops accepting codes. */
export function challengeExpiresAt(method: TwoFactorMethod, now: Date): Date {
  const minutes = method === "MAIL" ? Math.min(MAIL_CODE_MINUTES, CHALLENGE_MINUTES) : CHALLENGE_MINUTES;
  return new Date(now.getTime() + minutes * 60_000);
}

export type ChallengeRefusal = "SESSION_EXPIRED" | "CODE_EXPIRED" | "TOO_MANY_ATTEMPTS";

/** Why a stored challenge takes no code (any more), or null while it is open. */
export function challengeRefusal(
  challenge: { method: string; attempts: number; expiresAt: Date; endedAt: Date | null },
  now: Date,
): ChallengeRefusal | null {
  if (challenge.attempts >= MAX_CODE_ATTEMPTS) return "TOO_MANY_ATTEMPTS";
  if (challenge.endedAt) return "SESSION_EXPIRED";
  if (challenge.expiresAt.getTime() <= now.getTime()) return challenge.method === "MAIL" ? "CODE_EXPIRED" : "SESSION_EXPIRED";
  return null;
}

/** A challenge after one more wrong code: the fifth ends it. */
export function afterWrongCode(attempts: number): { attempts: number; ended: boolean } {
  const next = attempts + 1;
  return { attempts: next, ended: next >= MAX_CODE_ATTEMPTS };
}

// otplib with our base32 codec (lib/auth/base32.ts says why).
const totp = authenticator.clone(otplibBase32);

function totpAt(now: Date) {
  // One step either side forgives a phone clock that is a little off.
  return totp.clone({ epoch: now.getTime(), window: 1, step: TOTP_STEP_SECONDS });
}

export function generateTotpSecret(): string {
  return totp.generateSecret(20);
}

export function totpUri(email: string, secret: string): string {
  return totp.keyuri(email, ISSUER, secret);
}

/** A TOTP code for `secret` at `now` (tests and the e2e login use it). */
export function totpCode(secret: string, now: Date): string {
  return totpAt(now).generate(secret);
}

/** The time step the code belongs to, or null when wrong: the step is what makes a replay detectable. */
export function matchTotp(code: string, secret: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpAt(now).checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS) + delta;
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Ten one-time codes like "k7m2-x9qp-4tzr"; only their hashes are stored. */
export function generateRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const part = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${part()}-${part()}-${part()}`);
}

export function normaliseRecoveryCode(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, "");
}

export function generateMailCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** The mailed code is bound to one pending login by its nonce and to the server's secret. */
export function mailCodeHash(code: string, nonce: string, secret: string): string {
  return createHmac("sha256", secret).update(`${nonce}:${code}`).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** "uid.expiresMs.signature": the device may skip the second factor for this user until then. */
export function signDeviceToken(userId: string, expiresAt: Date, secret: string): string {
  const payload = `${userId}.${expiresAt.getTime()}`;
  return `${payload}.${createHmac("sha256", secret).update(`device:${payload}`).digest("base64url")}`;
}

/** When a device token was minted (its expiry minus the 30 days), or null when unreadable. */
export function deviceTokenIssuedAt(token: string | null | undefined): number | null {
  const expires = Number(token?.split(".")[1]);
  return Number.isFinite(expires) && expires > 0 ? expires - REMEMBER_DEVICE_DAYS * 24 * 3_600_000 : null;
}

/**
 * Whether a remembered device still counts: only one remembered after the current TOTP enrolment
 * and after the last password change or reset (either voids devices remembered before it, so a
 * stolen password plus an old device cookie does not skip the second factor).
 */
export function deviceStillRemembered(issuedAt: number | null, voidedBy: readonly (Date | null)[]): boolean {
  if (issuedAt === null) return false;
  return voidedBy.every((moment) => moment === null || issuedAt >= moment.getTime());
}

/** Binds finishing an enrolment to the pending login that did it (its nonce), not to any other. */
export function enrolmentProof(userId: string, nonce: string, secret: string): string {
  return createHmac("sha256", secret).update(`enrolled:${userId}:${nonce}`).digest("base64url");
}

export function deviceTokenValid(token: string | null | undefined, userId: string, now: Date, secret: string): boolean {
  if (!token) return false;
  const [uid, expires, signature] = token.split(".");
  if (!uid || !expires || !signature || uid !== userId) return false;
  const expected = signDeviceToken(uid, new Date(Number(expires)), secret);
  return sameHash(expected, token) && Number(expires) > now.getTime();
}

function keyFrom(secret: string): Buffer {
  return createHash("sha256").update(`totp-at-rest:${secret}`).digest();
}

function seal(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
}

function open(sealed: string, key: Buffer): string | null {
  const [iv, tag, data] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * The original stored form, "iv.tag.ciphertext" (base64url, AES-256-GCM) without a key id. Still
 * read (openTotpSecret tries every known key on it); new secrets are sealed with sealTotpSecret.
 */
export function encryptSecret(plain: string, secret: string): string {
  return seal(plain, keyFrom(secret));
}

export function decryptSecret(stored: string, secret: string): string | null {
  return open(stored, keyFrom(secret));
}

/** The keys for TOTP secrets at rest: `current` seals, every key opens (see auth-secret.ts). */
export interface TotpKeyring {
  current: string;
  previous: readonly string[];
}

/** A short, stable name for a key, stored with each ciphertext; it reveals nothing of the key. */
export function totpKeyId(key: string): string {
  return createHmac("sha256", key).update("totp-key-id").digest("base64url").slice(0, 8);
}

/** "<key id>:iv.tag.ciphertext": the key id says which key opens it, so keys can be rotated. */
export function sealTotpSecret(plain: string, keys: TotpKeyring): string {
  return `${totpKeyId(keys.current)}:${encryptSecret(plain, keys.current)}`;
}

/**
 * Opens a stored TOTP secret with whichever known key sealed it; `current` says whether that was
 * the current key (if not, the caller re-seals it). Unprefixed (older) ciphertexts try every key.
 */
export function openTotpSecret(stored: string, keys: TotpKeyring): { secret: string; current: boolean } | null {
  const all = [keys.current, ...keys.previous];
  const colon = stored.indexOf(":");
  if (colon > 0) {
    const id = stored.slice(0, colon);
    const key = all.find((k) => totpKeyId(k) === id);
    const secret = key === undefined ? null : decryptSecret(stored.slice(colon + 1), key);
    return secret === null ? null : { secret, current: key === keys.current };
  }
  for (const key of all) {
    const secret = decryptSecret(stored, key);
    if (secret !== null) return { secret, current: false };
  }
  return null;
}

/** Reads one cookie from a raw Cookie header. */
export function cookieFrom(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}
