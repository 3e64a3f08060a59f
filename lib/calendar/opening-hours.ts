import { RuleInputError, assertValidDate } from "@/lib/calendar/errors";
import { type Locale, formatDayMonth, weekdayName } from "@/lib/calendar/format";
import { type CalendarSettings, holidayDayNumbers } from "@/lib/calendar/holidays";
import {
  MINUTE_MS,
  civilOf,
  formatClock,
  isoWeekdayOf,
  localToUtc,
  parseClock,
  wallClockOf,
} from "@/lib/calendar/local-time";

/**
 * Opening hours of the contact lines. Unlike working time, a schedule may open on any weekday; only
 * holidays and closure days close a line regardless of its schedule.
 */
/** ContactLine.key: admins add lines; BENEFICIARY and EMPLOYER always exist. */
export type LineKey = string;
export type { Locale } from "@/lib/calendar/format";
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Amsterdam wall clock, "HH:mm"; close may be "24:00". */
export interface OpeningInterval {
  readonly open: string;
  readonly close: string;
}

/** Per ISO weekday (1 = Monday) the intervals the line is open, in order, not overlapping. */
export type WeeklySchedule = Readonly<Record<IsoWeekday, readonly OpeningInterval[]>>;

/** A schedule with the same hours Monday to Friday and closed at the weekend. */
export function weekdaySchedule(open: string, close: string): WeeklySchedule {
  const day = Object.freeze([Object.freeze({ open, close })]);
  return Object.freeze({ 1: day, 2: day, 3: day, 4: day, 5: day, 6: [], 7: [] });
}

/** DESIGN's hours of the two fixed lines, used while such a line has no hours of its own. */
export const DEFAULT_OPENING_HOURS: Readonly<Record<"BENEFICIARY" | "EMPLOYER", WeeklySchedule>> = Object.freeze({
  BENEFICIARY: weekdaySchedule("09:00", "17:00"),
  EMPLOYER: weekdaySchedule("09:00", "16:00"),
});

type Compiled = readonly (readonly [number, number])[][]; // index = ISO weekday, minutes

const compiledCache = new WeakMap<WeeklySchedule, Compiled>();

function compile(schedule: WeeklySchedule): Compiled {
  const hit = compiledCache.get(schedule);
  if (hit) return hit;
  const days: (readonly [number, number])[][] = [[]];
  for (let wd = 1 as IsoWeekday; wd <= 7; wd++) {
    const intervals = schedule?.[wd];
    if (!Array.isArray(intervals)) {
      throw new RuleInputError("INVALID_SCHEDULE", `weekday ${wd} needs a list of intervals`);
    }
    const parsed = intervals.map((i: OpeningInterval) => [parseClock(i.open), parseClock(i.close, true)] as const);
    parsed.forEach(([open, close], k) => {
      const previous = parsed[k - 1];
      if (open >= close || (previous && open < previous[1])) {
        throw new RuleInputError("INVALID_SCHEDULE", `weekday ${wd}: intervals must be ordered, non-empty and not overlap`);
      }
    });
    days.push(parsed);
  }
  compiledCache.set(schedule, days);
  return days;
}

interface Interval {
  start: number;
  end: number;
}

function intervalsOn(compiled: Compiled, dn: number, settings: CalendarSettings): Interval[] {
  const { year } = civilOf(dn);
  if (holidayDayNumbers(year, settings).has(dn)) return [];
  return (compiled[isoWeekdayOf(dn)] ?? []).map(([open, close]) => ({
    start: localToUtc(dn, open),
    end: localToUtc(dn, close),
  }));
}

/** Far enough to pass any run of holidays and closure days; an empty schedule stops at once. */
const SCAN_DAYS = 400;

/** Opening moments after `t`, merging intervals that touch (09:00-12:00 + 12:00-17:00 is one). */
function* openPeriods(compiled: Compiled, t: number, settings: CalendarSettings): Generator<Interval> {
  if (compiled.every((day) => day.length === 0)) return;
  const today = wallClockOf(t).dn;
  let current: Interval | null = null;
  for (let dn = today - 1; dn <= today + SCAN_DAYS; dn++) {
    for (const interval of intervalsOn(compiled, dn, settings)) {
      if (current && interval.start <= current.end) {
        current.end = Math.max(current.end, interval.end);
        continue;
      }
      if (current && current.end > t) yield current;
      current = { ...interval };
    }
  }
  if (current && current.end > t) yield current;
}

function currentPeriod(schedule: WeeklySchedule, now: Date, settings: CalendarSettings): Interval | null {
  assertValidDate(now, "now");
  const t = now.getTime();
  for (const period of openPeriods(compile(schedule), t, settings)) {
    return period.start <= t ? period : null;
  }
  return null;
}

export function isOpen(schedule: WeeklySchedule, now: Date, settings: CalendarSettings): boolean {
  return currentPeriod(schedule, now, settings) !== null;
}

/** When the line closes, if it is open now (touching intervals merged); null when closed. */
export function closesAt(schedule: WeeklySchedule, now: Date, settings: CalendarSettings): Date | null {
  const period = currentPeriod(schedule, now, settings);
  return period ? new Date(period.end) : null;
}

/** The next moment strictly after `now` at which the line opens; null if never within a year. */
export function nextOpening(schedule: WeeklySchedule, now: Date, settings: CalendarSettings): Date | null {
  assertValidDate(now, "now");
  const t = now.getTime();
  for (const period of openPeriods(compile(schedule), t, settings)) {
    if (period.start > t) return new Date(period.start);
  }
  return null;
}

/** "morgen" / "dinsdag" / "maandag 5 januari" for a day relative to today, without "today". */
function dayPhrase(dn: number, today: number, locale: Locale): string {
  const diff = dn - today;
  if (diff === 1) return locale === "nl" ? "morgen" : "tomorrow";
  const weekday = weekdayName(dn, locale);
  return diff < 7 ? weekday : `${weekday} ${formatDayMonth(dn, locale)}`;
}

function clockOf(t: number): string {
  return formatClock(Math.floor(wallClockOf(t).msOfDay / MINUTE_MS));
}

/**
 * A one-line status for the portals: "Nu open tot 17:00" / "Open until 17:00",
 * "Opent vandaag om 09:00" / "Opens today at 09:00", "Opent morgen om 09:00",
 * "Opent dinsdag om 09:00" / "Opens Tuesday at 09:00", and a date when a week or more away.
 */
export function describeOpening(
  schedule: WeeklySchedule,
  now: Date,
  settings: CalendarSettings,
  locale: Locale = "nl",
): string {
  assertValidDate(now, "now");
  const t = now.getTime();
  const today = wallClockOf(t).dn;
  const open = currentPeriod(schedule, now, settings);
  if (open) {
    const endDay = wallClockOf(open.end - 1).dn;
    // A close at 24:00 is shown as "24:00" on that day rather than "00:00 tomorrow".
    const time = endDay === wallClockOf(open.end).dn ? clockOf(open.end) : "24:00";
    if (endDay === today) return locale === "nl" ? `Nu open tot ${time}` : `Open until ${time}`;
    const when = dayPhrase(endDay, today, locale);
    return locale === "nl" ? `Nu open tot ${when} ${time}` : `Open until ${when} ${time}`;
  }
  const next = nextOpening(schedule, now, settings);
  if (!next) return locale === "nl" ? "Gesloten" : "Closed";
  const day = wallClockOf(next.getTime()).dn;
  const time = clockOf(next.getTime());
  if (day === today) return locale === "nl" ? `Opent vandaag om ${time}` : `Opens today at ${time}`;
  const when = dayPhrase(day, today, locale);
  return locale === "nl" ? `Opent ${when} om ${time}` : `Opens ${when} at ${time}`;
}
