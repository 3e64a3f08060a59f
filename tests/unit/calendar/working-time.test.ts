import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  type CalendarSettings,
  DEFAULT_CALENDAR_SETTINGS,
  addWorkingDays,
  addWorkingTime,
  holidaysOf,
  isWorkingDay,
  workingTimeBetween,
} from "@/lib/calendar/rules";

const S = DEFAULT_CALENDAR_SETTINGS;
const HOUR = 3_600_000;
const ZONE = "Europe/Amsterdam";

function ams(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`bad test time ${local}`);
  const [, y, mo, d, h = "0", mi = "0"] = m;
  return new Date(new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), ZONE).getTime());
}

/** A slow, obviously correct oracle: walk Amsterdam dates with TZDate and sum 09:00-17:00 overlaps. */
function naiveWorkingTime(a: Date, b: Date, settings: CalendarSettings): number {
  let total = 0;
  const start = new TZDate(a.getTime(), ZONE);
  for (let day = new TZDate(start.getFullYear(), start.getMonth(), start.getDate(), ZONE); day.getTime() <= b.getTime(); ) {
    const key = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
    const weekend = day.getDay() === 0 || day.getDay() === 6;
    const holiday = holidaysOf(day.getFullYear(), settings).some((h) => h.date === key);
    if (!weekend && !holiday) {
      const open = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 9, 0, ZONE).getTime();
      const close = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 17, 0, ZONE).getTime();
      total += Math.max(0, Math.min(close, b.getTime()) - Math.max(open, a.getTime()));
    }
    day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, ZONE);
  }
  return total;
}

describe("workingTimeBetween", () => {
  it.each([
    ["2026-06-08 09:00", "2026-06-08 17:00", 8],
    ["2026-06-08 08:00", "2026-06-08 18:00", 8],
    ["2026-06-08 12:00", "2026-06-09 12:00", 8],
    ["2026-06-05 16:00", "2026-06-08 10:00", 2], // over a weekend
    ["2026-03-27 16:00", "2026-03-30 10:00", 2], // over the spring DST weekend
    ["2026-10-23 16:00", "2026-10-26 10:00", 2], // over the autumn DST weekend
    ["2026-04-24 16:00", "2026-04-28 10:00", 2], // over Koningsdag
    ["2026-12-24 09:00", "2027-01-04 09:00", 40], // Christmas to New Year: 24, 28, 29, 30, 31
    ["2026-06-06 10:00", "2026-06-07 16:00", 0],
    ["2026-06-08 10:00", "2026-06-08 10:00", 0],
  ])("%s -> %s is %i working hours", (a, b, hours) => {
    expect(workingTimeBetween(ams(a), ams(b), S)).toBe(hours * HOUR);
  });

  it("spans year boundaries and custom hours", () => {
    expect(workingTimeBetween(ams("2025-12-31 16:00"), ams("2026-01-02 10:00"), S)).toBe(2 * HOUR);
    expect(workingTimeBetween(ams("2026-06-08 00:00"), ams("2026-06-09 00:00"), S, { open: "00:00", close: "24:00" })).toBe(24 * HOUR);
  });

  it("refuses an end before the start", () => {
    expect(() => workingTimeBetween(ams("2026-06-09 10:00"), ams("2026-06-08 10:00"), S)).toThrow(
      expect.objectContaining({ code: "INVALID_RANGE" }),
    );
  });
});

describe("addWorkingTime", () => {
  it.each([
    ["2026-06-08 09:00", 8, "2026-06-08 17:00"], // ends at closing time, not at 09:00 the next day
    ["2026-06-08 07:00", 1, "2026-06-08 10:00"],
    ["2026-06-05 16:00", 2, "2026-06-08 10:00"],
    ["2026-06-06 12:00", 8, "2026-06-08 17:00"],
    ["2026-03-27 16:00", 4, "2026-03-30 12:00"], // Monday after the spring change, CEST
    ["2026-10-23 16:00", 4, "2026-10-26 12:00"], // Monday after the autumn change, CET
    ["2026-12-31 16:00", 2, "2027-01-04 10:00"],
  ])("%s + %i working hours = %s", (start, hours, end) => {
    expect(addWorkingTime(ams(start), hours * HOUR, S)).toEqual(ams(end));
  });

  it("returns the instant itself for zero and refuses negative durations", () => {
    expect(addWorkingTime(ams("2026-06-06 12:00"), 0, S)).toEqual(ams("2026-06-06 12:00"));
    expect(() => addWorkingTime(ams("2026-06-06 12:00"), -1, S)).toThrow(expect.objectContaining({ code: "INVALID_DURATION" }));
    expect(() => addWorkingTime(ams("2026-06-06 12:00"), Number.NaN, S)).toThrow(expect.objectContaining({ code: "INVALID_DURATION" }));
  });

  it("refuses to run past the supported calendar range", () => {
    expect(() => addWorkingTime(ams("2100-12-30 12:00"), 100 * HOUR, S)).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
  });
});

// Instants from 2000 to 2099, minute precision, plus a few settings variants.
const MIN = ams("2000-01-03 00:00").getTime();
const MAX = ams("2099-06-01 00:00").getTime();
const instant = fc.integer({ min: MIN / 60_000, max: MAX / 60_000 }).map((m) => new Date(m * 60_000));
const nearInstant = fc.integer({ min: ams("2025-01-01").getTime() / 60_000, max: ams("2027-12-31").getTime() / 60_000 }).map(
  (m) => new Date(m * 60_000),
);
const settingsArb: fc.Arbitrary<CalendarSettings> = fc.record({
  goodFriday: fc.constantFrom("NEVER", "EVERY_YEAR", "EVERY_FIFTH_YEAR"),
  liberationDay: fc.constantFrom("NEVER", "EVERY_YEAR", "EVERY_FIFTH_YEAR"),
  closureDays: fc.constantFrom([], ["2026-06-10", "2026-12-31"], ["2025-12-24", "2026-04-28", "2027-01-04"]),
});

describe("working time properties", () => {
  it("workingTimeBetween(a, addWorkingTime(a, x)) === x", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 2_000 * HOUR }), settingsArb, (a, x, settings) => {
        expect(workingTimeBetween(a, addWorkingTime(a, x, settings), settings)).toBe(x);
      }),
    );
  });

  it("a positive amount of working time always ends inside working hours (09:00, 17:00]", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 500 * HOUR }), settingsArb, (a, x, settings) => {
        const end = addWorkingTime(a, x, settings);
        const local = new TZDate(end.getTime(), ZONE);
        const minutes = local.getHours() * 60 + local.getMinutes() + local.getSeconds() / 60 + local.getMilliseconds() / 60_000;
        expect(isWorkingDay(end, settings)).toBe(true);
        expect(minutes > 9 * 60 && minutes <= 17 * 60).toBe(true);
      }),
    );
  });

  it("is additive: (a, b) + (b, c) = (a, c)", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 86_400_000 }), fc.integer({ min: 0, max: 40 * 86_400_000 }), (a, d1, d2) => {
        const b = new Date(a.getTime() + d1);
        const c = new Date(b.getTime() + d2);
        expect(workingTimeBetween(a, b, S) + workingTimeBetween(b, c, S)).toBe(workingTimeBetween(a, c, S));
      }),
    );
  });

  it("agrees with a day-by-day TZDate oracle", () => {
    fc.assert(
      fc.property(nearInstant, fc.integer({ min: 0, max: 30 * 86_400_000 }), settingsArb, (a, d, settings) => {
        const b = new Date(a.getTime() + d);
        expect(workingTimeBetween(a, b, settings)).toBe(naiveWorkingTime(a, b, settings));
      }),
      { numRuns: 200 },
    );
  });

  it("adding n then m working days equals adding n + m", () => {
    fc.assert(
      fc.property(instant, fc.nat(40), fc.nat(40), settingsArb, (a, n, m, settings) => {
        expect(addWorkingDays(addWorkingDays(a, n, settings), m, settings)).toEqual(addWorkingDays(a, n + m, settings));
      }),
    );
  });

  it("adding working days lands on a working day at the same wall-clock time", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (a, n) => {
        const b = addWorkingDays(a, n, S);
        expect(isWorkingDay(b, S)).toBe(true);
        const la = new TZDate(a.getTime(), ZONE);
        const lb = new TZDate(b.getTime(), ZONE);
        expect([lb.getHours(), lb.getMinutes()]).toEqual([la.getHours(), la.getMinutes()]);
      }),
    );
  });
});
