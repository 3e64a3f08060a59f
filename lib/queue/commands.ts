import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { QueueRuleError, takeNext, takeTicket } from "./mutations";
import { takeNextTeams } from "./rules";
import { takeNextSchema, takeTicketSchema } from "./schema";

function refusal(error: unknown) {
  if (error instanceof QueueRuleError) return fail(error.code);
  throw error;
}

export const takeNextTicket = defineAction({
  name: "queue.takeNext",
  schema: takeNextSchema,
  permission: "workspace.ticket.take",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => takeNext(tx, user, takeNextTeams(user, input.teamId), now)));
    } catch (error) {
      return refusal(error);
    }
  },
});

export const takeTicketAction = defineAction({
  name: "queue.take",
  schema: takeTicketSchema,
  permission: "workspace.ticket.take",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => takeTicket(tx, user, input.ticketId, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});
