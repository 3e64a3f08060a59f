import { z } from "zod";
import { errorCode } from "@/lib/forms/error-code";

export const surveySchema = z.object({
  ticketId: z.string().min(1).max(64),
  score: z.coerce.number().int("INVALID_SCORE").min(1, "INVALID_SCORE").max(5, "INVALID_SCORE"),
  comment: z.string().trim().max(2_000, errorCode("TOO_LONG", 2_000)).optional().transform((v) => (v ? v : null)),
});

/** The employer portal names a question by its registration number, as everywhere there. */
export const employerSurveySchema = surveySchema.omit({ ticketId: true }).extend({ ticketNumber: z.string().trim().min(1).max(32) });
