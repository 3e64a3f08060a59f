import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";

import {
  DEFAULT_CALENDAR_SETTINGS,
  addWorkingDays,
  addWorkingDaysToDate,
  amsterdamDateKey,
  businessHoursOn,
  dueAfterWorkingDays,
  isWithinBusinessHours,
  isWorkingDate,
  isWorkingDay,
  nextBusinessOpening,
  nextWorkingDay,
  startOfAmsterdamDay,
} from "@/lib/calendar/rules";

const S = DEFAULT_CALENDAR_SETTINGS;

/** An Amsterdam wall-clock time, "yyyy-MM-dd HH:mm", as an instant (independent of the code under test). */
function ams(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`bad test time ${local}`);
  const [, y, mo, d, h = "0", mi = "0"] = m;
  return new Date(new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), "Europe/Amsterdam").getTime());
}

describe("test environment", () => {
  it("runs far from Amsterdam, so a forgotten time zone fails", () => {
    expect(new Date("2026-06-01T00:00:00Z").getTimezoneOffset()).toBe(-14 * 60);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-04-24 12:00", true], // Friday
    ["2026-04-25 12:00", false], // Saturday
    ["2026-04-26 12:00", false], // Sunday
    ["2026-04-27 12:00", false], // Koningsdag (Monday)
    ["2026-04-03 12:00", true], // Goede Vrijdag, off only by setting
    ["2026-05-05 12:00", true], // Bevrijdingsdag, not a lustrum year
    ["2025-05-05 12:00", false], // Bevrijdingsdag 2025
    ["2026-05-14 12:00", false], // Hemelvaartsdag
    ["2026-05-25 12:00", false], // Tweede Pinksterdag
    ["2026-12-25 12:00", false],
    ["2026-12-31 12:00", true],
    ["2027-01-01 12:00", false],
  ])("%s -> %s", (local, expected) => {
    expect(isWorkingDay(ams(local), S)).toBe(expected);
  });

  it("judges the Amsterdam date, not the UTC or process date", () => {
    // 00:30 Amsterdam on Monday 27 April (Koningsdag) is still Sunday 22:30 UTC.
    expect(isWorkingDay(ams("2026-04-27 00:30"), S)).toBe(false);
    // 23:30 on Friday 24 April is Friday in Amsterdam but already Saturday in Kiritimati.
    expect(isWorkingDay(ams("2026-04-24 23:30"), S)).toBe(true);
    expect(amsterdamDateKey(ams("2026-04-24 23:30"))).toBe("2026-04-24");
    expect(amsterdamDateKey(ams("2026-04-27 00:30"))).toBe("2026-04-27");
  });

  it("follows the Goede Vrijdag and Bevrijdingsdag settings and closure days", () => {
    expect(isWorkingDay(ams("2026-04-03 12:00"), { ...S, goodFriday: "EVERY_YEAR" })).toBe(false);
    expect(isWorkingDay(ams("2026-05-05 12:00"), { ...S, liberationDay: "EVERY_YEAR" })).toBe(false);
    expect(isWorkingDay(ams("2025-05-05 12:00"), { ...S, liberationDay: "NEVER" })).toBe(true);
    expect(isWorkingDate("2026-12-31", { ...S, closureDays: ["2026-12-31"] })).toBe(false);
  });

  it("refuses invalid and out-of-range input", () => {
    expect(() => isWorkingDay(new Date(Number.NaN), S)).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
    expect(() => isWorkingDay(ams("1999-06-01 12:00"), S)).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => isWorkingDate("2026-13-01", S)).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });
});

describe("addWorkingDays", () => {
  it("keeps the Amsterdam wall-clock time across the spring DST change", () => {
    expect(addWorkingDays(ams("2026-03-27 10:00"), 1, S)).toEqual(ams("2026-03-30 10:00"));
  });

  it("keeps the wall-clock time across the autumn DST change", () => {
    expect(addWorkingDays(ams("2026-10-23 16:30"), 1, S)).toEqual(ams("2026-10-26 16:30"));
  });

  it("skips Easter Monday and Koningsdag", () => {
    expect(addWorkingDays(ams("2026-04-02 11:00"), 2, S)).toEqual(ams("2026-04-07 11:00"));
    expect(addWorkingDays(ams("2026-04-24 11:00"), 1, S)).toEqual(ams("2026-04-28 11:00"));
  });

  it("counts from the day itself when it starts on a weekend", () => {
    expect(addWorkingDays(ams("2026-06-06 12:00"), 1, S)).toEqual(ams("2026-06-08 12:00"));
    expect(addWorkingDays(ams("2026-06-06 12:00"), 0, S)).toEqual(ams("2026-06-06 12:00"));
  });

  it("refuses negative and fractional counts", () => {
    expect(() => addWorkingDays(ams("2026-06-08 12:00"), -1, S)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => addWorkingDays(ams("2026-06-08 12:00"), 1.5, S)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
  });

  it("works on plain dates too", () => {
    expect(addWorkingDaysToDate("2026-12-24", 1, S)).toBe("2026-12-28");
    expect(addWorkingDaysToDate("2026-12-31", 1, S)).toBe("2027-01-04");
    expect(nextWorkingDay(ams("2026-04-24 18:00"), S)).toBe("2026-04-28");
  });
});

describe("dueAfterWorkingDays (5 working days from receipt)", () => {
  it.each([
    // A Friday 16:59 question: Friday is the day of receipt, due at closing time a week later.
    ["2026-06-05 16:59", "2026-06-12 17:00"],
    // 17:00 is after hours: it counts from Monday's opening.
    ["2026-06-05 17:00", "2026-06-15 17:00"],
    ["2026-06-06 11:00", "2026-06-15 17:00"], // Saturday
    ["2026-06-08 07:30", "2026-06-15 17:00"], // Monday before opening
    ["2026-06-08 09:00", "2026-06-15 17:00"],
    ["2026-06-08 16:59", "2026-06-15 17:00"],
    // A Friday 16:59 question just before Koningsdag (Monday 27 April 2026).
    ["2026-04-24 16:59", "2026-05-04 17:00"],
    // A question on Koningsdag counts from Tuesday.
    ["2026-04-27 10:00", "2026-05-05 17:00"],
    // Easter week 2026: Goede Vrijdag is a working day by default, Easter Monday is not.
    ["2026-04-02 12:00", "2026-04-10 17:00"],
    // Easter week 2025 and the Ascension week.
    ["2025-04-17 12:00", "2025-04-25 17:00"],
    ["2025-05-28 12:00", "2025-06-05 17:00"],
    // Pentecost weeks.
    ["2025-06-06 10:00", "2025-06-16 17:00"],
    ["2024-05-17 10:00", "2024-05-27 17:00"],
    // Bevrijdingsdag 2025 is off by default (lustrum year).
    ["2025-05-02 10:00", "2025-05-12 17:00"],
    // Christmas to New Year.
    ["2026-12-24 15:00", "2027-01-04 17:00"],
    ["2025-12-23 10:00", "2026-01-02 17:00"],
    // Across the spring and autumn DST changes.
    ["2026-03-26 11:00", "2026-04-02 17:00"],
    ["2026-10-22 11:00", "2026-10-29 17:00"],
  ])("received %s -> due %s", (received, due) => {
    expect(dueAfterWorkingDays(ams(received), 5, S)).toEqual(ams(due));
  });

  it("follows Goede Vrijdag, Bevrijdingsdag and closure day settings", () => {
    expect(dueAfterWorkingDays(ams("2026-04-02 12:00"), 5, { ...S, goodFriday: "EVERY_YEAR" })).toEqual(
      ams("2026-04-13 17:00"),
    );
    expect(dueAfterWorkingDays(ams("2026-04-27 10:00"), 5, { ...S, liberationDay: "EVERY_YEAR" })).toEqual(
      ams("2026-05-06 17:00"),
    );
    expect(dueAfterWorkingDays(ams("2025-05-02 10:00"), 5, { ...S, liberationDay: "NEVER" })).toEqual(
      ams("2025-05-09 17:00"),
    );
    expect(dueAfterWorkingDays(ams("2026-06-08 10:00"), 5, { ...S, closureDays: ["2026-06-10"] })).toEqual(
      ams("2026-06-16 17:00"),
    );
  });

  it("gives 1 working day for a Friday afternoon escalation: the next working day at 17:00", () => {
    expect(dueAfterWorkingDays(ams("2026-06-05 15:00"), 1, S)).toEqual(ams("2026-06-08 17:00"));
    expect(dueAfterWorkingDays(ams("2026-04-24 15:00"), 1, S)).toEqual(ams("2026-04-28 17:00"));
  });

  it("respects other business hours", () => {
    const hours = { open: "08:30", close: "16:00" };
    expect(dueAfterWorkingDays(ams("2026-06-05 16:30"), 1, S, hours)).toEqual(ams("2026-06-09 16:00"));
  });
});

describe("business hours", () => {
  it("is half-open: 09:00 inside, 17:00 outside", () => {
    expect(isWithinBusinessHours(ams("2026-06-08 09:00"), S)).toBe(true);
    expect(isWithinBusinessHours(ams("2026-06-08 16:59"), S)).toBe(true);
    expect(isWithinBusinessHours(ams("2026-06-08 17:00"), S)).toBe(false);
    expect(isWithinBusinessHours(ams("2026-06-06 12:00"), S)).toBe(false);
  });

  it("finds the next business opening", () => {
    expect(nextBusinessOpening(ams("2026-06-08 10:00"), S)).toEqual(ams("2026-06-08 10:00"));
    expect(nextBusinessOpening(ams("2026-06-08 07:00"), S)).toEqual(ams("2026-06-08 09:00"));
    expect(nextBusinessOpening(ams("2026-04-24 17:00"), S)).toEqual(ams("2026-04-28 09:00"));
    expect(nextBusinessOpening(ams("2026-03-28 12:00"), S)).toEqual(ams("2026-03-30 09:00"));
  });

  it("gives the hours of a date and midnight in Amsterdam", () => {
    expect(businessHoursOn("2026-10-26", S)).toEqual({ opensAt: ams("2026-10-26 09:00"), closesAt: ams("2026-10-26 17:00") });
    expect(businessHoursOn("2026-10-25", S)).toBeNull();
    expect(startOfAmsterdamDay("2026-03-29")).toEqual(new Date("2026-03-28T23:00:00Z"));
    expect(startOfAmsterdamDay("2026-03-30")).toEqual(new Date("2026-03-29T22:00:00Z"));
  });

  it("refuses business hours that close before they open", () => {
    expect(() => isWithinBusinessHours(ams("2026-06-08 09:00"), S, { open: "17:00", close: "09:00" })).toThrow(
      expect.objectContaining({ code: "INVALID_SETTINGS" }),
    );
    expect(() => isWithinBusinessHours(ams("2026-06-08 09:00"), S, { open: "9", close: "17:00" })).toThrow(
      expect.objectContaining({ code: "INVALID_TIME" }),
    );
  });
});
