import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { staffTicketScope } from "@/lib/workspace/scope";
import { mergeHistory, type HistoryItem } from "./history-rules";

export const HISTORY_PAGE_SIZE = 10;

/**
 * A caller's whole history as this staff member may see it: tickets open and closed, calls,
 * callback appointments with their outcome and complaints, newest first, `pages` pages of 10.
 * Each kind is read newest first up to the number shown plus one, so the merge is exact and
 * tells whether there is more.
 */
export async function getCallerHistory(
  user: SessionUser,
  caller: { id: string; organisationId: string | null },
  pages: number,
): Promise<{ items: HistoryItem[]; more: boolean }> {
  const take = pages * HISTORY_PAGE_SIZE + 1;
  const scope = staffTicketScope(user);
  const own: Prisma.TicketWhereInput = caller.organisationId ? { OR: [{ requesterId: caller.id }, { organisationId: caller.organisationId }] } : { requesterId: caller.id };
  const [tickets, calls, appointments, complaints] = await Promise.all([
    db.ticket.findMany({
      where: { AND: [scope, own] },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, number: true, subject: true, status: true, createdAt: true },
    }),
    db.callRecord.findMany({
      // A call without a ticket tells nothing of a dossier; one on a ticket follows the ticket's rule.
      where: { callerId: caller.id, OR: [{ ticketId: null }, { ticket: scope }] },
      orderBy: { startedAt: "desc" },
      take,
      select: { id: true, summary: true, startedAt: true, agent: { select: { name: true } }, ticket: { select: { id: true, number: true } } },
    }),
    db.callbackAppointment.findMany({
      where: { personId: caller.id, ticket: scope },
      orderBy: { slotStart: "desc" },
      take,
      select: { id: true, date: true, slot: true, slotStart: true, status: true, phone: true, ticket: { select: { id: true, number: true } } },
    }),
    db.complaint.findMany({
      // The complaint's own ticket decides (complaints are for whoever handles their stage).
      where: { complainantId: caller.id, OR: [{ ticket: scope }, { ticketId: null, subjectTicket: scope }] },
      orderBy: { receivedAt: "desc" },
      take,
      select: { id: true, stage: true, status: true, receivedAt: true, ticket: { select: { id: true, number: true } }, subjectTicket: { select: { id: true, number: true } } },
    }),
  ]);
  return mergeHistory(
    [
      tickets.map((x) => ({ kind: "TICKET" as const, id: x.id, at: x.createdAt, number: x.number, subject: x.subject, status: x.status })),
      calls.map((x) => ({ kind: "CALL" as const, id: x.id, at: x.startedAt, summary: x.summary, agent: x.agent.name, ticket: x.ticket })),
      appointments.map((x) => ({ kind: "APPOINTMENT" as const, id: x.id, at: x.slotStart, date: x.date, slot: x.slot, status: x.status, phone: x.phone, ticket: x.ticket })),
      complaints.map((x) => ({ kind: "COMPLAINT" as const, id: x.id, at: x.receivedAt, stage: x.stage, status: x.status, ticket: x.ticket ?? x.subjectTicket })),
    ],
    pages * HISTORY_PAGE_SIZE,
  );
}
