import { z } from "zod";

/** The categories an employer may choose: process and procedure, dossier status, general. */
export const EMPLOYER_CATEGORIES = ["PROCEDURE", "PROCESS_STATUS", "GENERAL_QUESTION"] as const;

export const fileQuestionSchema = z.object({
  categoryKey: z.enum(EMPLOYER_CATEGORIES),
  subject: z.string().trim().min(3, "TOO_SHORT").max(200, "TOO_LONG"),
  body: z.string().trim().min(10, "TOO_SHORT").max(5000, "TOO_LONG"),
  // Checked by content (PDF, JPEG, PNG; 10 MB each; at most 3) in the handler, then stored.
  files: z.array(z.custom<File>((v) => v instanceof Blob, "INVALID_FILE")).max(10, "TOO_MANY_FILES").default([]),
});
export type FileQuestionInput = z.output<typeof fileQuestionSchema>;

export const replySchema = z.object({
  ticketNumber: z.string().trim().min(1).max(40),
  body: z.string().trim().min(2, "TOO_SHORT").max(5000, "TOO_LONG"),
  // As on a new question: checked by content in the handler, then stored.
  files: z.array(z.custom<File>((v) => v instanceof Blob, "INVALID_FILE")).max(10, "TOO_MANY_FILES").default([]),
});
export type ReplyInput = z.output<typeof replySchema>;
