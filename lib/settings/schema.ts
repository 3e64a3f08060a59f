import { z } from "zod";

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "INVALID_DATE").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "INVALID_DATE");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "INVALID_TIME");
const yearlyRule = z.enum(["NEVER", "EVERY_YEAR", "EVERY_FIFTH_YEAR"]);

export const holidaySettingsSchema = z.object({ goodFriday: yearlyRule, liberationDay: yearlyRule });

export const closureDaySchema = z.object({
  date: dateKey,
  reasonNl: z.string().trim().min(1, "REQUIRED").max(200, "TOO_LONG"),
  reasonEn: z.string().trim().min(1, "REQUIRED").max(200, "TOO_LONG"),
});

export const removeClosureDaySchema = z.object({ date: dateKey });

const daySchema = z
  .object({ weekday: z.coerce.number().int().min(1).max(7), closed: z.boolean(), opens: clock.optional(), closes: clock.optional() })
  .refine((d) => d.closed || (d.opens !== undefined && d.closes !== undefined && d.opens < d.closes), { message: "OPENS_BEFORE_CLOSES", path: ["closes"] });

export const openingHoursSchema = z.object({
  line: z.enum(["BENEFICIARY", "EMPLOYER"]),
  days: z.array(daySchema).length(7),
});

export const slaPolicySchema = z
  .object({
    key: z.string().min(1).max(64),
    amount: z.coerce.number().positive("POSITIVE").max(1000),
    atRiskShare: z.coerce.number().min(0.05, "SHARE_RANGE").max(0.5, "SHARE_RANGE"),
    targetShare: z.coerce.number().min(0.5, "SHARE_RANGE").max(1, "SHARE_RANGE"),
  });

export const slotCapacitySchema = z.object({
  teamId: z.string().min(1).max(64),
  morning: z.coerce.number().int("WHOLE_NUMBER").min(0, "NOT_NEGATIVE").max(200),
  afternoon: z.coerce.number().int("WHOLE_NUMBER").min(0, "NOT_NEGATIVE").max(200),
});

export const externalBodySchema = z.object({
  nl: z.string().trim().min(20, "TOO_SHORT").max(2000, "TOO_LONG"),
  en: z.string().trim().min(20, "TOO_SHORT").max(2000, "TOO_LONG"),
});
