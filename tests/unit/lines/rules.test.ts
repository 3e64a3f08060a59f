import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import { describeOpening, isOpen, type WeeklySchedule } from "@/lib/calendar/opening-hours";
import { closureDateProblem, formatDayHours, lineKeyFrom, lineShownTo, parseDayHours } from "@/lib/lines/rules";

describe("parseDayHours", () => {
  it("reads one or more periods, empty as closed, and writes them back the same way", () => {
    expect(parseDayHours("")).toEqual({ ok: true, intervals: [] });
    const split = parseDayHours(" 9.00 - 12:00 ; 13:00-17:00 ");
    expect(split).toEqual({ ok: true, intervals: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "17:00" }] });
    expect(formatDayHours(split.ok ? split.intervals : [])).toBe("09:00-12:00, 13:00-17:00");
    expect(parseDayHours("08:00-24:00")).toEqual({ ok: true, intervals: [{ open: "08:00", close: "24:00" }] });
  });

  it("names what is wrong with a day", () => {
    expect(parseDayHours("9-17")).toEqual({ ok: false, problem: "INVALID_TIME" });
    expect(parseDayHours("25:00-26:00")).toEqual({ ok: false, problem: "INVALID_TIME" });
    expect(parseDayHours("24:00-24:00")).toEqual({ ok: false, problem: "INVALID_TIME" });
    expect(parseDayHours("17:00-09:00")).toEqual({ ok: false, problem: "OPENS_BEFORE_CLOSES" });
    expect(parseDayHours("13:00-17:00, 09:00-12:00")).toEqual({ ok: false, problem: "INTERVALS_OVERLAP" });
    expect(parseDayHours("09:00-13:00, 12:00-17:00")).toEqual({ ok: false, problem: "INTERVALS_OVERLAP" });
    expect(parseDayHours("08-09,09-10,10-11,11-12,12-13".replace(/(\d\d)/g, "$1:00"))).toEqual({ ok: false, problem: "TOO_MANY_INTERVALS" });
  });
});

describe("closureDateProblem", () => {
  // 23:30 UTC on 30 November is already 1 December in Amsterdam (and 13:30 on 1 December in the
  // unit tests' own zone), so "today" must be read in Amsterdam.
  const now = new Date("2026-11-30T23:30:00Z");
  const weekdays = (isoWeekday: number) => isoWeekday <= 5;
  it("refuses impossible dates and days before today in Amsterdam; today and later are fine", () => {
    expect(closureDateProblem("2027-02-30", now, weekdays)).toBe("INVALID_DATE");
    expect(closureDateProblem("2026-13-01", now, weekdays)).toBe("INVALID_DATE");
    expect(closureDateProblem("2026-11-30", now, weekdays)).toBe("DATE_IN_PAST");
    expect(closureDateProblem("2026-12-01", now, weekdays)).toBeNull();
    expect(closureDateProblem("2027-03-01", now, weekdays)).toBeNull();
  });

  it("refuses a day it is closed anyway (a weekend for the centre), but not a Friday or Monday", () => {
    expect(closureDateProblem("2026-12-05", now, weekdays)).toBe("CLOSED_ANYWAY");
    expect(closureDateProblem("2026-12-06", now, weekdays)).toBe("CLOSED_ANYWAY");
    expect(closureDateProblem("2027-02-28", now, weekdays)).toBe("CLOSED_ANYWAY");
    // A line open on Sundays may close on one.
    expect(closureDateProblem("2026-12-06", now, () => true)).toBeNull();
    expect(closureDateProblem("2026-12-04", now, weekdays)).toBeNull();
    expect(closureDateProblem("2026-12-07", now, weekdays)).toBeNull();
    // A past weekend day is refused as past: that is the first thing wrong with it.
    expect(closureDateProblem("2026-11-29", now, weekdays)).toBe("DATE_IN_PAST");
  });
});

describe("lineKeyFrom and lineShownTo", () => {
  it("makes a stable upper-case key from the Dutch name, unique among the taken ones", () => {
    expect(lineKeyFrom("HR-desk lijn", new Set())).toBe("HR_DESK_LIJN");
    expect(lineKeyFrom("Zorglijn één", new Set())).toBe("ZORGLIJN_EEN");
    expect(lineKeyFrom("HR-desk lijn", new Set(["HR_DESK_LIJN", "HR_DESK_LIJN_2"]))).toBe("HR_DESK_LIJN_3");
    expect(lineKeyFrom("24/7 lijn", new Set())).toBe("LIJN_24_7_LIJN");
    expect(lineKeyFrom("!!!", new Set())).toBe("LIJN");
  });

  it("shows a line without audience in both portals", () => {
    expect(lineShownTo(null, "EMPLOYER")).toBe(true);
    expect(lineShownTo("EMPLOYER", "EMPLOYER")).toBe(true);
    expect(lineShownTo("EMPLOYER", "BENEFICIARY")).toBe(false);
  });
});

describe("a line with a lunch break", () => {
  const parsed = parseDayHours("09:00-12:00, 13:00-17:00");
  const day = parsed.ok ? parsed.intervals : [];
  const hrDesk: WeeklySchedule = { 1: day, 2: day, 3: day, 4: day, 5: day, 6: [], 7: [] };
  // Tuesday 9 June 2026 (summer time, UTC+2).
  it("is closed over lunch and says when it opens again", () => {
    expect(isOpen(hrDesk, new Date("2026-06-09T09:59:00Z"), DEFAULT_CALENDAR_SETTINGS)).toBe(true);
    expect(describeOpening(hrDesk, new Date("2026-06-09T08:00:00Z"), DEFAULT_CALENDAR_SETTINGS, "nl")).toBe("Nu open tot 12:00");
    expect(isOpen(hrDesk, new Date("2026-06-09T10:30:00Z"), DEFAULT_CALENDAR_SETTINGS)).toBe(false);
    expect(describeOpening(hrDesk, new Date("2026-06-09T10:30:00Z"), DEFAULT_CALENDAR_SETTINGS, "nl")).toBe("Opent vandaag om 13:00");
  });
});
