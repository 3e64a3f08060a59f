import "server-only";
import type { CtiCall } from "@prisma/client";
import { can } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import { publishLive } from "@/lib/live/publish";
import { userTopic } from "@/lib/live/topics";
import { nationalNumber, numberVariants } from "./numbers";
import type { CtiEventInput } from "./schema";

export interface CtiOutcome {
  duplicate: boolean;
  callId: string;
  state: CtiCall["state"];
  callRecordId: string | null;
}

/**
 * The one person (beneficiary or employer contact) this number belongs to, or null. The digits
 * expression is the one User_phone_digits_idx holds (prisma/migrations/*_caller_number_index):
 * change both or neither.
 */
export async function findCallerByNumber(tx: Tx, raw: string | null | undefined): Promise<string | null> {
  const national = nationalNumber(raw);
  if (!national) return null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User"
    WHERE regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g') = ANY(${numberVariants(national)}::text[])
      AND "role" IN ('BENEFICIARY', 'EMPLOYER_CONTACT') AND "active" AND "mergedIntoId" IS NULL AND "erasedAt" IS NULL
    LIMIT 2`;
  return rows.length === 1 ? rows[0]!.id : null;
}

async function findAgent(tx: Tx, email: string | undefined): Promise<string | null> {
  if (!email) return null;
  const agent = await tx.user.findFirst({ where: { email: email.toLowerCase(), active: true }, select: { id: true, role: true } });
  return agent && can({ role: agent.role }, "phone.call.log") ? agent.id : null;
}

/**
 * Applies one platform event. Idempotent by the event id (a redelivery changes nothing) and
 * tolerant of order: an "ended" that overtakes its "answered" still yields a drafted call record
 * once the answer arrives. The agent's screen pop is woken in the same transaction.
 */
export async function applyCtiEvent(tx: Tx, eventId: string, event: CtiEventInput): Promise<CtiOutcome> {
  const seen = await tx.ctiEvent.findUnique({ where: { id: eventId }, select: { call: true } });
  if (seen) return { duplicate: true, callId: seen.call.id, state: seen.call.state, callRecordId: seen.call.callRecordId };

  const existing = await tx.ctiCall.findUnique({ where: { externalId: event.callId } });
  const number = event.callerNumber ?? existing?.callerNumber ?? null;
  let call =
    existing ??
    (await tx.ctiCall.create({
      data: { externalId: event.callId, ringingAt: event.at, callerNumber: number, queue: event.queue ?? null, callerId: await findCallerByNumber(tx, number) },
    }));
  if (existing && event.callerNumber && !existing.callerNumber) {
    call = await tx.ctiCall.update({ where: { id: call.id }, data: { callerNumber: event.callerNumber, callerId: await findCallerByNumber(tx, event.callerNumber) } });
  }
  if (existing && event.type === "call.ringing" && event.at < call.ringingAt) {
    // A "ringing" that arrives after the answer still says when the caller started waiting.
    const waitSec = call.answeredAt ? Math.max(0, Math.round((call.answeredAt.getTime() - event.at.getTime()) / 1000)) : call.waitSec;
    call = await tx.ctiCall.update({ where: { id: call.id }, data: { ringingAt: event.at, waitSec } });
  }

  if (event.type === "call.answered") {
    const agentId = (await findAgent(tx, event.agentEmail)) ?? call.agentId;
    const waitSec = event.waitSec ?? Math.max(0, Math.round((event.at.getTime() - call.ringingAt.getTime()) / 1000));
    call = await tx.ctiCall.update({
      where: { id: call.id },
      data: {
        agentId,
        answeredAt: event.at,
        waitSec,
        // An "ended" that came first made it look abandoned; the answer says otherwise.
        state: call.endedAt ? "ENDED" : "ANSWERED",
        queue: call.queue ?? event.queue ?? null,
      },
    });
  } else if (event.type === "call.ended") {
    call = await tx.ctiCall.update({
      where: { id: call.id },
      data: { endedAt: event.at, state: call.answeredAt ? "ENDED" : "ABANDONED", waitSec: call.waitSec ?? event.waitSec ?? null },
    });
  }

  if (call.state === "ENDED" && call.agentId && call.answeredAt && call.endedAt && !call.callRecordId) {
    const caller = call.callerId ? await tx.user.findUnique({ where: { id: call.callerId }, select: { name: true, phone: true } }) : null;
    const record = await tx.callRecord.create({
      data: {
        agentId: call.agentId,
        callerId: call.callerId,
        callerName: caller?.name ?? null,
        phone: call.callerNumber,
        summary: "",
        draft: true,
        startedAt: call.answeredAt,
        durationSec: Math.max(0, Math.round((call.endedAt.getTime() - call.answeredAt.getTime()) / 1000)),
        waitSec: call.waitSec,
      },
      select: { id: true },
    });
    call = await tx.ctiCall.update({ where: { id: call.id }, data: { callRecordId: record.id } });
  }

  await tx.ctiEvent.create({ data: { id: eventId, callId: call.id, kind: event.type, at: event.at } });
  if (call.agentId) await publishLive(tx, userTopic(call.agentId));
  return { duplicate: false, callId: call.id, state: call.state, callRecordId: call.callRecordId };
}
