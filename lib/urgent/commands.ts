import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { ticketRefusal } from "@/lib/employer/commands";
import { fileUrgentRequest } from "./mutations";
import { urgentRequestSchema } from "./schema";

export const submitUrgentRequest = defineAction({
  name: "urgent.request",
  schema: urgentRequestSchema,
  roles: ["EMPLOYER_CONTACT"],
  right: "SUBMIT_REQUESTS",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const actor = { id: user.id, organisationId: user.organisationId };
    try {
      const outcome = await db.$transaction((tx) => fileUrgentRequest(tx, actor, input, now));
      return ok({ number: outcome.number, dueAt: outcome.dueAt.toISOString(), preAnnounced: outcome.preAnnounced });
    } catch (error) {
      return ticketRefusal(error);
    }
  },
});
