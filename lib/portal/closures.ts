import { type CalendarSettings, holidaysOf } from "@/lib/calendar/rules";

export interface ClosedDay {
  date: string;
  reasonNl: string;
  reasonEn: string;
}

/**
 * Days the contact centre is closed from `today` on: national holidays from the business
 * calendar plus configured closure days (with their own reasons), in date order, at most `limit`.
 */
export function upcomingClosedDays(today: string, settings: CalendarSettings, closures: readonly ClosedDay[], limit = 8): ClosedDay[] {
  const year = Number(today.slice(0, 4));
  const holidays = [...holidaysOf(year, settings), ...holidaysOf(year + 1, settings)]
    .filter((h) => h.key !== "CLOSURE_DAY" && h.date >= today)
    .map((h) => ({ date: h.date, reasonNl: h.nameNl, reasonEn: h.nameEn }));
  const byDate = new Map<string, ClosedDay>();
  for (const day of [...holidays, ...closures.filter((c) => c.date >= today)]) byDate.set(day.date, day);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(0, limit);
}
