import "server-only";
// The second step of a login, held on the server: each wrong code is counted on the challenge and
// as a failed login of the account; the fifth wrong code ends the challenge (log in again).
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { countFailedLogin } from "./mutations";
import { isLocked } from "./rules";
import { startSession } from "./sessions";
import { checkSecondFactor } from "./two-factor";
import { afterWrongCode, challengeRefusal, type ChallengeRefusal, type TotpKeyring } from "./two-factor-rules";

export type ChallengeOutcome = { ok: true; sid: string } | { ok: false; reason: ChallengeRefusal | "WRONG_CODE" };

interface Answer {
  challengeId: string;
  userId: string;
  code: string;
  userAgent: string | null;
}

async function endChallenge(tx: Tx, challenge: { id: string; userId: string; attempts: number }, reason: string, now: Date): Promise<void> {
  await tx.loginChallenge.update({ where: { id: challenge.id }, data: { endedAt: now } });
  await audit(tx, {
    actorId: null,
    action: "auth.two_factor_locked_out",
    entityType: "User",
    entityId: challenge.userId,
    data: { challengeId: challenge.id, attempts: challenge.attempts, reason },
  });
}

/**
 * Answers an open challenge with a code. Returns (never throws) a wrong code, so its count commits;
 * a replayed code throws TwoFactorError("REPLAYED_CODE") and the transaction rolls back. On
 * success the challenge ends and the session starts: its id goes into the session cookie.
 */
export async function answerChallenge(tx: Tx, answer: Answer, keys: { key: string; totpKeys: TotpKeyring }, now: Date): Promise<ChallengeOutcome> {
  // One answer at a time per challenge: concurrent guesses cannot slip past the limit.
  await tx.$queryRaw`SELECT "id" FROM "LoginChallenge" WHERE "id" = ${answer.challengeId} FOR UPDATE`;
  const challenge = await tx.loginChallenge.findUnique({ where: { id: answer.challengeId } });
  if (!challenge || challenge.userId !== answer.userId) return { ok: false, reason: "SESSION_EXPIRED" };
  const closed = challengeRefusal(challenge, now);
  if (closed) return { ok: false, reason: closed };
  const account = await tx.user.findUniqueOrThrow({ where: { id: answer.userId }, select: { lockedUntil: true } });
  if (isLocked(account.lockedUntil, now)) {
    // Locked meanwhile (wrong passwords or codes elsewhere): this login is over too.
    await endChallenge(tx, challenge, "account_locked", now);
    return { ok: false, reason: "TOO_MANY_ATTEMPTS" };
  }
  const verdict = await checkSecondFactor(tx, challenge, answer.code, keys.totpKeys, keys.key, now);
  if (verdict === "WRONG_CODE") {
    const next = afterWrongCode(challenge.attempts);
    const { locked } = await countFailedLogin(tx, answer.userId, now);
    await tx.loginChallenge.update({ where: { id: challenge.id }, data: { attempts: next.attempts } });
    await audit(tx, {
      actorId: null,
      action: "auth.two_factor_failed",
      entityType: "User",
      entityId: answer.userId,
      data: { challengeId: challenge.id, method: challenge.method, attempt: next.attempts },
    });
    if (!next.ended && !locked) return { ok: false, reason: "WRONG_CODE" };
    await endChallenge(tx, { ...challenge, attempts: next.attempts }, next.ended ? "attempts" : "account_locked", now);
    return { ok: false, reason: "TOO_MANY_ATTEMPTS" };
  }
  await tx.loginChallenge.update({ where: { id: challenge.id }, data: { endedAt: now } });
  const sid = await startSession(tx, { userId: answer.userId, userAgent: answer.userAgent, totpKeys: keys.totpKeys }, now);
  return { ok: true, sid };
}
