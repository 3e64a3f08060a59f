import "server-only";
import { db } from "@/lib/db/client";

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

/** The call the platform says this agent is on now, with what the agent must know first. */
export async function currentCallFor(agentId: string, now: Date): Promise<ScreenPop | null> {
  const call = await db.ctiCall.findFirst({
    where: { agentId, state: "ANSWERED", answeredAt: { gte: new Date(now.getTime() - POP_MAX_MS) } },
    orderBy: { answeredAt: "desc" },
    select: { id: true, callerId: true, callerNumber: true, caller: { select: { name: true } } },
  });
  if (!call) return null;
  const note = call.callerId
    ? await db.contactNote.findFirst({
        where: { subjectId: call.callerId, kind: { in: ["UNREACHABLE", "WRONG_NUMBER"] } },
        orderBy: { createdAt: "desc" },
        select: { body: true },
      })
    : null;
  const href = call.callerId
    ? `/agent/telefoon?caller=${encodeURIComponent(call.callerId)}`
    : `/agent/telefoon?caller=unknown${call.callerNumber ? `&nummer=${encodeURIComponent(call.callerNumber)}` : ""}`;
  return { callId: call.id, callerId: call.callerId, callerName: call.caller?.name ?? null, callerNumber: call.callerNumber, alertNote: note?.body ?? null, href };
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
