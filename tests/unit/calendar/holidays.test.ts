import { describe, expect, it } from "vitest";

import { RuleInputError } from "@/lib/calendar/errors";
import {
  type CalendarSettings,
  DEFAULT_CALENDAR_SETTINGS,
  easterSunday,
  holidaysOf,
  holidaysOn,
} from "@/lib/calendar/holidays";

const S = DEFAULT_CALENDAR_SETTINGS;

function dates(year: number, settings: CalendarSettings = S): Record<string, string> {
  return Object.fromEntries(holidaysOf(year, settings).map((h) => [h.key, h.date]));
}

describe("easterSunday", () => {
  it.each([
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
    [2100, "2100-03-28"],
  ])("Easter %i is on %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe("holidaysOf", () => {
  it("lists the 2026 national holidays by default, sorted, without Goede Vrijdag or Bevrijdingsdag", () => {
    expect(holidaysOf(2026, S).map((h) => `${h.date} ${h.nameNl}`)).toEqual([
      "2026-01-01 Nieuwjaarsdag",
      "2026-04-05 Eerste Paasdag",
      "2026-04-06 Tweede Paasdag",
      "2026-04-27 Koningsdag",
      "2026-05-14 Hemelvaartsdag",
      "2026-05-24 Eerste Pinksterdag",
      "2026-05-25 Tweede Pinksterdag",
      "2026-12-25 Eerste Kerstdag",
      "2026-12-26 Tweede Kerstdag",
    ]);
  });

  it("carries English names", () => {
    expect(holidaysOf(2026, S).find((h) => h.key === "ASCENSION_DAY")).toEqual({
      date: "2026-05-14",
      key: "ASCENSION_DAY",
      nameNl: "Hemelvaartsdag",
      nameEn: "Ascension Day",
    });
  });

  it.each([
    [2024, "2024-05-09", "2024-05-19", "2024-05-20"],
    [2025, "2025-05-29", "2025-06-08", "2025-06-09"],
    [2027, "2027-05-06", "2027-05-16", "2027-05-17"],
  ])("puts Hemelvaart and Pinksteren of %i at Easter +39/+49/+50", (year, ascension, whitSunday, whitMonday) => {
    const d = dates(year);
    expect([d.ASCENSION_DAY, d.WHIT_SUNDAY, d.WHIT_MONDAY]).toEqual([ascension, whitSunday, whitMonday]);
  });

  it("moves Koningsdag to Saturday 26 April when the 27th is a Sunday (2014, 2025)", () => {
    expect(dates(2014).KINGS_DAY).toBe("2014-04-26");
    expect(dates(2025).KINGS_DAY).toBe("2025-04-26");
    expect(dates(2026).KINGS_DAY).toBe("2026-04-27");
    expect(dates(2031).KINGS_DAY).toBe("2031-04-26");
  });

  it("has Koninginnedag on 30 April before 2014, on the 29th when the 30th is a Sunday", () => {
    expect(dates(2013).QUEENS_DAY).toBe("2013-04-30");
    expect(dates(2013).KINGS_DAY).toBeUndefined();
    expect(dates(2006).QUEENS_DAY).toBe("2006-04-29");
    expect(dates(2000).QUEENS_DAY).toBe("2000-04-29");
    expect(dates(2012).QUEENS_DAY).toBe("2012-04-30");
    expect(holidaysOf(2013, S).find((h) => h.key === "QUEENS_DAY")?.nameNl).toBe("Koninginnedag");
  });

  it("adds Bevrijdingsdag every fifth year by default", () => {
    expect(dates(2025).LIBERATION_DAY).toBe("2025-05-05");
    expect(dates(2030).LIBERATION_DAY).toBe("2030-05-05");
    expect(dates(2026).LIBERATION_DAY).toBeUndefined();
    const never = { ...S, liberationDay: "NEVER" } as const;
    expect(dates(2025, never).LIBERATION_DAY).toBeUndefined();
    const always = { ...S, liberationDay: "EVERY_YEAR" } as const;
    expect(dates(2026, always).LIBERATION_DAY).toBe("2026-05-05");
  });

  it("adds Goede Vrijdag per setting", () => {
    expect(dates(2026).GOOD_FRIDAY).toBeUndefined();
    expect(dates(2026, { ...S, goodFriday: "EVERY_YEAR" }).GOOD_FRIDAY).toBe("2026-04-03");
    expect(dates(2025, { ...S, goodFriday: "EVERY_FIFTH_YEAR" }).GOOD_FRIDAY).toBe("2025-04-18");
    expect(dates(2026, { ...S, goodFriday: "EVERY_FIFTH_YEAR" }).GOOD_FRIDAY).toBeUndefined();
  });

  it("includes the closure days of that year only, once each", () => {
    const settings = { ...S, closureDays: ["2026-12-31", "2027-01-02", "2026-12-31"] };
    const closures = holidaysOf(2026, settings).filter((h) => h.key === "CLOSURE_DAY");
    expect(closures).toEqual([{ date: "2026-12-31", key: "CLOSURE_DAY", nameNl: "Sluitingsdag", nameEn: "Closure day" }]);
    expect(holidaysOn("2027-01-02", settings).map((h) => h.key)).toEqual(["CLOSURE_DAY"]);
    expect(holidaysOn("2026-12-30", settings)).toEqual([]);
  });

  it("returns copies, so a caller cannot corrupt the cache", () => {
    const first = holidaysOf(2026, S);
    first.length = 0;
    expect(holidaysOf(2026, S)).toHaveLength(9);
  });

  it("refuses years outside 2000-2100 and malformed settings with a RuleInputError", () => {
    expect(() => holidaysOf(1999, S)).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => holidaysOf(2101, S)).toThrow(RuleInputError);
    expect(() => holidaysOf(2026.5, S)).toThrow(RuleInputError);
    expect(() => holidaysOf(2026, { ...S, closureDays: ["2026-02-30"] })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
    expect(() => holidaysOf(2026, { ...S, goodFriday: "SOMETIMES" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_SETTINGS" }),
    );
  });
});
