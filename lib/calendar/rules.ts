import { RuleInputError, assertNonNegativeInteger, assertValidDate } from "@/lib/calendar/errors";
import type { CalendarSettings } from "@/lib/calendar/holidays";
import { MINUTE_MS, formatDateKey, localToUtc, requireDateKey, wallClockOf } from "@/lib/calendar/local-time";
import { type BusinessHours, DEFAULT_BUSINESS_HOURS, workingCalendar } from "@/lib/calendar/working-calendar";

export type { CalendarSettings, Holiday, YearlyRule } from "@/lib/calendar/holidays";
export { DEFAULT_CALENDAR_SETTINGS, holidaysOf } from "@/lib/calendar/holidays";
export type { BusinessHours } from "@/lib/calendar/working-calendar";
export { DEFAULT_BUSINESS_HOURS } from "@/lib/calendar/working-calendar";
export { amsterdamDateKey } from "@/lib/calendar/local-time";

/*
 * Working days and working time in Europe/Amsterdam.
 *
 * - A working day is Monday-Friday (Amsterdam date) that is not a holiday or closure day.
 * - Working time is business hours (default 09:00-17:00 Amsterdam) on working days; intervals are
 *   half-open [open, close): 17:00 itself is already after hours.
 * - "n working days from receipt" (dueAfterWorkingDays): receipt outside business hours counts from
 *   the next business opening; the day of receipt then is that opening's day, and the due time is
 *   the close of business (17:00) of the n-th working day after it. Monday 10:00 + 5 -> next Monday
 *   17:00; Friday 16:59 + 5 -> next Friday 17:00; Friday 17:00 or Saturday + 5 -> the Monday after
 *   next, 17:00.
 * - The supported range is 2000-2100; instants outside it throw OUT_OF_RANGE.
 */

function ms(instant: Date, what: string): number {
  assertValidDate(instant, what);
  return instant.getTime();
}

/** Monday-Friday in Amsterdam and not a holiday or closure day. */
export function isWorkingDay(instant: Date, settings: CalendarSettings): boolean {
  const calendar = workingCalendar(settings);
  return calendar.isWorkingDay(calendar.dayOf(ms(instant, "instant")));
}

/** The same for a "yyyy-MM-dd" Amsterdam date. */
export function isWorkingDate(date: string, settings: CalendarSettings): boolean {
  return workingCalendar(settings).isWorkingDay(requireDateKey(date));
}

/** The n-th working date after a "yyyy-MM-dd" date (n = 0: the date itself). */
export function addWorkingDaysToDate(date: string, n: number, settings: CalendarSettings): string {
  assertNonNegativeInteger(n, "number of working days");
  return formatDateKey(workingCalendar(settings).nthWorkingDayAfter(requireDateKey(date), n));
}

/** The first working date ("yyyy-MM-dd") strictly after the instant's Amsterdam date. */
export function nextWorkingDay(instant: Date, settings: CalendarSettings): string {
  const calendar = workingCalendar(settings);
  return formatDateKey(calendar.nthWorkingDayAfter(calendar.dayOf(ms(instant, "instant")), 1));
}

/**
 * The same Amsterdam wall-clock time on the n-th working day after the instant's date (n >= 0;
 * n = 0 returns the instant). Working days are always Monday-Friday, so the target time exists
 * even across a DST change (those happen on Sundays).
 */
export function addWorkingDays(instant: Date, n: number, settings: CalendarSettings): Date {
  const t = ms(instant, "instant");
  assertNonNegativeInteger(n, "number of working days");
  if (n === 0) return new Date(t);
  const calendar = workingCalendar(settings);
  const { dn, msOfDay } = wallClockOf(t);
  const target = calendar.nthWorkingDayAfter(dn, n);
  const minutes = Math.floor(msOfDay / MINUTE_MS);
  return new Date(localToUtc(target, minutes) + (msOfDay - minutes * MINUTE_MS));
}

/** Whether the instant lies in business hours [open, close) of a working day. */
export function isWithinBusinessHours(
  instant: Date,
  settings: CalendarSettings,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): boolean {
  const t = ms(instant, "instant");
  const calendar = workingCalendar(settings, hours);
  const dn = calendar.dayOf(t);
  return calendar.isWorkingDay(dn) && t >= calendar.openOf(dn) && t < calendar.closeOf(dn);
}

/** The instant itself when inside business hours, else the next business opening. */
export function nextBusinessOpening(
  instant: Date,
  settings: CalendarSettings,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Date {
  const t = ms(instant, "instant");
  const calendar = workingCalendar(settings, hours);
  const dn = calendar.dayOf(t);
  if (calendar.isWorkingDay(dn) && t < calendar.closeOf(dn)) {
    return new Date(Math.max(t, calendar.openOf(dn)));
  }
  return new Date(calendar.openOf(calendar.nthWorkingDayAfter(dn, 1)));
}

/** Milliseconds of working time between two instants; throws INVALID_RANGE when b is before a. */
export function workingTimeBetween(
  a: Date,
  b: Date,
  settings: CalendarSettings,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): number {
  const from = ms(a, "start");
  const to = ms(b, "end");
  if (to < from) throw new RuleInputError("INVALID_RANGE", "the end lies before the start");
  return workingCalendar(settings, hours).between(from, to);
}

/**
 * The earliest instant at which `duration` ms of working time have passed since `instant`.
 * A result is therefore never at an opening time (except for duration 0): a budget that runs
 * out at the end of a day ends at closing time.
 */
export function addWorkingTime(
  instant: Date,
  duration: number,
  settings: CalendarSettings,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Date {
  const t = ms(instant, "instant");
  if (!Number.isFinite(duration) || duration < 0) {
    throw new RuleInputError("INVALID_DURATION", `duration must be a non-negative number of ms, got ${String(duration)}`);
  }
  return new Date(workingCalendar(settings, hours).add(t, duration));
}

/** Due time of "n working days from receipt"; see the semantics at the top of this file. */
export function dueAfterWorkingDays(
  receivedAt: Date,
  n: number,
  settings: CalendarSettings,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Date {
  return new Date(dueAfterWorkingDaysMs(ms(receivedAt, "receipt"), n, settings, hours));
}

/** The same on epoch milliseconds, for the SLA hot path. */
export function dueAfterWorkingDaysMs(
  receivedAt: number,
  n: number,
  settings: CalendarSettings,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): number {
  assertNonNegativeInteger(n, "number of working days");
  const calendar = workingCalendar(settings, hours);
  let day = calendar.dayOf(receivedAt);
  if (!calendar.isWorkingDay(day) || receivedAt >= calendar.closeOf(day)) {
    day = calendar.nthWorkingDayAfter(day, 1);
  }
  return calendar.closeOf(calendar.nthWorkingDayAfter(day, n));
}

/** Business opening and closing of a "yyyy-MM-dd" date; null when it is not a working day. */
export function businessHoursOn(
  date: string,
  settings: CalendarSettings,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): { opensAt: Date; closesAt: Date } | null {
  const calendar = workingCalendar(settings, hours);
  const dn = requireDateKey(date);
  if (!calendar.isWorkingDay(dn)) return null;
  return { opensAt: new Date(calendar.openOf(dn)), closesAt: new Date(calendar.closeOf(dn)) };
}

/** Amsterdam midnight (start) of a "yyyy-MM-dd" date. */
export function startOfAmsterdamDay(date: string): Date {
  return new Date(localToUtc(requireDateKey(date), 0));
}
