import { z } from "zod";
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

const reason = z.string().trim().min(3, "REQUIRED").max(500, "TOO_LONG");

/** A hold on one ticket (by number), one person (by e-mail address or client number) or one organisation (by external number). */
export const placeHoldSchema = z.object({
  kind: z.enum(["TICKET", "PERSON", "ORGANISATION"]),
  reference: z.string().trim().min(1, "REQUIRED").max(254, "TOO_LONG"),
  reason,
});
export type PlaceHoldInput = z.output<typeof placeHoldSchema>;

export const releaseHoldSchema = z.object({ holdId: z.string().min(1).max(40) });

export const eraseSchema = z.object({ userId: z.string().min(1).max(40), reason });
export type EraseInput = z.output<typeof eraseSchema>;
