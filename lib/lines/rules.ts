// Pure rules of contact lines: no I/O, `now` passed in. Used by the admin's forms (client and
// server) and by the contact pages.
import type { OpeningInterval } from "@/lib/calendar/opening-hours";
import { amsterdamDateKey, isoWeekdayOf, parseClock, parseDateKey } from "@/lib/calendar/local-time";

/** The two lines that always existed: other code (SLA policies, defaults) names them. */
export const FIXED_LINES: readonly string[] = ["BENEFICIARY", "EMPLOYER"];
export const isFixedLine = (key: string) => FIXED_LINES.includes(key);

export type LineAudience = "BENEFICIARY" | "EMPLOYER";

/** A line with no audience is shown in both portals. */
export function lineShownTo(lineAudience: LineAudience | null, portal: LineAudience): boolean {
  return lineAudience === null || lineAudience === portal;
}

/** More than this per day is a typing error rather than a schedule. */
export const MAX_INTERVALS_PER_DAY = 4;

export type DayHoursProblem = "INVALID_TIME" | "OPENS_BEFORE_CLOSES" | "INTERVALS_OVERLAP" | "TOO_MANY_INTERVALS";

/**
 * One day's hours as an admin types them: "09:00-12:00, 13:00-17:00"; empty means closed. The
 * intervals must be in order and not overlap (touching is fine: the line stays open).
 */
export function parseDayHours(text: string): { ok: true; intervals: OpeningInterval[] } | { ok: false; problem: DayHoursProblem } {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length > MAX_INTERVALS_PER_DAY) return { ok: false, problem: "TOO_MANY_INTERVALS" };
  const intervals: OpeningInterval[] = [];
  let previousClose = -1;
  for (const part of parts) {
    const m = /^(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})$/.exec(part);
    if (!m) return { ok: false, problem: "INVALID_TIME" };
    const [open, close] = [normalClock(m[1]!), normalClock(m[2]!)];
    let openMin: number;
    let closeMin: number;
    try {
      openMin = parseClock(open);
      closeMin = parseClock(close, true);
    } catch {
      return { ok: false, problem: "INVALID_TIME" };
    }
    if (openMin >= closeMin) return { ok: false, problem: "OPENS_BEFORE_CLOSES" };
    if (openMin < previousClose) return { ok: false, problem: "INTERVALS_OVERLAP" };
    previousClose = closeMin;
    intervals.push({ open, close });
  }
  return { ok: true, intervals };
}

/** "9.00" and "9:00" are both "09:00". */
function normalClock(value: string): string {
  const [h, m] = value.replace(".", ":").split(":");
  return `${h!.padStart(2, "0")}:${m}`;
}

export function formatDayHours(intervals: readonly OpeningInterval[]): string {
  return intervals.map((i) => `${i.open}-${i.close}`).join(", ");
}

/**
 * Why a closure day cannot be set: an impossible date, a day already behind us (it would rewrite
 * past SLA clocks), or a weekday on which it is closed anyway (`opensOn`: the centre works Monday
 * to Friday, a line has its own week), where a closure would close nothing.
 */
export function closureDateProblem(date: string, now: Date, opensOn: (isoWeekday: number) => boolean): "INVALID_DATE" | "DATE_IN_PAST" | "CLOSED_ANYWAY" | null {
  const day = parseDateKey(date);
  if (day === null) return "INVALID_DATE";
  if (date < amsterdamDateKey(now)) return "DATE_IN_PAST";
  return opensOn(isoWeekdayOf(day)) ? null : "CLOSED_ANYWAY";
}

/**
 * A key for a new line from its Dutch name ("HR-desk lijn" -> "HR_DESK_LIJN"), made unique with a
 * number when taken. Keys are what SLA policies and hours refer to, so they never change.
 */
export function lineKeyFrom(nameNl: string, taken: ReadonlySet<string>): string {
  const base =
    nameNl
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 32) || "LIJN";
  const start = /^[A-Z]/.test(base) ? base : `LIJN_${base}`;
  if (!taken.has(start)) return start;
  for (let n = 2; ; n++) if (!taken.has(`${start}_${n}`)) return `${start}_${n}`;
}
