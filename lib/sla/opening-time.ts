import { RuleInputError } from "@/lib/calendar/errors";
import { type CalendarSettings, holidayDayNumbers, validateCalendarSettings } from "@/lib/calendar/holidays";
import { DAY_MS, MAX_YEAR, MIN_YEAR, dayNumber, isoWeekdayOf, localToUtc, parseClock } from "@/lib/calendar/local-time";
import type { WeeklySchedule } from "@/lib/calendar/opening-hours";

/**
 * Time within a line's opening hours, for OPENING_HOURS clocks: a weekly schedule with any number
 * of intervals per weekday (weekends included), closed on holidays and closure days. Like the
 * working calendar, each year is compiled lazily into sorted interval starts/ends (UTC ms) with a
 * running sum, so "time between" and "add time" are a binary search each (the queue computes a
 * clock per row; see scripts/bench-rules.ts).
 */

/** A line's schedule with the calendar it follows (holidays plus global and line closure days). */
export interface LineCalendar {
  readonly schedule: WeeklySchedule;
  readonly settings: CalendarSettings;
}

const YEARS = MAX_YEAR - MIN_YEAR + 1;
const YEAR_FIRST_DN = Array.from({ length: YEARS + 1 }, (_, i) => dayNumber(MIN_YEAR + i, 1, 1));
const YEAR_START = YEAR_FIRST_DN.map((dn) => localToUtc(dn, 0));

function outOfRange(): RuleInputError {
  return new RuleInputError("OUT_OF_RANGE", `the business calendar covers ${MIN_YEAR}-${MAX_YEAR} (Amsterdam dates)`);
}

function yearIndexOf(t: number): number {
  if (!(t >= (YEAR_START[0] as number) && t < (YEAR_START[YEARS] as number))) throw outOfRange();
  let i = Math.floor((t - (YEAR_START[0] as number)) / (365.2425 * DAY_MS));
  while (i > 0 && (YEAR_START[i] as number) > t) i--;
  while ((YEAR_START[i + 1] as number) <= t) i++;
  return i;
}

interface YearTable {
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** cum[k]: open milliseconds of this year before interval k; cum[n] is the year's total. */
  readonly cum: Float64Array;
}

type Minutes = readonly (readonly [number, number])[][];

function compileSchedule(schedule: WeeklySchedule): Minutes {
  const days: (readonly [number, number])[][] = [[]];
  for (let wd = 1 as 1 | 2 | 3 | 4 | 5 | 6 | 7; wd <= 7; wd++) {
    const intervals = schedule?.[wd];
    if (!Array.isArray(intervals)) throw new RuleInputError("INVALID_SCHEDULE", `weekday ${wd} needs a list of intervals`);
    const parsed = intervals.map((i) => [parseClock(i.open), parseClock(i.close, true)] as const);
    parsed.forEach(([open, close], k) => {
      const previous = parsed[k - 1];
      if (open >= close || (previous && open < previous[1])) {
        throw new RuleInputError("INVALID_SCHEDULE", `weekday ${wd}: intervals must be ordered, non-empty and not overlap`);
      }
    });
    days.push(parsed);
  }
  if (days.every((d) => d.length === 0)) throw new RuleInputError("INVALID_SCHEDULE", "the line is never open");
  return days;
}

export class OpeningTime {
  private readonly tables: (YearTable | undefined)[] = new Array(YEARS);

  constructor(
    private readonly minutes: Minutes,
    private readonly settings: CalendarSettings,
  ) {}

  private table(yi: number): YearTable {
    return this.tables[yi] ?? this.build(yi);
  }

  private build(yi: number): YearTable {
    const holidays = holidayDayNumbers(MIN_YEAR + yi, this.settings);
    const starts: number[] = [];
    const ends: number[] = [];
    for (let dn = YEAR_FIRST_DN[yi] as number; dn < (YEAR_FIRST_DN[yi + 1] as number); dn++) {
      if (holidays.has(dn)) continue;
      for (const [open, close] of this.minutes[isoWeekdayOf(dn)] ?? []) {
        const s = localToUtc(dn, open);
        // A DST gap can shorten an interval; it never makes one run backwards.
        starts.push(s);
        ends.push(Math.max(s, localToUtc(dn, close)));
      }
    }
    const n = starts.length;
    const cum = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) cum[k + 1] = (cum[k] as number) + (ends[k] as number) - (starts[k] as number);
    const table: YearTable = { start: Float64Array.from(starts), end: Float64Array.from(ends), cum };
    this.tables[yi] = table;
    return table;
  }

  /** Open milliseconds of the year (of table) before t. */
  private cumWithin(table: YearTable, t: number): number {
    const { start, end, cum } = table;
    let lo = 0;
    let hi = start.length; // first interval starting after t
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((start[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return 0;
    const k = lo - 1;
    return (cum[k] as number) + Math.min(t, end[k] as number) - (start[k] as number);
  }

  /** Open milliseconds in [a, b]; requires a <= b. */
  between(a: number, b: number): number {
    const ya = yearIndexOf(a);
    const yb = yearIndexOf(b);
    let result = this.cumWithin(this.table(yb), b) - this.cumWithin(this.table(ya), a);
    for (let y = ya; y < yb; y++) {
      const table = this.table(y);
      result += table.cum[table.start.length] as number;
    }
    return result;
  }

  /** The earliest instant u >= t with x open milliseconds in [t, u] (a budget ends at closing time). */
  add(t: number, x: number): number {
    if (x <= 0) return t;
    let yi = yearIndexOf(t);
    let table = this.table(yi);
    let target = this.cumWithin(table, t) + x;
    while (target > (table.cum[table.start.length] as number)) {
      target -= table.cum[table.start.length] as number;
      yi++;
      if (yi >= YEARS) throw outOfRange();
      table = this.table(yi);
    }
    // First interval k whose end reaches the target.
    let lo = 0;
    let hi = table.start.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((table.cum[mid + 1] as number) >= target) hi = mid;
      else lo = mid + 1;
    }
    return (table.start[lo] as number) + (target - (table.cum[lo] as number));
  }
}

// Lines are re-read per request (new objects, same content), so the engines are shared by content;
// the WeakMap spares the signature for repeated calls with the same objects (a queue page).
const byObjects = new WeakMap<WeeklySchedule, WeakMap<CalendarSettings, OpeningTime>>();
const bySignature = new Map<string, OpeningTime>();

/** The cached opening-time engine of a line (schedule and settings treated as immutable). */
export function openingTime(line: LineCalendar): OpeningTime {
  const { schedule, settings } = line;
  const hit = byObjects.get(schedule)?.get(settings);
  if (hit) return hit;
  const minutes = compileSchedule(schedule);
  const key = `${validateCalendarSettings(settings).signature}|${JSON.stringify(minutes)}`;
  let engine = bySignature.get(key);
  if (!engine) {
    // Bounded so that generated schedules (tests) cannot grow it without end.
    if (bySignature.size > 64) bySignature.clear();
    engine = new OpeningTime(minutes, settings);
    bySignature.set(key, engine);
  }
  let bySettings = byObjects.get(schedule);
  if (!bySettings) {
    bySettings = new WeakMap();
    byObjects.set(schedule, bySettings);
  }
  bySettings.set(settings, engine);
  return engine;
}
