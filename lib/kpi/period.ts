// Reporting periods in Amsterdam calendar days: [from 00:00, day after `to` 00:00).
import { z } from "zod";
import { amsterdamDateKey, startOfAmsterdamDay } from "@/lib/calendar/rules";
import { parseDateKey } from "@/lib/calendar/local-time";
import type { Period } from "./rules";

// A real calendar day before the year 9999 (the day after `to` must still be a date): the keys come
// from the URL, and "2026-02-30" made the period calculation throw (a 500 instead of INVALID_PERIOD).
const dateKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((key) => parseDateKey(key) !== null && key < "9999");

export const periodSchema = z
  .object({ from: dateKey, to: dateKey })
  .refine((p) => p.from <= p.to, { message: "FROM_AFTER_TO", path: ["to"] });

/** What is wrong with a period the schema refused, so the page can say which it is. */
export type PeriodProblem = "NOT_A_DATE" | "FROM_AFTER_TO";

export function periodProblem(keys: { from: string; to: string }): PeriodProblem | null {
  if (!dateKey.safeParse(keys.from).success || !dateKey.safeParse(keys.to).success) return "NOT_A_DATE";
  return periodSchema.safeParse(keys).success ? null : "FROM_AFTER_TO";
}

function nextDay(key: string): string {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function periodFromKeys(from: string, to: string): Period {
  return { from: startOfAmsterdamDay(from), to: startOfAmsterdamDay(nextDay(to)) };
}

/** The quarter `now` falls in, as date keys. */
export function currentQuarter(now: Date): { from: string; to: string } {
  const [year, month] = amsterdamDateKey(now).split("-").map(Number) as [number, number];
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, "0");
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(first + 2)}-${mm(last)}` };
}
