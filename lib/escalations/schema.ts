import { z } from "zod";

export const raiseEscalationSchema = z.object({
  // Empty: a general concern, not about one ticket.
  ticketNumber: z.string().trim().max(40).optional().default(""),
  reason: z.string().trim().min(10, "TOO_SHORT").max(3000, "TOO_LONG"),
});
export type RaiseEscalationInput = z.output<typeof raiseEscalationSchema>;

export const escalateTier2Schema = z.object({
  escalationId: z.string().min(1).max(40),
  reason: z.string().trim().min(10, "TOO_SHORT").max(3000, "TOO_LONG"),
  unsatisfied: z.boolean().default(false),
});
export type EscalateTier2Input = z.output<typeof escalateTier2Schema>;
