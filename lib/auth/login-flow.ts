import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
// The steps of a login as plain functions (next-auth's authorize callbacks only delegate here), so
// tests run them against a real database: password, then a code or, for staff without TOTP,
// enrolment; and which decoded session may act at all.
import { randomBytes } from "node:crypto";
import type { User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { decodeSessionToken } from "./session-token";
import type { Db } from "@/lib/db/client";
import type { RateLimitKind, RateLimitOutcome } from "@/lib/security/rate-limit";
import { breakGlassEmails, ssoConfig } from "@/lib/sso/config";
import { getSsoSettings } from "@/lib/sso/settings";
import { answerChallenge } from "./login-challenge";
import { attemptLogin, type AuthenticatedUser } from "./mutations";
import { loadSessionUser, type SessionUser } from "./queries";
import { isStaff } from "./rules";
import { loginSchema } from "./schema";
import { startSession } from "./sessions";
import { openLoginChallenge, TwoFactorError } from "./two-factor";
import {
  cookieFrom,
  deviceStillRemembered,
  deviceTokenIssuedAt,
  deviceTokenValid,
  enrolmentProof,
  sameHash,
  sessionMayAct,
  type TotpKeyring,
} from "./two-factor-rules";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** What a login step needs beyond the form: keys, the moment, and who is asking from where. */
export interface LoginContext {
  /** AUTH_SECRET: mailed codes, device tokens, enrolment proofs. */
  key: string;
  totpKeys: TotpKeyring;
  now: Date;
  /** The client's address (per-IP limits) and browser (kept with the session). */
  ip: string;
  userAgent: string | null;
  /** The shared budgets of lib/security/rate-limit.ts; tests pass their own. */
  limits: {
    consume(kind: RateLimitKind, key: string): Promise<RateLimitOutcome>;
    reset(kind: RateLimitKind, key: string): Promise<void>;
    /** Gives the attempt back; optional so a test's limits may leave it out. */
    refund?(kind: RateLimitKind, key: string): Promise<void>;
  };
}

/** A refusal the login forms translate; next-auth passes an Error's message through as `error`. */
export class LoginRefusal extends Error {
  constructor(code: string) {
    super(code);
    this.name = "LoginRefusal";
  }
}

function refuse(code: string): never {
  throw new LoginRefusal(code);
}

/** Counts the attempt against each budget; a spent one refuses with "RATE_LIMITED:<minutes>". */
async function withinLimits(ctx: LoginContext, budgets: [RateLimitKind, string][]): Promise<void> {
  for (const [kind, key] of budgets) {
    const outcome = await ctx.limits.consume(kind, key);
    if (!outcome.ok) refuse(`RATE_LIMITED:${Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60))}`);
  }
}

/** The session token in a raw Cookie header (the second steps complete that pending session). */
export async function tokenFromCookies(header: string | null, key: string): Promise<JWT | null> {
  const raw = SESSION_COOKIES.map((name) => cookieFrom(header, name)).find(Boolean);
  return decodeSessionToken(raw, key);
}

function baseOf(user: Pick<AuthenticatedUser, "id" | "name" | "role" | "sessionVersion"> & { email: string | null }) {
  return { id: user.id, email: accountEmail(user), name: user.name, role: user.role, sv: user.sessionVersion };
}

async function sessionFor(db: Db, userId: string, ctx: LoginContext): Promise<string> {
  return db.$transaction((tx) => startSession(tx, { userId, userAgent: ctx.userAgent, totpKeys: ctx.totpKeys }, ctx.now));
}

/**
 * Step one: the password. Then a remembered device may skip the code, but only one remembered
 * after the current TOTP enrolment and the last password change (either voids older devices).
 * A code step is opened on the server (LoginChallenge); the cookie carries only its id.
 */
export async function passwordStep(db: Db, credentials: unknown, deviceToken: string | null, ctx: LoginContext): Promise<User> {
  const parsed = loginSchema.safeParse(credentials ?? {});
  if (!parsed.success) refuse("INVALID_CREDENTIALS");
  await withinLimits(ctx, [["login_account", parsed.data.email], ["login_ip", ctx.ip]]);
  // Without a staff IdP configured (any more) the setting cannot apply: nobody could log in at all.
  const staffPasswordOff = ssoConfig().staff !== null && (await getSsoSettings(db)).staffPasswordOff;
  const staffPolicy = { staffPasswordOff, breakGlassEmails: breakGlassEmails() };
  const outcome = await attemptLogin(db, parsed.data, ctx.now, staffPolicy);
  if (!outcome.ok) refuse(outcome.reason);
  const { user } = outcome;
  // The password was right: the account's own budget starts over, and the address gets its attempt
  // back, so the per-address budget counts failures only (a contact centre behind one NAT address
  // logs in all at 9:00).
  await ctx.limits.reset("login_account", parsed.data.email);
  await ctx.limits.refund?.("login_ip", ctx.ip);
  const base = baseOf(user);
  if (user.secondFactor === null) return { ...base, sid: await sessionFor(db, user.id, ctx) };
  if (user.secondFactor === "ENROL") return { ...base, tfa: "enrol", tfaNonce: randomBytes(16).toString("base64url") };
  const deviceCurrent = deviceStillRemembered(deviceTokenIssuedAt(deviceToken), [user.totpEnabledAt, user.passwordChangedAt]);
  if (deviceCurrent && deviceTokenValid(deviceToken, user.id, ctx.now, ctx.key)) return { ...base, mfa: true, sid: await sessionFor(db, user.id, ctx) };
  const method = user.secondFactor;
  const challenge = await db.$transaction((tx) => openLoginChallenge(tx, user.id, method, ctx.key, ctx.now));
  return { ...base, tfa: "pending", tfaMethod: method, tfaChallenge: challenge.id };
}

async function activeUserOf(db: Db, token: JWT | null) {
  if (!token?.uid) return null;
  const user = await db.user.findUnique({ where: { id: token.uid } });
  return user?.active && user.sessionVersion === token.sv ? user : null;
}

/**
 * Step two: the code (TOTP, recovery or mailed) for the pending login's challenge. Wrong codes are
 * counted on the server (five end the challenge: TOO_MANY_ATTEMPTS, log in again).
 */
export async function codeStep(db: Db, token: JWT | null, rawCode: unknown, ctx: LoginContext): Promise<User> {
  if (token?.tfa !== "pending" || !token.tfaChallenge) refuse("SESSION_EXPIRED");
  const challengeId = token.tfaChallenge;
  const user = await activeUserOf(db, token);
  if (!user) refuse("SESSION_EXPIRED");
  await withinLimits(ctx, [["second_factor_user", user.id], ["second_factor_ip", ctx.ip]]);
  const code = typeof rawCode === "string" ? rawCode.slice(0, 64) : "";
  let outcome;
  try {
    outcome = await db.$transaction((tx) =>
      answerChallenge(tx, { challengeId, userId: user.id, code, userAgent: ctx.userAgent }, { key: ctx.key, totpKeys: ctx.totpKeys }, ctx.now),
    );
  } catch (error) {
    if (error instanceof TwoFactorError) refuse(error.code);
    throw error;
  }
  if (!outcome.ok) refuse(outcome.reason);
  await ctx.limits.reset("second_factor_user", user.id);
  await ctx.limits.refund?.("second_factor_ip", ctx.ip);
  return { ...baseOf(user), sid: outcome.sid, tfaAt: ctx.now.getTime(), mfa: true };
}

/** A staff login held for enrolment: who it is and the nonce that binds the enrolment to it. */
export async function pendingEnrolmentOf(db: Db, token: JWT | null): Promise<{ userId: string; nonce: string } | null> {
  if (token?.tfa !== "enrol" || !token.tfaNonce) return null;
  const user = await activeUserOf(db, token);
  return user ? { userId: user.id, nonce: token.tfaNonce } : null;
}

/** After enrolment: the pending login becomes a full session, with the proof only it was given. */
export async function enrolledStep(db: Db, token: JWT | null, rawProof: unknown, ctx: LoginContext): Promise<User> {
  const pending = await pendingEnrolmentOf(db, token);
  if (!pending) refuse("SESSION_EXPIRED");
  const user = await db.user.findUniqueOrThrow({ where: { id: pending.userId } });
  const proof = typeof rawProof === "string" ? rawProof.slice(0, 128) : "";
  if (!user.totpEnabledAt || !sameHash(proof, enrolmentProof(user.id, pending.nonce, ctx.key))) refuse("ENROLMENT_INCOMPLETE");
  return { ...baseOf(user), sid: await sessionFor(db, user.id, ctx), tfaAt: ctx.now.getTime(), mfa: true };
}

/** The pending code step of a token, while its challenge still takes codes; null otherwise. */
export async function pendingChallengeOf(db: Db, token: JWT | null, now: Date): Promise<{ userId: string; method: "TOTP" | "MAIL" } | null> {
  if (token?.tfa !== "pending" || !token.tfaChallenge) return null;
  const user = await activeUserOf(db, token);
  if (!user) return null;
  const challenge = await db.loginChallenge.findUnique({ where: { id: token.tfaChallenge } });
  if (!challenge || challenge.userId !== user.id || challenge.endedAt || challenge.expiresAt.getTime() <= now.getTime()) return null;
  return { userId: user.id, method: challenge.method === "MAIL" ? "MAIL" : "TOTP" };
}

/**
 * Whether a decoded session may act, and as whom: not while a code or an enrolment is due, not
 * once its server-side session ended (logout), and a staff session only once it passed TOTP.
 * Every layout, page, route and action goes through here.
 */
export async function resolveSession(session: { userId?: string; sv?: number; sid?: string; pending: boolean; mfa: boolean }): Promise<SessionUser | null> {
  if (!session.userId || !session.sid || session.pending) return null;
  const user = await loadSessionUser(session.userId, session.sv, session.sid);
  if (!user || !sessionMayAct({ staff: isStaff(user.role), secondFactorPassed: session.mfa })) return null;
  return user;
}
