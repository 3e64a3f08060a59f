import "server-only";
import { z } from "zod";
import { errorCode } from "@/lib/forms/error-code";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { CallbackRuleError, logAttempt } from "@/lib/callbacks/mutations";
import { db } from "@/lib/db/client";
import { seesAllTeams } from "@/lib/tickets/rules";
import { staffTicketContentScope } from "./scope";

export const attemptSchema = z.object({
  appointmentId: z.string().min(1).max(64),
  // A missing outcome says what to choose; the note states its limit.
  outcome: z.enum(["REACHED", "NO_ANSWER", "VOICEMAIL", "BUSY", "WRONG_NUMBER"], "CHOOSE_OUTCOME"),
  note: z.string().trim().max(2_000, errorCode("TOO_LONG", 2_000)).default(""),
});

export const logCallbackAttempt = defineAction({
  name: "callback.attempt",
  schema: attemptSchema,
  // DESIGN: a case handler logs each attempt; the first line books, it does not call back.
  permission: "callbacks.attempt.log",
  handler: async (input, { user, now }) => {
    const outcome = await db.$transaction(async (tx) => {
      // Lock the appointment so two handlers logging at once count attempts correctly.
      await tx.$queryRaw`SELECT id FROM "CallbackAppointment" WHERE id = ${input.appointmentId} FOR UPDATE`;
      // The appointment's team decides who calls back; the ticket must still be one this person may
      // open (not a complaint ticket outside its stage's handlers, no dossier for the first line).
      const appointment = await tx.callbackAppointment.findFirst({ where: { id: input.appointmentId, ticket: staffTicketContentScope(user) }, select: { teamId: true, status: true } });
      if (!appointment || (!seesAllTeams(user.role) && !user.teamIds.includes(appointment.teamId))) return { refused: "NOT_FOUND" as const };
      if (appointment.status !== "BOOKED") return { refused: "APPOINTMENT_NOT_BOOKED" as const };
      return { result: await logAttempt(tx, { appointmentId: input.appointmentId, handlerId: user.id, outcome: input.outcome, note: input.note }, now) };
    }).catch((error: unknown) => {
      // Too early or too soon after the previous try: nothing was written, the list shows why.
      if (error instanceof CallbackRuleError) return { refused: error.code };
      throw error;
    });
    if (outcome.refused) return fail(outcome.refused);
    return ok(outcome.result!);
  },
});
