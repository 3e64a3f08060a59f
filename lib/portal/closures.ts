import { formatDateKey, isoWeekdayOf, parseDateKey } from "@/lib/calendar/local-time";
import { type CalendarSettings, holidaysOf } from "@/lib/calendar/rules";

export interface ClosedDay {
  date: string;
  reasonNl: string;
  reasonEn: string;
}

/** How far ahead the contact page lists closed days: the coming year, every day of it. */
const HORIZON_DAYS = 366;

/** The working week: Monday to Friday (ISO weekdays 1-5). */
export const WORKING_WEEK = (isoWeekday: number): boolean => isoWeekday <= 5;

/**
 * Days the line would be open but is closed, from `today` on, for the coming year: national
 * holidays from the business calendar plus configured closure days (with their own reasons), in
 * date order. A holiday on a day the line is shut anyway (Whit Sunday for a weekday line) closes
 * nothing that was open, so it is left out; Whit Monday is not.
 */
export function upcomingClosedDays(today: string, settings: CalendarSettings, closures: readonly ClosedDay[], opensOn: (isoWeekday: number) => boolean = WORKING_WEEK): ClosedDay[] {
  const start = parseDateKey(today);
  if (start === null) return [];
  const until = formatDateKey(start + HORIZON_DAYS);
  const year = Number(today.slice(0, 4));
  const holidays = [...holidaysOf(year, settings), ...holidaysOf(year + 1, settings)]
    .filter((h) => h.key !== "CLOSURE_DAY")
    .map((h) => ({ date: h.date, reasonNl: h.nameNl, reasonEn: h.nameEn }));
  const byDate = new Map<string, ClosedDay>();
  for (const day of [...holidays, ...closures]) {
    const dn = parseDateKey(day.date);
    if (dn === null || day.date < today || day.date > until || !opensOn(isoWeekdayOf(dn))) continue;
    byDate.set(day.date, day);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
