import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";

/** The categories an employer may choose: process and procedure, dossier status, general. */
export const EMPLOYER_CATEGORIES = ["PROCEDURE", "PROCESS_STATUS", "GENERAL_QUESTION"] as const;

export const fileQuestionSchema = z.object({
  // In the form's order (the refusal summary links to the first bad field); a missing topic says what to choose.
  categoryKey: z.enum(EMPLOYER_CATEGORIES, "CHOOSE_TOPIC"),
  subject: limitedText(200, 3),
  body: limitedText(5000, 10),
  // Checked by content (PDF, JPEG, PNG; 10 MB each; at most 3) in the handler, then stored.
  files: z.array(z.custom<File>((v) => v instanceof Blob, "INVALID_FILE")).max(10, "TOO_MANY_FILES").default([]),
});
export type FileQuestionInput = z.output<typeof fileQuestionSchema>;

export const replySchema = z.object({
  ticketNumber: z.string().trim().min(1).max(40),
  body: limitedText(5000, 2),
  // As on a new question: checked by content in the handler, then stored.
  files: z.array(z.custom<File>((v) => v instanceof Blob, "INVALID_FILE")).max(10, "TOO_MANY_FILES").default([]),
});
export type ReplyInput = z.output<typeof replySchema>;
