import "server-only";
import type { JWT } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { authSecret } from "./auth-secret";
import { decodeSessionToken } from "./session-token";
import { can, type Permission } from "./permissions";
import { loginReturnPath, REQUESTED_PATH_HEADER } from "./rules";
import { pendingChallengeOf, pendingEnrolmentOf, resolveSession, SESSION_COOKIES } from "./login-flow";
import type { SessionUser } from "./queries";

export type { SessionUser };

/**
 * This request's session token, decoded on the server. Read here rather than through
 * getServerSession so the ids of the server-side session and login challenge stay out of the
 * session object the browser can fetch. A tampered or expired cookie decodes to nothing.
 */
export const currentToken = cache(async (): Promise<JWT | null> => {
  const store = await cookies();
  const raw = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  return decodeSessionToken(raw, authSecret());
});

/**
 * The signed-in person, re-read from the database on every request: a deactivated account, a
 * bumped session version, an ended session (logout) or a revoked right takes effect at once, not
 * when the JWT expires. A login still waiting for its code or (staff) its TOTP enrolment is no
 * session either: every layout, page, route and action goes through here, so none of them can be
 * reached half-authenticated.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = await currentToken();
  return resolveSession({
    userId: token?.uid,
    sv: token?.sv,
    sid: token?.sid,
    pending: Boolean(token?.tfa),
    mfa: token?.mfa === true,
  });
});

/** A login whose password is checked and whose code step is still open; null otherwise. */
export const getPendingTwoFactor = cache(async (): Promise<{ userId: string; method: "TOTP" | "MAIL" } | null> => {
  return pendingChallengeOf(db, await currentToken(), new Date());
});

/** A staff login held until TOTP is enrolled (with the nonce that binds the enrolment to it). */
export const getPendingEnrolment = cache(async (): Promise<{ userId: string; nonce: string } | null> => {
  return pendingEnrolmentOf(db, await currentToken());
});

/** When the second factor was last completed in this session (for "remember this device"). */
export async function getTwoFactorCompletedAt(): Promise<number | null> {
  const token = await currentToken();
  return token && !token.tfa && typeof token.tfaAt === "number" ? token.tfaAt : null;
}

export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    // Layouts only know their place ("/portaal"); the proxy tells which page was asked for, so a
    // link in a mail leads back to that page after login.
    const back = loginReturnPath((await headers()).get(REQUESTED_PATH_HEADER), returnTo);
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  return user;
}

/**
 * For pages: signed in (else to the login page) and holding the permission (else 403 with the
 * "no access" page, app/forbidden.tsx: which pages exist is no secret). A record outside one's
 * scope stays a 404 in the page itself, so its existence is not revealed.
 */
export async function requirePermission(permission: Permission, returnTo: string): Promise<SessionUser> {
  const user = await requireSessionUser(returnTo);
  if (!can(user, permission)) forbidden();
  return user;
}
