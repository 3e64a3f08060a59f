import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";

import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import { type WeeklySchedule, weekdaySchedule } from "@/lib/calendar/opening-hours";
import { type ClockInput, DEFAULT_SLA_POLICIES, type SlaPolicy, computeClock } from "@/lib/sla/rules";

const S = DEFAULT_CALENDAR_SETTINGS;
const HOUR = 3_600_000;
const URGENT = DEFAULT_SLA_POLICIES.URGENT_REQUEST;

function ams(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`bad test time ${local}`);
  const [, y, mo, d, h, mi] = m;
  return new Date(new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), 0, "Europe/Amsterdam").getTime());
}

function clock(policy: SlaPolicy, startedAt: string, now: string, extra: Partial<ClockInput> = {}) {
  return computeClock({ policy, startedAt: ams(startedAt), now: ams(now), pauses: [], settings: S, ...extra });
}

function lineOf(schedule: WeeklySchedule, closureDays: string[] = []): SlaPolicy["line"] {
  return { schedule, settings: { ...S, closureDays } };
}

const everyDay = (open: string, close: string): WeeklySchedule => {
  const day = [{ open, close }];
  return { 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day };
};

describe("urgent request on the employer line's opening hours (7 hours, 09:00-16:00)", () => {
  it("a Friday 15:00 request is due Monday 15:00, not breached over the weekend", () => {
    const friday = clock(URGENT, "2026-12-04 15:00", "2026-12-05 12:00");
    expect(friday.dueAt).toEqual(ams("2026-12-07 15:00"));
    expect(friday.state).toBe("ON_TRACK");
    expect(friday.budgetMs).toBe(7 * HOUR);
    expect(friday.remainingBudgetMs).toBe(6 * HOUR);
  });

  it("a request received outside the opening hours starts at the next opening", () => {
    expect(clock(URGENT, "2026-12-05 10:00", "2026-12-05 10:00").dueAt).toEqual(ams("2026-12-07 16:00"));
    expect(clock(URGENT, "2026-12-08 07:00", "2026-12-08 07:00").dueAt).toEqual(ams("2026-12-08 16:00"));
    expect(clock(URGENT, "2026-12-08 20:00", "2026-12-08 20:00").dueAt).toEqual(ams("2026-12-09 16:00"));
    // A budget that runs out at closing time ends at 16:00, not at 09:00 the next day.
    expect(clock(URGENT, "2026-12-08 09:00", "2026-12-08 09:00").dueAt).toEqual(ams("2026-12-08 16:00"));
  });

  it("skips holidays: Christmas and King's Day", () => {
    expect(clock(URGENT, "2026-12-24 15:00", "2026-12-24 15:00").dueAt).toEqual(ams("2026-12-28 15:00"));
    expect(clock(URGENT, "2026-04-24 15:00", "2026-04-24 15:00").dueAt).toEqual(ams("2026-04-28 15:00"));
  });

  it("keeps the wall-clock time over the daylight-saving weekends", () => {
    expect(clock(URGENT, "2026-03-27 15:00", "2026-03-27 15:00").dueAt).toEqual(ams("2026-03-30 15:00"));
    expect(clock(URGENT, "2026-10-23 15:00", "2026-10-23 15:00").dueAt).toEqual(ams("2026-10-26 15:00"));
  });

  it("turns AT_RISK in the last 20% of its hours and BREACHED after the due time", () => {
    expect(clock(URGENT, "2026-12-04 15:00", "2026-12-07 13:35").state).toBe("ON_TRACK");
    expect(clock(URGENT, "2026-12-04 15:00", "2026-12-07 13:36").state).toBe("AT_RISK");
    expect(clock(URGENT, "2026-12-04 15:00", "2026-12-07 15:00").state).toBe("AT_RISK");
    expect(clock(URGENT, "2026-12-04 15:00", "2026-12-07 15:01").state).toBe("BREACHED");
  });

  it("a pause moves the due time by the paused opening hours only", () => {
    // Mon 10:00-11:00 runs (1 h); waiting on the employer until Tue 10:00; 6 h are left from then.
    const result = clock(URGENT, "2026-12-07 10:00", "2026-12-08 12:00", {
      pauses: [{ from: ams("2026-12-07 11:00"), to: ams("2026-12-08 10:00") }],
    });
    expect(result.dueAt).toEqual(ams("2026-12-08 16:00"));
    expect(result.elapsedShare).toBeCloseTo(3 / 7, 10);
    const open = clock(URGENT, "2026-12-07 10:00", "2026-12-07 12:00", { pauses: [{ from: ams("2026-12-07 11:00"), to: null }] });
    expect(open.paused).toBe(true);
    // While paused at Monday 12:00 the 6 hours left run from now: Monday 12-16 and Tuesday 9-11.
    expect(open.dueAt).toEqual(ams("2026-12-08 11:00"));
  });
});

describe("OPENING_HOURS on other lines", () => {
  it("counts weekend hours of a line open every day, and real hours over the DST nights", () => {
    const line = lineOf(everyDay("00:00", "24:00"));
    const policy: SlaPolicy = { key: "P", unit: "OPENING_HOURS", amount: 24, atRiskShare: 0.2, line };
    expect(clock(policy, "2026-03-28 12:00", "2026-03-28 12:00").dueAt).toEqual(ams("2026-03-29 13:00"));
    expect(clock(policy, "2026-10-24 12:00", "2026-10-24 12:00").dueAt).toEqual(ams("2026-10-25 11:00"));
    const late = { ...policy, amount: 7, line: lineOf(everyDay("08:00", "22:00")) };
    expect(clock(late, "2026-12-04 21:00", "2026-12-04 21:00").dueAt).toEqual(ams("2026-12-05 14:00"));
  });

  it("uses several intervals per weekday and the line's own closure days", () => {
    const split: WeeklySchedule = {
      ...weekdaySchedule("08:00", "12:00"),
      1: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "17:00" }],
      6: [{ open: "10:00", close: "12:00" }],
    };
    const policy: SlaPolicy = { key: "P", unit: "OPENING_HOURS", amount: 6, atRiskShare: 0.2, line: lineOf(split) };
    // Friday 11:00-12:00 (1 h), Saturday 10:00-12:00 (2 h), Monday 08:00-12:00 would pass 6 h at 11:00.
    expect(clock(policy, "2026-12-04 11:00", "2026-12-04 11:00").dueAt).toEqual(ams("2026-12-07 11:00"));
    // Monday morning's 4 h plus 2 h after the lunch break.
    expect(clock(policy, "2026-12-07 08:00", "2026-12-07 08:00").dueAt).toEqual(ams("2026-12-07 15:00"));
    const closed = { ...policy, line: lineOf(split, ["2026-12-07"]) };
    expect(clock(closed, "2026-12-04 11:00", "2026-12-04 11:00").dueAt).toEqual(ams("2026-12-08 11:00"));
  });

  it("refuses a policy without a usable line", () => {
    const bare: SlaPolicy = { key: "B", unit: "OPENING_HOURS", amount: 7, atRiskShare: 0.2 };
    expect(() => clock(bare, "2026-12-04 11:00", "2026-12-04 11:00")).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    const unknown = { ...bare, key: "U", lineKey: "NOPE" };
    expect(() => clock(unknown, "2026-12-04 11:00", "2026-12-04 11:00")).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    const empty = { ...bare, key: "E", line: lineOf({ 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] }) };
    expect(() => clock(empty, "2026-12-04 11:00", "2026-12-04 11:00")).toThrow(expect.objectContaining({ code: "INVALID_SCHEDULE" }));
  });
});
