import { RuleInputError } from "@/lib/calendar/errors";
import { type CalendarSettings, holidayDayNumbers, validateCalendarSettings } from "@/lib/calendar/holidays";
import {
  DAY_MS,
  HOUR_MS,
  MAX_YEAR,
  MIN_YEAR,
  dayNumber,
  isoWeekdayOf,
  localToUtc,
  parseClock,
} from "@/lib/calendar/local-time";

/**
 * The engine behind the working-time rules: per year, lazily, a table of each Amsterdam day's
 * midnight, business opening and closing as UTC milliseconds plus a running sum of working time.
 * With it, "which day is this instant", "working time between" and "add working time" are a few
 * array reads and a binary search, with no TZDate in the hot path (see scripts/bench-rules.ts).
 */

/** Business hours for working-time arithmetic, Amsterdam wall clock, "HH:mm". */
export interface BusinessHours {
  readonly open: string;
  readonly close: string;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = Object.freeze({ open: "09:00", close: "17:00" });

const YEARS = MAX_YEAR - MIN_YEAR + 1;
const YEAR_FIRST_DN = new Int32Array(YEARS + 1);
for (let i = 0; i <= YEARS; i++) YEAR_FIRST_DN[i] = dayNumber(MIN_YEAR + i, 1, 1);
const FIRST_DN = YEAR_FIRST_DN[0] as number;
const END_DN = YEAR_FIRST_DN[YEARS] as number;
const RANGE_START = localToUtc(FIRST_DN, 0);
const RANGE_END = localToUtc(END_DN, 0);

function outOfRange(): RuleInputError {
  return new RuleInputError("OUT_OF_RANGE", `the business calendar covers ${MIN_YEAR}-${MAX_YEAR} (Amsterdam dates)`);
}

/** Index (year - MIN_YEAR) of the year holding a day number. */
function yearIndexOf(dn: number): number {
  if (!(dn >= FIRST_DN && dn < END_DN)) throw outOfRange();
  let i = Math.floor((dn - FIRST_DN) / 365.2425);
  while ((YEAR_FIRST_DN[i] as number) > dn) i--;
  while ((YEAR_FIRST_DN[i + 1] as number) <= dn) i++;
  return i;
}

/** Local midnights are the same for every settings object, so they are shared. */
const midnightTables: (Float64Array | undefined)[] = new Array(YEARS);

function midnightsOf(yi: number): Float64Array {
  let table = midnightTables[yi];
  if (!table) {
    const first = YEAR_FIRST_DN[yi] as number;
    const n = (YEAR_FIRST_DN[yi + 1] as number) - first;
    table = new Float64Array(n + 1);
    for (let i = 0; i <= n; i++) table[i] = localToUtc(first + i, 0);
    midnightTables[yi] = table;
  }
  return table;
}

function midnightOf(dn: number): number {
  if (dn === END_DN) return RANGE_END;
  const yi = yearIndexOf(dn);
  return midnightsOf(yi)[dn - (YEAR_FIRST_DN[yi] as number)] as number;
}

/** One year of one calendar. Non-working days have open === close === midnight. */
interface YearTable {
  readonly firstDn: number;
  readonly n: number;
  readonly working: Uint8Array;
  readonly open: Float64Array;
  readonly close: Float64Array;
  /** cum[i]: working milliseconds of this year before day i; cum[n] is the year's total. */
  readonly cum: Float64Array;
}

export class WorkingCalendar {
  private readonly tables: (YearTable | undefined)[] = new Array(YEARS);

  constructor(
    private readonly settings: CalendarSettings,
    readonly openMinutes: number,
    readonly closeMinutes: number,
  ) {}

  private table(yi: number): YearTable {
    return this.tables[yi] ?? this.build(yi);
  }

  private build(yi: number): YearTable {
    const firstDn = YEAR_FIRST_DN[yi] as number;
    const n = (YEAR_FIRST_DN[yi + 1] as number) - firstDn;
    const midnight = midnightsOf(yi);
    const holidays = holidayDayNumbers(MIN_YEAR + yi, this.settings);
    const working = new Uint8Array(n);
    const open = new Float64Array(n);
    const close = new Float64Array(n);
    const cum = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const dn = firstDn + i;
      if (isoWeekdayOf(dn) <= 5 && !holidays.has(dn)) {
        working[i] = 1;
        open[i] = localToUtc(dn, this.openMinutes);
        close[i] = localToUtc(dn, this.closeMinutes);
      } else {
        open[i] = close[i] = midnight[i] as number;
      }
      cum[i + 1] = (cum[i] as number) + (close[i] as number) - (open[i] as number);
    }
    const table: YearTable = { firstDn, n, working, open, close, cum };
    this.tables[yi] = table;
    return table;
  }

  private tableOfDay(dn: number): YearTable {
    return this.table(yearIndexOf(dn));
  }

  /** The Amsterdam day number of an instant (ms). */
  dayOf(t: number): number {
    if (!(t >= RANGE_START && t < RANGE_END)) throw outOfRange();
    // Amsterdam is at least UTC+1; the loop corrects the guess by the actual midnights.
    let dn = Math.floor((t + HOUR_MS) / DAY_MS);
    while (t < midnightOf(dn)) dn--;
    while (t >= midnightOf(dn + 1)) dn++;
    return dn;
  }

  isWorkingDay(dn: number): boolean {
    const table = this.tableOfDay(dn);
    return table.working[dn - table.firstDn] === 1;
  }

  /** The n-th working day strictly after dn (n = 0: dn itself). */
  nthWorkingDayAfter(dn: number, n: number): number {
    let day = dn;
    for (let count = 0; count < n; ) {
      day++;
      if (this.isWorkingDay(day)) count++;
    }
    return day;
  }

  /** Business opening and closing (UTC ms) of a working day; both equal midnight otherwise. */
  openOf(dn: number): number {
    const table = this.tableOfDay(dn);
    return table.open[dn - table.firstDn] as number;
  }

  closeOf(dn: number): number {
    const table = this.tableOfDay(dn);
    return table.close[dn - table.firstDn] as number;
  }

  private cumWithin(table: YearTable, i: number, t: number): number {
    const open = table.open[i] as number;
    const length = (table.close[i] as number) - open;
    const into = t - open;
    return (table.cum[i] as number) + (into <= 0 ? 0 : into >= length ? length : into);
  }

  /** Working milliseconds in [a, b]; requires a <= b. */
  between(a: number, b: number): number {
    const da = this.dayOf(a);
    const db = this.dayOf(b);
    const ya = yearIndexOf(da);
    const yb = yearIndexOf(db);
    const ta = this.table(ya);
    const tb = this.table(yb);
    let result = this.cumWithin(tb, db - tb.firstDn, b) - this.cumWithin(ta, da - ta.firstDn, a);
    for (let y = ya; y < yb; y++) result += this.table(y).cum[this.table(y).n] as number;
    return result;
  }

  /**
   * The earliest instant u >= t with x working milliseconds in [t, u]. "Earliest" makes a budget
   * that runs out at closing time end at 17:00, not at 09:00 the next working day.
   */
  add(t: number, x: number): number {
    if (x === 0) return t;
    const dn = this.dayOf(t);
    let yi = yearIndexOf(dn);
    let table = this.table(yi);
    let i = dn - table.firstDn;
    let target = this.cumWithin(table, i, t) + x;
    while (target > (table.cum[table.n] as number)) {
      target -= table.cum[table.n] as number;
      yi++;
      if (yi >= YEARS) throw outOfRange();
      table = this.table(yi);
      i = 0;
    }
    let lo = i;
    let hi = table.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((table.cum[mid + 1] as number) >= target) hi = mid;
      else lo = mid + 1;
    }
    return (table.open[lo] as number) + (target - (table.cum[lo] as number));
  }
}

const bySettings = new WeakMap<CalendarSettings, WeakMap<BusinessHours, WorkingCalendar>>();
const bySignature = new Map<string, WorkingCalendar>();

/** The cached calendar for a settings object and business hours (both treated as immutable). */
export function workingCalendar(
  settings: CalendarSettings,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): WorkingCalendar {
  const hit = bySettings.get(settings)?.get(hours);
  if (hit) return hit;
  const { signature } = validateCalendarSettings(settings);
  const open = parseClock(hours?.open);
  const close = parseClock(hours?.close, true);
  if (open >= close) {
    throw new RuleInputError("INVALID_SETTINGS", `business hours must open before they close, got ${hours.open}-${hours.close}`);
  }
  const key = `${signature}|${open}-${close}`;
  let calendar = bySignature.get(key);
  if (!calendar) {
    // Bounded so that generated settings (property tests) cannot grow it without end.
    if (bySignature.size > 64) bySignature.clear();
    calendar = new WorkingCalendar(settings, open, close);
    bySignature.set(key, calendar);
  }
  let byHours = bySettings.get(settings);
  if (!byHours) {
    byHours = new WeakMap();
    bySettings.set(settings, byHours);
  }
  byHours.set(hours, calendar);
  return calendar;
}
