import "server-only";
import type { Tx } from "@/lib/db/client";
import { fixedHandlerFor } from "@/lib/org-admin/fixed-handler";
import { addCustomerMessage, createTicket, TicketRuleError, type StoredAttachment } from "@/lib/tickets/mutations";
import type { EmployerActor as ScopedEmployerActor } from "./action";
import type { FileQuestionInput } from "./schema";
import { employerTicketScope } from "./scope";

export interface EmployerActor {
  id: string;
  organisationId: string;
}

/** A question for the organisation, filed in the employer portal. */
export async function fileEmployerQuestion(tx: Tx, actor: EmployerActor, input: Omit<FileQuestionInput, "files">, attachments: StoredAttachment[], now: Date) {
  return createTicket(
    tx,
    {
      subject: input.subject,
      categoryKey: input.categoryKey,
      channel: "PORTAL",
      body: input.body,
      requesterId: actor.id,
      organisationId: actor.organisationId,
      authorId: actor.id,
      attachments,
      assigneeId: await fixedHandlerFor(tx, actor.organisationId),
    },
    now,
  );
}

/**
 * A reply on a ticket in the contact's scope; another organisation's number, and a ticket of their
 * own organisation they may not see (an HR-desk conversation for a non-HR colleague), are NOT_FOUND.
 */
export async function replyAsEmployer(tx: Tx, actor: ScopedEmployerActor, input: { ticketNumber: string; body: string }, now: Date, attachments: StoredAttachment[] = []) {
  const ticket = await tx.ticket.findFirst({
    where: { AND: [employerTicketScope(actor), { number: input.ticketNumber }] },
    select: { id: true },
  });
  if (!ticket) throw new TicketRuleError("NOT_FOUND");
  return addCustomerMessage(tx, { ticketId: ticket.id, authorId: actor.id, channel: "PORTAL", body: input.body, attachments }, now);
}
