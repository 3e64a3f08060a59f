import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { QueueRuleError, takeNext, takeTicket } from "./mutations";
import { QUEUE_ROLES, takeNextTeams } from "./rules";
import { takeNextSchema, takeTicketSchema } from "./schema";

function refusal(error: unknown) {
  if (error instanceof QueueRuleError) return fail(error.code);
  throw error;
}

export const takeNextTicket = defineAction({
  name: "queue.takeNext",
  schema: takeNextSchema,
  roles: QUEUE_ROLES,
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
  roles: QUEUE_ROLES,
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => takeTicket(tx, user, input.ticketId, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});
