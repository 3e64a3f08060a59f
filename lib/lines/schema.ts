import { z } from "zod";
import { parseDateKey } from "@/lib/calendar/local-time";
import { limitedText } from "@/lib/forms/error-code";
import { parseDayHours } from "./rules";

/** ContactLine.key: upper case, as the migration's BENEFICIARY and EMPLOYER. */
export const lineKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, "INVALID_INPUT");

const CHANNELS = ["PORTAL", "EMAIL", "PHONE", "CHAT", "LETTER"] as const;

const lineFields = {
  nameNl: z.string().trim().min(1, "REQUIRED").max(80, "NAME_TOO_LONG"),
  nameEn: z.string().trim().min(1, "REQUIRED").max(80, "NAME_TOO_LONG"),
  // Dutch numbers as people write them: "088 - 123 45 67", "+31 88 123 4567"; empty: no number shown.
  phone: z.string().trim().max(30, "INVALID_PHONE").regex(/^(\+?[0-9][0-9 ()-]{5,28}[0-9])?$/, "INVALID_PHONE"),
  audience: z.enum(["BENEFICIARY", "EMPLOYER", "BOTH"]),
  channels: z.array(z.enum(CHANNELS)).min(1, "CHANNEL_REQUIRED").max(CHANNELS.length).refine((c) => new Set(c).size === c.length, "CHANNEL_REQUIRED"),
  active: z.boolean(),
};


/** One weekday's hours as typed: "09:00-12:00, 13:00-17:00", empty when closed. */
export const dayHoursSchema = z.object({
  weekday: z.coerce.number().int().min(1).max(7),
  hours: z
    .string()
    .max(100, "INVALID_TIME")
    .transform((text, ctx) => {
      const parsed = parseDayHours(text);
      if (parsed.ok) return parsed.intervals;
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }),
});

const weekSchema = z
  .array(dayHoursSchema)
  .length(7)
  .refine((days) => new Set(days.map((d) => d.weekday)).size === 7, "INVALID_INPUT");

/** A new line with, optionally, its week at once. */
export const createLineSchema = z.object({ ...lineFields, days: weekSchema.optional() });
export const updateLineSchema = z.object({ key: lineKeySchema, ...lineFields });
export const removeLineSchema = z.object({ key: lineKeySchema });

export const lineHoursSchema = z.object({
  line: lineKeySchema,
  days: weekSchema,
});

// An empty date is a choice not yet made: "Kies een datum." rather than "not a valid date".
const dateKey = z
  .string()
  .min(1, { message: "CHOOSE_DATE", abort: true })
  .refine((v) => parseDateKey(v) !== null, "INVALID_DATE");

export const lineClosureDaySchema = z.object({
  lineKey: lineKeySchema,
  date: dateKey,
  reasonNl: limitedText(200),
  reasonEn: limitedText(200),
});

export const removeLineClosureDaySchema = z.object({ lineKey: lineKeySchema, date: dateKey });
