import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";
import { DEFAULT_RETENTION, MAXIMUM_MONTHS, MINIMUM_MONTHS, RETENTION_CLASSES, termProblem, type RetentionClass } from "./rules";

const unit = z.enum(["MONTHS", "YEARS"]);
const amount = z.coerce.number().int("WHOLE_NUMBER").min(1, "TERM_TOO_SHORT").max(MAXIMUM_MONTHS, "TERM_TOO_LONG");
const term = z.object({ amount, unit });

/** A stored term (or a missing one) with its class's default; a stored term below the minimum is raised to it. */
function storedTerm(cls: RetentionClass) {
  return term
    .catch(DEFAULT_RETENTION[cls])
    .default(DEFAULT_RETENTION[cls])
    .transform((t) => (termProblem(cls, t) === "TERM_TOO_SHORT" ? { amount: MINIMUM_MONTHS[cls], unit: "MONTHS" as const } : t));
}

/** The Setting row "privacy.retention" as read: every class present, defaults for the missing ones. */
export const retentionSettingSchema = z.object(Object.fromEntries(RETENTION_CLASSES.map((cls) => [cls, storedTerm(cls)])) as { [K in RetentionClass]: ReturnType<typeof storedTerm> });

/** The admin's form: every class with a term that respects its minimum. */
export const retentionInputSchema = z
  .object(Object.fromEntries(RETENTION_CLASSES.map((cls) => [cls, term])) as Record<RetentionClass, typeof term>)
  .superRefine((value, ctx) => {
    for (const cls of RETENTION_CLASSES) {
      const problem = termProblem(cls, value[cls]);
      if (problem) ctx.addIssue({ code: "custom", path: [cls, "amount"], message: problem });
    }
  });
export type RetentionInput = z.output<typeof retentionInputSchema>;

// Limits travel in the codes ("TOO_SHORT:3", "TOO_LONG:500"), so the forms say them.
export const privacyReason = limitedText(500, 3);
const reason = privacyReason;

/** A hold on one ticket (by number), one person (by e-mail address or client number) or one organisation (by external number). */
export const placeHoldSchema = z.object({
  // A missing kind says what to choose.
  kind: z.enum(["TICKET", "PERSON", "ORGANISATION"], "CHOOSE_KIND"),
  reference: limitedText(254),
  reason,
});
export type PlaceHoldInput = z.output<typeof placeHoldSchema>;

export const releaseHoldSchema = z.object({ holdId: z.string().min(1).max(40) });

export const eraseSchema = z.object({ userId: z.string().min(1).max(40), reason });
export type EraseInput = z.output<typeof eraseSchema>;
