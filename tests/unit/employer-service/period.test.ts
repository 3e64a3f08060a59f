import { describe, expect, it } from "vitest";
import { parsePeriod, presetKeys, presetOf } from "@/lib/employer-service/period";
import { answerTimes, overviewQuery, parseFilters } from "@/lib/employer-service/rules";

// 1 January 00:30 in Amsterdam is still 31 December in UTC: the presets follow Amsterdam's calendar.
const NEW_YEAR = new Date("2026-12-31T23:30:00Z");
const SUMMER = new Date("2026-08-15T10:00:00Z");

describe("period presets", () => {
  it("computes this month, last month, this quarter and the last 12 months on Amsterdam's calendar", () => {
    expect(presetKeys("thisMonth", NEW_YEAR)).toEqual({ from: "2027-01-01", to: "2027-01-31" });
    expect(presetKeys("lastMonth", NEW_YEAR)).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetKeys("thisQuarter", NEW_YEAR)).toEqual({ from: "2027-01-01", to: "2027-03-31" });
    expect(presetKeys("last12Months", NEW_YEAR)).toEqual({ from: "2026-01-02", to: "2027-01-01" });
    expect(presetKeys("lastMonth", new Date("2026-03-10T10:00:00Z"))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetKeys("thisQuarter", SUMMER)).toEqual({ from: "2026-07-01", to: "2026-09-30" });
  });

  it("recognises a preset from its dates, and nothing else", () => {
    expect(presetOf({ from: "2026-08-01", to: "2026-08-31" }, SUMMER)).toBe("thisMonth");
    expect(presetOf({ from: "2026-08-01", to: "2026-08-30" }, SUMMER)).toBeNull();
  });

  it("validates the dates of the query string", () => {
    expect(parsePeriod({ van: "2026-08-31", tot: "2026-08-01" }, SUMMER)).toMatchObject({ ok: false, error: "FROM_AFTER_TO" });
    expect(parsePeriod({ van: "2026-08-01", tot: "2026-13-01" }, SUMMER)).toMatchObject({ ok: false, error: "INVALID_DATE" });
    expect(parsePeriod({ van: "2024-08-01", tot: "2026-08-01" }, SUMMER)).toMatchObject({ ok: true }); // 731 days
    expect(parsePeriod({ van: "2024-07-31", tot: "2026-08-01" }, SUMMER)).toMatchObject({ ok: false, error: "PERIOD_TOO_LONG" });
    const ok = parsePeriod({ van: "2026-08-01", tot: "2026-08-01" }, SUMMER);
    // One summer day in Amsterdam: 22:00 UTC the day before up to 22:00 UTC.
    expect(ok).toMatchObject({ ok: true, period: { from: new Date("2026-07-31T22:00:00Z"), to: new Date("2026-08-01T22:00:00Z") } });
  });
});

describe("overview filters", () => {
  it("keeps valid filters and drops odd ones instead of failing", () => {
    expect(parseFilters({ zoek: "  loon ", categorie: "URGENT_REQUEST", status: "RESOLVED", termijn: "LATE" })).toEqual({ search: "loon", categoryKey: "URGENT_REQUEST", status: "RESOLVED", timing: "LATE" });
    expect(parseFilters({ zoek: "   ", categorie: "x'; --", status: "GONE", termijn: ["OPEN", "LATE"] })).toEqual({ search: undefined, categoryKey: undefined, status: undefined, timing: "OPEN" });
  });

  it("writes the filters back into a query string", () => {
    expect(overviewQuery({ from: "2026-01-01", to: "2026-01-31" }, { search: "a b", timing: "OPEN" }, 2)).toBe("van=2026-01-01&tot=2026-01-31&zoek=a+b&termijn=OPEN&pagina=3");
  });

  it("shows an urgent request's own clock unless it was found not urgent", () => {
    const base = { slaDueAt: new Date(1), slaStoppedAt: new Date(2) };
    const u = { dueAt: new Date(3), answeredAt: new Date(4) };
    expect(answerTimes({ ...base, urgentRequest: { ...u, verification: null } })).toEqual({ dueAt: new Date(3), answeredAt: new Date(4) });
    expect(answerTimes({ ...base, urgentRequest: { ...u, verification: "NOT_URGENT" } })).toEqual({ dueAt: new Date(1), answeredAt: new Date(2) });
    expect(answerTimes({ ...base, urgentRequest: null })).toEqual({ dueAt: new Date(1), answeredAt: new Date(2) });
  });
});
