import { z } from "zod";

/** One event from the telephone platform (see README, Telephony). */
export const ctiEventSchema = z.object({
  type: z.enum(["call.ringing", "call.answered", "call.ended"]),
  callId: z.string().trim().min(1).max(128),
  at: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  callerNumber: z.string().trim().max(40).optional(),
  queue: z.string().trim().max(64).optional(),
  agentEmail: z.email().max(254).optional(),
  waitSec: z.number().int().min(0).max(86_400).optional(),
});
export type CtiEventInput = z.output<typeof ctiEventSchema>;
