import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { addCustomerMessage, createTicket, TicketRuleError } from "@/lib/tickets/mutations";
import { storeCheckedUploads } from "@/lib/uploads/storage";
import { newMessageSchema, replySchema } from "./schema";

/** A beneficiary's new question: a PORTAL ticket with its registration number and due date. */
export const sendPortalMessage = defineAction({
  name: "portal.message.send",
  schema: newMessageSchema,
  permission: "portal.ticket.create",
  handler: async (input, { user, now }) => {
    const attachments = await storeCheckedUploads(input.files, now);
    if (typeof attachments === "string") return fail(attachments, { files: [attachments] });
    try {
      const ticket = await db.$transaction((tx) =>
        createTicket(tx, { subject: input.subject, categoryKey: input.categoryKey, channel: "PORTAL", body: input.body, requesterId: user.id, authorId: user.id, attachments }, now),
      );
      return ok({ id: ticket.id, number: ticket.number, dueAt: ticket.slaDueAt?.toISOString() ?? null });
    } catch (error) {
      if (error instanceof TicketRuleError) return fail(error.code);
      throw error;
    }
  },
});

/** A reply on one of their own tickets; a resolved ticket opens again. */
export const replyAsBeneficiary = defineAction({
  name: "portal.message.reply",
  schema: replySchema,
  permission: "portal.ticket.reply",
  handler: async (input, { user, now }) => {
    const own = await db.ticket.findFirst({ where: { id: input.ticketId, requesterId: user.id }, select: { id: true, status: true } });
    if (!own) return fail("NOT_FOUND");
    if (own.status === "CLOSED") return fail("TICKET_CLOSED");
    const attachments = await storeCheckedUploads(input.files, now);
    if (typeof attachments === "string") return fail(attachments, { files: [attachments] });
    try {
      const result = await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: own.id, authorId: user.id, channel: "PORTAL", body: input.body, attachments }, now));
      return ok(result);
    } catch (error) {
      if (error instanceof TicketRuleError) return fail(error.code);
      throw error;
    }
  },
});
