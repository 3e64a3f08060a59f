import "server-only";
import { Prisma } from "@prisma/client";
import type { Tx } from "@/lib/db/client";
import type { FilesToRemove } from "./files";
import { ANONYMISED_ADDRESS, FREE_TEXT_KEY_LIST, MACHINE_TEXTS, type RemovalReason, removedText } from "./rules";

export interface TicketsAnonymised {
  ticketIds: string[];
  attachments: number;
  inboundMails: number;
  files: FilesToRemove;
}

/**
 * Removes the personal content of tickets, inside the caller's transaction: subject, requester
 * details, message bodies, free text of events, calls, appointments, urgent requests, complaints,
 * escalations with their answers and survey comments; attachments and the raw inbound mails are deleted (their files
 * are returned so the caller removes them once the transaction has committed). Only tickets not
 * anonymised yet are touched, and the caller holds their rows (FOR UPDATE), so running it twice
 * or in two sweeps at once changes each ticket once. What stays of each text says why (`why`).
 */
export async function anonymiseTickets(tx: Tx, candidateIds: readonly string[], now: Date, why: RemovalReason = "retention"): Promise<TicketsAnonymised> {
  const removed = removedText(why);
  const none: TicketsAnonymised = { ticketIds: [], attachments: 0, inboundMails: 0, files: { storageKeys: [], rawPaths: [] } };
  if (candidateIds.length === 0) return none;
  const tickets = await tx.ticket.findMany({ where: { id: { in: [...candidateIds] }, anonymisedAt: null }, select: { id: true } });
  const ids = tickets.map((t) => t.id);
  if (ids.length === 0) return none;
  const inTickets = { ticketId: { in: ids } };

  await tx.ticket.updateMany({
    where: { id: { in: ids }, anonymisedAt: null },
    data: { subject: removed, requesterName: null, requesterEmail: null, requesterPhone: null, anonymisedAt: now },
  });
  await tx.message.updateMany({ where: inTickets, data: { body: removed, bodyHtml: null } });
  // A chat filed on the ticket keeps its own copy of the conversation.
  await tx.chatMessage.updateMany({ where: { session: inTickets }, data: { body: removed } });

  const attachments = await tx.attachment.findMany({ where: { message: inTickets }, select: { id: true, storageKey: true } });
  await tx.attachment.deleteMany({ where: { id: { in: attachments.map((a) => a.id) } } });

  const inbound = await tx.inboundMail.findMany({ where: { OR: [inTickets, { claimedTicketId: { in: ids } }] }, select: { id: true, rawPath: true } });
  await tx.inboundMail.deleteMany({ where: { id: { in: inbound.map((m) => m.id) } } });

  // Free text in events, in one statement (the same keys and exceptions as anonymisedEventData).
  const keys = Prisma.sql`ARRAY[${Prisma.join([...FREE_TEXT_KEY_LIST])}]::text[]`;
  const machine = Prisma.sql`ARRAY[${Prisma.join([...MACHINE_TEXTS])}]::text[]`;
  await tx.$executeRaw`
    UPDATE "TicketEvent" SET "data" = (
      SELECT jsonb_object_agg(e.key, CASE WHEN e.key = ANY(${keys}) AND jsonb_typeof(e.value) = 'string' AND NOT (e.value #>> '{}') = ANY(${machine})
        THEN to_jsonb(${removed}::text) ELSE e.value END)
      FROM jsonb_each("data") AS e)
    WHERE "ticketId" IN (${Prisma.join(ids)}) AND jsonb_typeof("data") = 'object' AND "data" ?| ${keys}`;

  await tx.callRecord.updateMany({ where: { ...inTickets, anonymisedAt: null }, data: { summary: removed, callerName: null, phone: null, anonymisedAt: now } });
  await tx.callbackAppointment.updateMany({ where: inTickets, data: { phone: "" } });
  await tx.callbackAttempt.updateMany({ where: { appointment: inTickets }, data: { note: "" } });
  await tx.urgentRequest.updateMany({ where: inTickets, data: { reason: removed, forWhom: removed, verifyNote: null } });
  const urgent = await tx.urgentRequest.findMany({ where: { ...inTickets, preAnnouncementId: { not: null } }, select: { preAnnouncementId: true } });
  await tx.preAnnouncement.updateMany({
    where: { id: { in: urgent.map((u) => u.preAnnouncementId!) } },
    data: { callerName: removed, subject: removed, reason: removed, forWhom: removed },
  });
  // A complaint goes with its own ticket; a complaint about this ticket keeps its text until its own term.
  const complaints = inTickets;
  await tx.complaint.updateMany({ where: complaints, data: { description: removed, handlerName: null, ombudsReason: null } });
  await tx.complaintNote.updateMany({ where: { complaint: complaints }, data: { body: removed } });
  await tx.escalation.updateMany({ where: inTickets, data: { reason: removed, outcome: null } });
  await tx.escalationAnswer.updateMany({ where: { escalation: inTickets }, data: { body: removed } });
  await tx.satisfactionResponse.updateMany({ where: inTickets, data: { comment: null } });
  // Notifications about the ticket carry its subject in their data.
  await tx.notification.deleteMany({ where: { entityType: "Ticket", entityId: { in: ids } } });
  // Mails about the ticket: the envelope and the body go (a pending one would no longer make sense).
  await tx.outboxMessage.deleteMany({ where: { ...inTickets, status: "PENDING" } });
  await tx.outboxMessage.updateMany({ where: inTickets, data: { toAddress: ANONYMISED_ADDRESS, ccAddresses: [], subject: removed, bodyText: removed, bodyHtml: null, redactedAt: now } });

  return {
    ticketIds: ids,
    attachments: attachments.length,
    inboundMails: inbound.length,
    files: { storageKeys: attachments.map((a) => a.storageKey), rawPaths: inbound.map((m) => m.rawPath) },
  };
}
