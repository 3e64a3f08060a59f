// Opening a ticket for a customer on behalf of a back office. The workspace has no general "new
// ticket" form (tickets come in by portal, mail, phone and letter), so this command is the API's;
// it uses the same createTicket as every intake and is in the authorization matrix like the rest.
import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { createTicket, TicketRuleError } from "@/lib/tickets/mutations";
import { createTicketSchema } from "./ticket-schema";

export const createTicketForCustomer = defineAction({
  name: "ticket.create",
  schema: createTicketSchema,
  permission: "workspace.ticket.reply",
  handler: async (input, { user, now }) => {
    if (!input.requesterId && !input.requesterEmail) return fail("INVALID_INPUT", { requesterEmail: ["REQUIRED"] });
    if (input.requesterId) {
      const requester = await db.user.findUnique({ where: { id: input.requesterId }, select: { role: true } });
      if (!requester || (requester.role !== "BENEFICIARY" && requester.role !== "EMPLOYER_CONTACT")) return fail("REQUESTER_NOT_FOUND", { requesterId: ["REQUESTER_NOT_FOUND"] });
    }
    if (input.teamId && !(await db.team.findUnique({ where: { id: input.teamId }, select: { id: true } }))) return fail("TEAM_NOT_FOUND", { teamId: ["TEAM_NOT_FOUND"] });
    try {
      const ticket = await db.$transaction((tx) =>
        createTicket(
          tx,
          {
            subject: input.subject,
            body: input.body,
            categoryKey: input.categoryKey,
            channel: input.channel,
            requesterId: input.requesterId ?? null,
            requesterName: input.requesterName ?? null,
            requesterEmail: input.requesterEmail ?? null,
            organisationId: input.organisationId ?? null,
            teamId: input.teamId,
            priority: input.priority,
            authorId: user.id,
            // The question is the customer's, whoever the token acts as.
            messageAuthorId: input.requesterId ?? null,
          },
          now,
        ),
      );
      return ok({ id: ticket.id, number: ticket.number });
    } catch (error) {
      if (error instanceof TicketRuleError) return fail(error.code === "NOT_FOUND" ? "ORGANISATION_NOT_FOUND" : error.code);
      throw error;
    }
  },
});
