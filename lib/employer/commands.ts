import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { employerActorOf } from "./action";
import { TicketRuleError } from "@/lib/tickets/mutations";
import { storeCheckedUploads } from "@/lib/uploads/storage";
import { fileEmployerQuestion, replyAsEmployer } from "./mutations";
import { fileQuestionSchema, replySchema } from "./schema";

export function ticketRefusal(error: unknown) {
  if (error instanceof TicketRuleError) return fail(error.code);
  throw error;
}

export const fileQuestion = defineAction({
  name: "employer.question",
  schema: fileQuestionSchema,
  permission: "employer.request.submit",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const actor = { id: user.id, organisationId: user.organisationId };
    const attachments = await storeCheckedUploads(input.files, now);
    if (typeof attachments === "string") return fail(attachments, { files: [attachments] });
    try {
      const ticket = await db.$transaction((tx) => fileEmployerQuestion(tx, actor, input, attachments, now));
      return ok({ number: ticket.number });
    } catch (error) {
      return ticketRefusal(error);
    }
  },
});

export const replyToTicket = defineAction({
  name: "employer.reply",
  schema: replySchema,
  permission: "employer.request.submit",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const actor = employerActorOf(user, user.organisationId);
    // The same upload checks as a new question (content type, size, count).
    const attachments = await storeCheckedUploads(input.files, now);
    if (typeof attachments === "string") return fail(attachments, { files: [attachments] });
    try {
      const result = await db.$transaction((tx) => replyAsEmployer(tx, actor, input, now, attachments));
      return ok({ reopened: result.reopened });
    } catch (error) {
      return ticketRefusal(error);
    }
  },
});
