import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { employerTicketScope } from "@/lib/employer/scope";
import { EscalationRuleError, escalateToTier2, raiseEscalation } from "./mutations";
import { escalateTier2Schema, raiseEscalationSchema } from "./schema";

function refusal(error: unknown) {
  if (error instanceof EscalationRuleError) return fail(error.code);
  throw error;
}

export const raiseEmployerEscalation = defineAction({
  name: "escalation.raise",
  schema: raiseEscalationSchema,
  permission: "employer.escalation.raise",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const organisationId = user.organisationId;
    try {
      const row = await db.$transaction((tx) =>
        raiseEscalation(tx, { organisationId, raisedById: user.id, ticketNumber: input.ticketNumber || null, ticketScope: employerTicketScope(user), reason: input.reason }, now),
      );
      return ok({ id: row.id, dueAt: row.dueAt.toISOString(), csmInCopy: row.csmInCopy });
    } catch (error) {
      return refusal(error);
    }
  },
});

export const escalateEmployerTier2 = defineAction({
  name: "escalation.tier2",
  schema: escalateTier2Schema,
  permission: "employer.escalation.raise",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const organisationId = user.organisationId;
    try {
      const row = await db.$transaction((tx) => escalateToTier2(tx, { organisationId, raisedById: user.id, ticketScope: employerTicketScope(user), ...input }, now));
      return ok({ id: row.id, dueAt: row.dueAt.toISOString(), csmInCopy: row.csmInCopy });
    } catch (error) {
      return refusal(error);
    }
  },
});
