import "server-only";
// The steps of a login as plain functions (next-auth's authorize callbacks only delegate here), so
// tests run them against a real database: password, then a code or, for staff without TOTP,
// enrolment; and which decoded session may act at all.
import { randomBytes } from "node:crypto";
import type { User } from "next-auth";
import { decode, type JWT } from "next-auth/jwt";
import type { Db } from "@/lib/db/client";
import { attemptLogin } from "./mutations";
import { loadSessionUser, type SessionUser } from "./queries";
import { isStaff } from "./rules";
import { loginSchema } from "./schema";
import { sendMailCode, TwoFactorError, verifySecondFactor } from "./two-factor";
import { cookieFrom, deviceStillRemembered, deviceTokenIssuedAt, deviceTokenValid, enrolmentProof, sameHash, sessionMayAct } from "./two-factor-rules";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** A refusal the login forms translate; next-auth passes an Error's message through as `error`. */
function refuse(code: string): never {
  throw new Error(code);
}

/** The session token in a raw Cookie header (the second steps complete that pending session). */
export async function tokenFromCookies(header: string | null, key: string): Promise<JWT | null> {
  const raw = SESSION_COOKIES.map((name) => cookieFrom(header, name)).find(Boolean);
  return raw ? decode({ token: raw, secret: key }).catch(() => null) : null;
}

/**
 * Step one: the password. Then a remembered device may skip the code, but only one remembered
 * after the current TOTP enrolment and the last password change (either voids older devices).
 */
export async function passwordStep(db: Db, credentials: unknown, deviceToken: string | null, key: string, now: Date): Promise<User> {
  const parsed = loginSchema.safeParse(credentials ?? {});
  if (!parsed.success) refuse("INVALID_CREDENTIALS");
  const outcome = await attemptLogin(db, parsed.data, now);
  if (!outcome.ok) refuse(outcome.reason);
  const { user } = outcome;
  const base = { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
  if (user.secondFactor === null) return base;
  if (user.secondFactor === "ENROL") return { ...base, tfa: "enrol", tfaNonce: randomBytes(16).toString("base64url") };
  const deviceCurrent = deviceStillRemembered(deviceTokenIssuedAt(deviceToken), [user.totpEnabledAt, user.passwordChangedAt]);
  if (deviceCurrent && deviceTokenValid(deviceToken, user.id, now, key)) return { ...base, mfa: true };
  if (user.secondFactor === "MAIL") {
    const mailed = await db.$transaction((tx) => sendMailCode(tx, user.id, key, now));
    return { ...base, tfa: "pending", tfaMethod: "MAIL", tfaNonce: mailed.nonce, tfaCodeHash: mailed.codeHash };
  }
  return { ...base, tfa: "pending", tfaMethod: "TOTP" };
}

async function activeUserOf(db: Db, token: JWT | null) {
  if (!token?.uid) return null;
  const user = await db.user.findUnique({ where: { id: token.uid } });
  return user?.active && user.sessionVersion === token.sv ? user : null;
}

/** Step two: the code (TOTP, recovery or mailed) for a pending login. */
export async function codeStep(db: Db, token: JWT | null, rawCode: unknown, key: string, now: Date): Promise<User> {
  if (token?.tfa !== "pending" || !token.tfaMethod) refuse("SESSION_EXPIRED");
  const user = await activeUserOf(db, token);
  if (!user) refuse("SESSION_EXPIRED");
  const code = typeof rawCode === "string" ? rawCode.slice(0, 64) : "";
  try {
    await db.$transaction((tx) =>
      verifySecondFactor(tx, { userId: user.id, method: token.tfaMethod!, nonce: token.tfaNonce, codeHash: token.tfaCodeHash }, code, key, now),
    );
  } catch (error) {
    if (error instanceof TwoFactorError) refuse(error.code);
    throw error;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion, tfaAt: now.getTime(), mfa: true };
}

/** A staff login held for enrolment: who it is and the nonce that binds the enrolment to it. */
export async function pendingEnrolmentOf(db: Db, token: JWT | null): Promise<{ userId: string; nonce: string } | null> {
  if (token?.tfa !== "enrol" || !token.tfaNonce) return null;
  const user = await activeUserOf(db, token);
  return user ? { userId: user.id, nonce: token.tfaNonce } : null;
}

/** After enrolment: the pending login becomes a full session, with the proof only it was given. */
export async function enrolledStep(db: Db, token: JWT | null, rawProof: unknown, key: string, now: Date): Promise<User> {
  const pending = await pendingEnrolmentOf(db, token);
  if (!pending) refuse("SESSION_EXPIRED");
  const user = await db.user.findUniqueOrThrow({ where: { id: pending.userId } });
  const proof = typeof rawProof === "string" ? rawProof.slice(0, 128) : "";
  if (!user.totpEnabledAt || !sameHash(proof, enrolmentProof(user.id, pending.nonce, key))) refuse("ENROLMENT_INCOMPLETE");
  return { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion, tfaAt: now.getTime(), mfa: true };
}

/**
 * Whether a decoded session may act, and as whom: not while a code or an enrolment is due, and a
 * staff session only once it passed TOTP. Every layout, page, route and action goes through here.
 */
export async function resolveSession(session: { userId?: string; sv?: number; pending: boolean; mfa: boolean }): Promise<SessionUser | null> {
  if (!session.userId || session.pending) return null;
  const user = await loadSessionUser(session.userId, session.sv);
  if (!user || !sessionMayAct({ staff: isStaff(user.role), secondFactorPassed: session.mfa })) return null;
  return user;
}
