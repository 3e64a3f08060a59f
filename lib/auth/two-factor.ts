import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import { Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/mutations";
import {
  challengeExpiresAt,
  generateMailCode,
  generateRecoveryCodes,
  generateTotpSecret,
  MAIL_CODE_MINUTES,
  mailCodeHash,
  matchTotp,
  normaliseRecoveryCode,
  openTotpSecret,
  sameHash,
  sealTotpSecret,
  sha256,
  totpUri,
  type TotpKeyring,
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
export async function beginTotpEnrolment(tx: Tx, userId: string, keys: TotpKeyring): Promise<{ secret: string; uri: string }> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new TwoFactorError("ALREADY_ENROLLED");
  const secret = generateTotpSecret();
  await tx.user.update({ where: { id: userId }, data: { totpSecret: sealTotpSecret(secret, keys) } });
  return { secret, uri: totpUri(accountEmail(user), secret) };
}

/**
 * Spends a code: the unique (userId, marker) pair refuses a second use, also when two logins send
 * the same code at once (a count-then-insert would let both pass). The violation aborts the
 * transaction, so this throws and the caller's transaction rolls back.
 */
async function spendCode(tx: Tx, userId: string, marker: string, method: TwoFactorMethod): Promise<void> {
  try {
    await tx.twoFactorUse.create({ data: { userId, marker } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new TwoFactorError("REPLAYED_CODE");
    throw error;
  }
  await audit(tx, { actorId: userId, action: "auth.two_factor_used", entityType: "User", entityId: userId, data: { marker, method } });
}

/** Confirms enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmTotpEnrolment(tx: Tx, userId: string, code: string, keys: TotpKeyring, now: Date): Promise<{ recoveryCodes: string[] }> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new TwoFactorError("ALREADY_ENROLLED");
  const secret = user.totpSecret ? openTotpSecret(user.totpSecret, keys)?.secret : null;
  if (!secret) throw new TwoFactorError("NOT_ENROLLING");
  const step = matchTotp(code.trim(), secret, now);
  if (step === null) throw new TwoFactorError("WRONG_CODE");
  const recoveryCodes = generateRecoveryCodes();
  await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: now, recoveryCodes: recoveryCodes.map(sha256) } });
  await spendCode(tx, userId, `totp:${step}`, "TOTP");
  await audit(tx, { actorId: userId, action: "auth.totp_enrolled", entityType: "User", entityId: userId });
  return { recoveryCodes };
}

/**
 * Opens the second step of a login on the server (the session cookie carries only its id); for
 * MAIL also mails the six-digit code, of which only a keyed hash bound to this challenge is kept.
 */
export async function openLoginChallenge(tx: Tx, userId: string, method: TwoFactorMethod, key: string, now: Date): Promise<{ id: string }> {
  const challenge = await tx.loginChallenge.create({
    data: { userId, method, expiresAt: challengeExpiresAt(method, now), createdAt: now },
    select: { id: true },
  });
  if (method === "MAIL") {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, locale: true } });
    const code = generateMailCode();
    await tx.loginChallenge.update({ where: { id: challenge.id }, data: { codeHash: mailCodeHash(code, challenge.id, key) } });
    await enqueueMail(tx, {
      kind: "auth.login_code",
      to: accountEmail(user),
      subject: user.locale === "en" ? "Your Loket login code" : "Uw inlogcode voor Loket",
      text:
        user.locale === "en"
          ? `Your login code is ${code}. It is valid for ${MAIL_CODE_MINUTES} minutes. Did you not try to log in? Change your password.`
          : `Uw inlogcode is ${code}. De code is ${MAIL_CODE_MINUTES} minuten geldig. Probeerde u niet in te loggen? Wijzig dan uw wachtwoord.`,
      locale: user.locale,
      sensitive: true,
      at: now,
    });
    await audit(tx, { actorId: userId, action: "auth.login_code_sent", entityType: "User", entityId: userId, data: { challengeId: challenge.id } });
  }
  return challenge;
}

export interface OpenChallenge {
  id: string;
  userId: string;
  method: string;
  codeHash: string | null;
}

/**
 * Checks a code against an open challenge. TOTP: a code of the current window, never the same step
 * twice (also across challenges), or a recovery code, which is spent. Mail: the code mailed for
 * this challenge, once.
 * A wrong code returns "WRONG_CODE" (the caller counts it and commits); a replay throws.
 */
export async function checkSecondFactor(tx: Tx, challenge: OpenChallenge, rawCode: string, keys: TotpKeyring, key: string, now: Date): Promise<"OK" | "WRONG_CODE"> {
  const code = rawCode.trim();
  const { userId } = challenge;
  if (challenge.method === "MAIL") {
    if (!challenge.codeHash || !/^\d{6}$/.test(code) || !sameHash(challenge.codeHash, mailCodeHash(code, challenge.id, key))) return "WRONG_CODE";
    await spendCode(tx, userId, `mail:${challenge.id}`, "MAIL");
    return "OK";
  }
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, recoveryCodes: true } });
  const opened = user.totpEnabledAt && user.totpSecret ? openTotpSecret(user.totpSecret, keys) : null;
  if (!opened) return "WRONG_CODE";
  if (/^\d{6}$/.test(code)) {
    const step = matchTotp(code, opened.secret, now);
    if (step === null) return "WRONG_CODE";
    await spendCode(tx, userId, `totp:${step}`, "TOTP");
  } else {
    const hashed = sha256(normaliseRecoveryCode(code));
    if (!user.recoveryCodes.includes(hashed)) return "WRONG_CODE";
    await tx.user.update({ where: { id: userId }, data: { recoveryCodes: user.recoveryCodes.filter((c) => c !== hashed) } });
    await audit(tx, { actorId: userId, action: "auth.recovery_code_used", entityType: "User", entityId: userId });
  }
  return "OK";
}

/** After a successful login: a TOTP secret sealed with an older key is sealed again with the current one. */
export async function resealTotpSecret(tx: Tx, userId: string, keys: TotpKeyring): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
  const opened = user.totpSecret ? openTotpSecret(user.totpSecret, keys) : null;
  if (opened && !opened.current) await tx.user.update({ where: { id: userId }, data: { totpSecret: sealTotpSecret(opened.secret, keys) } });
}
