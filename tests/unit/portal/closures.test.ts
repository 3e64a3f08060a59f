import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/rules";
import { upcomingClosedDays } from "@/lib/portal/closures";

describe("upcomingClosedDays", () => {
  it("lists national holidays and configured closure days from today, in date order", () => {
    const closures = [{ date: "2026-12-24", reasonNl: "Kerstavond: vanaf 12:00 gesloten", reasonEn: "Christmas Eve" }];
    const days = upcomingClosedDays("2026-11-24", DEFAULT_CALENDAR_SETTINGS, closures).slice(0, 4);
    expect(days.map((d) => d.date)).toEqual(["2026-12-24", "2026-12-25", "2027-01-01", "2027-03-29"]);
    expect(days[0]!.reasonNl).toContain("Kerstavond");
    expect(days[1]!.reasonNl).toBe("Eerste Kerstdag");
  });

  it("includes today and nothing before it", () => {
    const days = upcomingClosedDays("2026-12-25", DEFAULT_CALENDAR_SETTINGS, [{ date: "2026-12-01", reasonNl: "x", reasonEn: "x" }]);
    expect(days[0]!.date).toBe("2026-12-25");
  });

  it("lists every working day closed in the coming year, Whit Monday included, and no Sunday holidays", () => {
    const closures = [
      { date: "2027-06-14", reasonNl: "Teamdag", reasonEn: "Team day" },
      { date: "2027-11-01", reasonNl: "Verhuizing", reasonEn: "Moving" },
    ];
    const days = upcomingClosedDays("2026-12-04", DEFAULT_CALENDAR_SETTINGS, closures);
    const dates = days.map((d) => d.date);
    // More than the eight the page used to stop at, through to November.
    expect(dates).toEqual(expect.arrayContaining(["2026-12-25", "2027-01-01", "2027-03-29", "2027-04-27", "2027-05-06", "2027-05-17", "2027-06-14", "2027-11-01"]));
    expect(days.find((d) => d.date === "2027-05-17")?.reasonNl).toBe("Tweede Pinksterdag");
    // Easter Sunday, Whit Sunday and Boxing Day 2026 (a Saturday) close nothing that was open.
    expect(dates).not.toContain("2027-03-28");
    expect(dates).not.toContain("2027-05-16");
    expect(dates).not.toContain("2026-12-26");
    expect(dates).toEqual([...dates].sort());
    // A year ahead, not more.
    expect(upcomingClosedDays("2026-12-04", DEFAULT_CALENDAR_SETTINGS, [{ date: "2027-12-06", reasonNl: "x", reasonEn: "x" }]).map((d) => d.date)).not.toContain("2027-12-06");
  });
});
