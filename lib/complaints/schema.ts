import { z } from "zod";

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "INVALID_DATE");

/** The portal complaint form (beneficiary and employer contact). */
export const complaintFormSchema = z.object({
  subjectTicketNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^LK-\d{4}-\d{6,}$/, "INVALID_NUMBER"),
  lastContactDate: dateKey,
  handlerName: z.string().trim().max(120, "TOO_LONG").optional().transform((v) => (v ? v : undefined)),
  description: z.string().trim().min(10, "TOO_SHORT").max(5_000, "TOO_LONG"),
});
export type ComplaintForm = z.output<typeof complaintFormSchema>;

export const ombudsmanRequestSchema = z.object({
  complaintId: z.string().min(1).max(64),
  reason: z.string().trim().min(10, "TOO_SHORT").max(5_000, "TOO_LONG"),
});
export type OmbudsmanRequest = z.output<typeof ombudsmanRequestSchema>;
