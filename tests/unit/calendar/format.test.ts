import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateKeyLong,
  formatDateTime,
  formatFullDate,
  formatShortDate,
  formatShortDateTime,
  formatTime,
  formatWeekdayDayMonth,
  toFormatLocale,
} from "@/lib/calendar/format";

// The unit project runs in Pacific/Kiritimati (UTC+14): a formatter that used the server's zone
// would show the wrong day and hour here.
const at = (iso: string) => new Date(iso);

describe("dates and times for people", () => {
  it("shows 13:05Z as 14:05 in winter and 15:05 in summer (Amsterdam time, never UTC)", () => {
    expect(formatTime(at("2026-12-03T13:05:00Z"))).toBe("14:05");
    expect(formatTime(at("2026-07-03T13:05:00Z"))).toBe("15:05");
    expect(formatDateTime(at("2026-12-03T13:05:00Z"), "nl")).toBe("3 december 2026 om 14:05");
    expect(formatDateTime(at("2026-07-03T13:05:00Z"), "nl")).toBe("3 juli 2026 om 15:05");
    expect(formatDateTime(at("2026-12-03T13:05:00Z"), "en")).toBe("3 December 2026, 14:05");
    expect(formatDateTime(at("2026-07-03T13:05:00Z"), "en")).toBe("3 July 2026, 15:05");
  });

  it("follows the clock change: the last Sunday of March and of October", () => {
    expect(formatTime(at("2026-03-29T00:59:00Z"))).toBe("01:59");
    expect(formatTime(at("2026-03-29T01:00:00Z"))).toBe("03:00");
    expect(formatTime(at("2026-10-25T00:30:00Z"))).toBe("02:30");
    expect(formatTime(at("2026-10-25T01:30:00Z"))).toBe("02:30");
  });

  it("takes the Amsterdam date, not the UTC one, around midnight", () => {
    expect(formatDate(at("2026-12-31T23:30:00Z"), "nl")).toBe("1 januari 2027");
    expect(formatDate(at("2026-06-30T22:30:00Z"), "en")).toBe("1 July 2026");
    expect(formatDate(at("2026-12-03T22:59:00Z"), "nl")).toBe("3 december 2026");
  });

  it("writes a date key as people read it, and leaves anything else as it is", () => {
    expect(formatDateKeyLong("2026-12-03", "nl")).toBe("3 december 2026");
    expect(formatDateKeyLong("2026-12-03", "en")).toBe("3 December 2026");
    expect(formatDateKeyLong("2026-02-30", "nl")).toBe("2026-02-30");
  });

  it("names the weekday in running text: lower case in Dutch", () => {
    expect(formatDateTime(at("2026-12-07T16:00:00Z"), "nl", { weekday: true })).toBe("maandag 7 december 2026 om 17:00");
    expect(formatDateTime(at("2026-12-07T16:00:00Z"), "en", { weekday: true })).toBe("Monday 7 December 2026, 17:00");
    expect(formatFullDate(at("2026-11-25T09:00:00Z"), "nl")).toBe("woensdag 25 november 2026");
    expect(formatWeekdayDayMonth(at("2026-12-03T23:30:00Z"), "nl")).toBe("vrijdag 4 december");
    expect(formatWeekdayDayMonth(at("2026-12-03T12:00:00Z"), "en")).toBe("Thursday 3 December");
  });

  it("has short forms for tables", () => {
    expect(formatShortDate(at("2026-03-03T12:00:00Z"), "nl")).toBe("3 mrt 2026");
    expect(formatShortDate(at("2026-05-03T12:00:00Z"), "en")).toBe("3 May 2026");
    expect(formatShortDateTime(at("2026-12-03T13:05:00Z"), "nl")).toBe("3 dec 2026, 14:05");
    expect(formatShortDateTime(at("2026-07-03T13:05:00Z"), "en")).toBe("3 Jul 2026, 15:05");
  });

  it("reads any locale string as Dutch unless it is English", () => {
    expect(toFormatLocale("en")).toBe("en");
    expect(toFormatLocale("en-GB")).toBe("en");
    expect(toFormatLocale("nl-NL")).toBe("nl");
    expect(toFormatLocale(undefined)).toBe("nl");
  });
});
