import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/mutations";
import {
  decryptSecret,
  encryptSecret,
  generateMailCode,
  generateRecoveryCodes,
  generateTotpSecret,
  MAIL_CODE_MINUTES,
  mailCodeHash,
  matchTotp,
  normaliseRecoveryCode,
  sameHash,
  sha256,
  totpUri,
  type TwoFactorMethod,
} from "./two-factor-rules";

export type TwoFactorRefusal = "WRONG_CODE" | "REPLAYED_CODE" | "CODE_EXPIRED" | "NOT_ENROLLING" | "ALREADY_ENROLLED";

export class TwoFactorError extends Error {
  constructor(readonly code: TwoFactorRefusal) {
    super(code);
    this.name = "TwoFactorError";
  }
}

/** Starts (or restarts) TOTP enrolment: a fresh secret, stored encrypted, not yet enabled. */
export async function beginTotpEnrolment(tx: Tx, userId: string, key: string): Promise<{ secret: string; uri: string }> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new TwoFactorError("ALREADY_ENROLLED");
  const secret = generateTotpSecret();
  await tx.user.update({ where: { id: userId }, data: { totpSecret: encryptSecret(secret, key) } });
  return { secret, uri: totpUri(user.email, secret) };
}

async function usedBefore(tx: Tx, userId: string, marker: string): Promise<boolean> {
  const filter: Prisma.JsonFilter<"AuditEvent"> = { path: ["marker"], equals: marker };
  return (await tx.auditEvent.count({ where: { action: "auth.two_factor_used", entityId: userId, data: filter } })) > 0;
}

async function markUsed(tx: Tx, userId: string, marker: string, method: string): Promise<void> {
  await audit(tx, { actorId: userId, action: "auth.two_factor_used", entityType: "User", entityId: userId, data: { marker, method } });
}

/** Confirms enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmTotpEnrolment(tx: Tx, userId: string, code: string, key: string, now: Date): Promise<{ recoveryCodes: string[] }> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new TwoFactorError("ALREADY_ENROLLED");
  const secret = user.totpSecret ? decryptSecret(user.totpSecret, key) : null;
  if (!secret) throw new TwoFactorError("NOT_ENROLLING");
  const step = matchTotp(code.trim(), secret, now);
  if (step === null) throw new TwoFactorError("WRONG_CODE");
  const recoveryCodes = generateRecoveryCodes();
  await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: now, recoveryCodes: recoveryCodes.map(sha256) } });
  await markUsed(tx, userId, `totp:${step}`, "TOTP");
  await audit(tx, { actorId: userId, action: "auth.totp_enrolled", entityType: "User", entityId: userId });
  return { recoveryCodes };
}

/** Mails a six-digit code for a pending login; the session keeps only its keyed hash. */
export async function sendMailCode(tx: Tx, userId: string, key: string, now: Date): Promise<{ nonce: string; codeHash: string; expiresAt: number }> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, locale: true } });
  const code = generateMailCode();
  const nonce = randomBytes(16).toString("base64url");
  const expiresAt = now.getTime() + MAIL_CODE_MINUTES * 60_000;
  await enqueueMail(tx, {
    kind: "auth.login_code",
    to: user.email,
    subject: user.locale === "en" ? "Your Loket login code" : "Uw inlogcode voor Loket",
    text:
      user.locale === "en"
        ? `Your login code is ${code}. It is valid for ${MAIL_CODE_MINUTES} minutes. Did you not try to log in? Change your password.`
        : `Uw inlogcode is ${code}. De code is ${MAIL_CODE_MINUTES} minuten geldig. Probeerde u niet in te loggen? Wijzig dan uw wachtwoord.`,
    locale: user.locale,
    at: now,
  });
  await audit(tx, { actorId: userId, action: "auth.login_code_sent", entityType: "User", entityId: userId });
  return { nonce, codeHash: `${expiresAt}:${mailCodeHash(code, nonce, key)}`, expiresAt };
}

export interface PendingSecondFactor {
  userId: string;
  method: TwoFactorMethod;
  nonce?: string;
  codeHash?: string;
}

/**
 * Checks the second factor of a pending login. TOTP: a code of the current window, never the same
 * step twice; or a recovery code, which is spent. Mail: the mailed code within its lifetime, once.
 */
export async function verifySecondFactor(tx: Tx, pending: PendingSecondFactor, rawCode: string, key: string, now: Date): Promise<void> {
  const code = rawCode.trim();
  const user = await tx.user.findUniqueOrThrow({ where: { id: pending.userId }, select: { totpSecret: true, totpEnabledAt: true, recoveryCodes: true } });
  if (pending.method === "MAIL") {
    const [expires, hash] = (pending.codeHash ?? "").split(":");
    if (!pending.nonce || !hash || !expires) throw new TwoFactorError("WRONG_CODE");
    if (Number(expires) <= now.getTime()) throw new TwoFactorError("CODE_EXPIRED");
    if (!sameHash(hash, mailCodeHash(code, pending.nonce, key))) throw new TwoFactorError("WRONG_CODE");
    if (await usedBefore(tx, pending.userId, `mail:${pending.nonce}`)) throw new TwoFactorError("REPLAYED_CODE");
    await markUsed(tx, pending.userId, `mail:${pending.nonce}`, "MAIL");
    return;
  }
  const secret = user.totpEnabledAt && user.totpSecret ? decryptSecret(user.totpSecret, key) : null;
  if (!secret) throw new TwoFactorError("WRONG_CODE");
  if (/^\d{6}$/.test(code)) {
    const step = matchTotp(code, secret, now);
    if (step === null) throw new TwoFactorError("WRONG_CODE");
    if (await usedBefore(tx, pending.userId, `totp:${step}`)) throw new TwoFactorError("REPLAYED_CODE");
    await markUsed(tx, pending.userId, `totp:${step}`, "TOTP");
    return;
  }
  const hashed = sha256(normaliseRecoveryCode(code));
  if (!user.recoveryCodes.includes(hashed)) throw new TwoFactorError("WRONG_CODE");
  await tx.user.update({ where: { id: pending.userId }, data: { recoveryCodes: user.recoveryCodes.filter((c) => c !== hashed) } });
  await audit(tx, { actorId: pending.userId, action: "auth.recovery_code_used", entityType: "User", entityId: pending.userId });
}
