import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { staffTicketScope } from "@/lib/workspace/scope";

/** An outgoing letter on a ticket the user may see; null otherwise. */
export async function getLetter(user: SessionUser, ticketId: string, messageId: string) {
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: ticketId }, staffTicketScope(user)] },
    select: { number: true, subject: true, requesterName: true, requester: { select: { name: true, locale: true } }, organisation: { select: { name: true } } },
  });
  if (!ticket) return null;
  const message = await db.message.findFirst({
    where: { id: messageId, ticketId, direction: "OUTBOUND", channel: "LETTER" },
    select: { body: true, createdAt: true, author: { select: { name: true } } },
  });
  if (!message) return null;
  return { ticket, message };
}
