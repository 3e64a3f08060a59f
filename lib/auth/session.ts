import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import { loadSessionUser, type SessionUser } from "./queries";

export type { SessionUser };

/**
 * The signed-in person, re-read from the database on every request: a deactivated account, a
 * bumped session version or a revoked right takes effect at once, not when the JWT expires.
 * A tampered or expired cookie decodes to no session at all.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions).catch(() => null);
  const id = session?.user?.id;
  // A login still waiting for its second factor is no session at all: every layout, page and
  // action goes through here, so none of them can be reached half-authenticated.
  if (!id || session.tfaPending) return null;
  return loadSessionUser(id, session.sv);
});

/** A login whose password is checked but whose second factor is still due; null otherwise. */
export const getPendingTwoFactor = cache(async (): Promise<{ userId: string; method: "TOTP" | "MAIL" } | null> => {
  const session = await getServerSession(authOptions).catch(() => null);
  if (!session?.user?.id || !session.tfaPending) return null;
  const user = await loadSessionUser(session.user.id, session.sv);
  if (!user) return null;
  return { userId: user.id, method: session.tfaMethod ?? "TOTP" };
});

/** When the second factor was last completed in this session (for "remember this device"). */
export async function getTwoFactorCompletedAt(): Promise<number | null> {
  const session = await getServerSession(authOptions).catch(() => null);
  return session && !session.tfaPending && typeof session.tfaAt === "number" ? session.tfaAt : null;
}

export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
