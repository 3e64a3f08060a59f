import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "INVALID_DATE");

/** The portal complaint form (beneficiary and employer contact). */
export const complaintFormSchema = z.object({
  subjectTicketNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^LK-\d{4}-\d{6,}$/, "INVALID_NUMBER"),
  lastContactDate: dateKey,
  handlerName: limitedText(120, 0).optional().transform((v) => (v ? v : undefined)),
  description: limitedText(5_000, 10),
});
export type ComplaintForm = z.output<typeof complaintFormSchema>;

export const ombudsmanRequestSchema = z.object({
  complaintId: z.string().min(1).max(64),
  reason: limitedText(5_000, 10),
});
export type OmbudsmanRequest = z.output<typeof ombudsmanRequestSchema>;

/** Staff hand a stage-1 complaint to the internal ombudsman; the complainant reads the reason. */
export const staffOmbudsReferralSchema = z.object({
  complaintId: z.string().min(1).max(64),
  reason: limitedText(2_000, 10),
});

/** An external complaint body (stage 3) as the admin edits it; no id: a new one. */
export const complaintBodySchema = z.object({
  id: z.string().min(1).max(64).optional().or(z.literal("").transform(() => undefined)),
  nameNl: limitedText(120, 2),
  nameEn: limitedText(120, 2),
  // Where the customer can go next: name, address, website; appended to final answers.
  textNl: limitedText(2_000, 20),
  textEn: limitedText(2_000, 20),
  isDefault: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type ComplaintBodyInput = z.output<typeof complaintBodySchema>;

/** Which body a ticket category's complaints go to; empty: the default body. */
export const categoryComplaintBodySchema = z.object({
  categoryId: z.string().min(1).max(64),
  complaintBodyId: z.string().max(64).nullish().transform((v) => (v ? v : null)),
});
