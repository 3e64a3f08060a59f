import "server-only";
import { defineEmployerAction } from "@/lib/employer/action";
import { TicketRuleError } from "@/lib/tickets/mutations";
import { fileUrgentRequest } from "./mutations";
import { urgentRequestSchema } from "./schema";

export const submitUrgentRequest = defineEmployerAction({
  name: "urgent.request",
  schema: urgentRequestSchema,
  permission: "employer.request.submit",
  refusals: [TicketRuleError],
  run: async (tx, actor, input, now) => {
    const outcome = await fileUrgentRequest(tx, actor, input, now);
    return { number: outcome.number, dueAt: outcome.dueAt.toISOString(), preAnnounced: outcome.preAnnounced };
  },
});
