import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";

import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import {
  DEFAULT_OPENING_HOURS,
  type WeeklySchedule,
  closesAt,
  describeOpening,
  isOpen,
  nextOpening,
} from "@/lib/calendar/opening-hours";

const S = DEFAULT_CALENDAR_SETTINGS;
const BENEFICIARY = DEFAULT_OPENING_HOURS.BENEFICIARY;
const EMPLOYER = DEFAULT_OPENING_HOURS.EMPLOYER;

function ams(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`bad test time ${local}`);
  const [, y, mo, d, h = "0", mi = "0"] = m;
  return new Date(new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), "Europe/Amsterdam").getTime());
}

describe("isOpen / closesAt", () => {
  it("opens at 09:00 sharp and is closed from 17:00 (beneficiary) or 16:00 (employer)", () => {
    expect(isOpen(BENEFICIARY, ams("2026-06-08 08:59"), S)).toBe(false);
    expect(isOpen(BENEFICIARY, ams("2026-06-08 09:00"), S)).toBe(true);
    expect(isOpen(BENEFICIARY, ams("2026-06-08 16:59"), S)).toBe(true);
    expect(isOpen(BENEFICIARY, ams("2026-06-08 17:00"), S)).toBe(false);
    expect(isOpen(EMPLOYER, ams("2026-06-08 15:59"), S)).toBe(true);
    expect(isOpen(EMPLOYER, ams("2026-06-08 16:00"), S)).toBe(false);
    expect(closesAt(BENEFICIARY, ams("2026-06-08 10:00"), S)).toEqual(ams("2026-06-08 17:00"));
    expect(closesAt(EMPLOYER, ams("2026-06-08 10:00"), S)).toEqual(ams("2026-06-08 16:00"));
    expect(closesAt(BENEFICIARY, ams("2026-06-08 18:00"), S)).toBeNull();
  });

  it("is closed on holidays and closure days, even on a weekday", () => {
    expect(isOpen(BENEFICIARY, ams("2026-04-27 10:00"), S)).toBe(false); // Koningsdag
    expect(isOpen(BENEFICIARY, ams("2026-12-25 10:00"), S)).toBe(false);
    expect(isOpen(BENEFICIARY, ams("2026-06-10 10:00"), { ...S, closureDays: ["2026-06-10"] })).toBe(false);
    expect(isOpen(BENEFICIARY, ams("2026-04-03 10:00"), { ...S, goodFriday: "EVERY_YEAR" })).toBe(false);
  });

  it("uses Amsterdam time on the Mondays after both DST changes", () => {
    expect(isOpen(BENEFICIARY, ams("2026-03-30 08:30"), S)).toBe(false);
    expect(isOpen(BENEFICIARY, ams("2026-03-30 09:00"), S)).toBe(true);
    expect(nextOpening(BENEFICIARY, ams("2026-03-29 12:00"), S)).toEqual(new Date("2026-03-30T07:00:00Z"));
    expect(nextOpening(BENEFICIARY, ams("2026-10-25 12:00"), S)).toEqual(new Date("2026-10-26T08:00:00Z"));
    expect(closesAt(BENEFICIARY, ams("2026-10-26 12:00"), S)).toEqual(new Date("2026-10-26T16:00:00Z"));
  });

  it("merges touching intervals and honours a lunch break and a Saturday morning", () => {
    const schedule: WeeklySchedule = {
      1: [{ open: "09:00", close: "12:00" }, { open: "12:00", close: "17:00" }],
      2: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "17:00" }],
      3: [],
      4: [],
      5: [],
      6: [{ open: "10:00", close: "13:00" }],
      7: [],
    };
    expect(closesAt(schedule, ams("2026-06-08 10:00"), S)).toEqual(ams("2026-06-08 17:00"));
    expect(nextOpening(schedule, ams("2026-06-08 10:00"), S)).toEqual(ams("2026-06-09 09:00"));
    expect(isOpen(schedule, ams("2026-06-09 12:30"), S)).toBe(false);
    expect(nextOpening(schedule, ams("2026-06-09 12:30"), S)).toEqual(ams("2026-06-09 13:00"));
    expect(nextOpening(schedule, ams("2026-06-09 18:00"), S)).toEqual(ams("2026-06-13 10:00"));
    expect(isOpen(schedule, ams("2026-06-13 11:00"), S)).toBe(true);
  });

  it("refuses an invalid schedule", () => {
    const overlapping = { ...BENEFICIARY, 1: [{ open: "09:00", close: "13:00" }, { open: "12:00", close: "17:00" }] };
    expect(() => isOpen(overlapping, ams("2026-06-08 10:00"), S)).toThrow(expect.objectContaining({ code: "INVALID_SCHEDULE" }));
    const reversed = { ...BENEFICIARY, 1: [{ open: "17:00", close: "09:00" }] };
    expect(() => isOpen(reversed, ams("2026-06-08 10:00"), S)).toThrow(expect.objectContaining({ code: "INVALID_SCHEDULE" }));
    const badTime = { ...BENEFICIARY, 1: [{ open: "9:00", close: "17:00" }] };
    expect(() => isOpen(badTime, ams("2026-06-08 10:00"), S)).toThrow(expect.objectContaining({ code: "INVALID_TIME" }));
    expect(() => isOpen(BENEFICIARY, new Date(Number.NaN), S)).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });
});

describe("nextOpening", () => {
  it("is strictly after now", () => {
    expect(nextOpening(BENEFICIARY, ams("2026-06-08 08:00"), S)).toEqual(ams("2026-06-08 09:00"));
    expect(nextOpening(BENEFICIARY, ams("2026-06-08 09:00"), S)).toEqual(ams("2026-06-09 09:00"));
    expect(nextOpening(BENEFICIARY, ams("2026-06-05 17:00"), S)).toEqual(ams("2026-06-08 09:00"));
  });

  it("skips Christmas and New Year", () => {
    expect(nextOpening(BENEFICIARY, ams("2026-12-24 17:30"), S)).toEqual(ams("2026-12-28 09:00"));
    expect(nextOpening(BENEFICIARY, ams("2026-12-31 17:30"), S)).toEqual(ams("2027-01-04 09:00"));
  });

  it("is null for a line that never opens", () => {
    const closed: WeeklySchedule = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    expect(nextOpening(closed, ams("2026-06-08 10:00"), S)).toBeNull();
  });
});

describe("describeOpening", () => {
  it.each([
    [BENEFICIARY, "2026-06-08 10:00", "Nu open tot 17:00", "Open until 17:00"],
    [EMPLOYER, "2026-06-08 10:00", "Nu open tot 16:00", "Open until 16:00"],
    [BENEFICIARY, "2026-06-05 16:59", "Nu open tot 17:00", "Open until 17:00"],
    [BENEFICIARY, "2026-06-08 07:45", "Opent vandaag om 09:00", "Opens today at 09:00"],
    [BENEFICIARY, "2026-06-08 17:00", "Opent morgen om 09:00", "Opens tomorrow at 09:00"],
    [BENEFICIARY, "2026-06-06 12:00", "Opent maandag om 09:00", "Opens Monday at 09:00"],
    // Friday evening before Koningsdag: Monday is closed, so Tuesday.
    [BENEFICIARY, "2026-04-24 18:00", "Opent dinsdag om 09:00", "Opens Tuesday at 09:00"],
    // On Koningsdag itself.
    [EMPLOYER, "2026-04-27 10:00", "Opent morgen om 09:00", "Opens tomorrow at 09:00"],
    // Sunday of the spring DST change.
    [BENEFICIARY, "2026-03-29 02:30", "Opent morgen om 09:00", "Opens tomorrow at 09:00"],
    [BENEFICIARY, "2026-12-24 17:30", "Opent maandag om 09:00", "Opens Monday at 09:00"],
  ])("%#: at %s", (schedule, now, nl, en) => {
    expect(describeOpening(schedule, ams(now), S, "nl")).toBe(nl);
    expect(describeOpening(schedule, ams(now), S, "en")).toBe(en);
  });

  it("speaks Dutch by default", () => {
    expect(describeOpening(BENEFICIARY, ams("2026-06-08 10:00"), S)).toBe("Nu open tot 17:00");
  });

  it("names the date when the next opening is a week or more away", () => {
    const summerClosure = {
      ...S,
      closureDays: ["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10", "2026-07-13", "2026-07-14", "2026-07-15", "2026-07-16", "2026-07-17"],
    };
    const now = ams("2026-07-03 18:00");
    expect(describeOpening(BENEFICIARY, now, summerClosure, "nl")).toBe("Opent maandag 20 juli om 09:00");
    expect(describeOpening(BENEFICIARY, now, summerClosure, "en")).toBe("Opens Monday 20 July at 09:00");
  });

  it("says closed when the line never opens", () => {
    const closed: WeeklySchedule = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    expect(describeOpening(closed, ams("2026-06-08 10:00"), S, "nl")).toBe("Gesloten");
    expect(describeOpening(closed, ams("2026-06-08 10:00"), S, "en")).toBe("Closed");
  });

  it("shows a night line that runs through midnight", () => {
    const night: WeeklySchedule = {
      1: [{ open: "20:00", close: "24:00" }],
      2: [{ open: "00:00", close: "02:00" }],
      3: [],
      4: [],
      5: [],
      6: [],
      7: [],
    };
    expect(describeOpening(night, ams("2026-06-08 21:00"), S, "nl")).toBe("Nu open tot morgen 02:00");
    expect(describeOpening(night, ams("2026-06-08 21:00"), S, "en")).toBe("Open until tomorrow 02:00");
    expect(closesAt(night, ams("2026-06-09 01:00"), S)).toEqual(ams("2026-06-09 02:00"));
  });
});
