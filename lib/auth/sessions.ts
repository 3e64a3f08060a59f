import "server-only";
// Server-side sessions: a completed login gets an AuthSession row whose id the session cookie
// carries (`sid`); a session whose row is missing or ended opens nothing (login-flow.ts
// resolveSession), so logging out ends it for a saved copy of the cookie too.
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { resealTotpSecret } from "./two-factor";
import type { TotpKeyring } from "./two-factor-rules";

/**
 * A login completed (no second factor due, a code passed, a remembered device, or enrolment): its
 * session row. The failed-login count is forgiven only here, and a TOTP secret still sealed with
 * an older key is sealed again with the current one.
 */
export async function startSession(tx: Tx, input: { userId: string; userAgent: string | null; totpKeys: TotpKeyring }, now: Date): Promise<string> {
  await tx.user.update({ where: { id: input.userId }, data: { failedLogins: 0, lockedUntil: null } });
  await resealTotpSecret(tx, input.userId, input.totpKeys);
  const row = await tx.authSession.create({
    data: { userId: input.userId, userAgent: input.userAgent?.slice(0, 300) ?? null, createdAt: now },
    select: { id: true },
  });
  return row.id;
}

/** Logout: ends the session row (once; a second call for the same session changes nothing). */
export async function endSession(tx: Tx, input: { sid: string; userId: string }, now: Date): Promise<boolean> {
  const ended = await tx.authSession.updateMany({ where: { id: input.sid, userId: input.userId, endedAt: null }, data: { endedAt: now } });
  if (ended.count === 0) return false;
  await audit(tx, { actorId: input.userId, action: "auth.logout", entityType: "AuthSession", entityId: input.sid, data: { userId: input.userId } });
  return true;
}

/**
 * "Log out everywhere": every session of the person ends, on every device, this one included. The
 * session version goes up too, so a session from before server-side sessions cannot survive either.
 */
export async function endAllSessions(tx: Tx, userId: string, now: Date): Promise<{ ended: number }> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  const ended = await tx.authSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
  await tx.loginChallenge.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
  await audit(tx, { actorId: userId, action: "auth.logout_everywhere", entityType: "User", entityId: userId, data: { ended: ended.count } });
  return { ended: ended.count };
}
