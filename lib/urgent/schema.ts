import { z } from "zod";
import { errorCode, limitedText } from "@/lib/forms/error-code";

export const urgentRequestSchema = z.object({
  subject: limitedText(200, 3),
  reason: limitedText(2000, 5),
  forWhom: limitedText(500, 2),
  details: limitedText(5000, 0).optional().default(""),
});
export type UrgentRequestInput = z.output<typeof urgentRequestSchema>;

const id = z.string().min(1).max(64);

export const verificationSchema = z
  .object({
    ticketId: id,
    // A missing outcome says what to choose; the note's limit travels in its code.
    outcome: z.enum(["CONFIRMED", "NOT_URGENT", "NOT_REACHED"], "CHOOSE_OUTCOME"),
    note: limitedText(2000, 0).optional().default(""),
  })
  // A call not answered is worth a word on when and how it was tried.
  .refine((v) => v.outcome !== "NOT_REACHED" || v.note.length >= 2, { path: ["note"], message: "REQUIRED" });
export type VerificationInput = z.output<typeof verificationSchema>;

export const relinkSchema = z.object({
  preAnnouncementId: id,
  /** The urgent request's ticket to link to; absent or empty: unlink. */
  ticketId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
});
export type RelinkInput = z.output<typeof relinkSchema>;

export const urgentWordsSchema = z.object({ words: z.string().max(2000, errorCode("TOO_LONG", 2000)) });

/** How long a phone pre-announcement matches urgent mails; the line is checked against the database. */
export const expirySettingSchema = z.object({
  lineKey: z.string().trim().min(1, "REQUIRED").max(64, "UNKNOWN_LINE"),
  openDays: z.coerce.number("WHOLE_NUMBER").int("WHOLE_NUMBER").min(1, "OPEN_DAYS_RANGE").max(10, "OPEN_DAYS_RANGE"),
});
export type ExpirySettingInput = z.output<typeof expirySettingSchema>;
