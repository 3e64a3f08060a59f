import { z } from "zod";

// A field error travels as a code, optionally carrying the limit it refers to ("TOO_LONG:10000"),
// so the page can say the limit in its own language and number format instead of the schema
// hard-coding a sentence. Plain codes ("REQUIRED") pass through unchanged.

export type ErrorCode = { code: string; limit?: number };

export function parseErrorCode(raw: string): ErrorCode {
  const colon = raw.indexOf(":");
  if (colon < 0) return { code: raw };
  const limit = Number(raw.slice(colon + 1));
  return Number.isFinite(limit) ? { code: raw.slice(0, colon), limit } : { code: raw };
}

export function errorCode(code: string, limit: number): string {
  return `${code}:${limit}`;
}

// "10.000" on a Dutch page, "10,000" on an English one.
export function formatLimit(limit: number, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-NL", { useGrouping: true }).format(limit);
}

/**
 * A trimmed text field whose refusals carry their limits, so the schema's own min and max are
 * the only place a limit is written ("TOO_SHORT:10", "TOO_LONG:5000"). A minimum of 1 reads as
 * REQUIRED: "use at least 1 character" is not how anyone says "fill this in".
 */
export function limitedText(max: number, min = 1): z.ZodString {
  return z
    .string()
    .trim()
    .min(min, min > 1 ? errorCode("TOO_SHORT", min) : "REQUIRED")
    .max(max, errorCode("TOO_LONG", max));
}

/** The fields that carry at least one error, in the form's order (the summary counts them and links to the first). */
export function badFields(fieldErrors: Record<string, string[] | undefined> | undefined): string[] {
  return Object.entries(fieldErrors ?? {})
    .filter(([, errors]) => (errors?.length ?? 0) > 0)
    .map(([field]) => field);
}

/**
 * The `when` of an object's refinement that must run even though another field was refused, so a
 * form names every problem in one round (zod skips an object's refinements after a field fails).
 * It still waits while one of the fields it reads is itself wrong.
 */
export function unlessFieldsFailed(fields: readonly string[]): (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) => boolean {
  const read = new Set(fields);
  return (payload) => typeof payload.value === "object" && payload.value !== null && !payload.issues.some((issue) => read.has(String(issue.path?.[0])));
}
