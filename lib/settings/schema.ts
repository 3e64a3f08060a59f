import { z } from "zod";
import { parseDateKey } from "@/lib/calendar/local-time";
import { limitedText } from "@/lib/forms/error-code";
import { lineHoursSchema } from "@/lib/lines/schema";

// Date.parse accepts 2026-02-30 (it rolls over to March); parseDateKey refuses impossible dates.
// An empty date is a choice not yet made: "Kies een datum." rather than "not a valid date".
const dateKey = z
  .string()
  .min(1, { message: "CHOOSE_DATE", abort: true })
  .refine((v) => parseDateKey(v) !== null, "INVALID_DATE");
const yearlyRule = z.enum(["NEVER", "EVERY_YEAR", "EVERY_FIFTH_YEAR"]);

export const holidaySettingsSchema = z.object({ goodFriday: yearlyRule, liberationDay: yearlyRule });

export const closureDaySchema = z.object({
  date: dateKey,
  reasonNl: limitedText(200),
  reasonEn: limitedText(200),
});

export const removeClosureDaySchema = z.object({ date: dateKey });

/** Any contact line's week, more than one interval a day allowed ("09:00-12:00, 13:00-17:00"). */
export const openingHoursSchema = lineHoursSchema;

export const slaPolicySchema = z
  .object({
    key: z.string().min(1).max(64),
    // Each refusal names its own bounds (the form says "Kies een percentage van 5 tot en met 50.").
    // Whole days or hours: the policy stores a whole number (2.5 was saved as 2, and 0.01 as 0,
    // which made every new clock due at once).
    amount: z.coerce.number().int("WHOLE_NUMBER").min(1, "POSITIVE").max(1000, "AMOUNT_MAX"),
    atRiskShare: z.coerce.number().min(0.05, "AT_RISK_RANGE").max(0.5, "AT_RISK_RANGE"),
    targetShare: z.coerce.number().min(0.5, "TARGET_RANGE").max(1, "TARGET_RANGE"),
    // Absent: the policy keeps its unit. OPENING_HOURS counts the opening hours of a line.
    unit: z.enum(["WORKING_DAYS", "WORKING_HOURS", "CALENDAR_HOURS", "OPENING_HOURS"]).optional(),
    lineKey: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).max(64).optional()),
  })
  .refine((p) => p.unit !== "OPENING_HOURS" || p.lineKey !== undefined, { path: ["lineKey"], message: "LINE_REQUIRED" });

// An empty field is no number: coerced, "" would be 0, and an empty capacity closed every slot.
const capacity = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce.number({ error: "REQUIRED" }).int("WHOLE_NUMBER").min(0, "NOT_NEGATIVE").max(200, "CAPACITY_MAX"),
);

export const slotCapacitySchema = z.object({
  teamId: z.string().min(1).max(64),
  morning: capacity,
  afternoon: capacity,
});
