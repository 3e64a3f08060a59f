import { RuleInputError } from "@/lib/calendar/errors";
import {
  MAX_YEAR,
  MIN_YEAR,
  dayNumber,
  formatDateKey,
  isoWeekdayOf,
  parseDateKey,
} from "@/lib/calendar/local-time";

export type YearlyRule = "NEVER" | "EVERY_YEAR" | "EVERY_FIFTH_YEAR";

/** Treated as an immutable value: results are cached per settings object. */
export interface CalendarSettings {
  readonly goodFriday: YearlyRule;
  readonly liberationDay: YearlyRule;
  /** "yyyy-MM-dd" Amsterdam dates on which the organisation is closed, added by admins. */
  readonly closureDays: readonly string[];
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = Object.freeze({
  goodFriday: "NEVER",
  // Bevrijdingsdag is a national day off in lustrum years (2025, 2030) in most collective agreements.
  liberationDay: "EVERY_FIFTH_YEAR",
  closureDays: Object.freeze([]) as readonly string[],
});

export type HolidayKey =
  | "NEW_YEARS_DAY"
  | "GOOD_FRIDAY"
  | "EASTER_SUNDAY"
  | "EASTER_MONDAY"
  | "KINGS_DAY"
  | "QUEENS_DAY"
  | "LIBERATION_DAY"
  | "ASCENSION_DAY"
  | "WHIT_SUNDAY"
  | "WHIT_MONDAY"
  | "CHRISTMAS_DAY"
  | "SECOND_CHRISTMAS_DAY"
  | "CLOSURE_DAY";

export interface Holiday {
  date: string;
  key: HolidayKey;
  nameNl: string;
  nameEn: string;
}

const RULES: readonly YearlyRule[] = ["NEVER", "EVERY_YEAR", "EVERY_FIFTH_YEAR"];

function appliesIn(rule: YearlyRule, year: number): boolean {
  return rule === "EVERY_YEAR" || (rule === "EVERY_FIFTH_YEAR" && year % 5 === 0);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RuleInputError("OUT_OF_RANGE", `the business calendar covers ${MIN_YEAR}-${MAX_YEAR}, got ${String(year)}`);
  }
}

/**
 * Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). Twelve integer
 * operations beat a dependency; tests pin it to published dates.
 */
export function easterSundayDayNumber(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

export function easterSunday(year: number): string {
  return formatDateKey(easterSundayDayNumber(year));
}

interface ValidatedSettings {
  readonly signature: string;
  readonly closureDayNumbers: readonly number[];
}

const validated = new WeakMap<CalendarSettings, ValidatedSettings>();

/** Validates once per settings object and returns a stable signature for caches. */
export function validateCalendarSettings(settings: CalendarSettings): ValidatedSettings {
  const hit = validated.get(settings);
  if (hit) return hit;
  if (!settings || !RULES.includes(settings.goodFriday) || !RULES.includes(settings.liberationDay)) {
    throw new RuleInputError("INVALID_SETTINGS", "goodFriday and liberationDay must be NEVER, EVERY_YEAR or EVERY_FIFTH_YEAR");
  }
  if (!Array.isArray(settings.closureDays)) {
    throw new RuleInputError("INVALID_SETTINGS", "closureDays must be a list of yyyy-MM-dd dates");
  }
  const days = new Set<number>();
  for (const key of settings.closureDays) {
    const dn = parseDateKey(key);
    if (dn === null) {
      throw new RuleInputError("INVALID_DATE", `closure day ${JSON.stringify(key)} is not a yyyy-MM-dd date`);
    }
    days.add(dn);
  }
  const closureDayNumbers = [...days].sort((x, y) => x - y);
  const result: ValidatedSettings = {
    signature: `${settings.goodFriday}|${settings.liberationDay}|${closureDayNumbers.join(",")}`,
    closureDayNumbers,
  };
  validated.set(settings, result);
  return result;
}

const holidayCache = new Map<string, readonly Holiday[]>();

function computeHolidays(year: number, settings: CalendarSettings, closure: readonly number[]): Holiday[] {
  const easter = easterSundayDayNumber(year);
  const list: { dn: number; key: HolidayKey; nameNl: string; nameEn: string }[] = [
    { dn: dayNumber(year, 1, 1), key: "NEW_YEARS_DAY", nameNl: "Nieuwjaarsdag", nameEn: "New Year's Day" },
    { dn: easter, key: "EASTER_SUNDAY", nameNl: "Eerste Paasdag", nameEn: "Easter Sunday" },
    { dn: easter + 1, key: "EASTER_MONDAY", nameNl: "Tweede Paasdag", nameEn: "Easter Monday" },
    { dn: easter + 39, key: "ASCENSION_DAY", nameNl: "Hemelvaartsdag", nameEn: "Ascension Day" },
    { dn: easter + 49, key: "WHIT_SUNDAY", nameNl: "Eerste Pinksterdag", nameEn: "Whit Sunday" },
    { dn: easter + 50, key: "WHIT_MONDAY", nameNl: "Tweede Pinksterdag", nameEn: "Whit Monday" },
    { dn: dayNumber(year, 12, 25), key: "CHRISTMAS_DAY", nameNl: "Eerste Kerstdag", nameEn: "Christmas Day" },
    { dn: dayNumber(year, 12, 26), key: "SECOND_CHRISTMAS_DAY", nameNl: "Tweede Kerstdag", nameEn: "Boxing Day" },
  ];
  if (year >= 2014) {
    // Koningsdag moves back to Saturday the 26th when the 27th is a Sunday.
    const d27 = dayNumber(year, 4, 27);
    list.push({ dn: isoWeekdayOf(d27) === 7 ? d27 - 1 : d27, key: "KINGS_DAY", nameNl: "Koningsdag", nameEn: "King's Day" });
  } else {
    // Koninginnedag (until 2013) moved back to the 29th when the 30th was a Sunday.
    const d30 = dayNumber(year, 4, 30);
    list.push({ dn: isoWeekdayOf(d30) === 7 ? d30 - 1 : d30, key: "QUEENS_DAY", nameNl: "Koninginnedag", nameEn: "Queen's Day" });
  }
  if (appliesIn(settings.goodFriday, year)) {
    list.push({ dn: easter - 2, key: "GOOD_FRIDAY", nameNl: "Goede Vrijdag", nameEn: "Good Friday" });
  }
  if (appliesIn(settings.liberationDay, year)) {
    list.push({ dn: dayNumber(year, 5, 5), key: "LIBERATION_DAY", nameNl: "Bevrijdingsdag", nameEn: "Liberation Day" });
  }
  const first = dayNumber(year, 1, 1);
  const last = dayNumber(year + 1, 1, 1);
  for (const dn of closure) {
    if (dn >= first && dn < last) {
      list.push({ dn, key: "CLOSURE_DAY", nameNl: "Sluitingsdag", nameEn: "Closure day" });
    }
  }
  list.sort((x, y) => x.dn - y.dn);
  return list.map(({ dn, key, nameNl, nameEn }) => ({ date: formatDateKey(dn), key, nameNl, nameEn }));
}

function cachedHolidays(year: number, settings: CalendarSettings): readonly Holiday[] {
  assertYear(year);
  const { signature, closureDayNumbers } = validateCalendarSettings(settings);
  const cacheKey = `${year}|${signature}`;
  let hit = holidayCache.get(cacheKey);
  if (!hit) {
    // Bounded: admins rarely change settings, but property tests generate many.
    if (holidayCache.size > 2_000) holidayCache.clear();
    hit = Object.freeze(computeHolidays(year, settings, closureDayNumbers));
    holidayCache.set(cacheKey, hit);
  }
  return hit;
}

/** Holidays and closure days of a year (2000-2100), sorted by date. */
export function holidaysOf(year: number, settings: CalendarSettings): Holiday[] {
  return cachedHolidays(year, settings).map((h) => ({ ...h }));
}

const dayNumberCache = new WeakMap<readonly Holiday[], ReadonlySet<number>>();

/** Day numbers of the holidays and closure days of a year, for the working-day tables. */
export function holidayDayNumbers(year: number, settings: CalendarSettings): ReadonlySet<number> {
  const holidays = cachedHolidays(year, settings);
  let set = dayNumberCache.get(holidays);
  if (!set) {
    set = new Set(holidays.map((h) => parseDateKey(h.date) as number));
    dayNumberCache.set(holidays, set);
  }
  return set;
}

/** The holiday entries on a "yyyy-MM-dd" date (empty when it is not a holiday). */
export function holidaysOn(date: string, settings: CalendarSettings): Holiday[] {
  const dn = parseDateKey(date);
  if (dn === null) throw new RuleInputError("INVALID_DATE", `expected yyyy-MM-dd, got ${JSON.stringify(date)}`);
  const year = Number(date.slice(0, 4));
  return cachedHolidays(year, settings)
    .filter((h) => h.date === date)
    .map((h) => ({ ...h }));
}
