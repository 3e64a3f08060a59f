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
  if (!id) return null;
  return loadSessionUser(id, session.sv);
});

export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
