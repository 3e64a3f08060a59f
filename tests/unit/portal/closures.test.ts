import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/rules";
import { upcomingClosedDays } from "@/lib/portal/closures";

describe("upcomingClosedDays", () => {
  it("lists national holidays and configured closure days from today, in date order", () => {
    const closures = [{ date: "2026-12-24", reasonNl: "Kerstavond: vanaf 12:00 gesloten", reasonEn: "Christmas Eve" }];
    const days = upcomingClosedDays("2026-11-24", DEFAULT_CALENDAR_SETTINGS, closures, 4);
    expect(days.map((d) => d.date)).toEqual(["2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01"]);
    expect(days[0]!.reasonNl).toContain("Kerstavond");
    expect(days[1]!.reasonNl).toBe("Eerste Kerstdag");
  });

  it("includes today and nothing before it", () => {
    const days = upcomingClosedDays("2026-12-25", DEFAULT_CALENDAR_SETTINGS, [{ date: "2026-12-01", reasonNl: "x", reasonEn: "x" }]);
    expect(days[0]!.date).toBe("2026-12-25");
  });
});
