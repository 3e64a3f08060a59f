import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { isCustomer, sessionTicketScope } from "@/lib/tickets/session-scope";
import { recordDossierView } from "@/lib/workspace/mutations";
import { isDossierTicket, staffTicketScope } from "@/lib/workspace/scope";
import { letterAddressOf } from "./rules";

const postal = { postalStreet: true, postalCode: true, postalCity: true } as const;

/**
 * An outgoing letter on a ticket the user may see; null otherwise. Printing a letter of a dossier
 * ticket reads it as much as opening its page does, so it is audited the same way.
 */
export async function getLetter(user: SessionUser, ticketId: string, messageId: string) {
  const letter = await letterIn(staffTicketScope(user), ticketId, messageId);
  if (!letter) return null;
  const { ticket } = letter;
  const complaint = ticket.complaint ? { stage: ticket.complaint.stage, subjectDossierSensitive: ticket.complaint.subjectTicket.category.dossierSensitive } : null;
  if (isDossierTicket({ dossierSensitive: ticket.category.dossierSensitive, complaint })) await recordDossierView(user.id, ticket.id, { letterId: messageId });
  return letter;
}

/**
 * A letter Loket sent a customer about one of their own questions (an employer contact: their
 * organisation's, as the employer pages show them), so the portal can show it as it was posted.
 * Staff read letters through getLetter.
 */
export async function getOwnLetter(user: SessionUser, ticketId: string, messageId: string) {
  const scope = isCustomer(user) ? sessionTicketScope(user) : null;
  return scope ? letterIn(scope, ticketId, messageId) : null;
}

async function letterIn(scope: Prisma.TicketWhereInput, ticketId: string, messageId: string) {
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: ticketId }, scope] },
    select: {
      id: true,
      number: true,
      subject: true,
      requesterName: true,
      requester: { select: { name: true, locale: true, ...postal } },
      organisation: { select: { name: true, ...postal } },
      category: { select: { dossierSensitive: true } },
      complaint: { select: { stage: true, subjectTicket: { select: { category: { select: { dossierSensitive: true } } } } } },
    },
  });
  if (!ticket) return null;
  const message = await db.message.findFirst({
    where: { id: messageId, ticketId, direction: "OUTBOUND", channel: "LETTER" },
    select: { body: true, createdAt: true, author: { select: { name: true } }, attachments: { select: { fileName: true }, orderBy: { createdAt: "asc" } } },
  });
  return message ? { ticket, message } : null;
}

/**
 * The address letters on this ticket go to (the organisation's for an employer's ticket, else the
 * requester's), for the ticket page; null when the user may not see the ticket.
 */
export async function getLetterAddress(user: SessionUser, ticketId: string) {
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: ticketId }, staffTicketScope(user)] },
    select: { requesterId: true, requester: { select: postal }, organisation: { select: { name: true, ...postal } } },
  });
  return ticket ? letterAddressOf(ticket) : null;
}
