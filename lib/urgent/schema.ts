import { z } from "zod";

export const urgentRequestSchema = z.object({
  subject: z.string().trim().min(3, "TOO_SHORT").max(200, "TOO_LONG"),
  reason: z.string().trim().min(5, "REQUIRED").max(2000, "TOO_LONG"),
  forWhom: z.string().trim().min(2, "REQUIRED").max(500, "TOO_LONG"),
  details: z.string().trim().max(5000, "TOO_LONG").optional().default(""),
});
export type UrgentRequestInput = z.output<typeof urgentRequestSchema>;
