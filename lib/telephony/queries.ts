import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { readRows } from "@/lib/db/prepared";

/** A call stays popped for this long at most, should its "ended" never arrive. */
const POP_MAX_MS = 4 * 60 * 60 * 1000;

export interface ScreenPop {
  callId: string;
  callerId: string | null;
  callerName: string | null;
  callerNumber: string | null;
  /** The newest "not reached" or "wrong number" note: the call centre must see it at once. */
  alertNote: string | null;
  href: string;
}

/**
 * The call the platform says this agent is on now, with what the agent must know first. One
 * prepared statement (lib/db/prepared.ts): every agent's live connection reads it on connect and
 * on each call event, and two Prisma queries with a relation cost 10-16 ms of the connect.
 */
export async function currentCallFor(agentId: string, now: Date): Promise<ScreenPop | null> {
  const [call] = await readRows<{ id: string; callerId: string | null; callerNumber: string | null; callerName: string | null; alertNote: string | null }>(
    db,
    Prisma.sql`
    SELECT c."id", c."callerId", c."callerNumber", u."name" AS "callerName",
      (SELECT n."body" FROM "ContactNote" n
        WHERE c."callerId" IS NOT NULL AND n."subjectId" = c."callerId" AND n."kind" IN ('UNREACHABLE', 'WRONG_NUMBER')
        ORDER BY n."createdAt" DESC, n."id" DESC LIMIT 1) AS "alertNote"
    FROM "CtiCall" c LEFT JOIN "User" u ON u."id" = c."callerId"
    WHERE c."agentId" = ${agentId} AND c."state" = 'ANSWERED' AND c."answeredAt" >= ${new Date(now.getTime() - POP_MAX_MS)}
    ORDER BY c."answeredAt" DESC, c."id" DESC
    LIMIT 1`,
  );
  if (!call) return null;
  const href = call.callerId
    ? `/agent/telefoon?caller=${encodeURIComponent(call.callerId)}`
    : `/agent/telefoon?caller=unknown${call.callerNumber ? `&nummer=${encodeURIComponent(call.callerNumber)}` : ""}`;
  return { callId: call.id, callerId: call.callerId, callerName: call.callerName, callerNumber: call.callerNumber, alertNote: call.alertNote, href };
}

/** The agent's own calls the platform drafted, waiting for a summary. */
export function listDraftCalls(agentId: string) {
  return db.callRecord.findMany({
    where: { agentId, draft: true },
    orderBy: { startedAt: "desc" },
    take: 20,
    select: { id: true, callerId: true, callerName: true, phone: true, startedAt: true, durationSec: true, waitSec: true },
  });
}
