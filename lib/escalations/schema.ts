import { z } from "zod";
import { errorCode, limitedText } from "@/lib/forms/error-code";

export const raiseEscalationSchema = z.object({
  // Empty: a general concern, not about one ticket.
  // Registration numbers are upper case; "lk-2026-000006" as typed is the same question.
  ticketNumber: z.string().trim().toUpperCase().max(40, errorCode("TOO_LONG", 40)).optional().default(""),
  reason: limitedText(3000, 10),
});
export type RaiseEscalationInput = z.output<typeof raiseEscalationSchema>;

export const escalateTier2Schema = z.object({
  escalationId: z.string().min(1).max(40),
  reason: limitedText(3000, 10),
  unsatisfied: z.boolean().default(false),
});
export type EscalateTier2Input = z.output<typeof escalateTier2Schema>;
