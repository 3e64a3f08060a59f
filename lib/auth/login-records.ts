import "server-only";
import type { Db } from "@/lib/db/client";

const DAY_MS = 24 * 3_600_000;
// A session lives 8 hours (options.ts); a month of them stays for "who was signed in when".
const SESSION_KEEP_MS = 31 * DAY_MS;
// A challenge lives 10 minutes and a spent code matters only within its TOTP window or challenge;
// a day is ample. The audit log keeps the history of both.
const SHORT_KEEP_MS = DAY_MS;

/** Sweep: deletes login rows that can no longer matter, so the tables do not grow with every login. */
export async function sweepLoginRecords(db: Db, now: Date): Promise<number> {
  const [sessions, challenges, codes] = await Promise.all([
    db.authSession.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SESSION_KEEP_MS) } } }),
    db.loginChallenge.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - SHORT_KEEP_MS) } } }),
    db.twoFactorUse.deleteMany({ where: { usedAt: { lt: new Date(now.getTime() - SHORT_KEEP_MS) } } }),
  ]);
  return sessions.count + challenges.count + codes.count;
}
