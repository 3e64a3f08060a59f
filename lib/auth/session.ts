import "server-only";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { authSecret } from "./auth-secret";
import { can, type Permission } from "./permissions";
import { pendingEnrolmentOf, resolveSession, SESSION_COOKIES } from "./login-flow";
import { authOptions } from "./options";
import { loadSessionUser, type SessionUser } from "./queries";

export type { SessionUser };

/**
 * The signed-in person, re-read from the database on every request: a deactivated account, a
 * bumped session version or a revoked right takes effect at once, not when the JWT expires.
 * A tampered or expired cookie decodes to no session at all. A login still waiting for its code
 * or (staff) its TOTP enrolment is no session either: every layout, page, route and action goes
 * through here, so none of them can be reached half-authenticated.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions).catch(() => null);
  return resolveSession({
    userId: session?.user?.id,
    sv: session?.sv,
    pending: Boolean(session?.tfaPending || session?.tfaEnrol),
    mfa: session?.mfa === true,
  });
});

/** A login whose password is checked but whose second factor is still due; null otherwise. */
export const getPendingTwoFactor = cache(async (): Promise<{ userId: string; method: "TOTP" | "MAIL" } | null> => {
  const session = await getServerSession(authOptions).catch(() => null);
  if (!session?.user?.id || !session.tfaPending) return null;
  const user = await loadSessionUser(session.user.id, session.sv);
  if (!user) return null;
  return { userId: user.id, method: session.tfaMethod ?? "TOTP" };
});

/** A staff login held until TOTP is enrolled (with the nonce that binds the enrolment to it). */
export const getPendingEnrolment = cache(async (): Promise<{ userId: string; nonce: string } | null> => {
  const store = await cookies();
  const raw = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  const token = raw ? await decode({ token: raw, secret: authSecret() }).catch(() => null) : null;
  return pendingEnrolmentOf(db, token);
});

/** When the second factor was last completed in this session (for "remember this device"). */
export async function getTwoFactorCompletedAt(): Promise<number | null> {
  const session = await getServerSession(authOptions).catch(() => null);
  return session && !session.tfaPending && !session.tfaEnrol && typeof session.tfaAt === "number" ? session.tfaAt : null;
}

export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * For pages: signed in (else to the login page) and holding the permission (else a 404, as for
 * a record outside one's scope: the page does not tell others it exists).
 */
export async function requirePermission(permission: Permission, returnTo: string): Promise<SessionUser> {
  const user = await requireSessionUser(returnTo);
  if (!can(user, permission)) notFound();
  return user;
}
