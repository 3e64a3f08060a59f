import { z } from "zod";
import { unlessFieldsFailed } from "@/lib/forms/error-code";

export const slotKindSchema = z.enum(["MORNING", "AFTERNOON"]);
export const dateKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "INVALID_DATE");

/** A Dutch or international number once spaces, dashes and brackets are stripped. */
export const PHONE_NUMBER = /^\+?\d{9,15}$/;

/** A phone number as typed, without the spaces, dashes and brackets people write in it. */
export const phoneDigitsOf = (typed: string): string => typed.replace(/[\s()-]/g, "");

/** Dutch or international numbers; spaces, dashes and brackets are allowed and stripped. */
export const phoneSchema = z
  .string()
  .trim()
  .transform(phoneDigitsOf)
  .pipe(z.string().regex(PHONE_NUMBER, "INVALID_PHONE"));

/** The portal booking form: for one of the person's tickets, or a new question. */
export const portalBookSchema = z
  .object({
    ticketId: z.string().min(1).max(64).optional(),
    question: z.string().trim().max(2_000, "TOO_LONG").optional(),
    date: dateKeySchema,
    slot: slotKindSchema,
    phone: phoneSchema,
  })
  // Also when another field is wrong (the moment, the number): every refusal is named at once.
  .refine((value) => Boolean(value.ticketId) || (value.question ?? "").length >= 5, {
    path: ["question"],
    message: "QUESTION_REQUIRED",
    when: unlessFieldsFailed(["question", "ticketId"]),
  });
export type PortalBookInput = z.output<typeof portalBookSchema>;

export const portalMoveSchema = z.object({
  appointmentId: z.string().min(1).max(64),
  date: dateKeySchema,
  slot: slotKindSchema,
});

export const portalCancelSchema = z.object({ appointmentId: z.string().min(1).max(64) });
