import { TZDate, tzOffset } from "@date-fns/tz";

import { RuleInputError } from "@/lib/calendar/errors";

/**
 * Amsterdam wall-clock helpers. Dates are handled as "day numbers" (days since 1970-01-01 of the
 * civil date, independent of any zone) so that date arithmetic never touches the process zone.
 * Offsets always come from @date-fns/tz; nothing here knows when DST starts or ends.
 */
export const ZONE = "Europe/Amsterdam";
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** The business calendar only knows holidays for these years. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function civilOf(dn: number): CivilDate {
  const d = new Date(dn * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: Monday 1 ... Sunday 7 (1970-01-01 was a Thursday). */
export function isoWeekdayOf(dn: number): number {
  return ((((dn + 3) % 7) + 7) % 7) + 1;
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "yyyy-MM-dd" to a day number; null for anything that is not a real calendar date. */
export function parseDateKey(key: string): number | null {
  if (typeof key !== "string") return null;
  const m = DATE_KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const dn = dayNumber(year, month, day);
  const back = civilOf(dn);
  // Date.UTC silently rolls 2026-02-30 over to March; the round trip catches that.
  if (back.year !== year || back.month !== month || back.day !== day) return null;
  return dn;
}

export function requireDateKey(key: string, what = "date"): number {
  const dn = parseDateKey(key);
  if (dn === null) {
    throw new RuleInputError("INVALID_DATE", `${what} must be a yyyy-MM-dd date, got ${JSON.stringify(key)}`);
  }
  return dn;
}

export function formatDateKey(dn: number): string {
  return new Date(dn * DAY_MS).toISOString().slice(0, 10);
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:mm" to minutes after midnight; "24:00" is accepted only as an end of day. */
export function parseClock(value: string, allowEndOfDay = false): number {
  if (allowEndOfDay && value === "24:00") return 24 * 60;
  const m = typeof value === "string" ? CLOCK.exec(value) : null;
  if (!m) throw new RuleInputError("INVALID_TIME", `expected HH:mm, got ${JSON.stringify(value)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

const SIX_HOURS = 6 * HOUR_MS;

/**
 * The UTC instant of an Amsterdam wall-clock time. Away from a DST change the offset is the same
 * six hours either side, so one cheap offset look-up is exact; near a change we let TZDate resolve
 * gaps and overlaps (it is ~10x slower, and this path is taken a few days a year).
 */
export function localToUtc(dn: number, minutes: number): number {
  const wall = dn * DAY_MS + minutes * MINUTE_MS;
  const before = tzOffset(ZONE, new Date(wall - SIX_HOURS));
  const after = tzOffset(ZONE, new Date(wall + SIX_HOURS));
  if (before === after) return wall - before * MINUTE_MS;
  const { year, month, day } = civilOf(dn);
  return new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, ZONE).getTime();
}

export interface WallClock {
  dn: number;
  /** Milliseconds since Amsterdam wall-clock midnight (wall time, not elapsed time). */
  msOfDay: number;
}

export function wallClockOf(instant: number): WallClock {
  const local = instant + tzOffset(ZONE, new Date(instant)) * MINUTE_MS;
  const dn = Math.floor(local / DAY_MS);
  return { dn, msOfDay: local - dn * DAY_MS };
}

/** The Amsterdam calendar date of an instant as "yyyy-MM-dd". */
export function amsterdamDateKey(instant: Date): string {
  return formatDateKey(wallClockOf(instant.getTime()).dn);
}
