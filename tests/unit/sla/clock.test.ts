import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";

import { RuleInputError } from "@/lib/calendar/errors";
import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import { type ClockInput, DEFAULT_SLA_POLICIES, type SlaPolicy, computeClock, policyByKey } from "@/lib/sla/rules";

const S = DEFAULT_CALENDAR_SETTINGS;
const HOUR = 3_600_000;
const { WRITTEN_QUESTION, COMPLAINT, URGENT_REQUEST, ESCALATION_TIER_1 } = DEFAULT_SLA_POLICIES;
// The wall-clock unit an admin can still choose for a policy (the urgent default until issue 18).
const CALENDAR_24: SlaPolicy = { key: "CAL_24", unit: "CALENDAR_HOURS", amount: 24, atRiskShare: 0.2 };

function ams(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(local);
  if (!m) throw new Error(`bad test time ${local}`);
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
  return new Date(
    new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), "Europe/Amsterdam").getTime(),
  );
}

function clock(policy: SlaPolicy, startedAt: string, now: string, extra: Partial<ClockInput> = {}) {
  return computeClock({ policy, startedAt: ams(startedAt), now: ams(now), pauses: [], settings: S, ...extra });
}

function pause(from: string, to: string | null) {
  return { from: ams(from), to: to === null ? null : ams(to) };
}

describe("policies", () => {
  it("has the design's defaults", () => {
    expect(WRITTEN_QUESTION).toEqual({ key: "WRITTEN_QUESTION", unit: "WORKING_DAYS", amount: 5, atRiskShare: 0.2 });
    expect(COMPLAINT).toMatchObject({ unit: "WORKING_DAYS", amount: 5 });
    expect(URGENT_REQUEST).toMatchObject({ unit: "OPENING_HOURS", amount: 7, lineKey: "EMPLOYER" });
    expect(ESCALATION_TIER_1).toMatchObject({ unit: "WORKING_DAYS", amount: 1 });
  });

  it("looks policies up by key and refuses unknown keys", () => {
    expect(policyByKey("URGENT_REQUEST")).toBe(URGENT_REQUEST);
    expect(() => policyByKey("NOPE")).toThrow(RuleInputError);
    expect(() => policyByKey("toString")).toThrow(expect.objectContaining({ code: "UNKNOWN_POLICY" }));
    const custom = { X: { key: "X", unit: "WORKING_HOURS", amount: 4, atRiskShare: 0.25 } as const };
    expect(policyByKey("X", custom).amount).toBe(4);
  });

  it("refuses invalid policies", () => {
    const bad = (policy: Partial<SlaPolicy>) => () =>
      clock({ ...WRITTEN_QUESTION, ...policy }, "2026-06-08 10:00", "2026-06-08 11:00");
    expect(bad({ amount: 0 })).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(bad({ amount: 2.5 })).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(bad({ atRiskShare: 1.5 })).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(bad({ unit: "WEEKS" as never })).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
  });
});

describe("written question (5 working days)", () => {
  it("is due a week later at 17:00 for a Friday 16:59 question", () => {
    const result = clock(WRITTEN_QUESTION, "2026-06-05 16:59", "2026-06-05 17:30");
    expect(result.dueAt).toEqual(ams("2026-06-12 17:00"));
    expect(result.state).toBe("ON_TRACK");
    expect(result.budgetMs).toBe(40 * HOUR + 60_000);
    expect(result.remainingMs).toBe(ams("2026-06-12 17:00").getTime() - ams("2026-06-05 17:30").getTime());
  });

  it("counts a question on Koningsdag from Tuesday", () => {
    expect(clock(WRITTEN_QUESTION, "2026-04-27 11:00", "2026-04-27 12:00").dueAt).toEqual(ams("2026-05-05 17:00"));
  });

  it("turns AT_RISK in the last 20% of its working time and BREACHED after 17:00 on the due day", () => {
    // Monday 09:00: 48 working hours; 80% = 38.4 h -> Friday 15:24.
    const start = "2026-06-08 09:00";
    expect(clock(WRITTEN_QUESTION, start, "2026-06-12 15:23").state).toBe("ON_TRACK");
    expect(clock(WRITTEN_QUESTION, start, "2026-06-12 15:24").state).toBe("AT_RISK");
    // Over the weekend the share stays the same: working time does not pass.
    expect(clock(WRITTEN_QUESTION, start, "2026-06-13 12:00").elapsedShare).toBeCloseTo(40 / 48, 10);
    expect(clock(WRITTEN_QUESTION, start, "2026-06-15 17:00").state).toBe("AT_RISK");
    const late = clock(WRITTEN_QUESTION, start, "2026-06-15 17:00:01");
    expect(late.state).toBe("BREACHED");
    expect(late.remainingMs).toBe(-1_000);
    expect(clock(WRITTEN_QUESTION, start, "2026-06-16 10:00").elapsedShare).toBeCloseTo(49 / 48, 10);
  });

  it("runs over the spring and autumn DST changes", () => {
    const spring = clock(WRITTEN_QUESTION, "2026-03-26 11:00", "2026-03-30 10:00");
    expect(spring.dueAt).toEqual(new Date("2026-04-02T15:00:00Z"));
    // Thursday 6 h + Friday 8 h + Monday 1 h of a 46 h budget.
    expect(spring.elapsedShare).toBeCloseTo(15 / 46, 10);
    const autumn = clock(WRITTEN_QUESTION, "2026-10-22 11:00", "2026-10-26 10:00");
    expect(autumn.dueAt).toEqual(new Date("2026-10-29T16:00:00Z"));
    expect(autumn.elapsedShare).toBeCloseTo(15 / 46, 10);
  });

  it("runs from Christmas into the new year", () => {
    expect(clock(WRITTEN_QUESTION, "2026-12-24 15:00", "2026-12-28 10:00").dueAt).toEqual(ams("2027-01-04 17:00"));
  });
});

describe("pauses", () => {
  const start = "2026-06-08 09:00"; // due 2026-06-15 17:00 without pauses

  it("moves the due time by the paused working time, over a weekend", () => {
    // Friday 13:00 to Tuesday 11:00 pauses 4 + 8 + 2 = 14 working hours.
    const result = clock(WRITTEN_QUESTION, start, "2026-06-16 12:00", {
      pauses: [pause("2026-06-12 13:00", "2026-06-16 11:00")],
    });
    expect(result.dueAt).toEqual(ams("2026-06-17 15:00"));
    expect(result.paused).toBe(false);
    // 36 h before the pause + 1 h after it: 77%, still on track.
    expect(result.state).toBe("ON_TRACK");
    expect(result.elapsedShare).toBeCloseTo(37 / 48, 10);
  });

  it("does not move a working-day clock for a pause inside the weekend", () => {
    const result = clock(WRITTEN_QUESTION, start, "2026-06-15 10:00", {
      pauses: [pause("2026-06-13 10:00", "2026-06-14 18:00")],
    });
    expect(result.dueAt).toEqual(ams("2026-06-15 17:00"));
  });

  it("moves a calendar clock by the paused calendar time, weekend or not", () => {
    const result = clock(CALENDAR_24, "2026-06-12 15:00", "2026-06-13 12:00", {
      pauses: [pause("2026-06-13 10:00", "2026-06-13 12:00")],
    });
    expect(result.dueAt).toEqual(ams("2026-06-13 17:00"));
  });

  it("reports an open pause as paused now, with the due time moving along", () => {
    const input = { pauses: [pause("2026-06-10 09:00", null)] };
    const thursday = clock(WRITTEN_QUESTION, start, "2026-06-11 12:00", input);
    expect(thursday.paused).toBe(true);
    expect(thursday.elapsedShare).toBeCloseTo(16 / 48, 10);
    expect(thursday.dueAt).toEqual(ams("2026-06-17 12:00"));
    const friday = clock(WRITTEN_QUESTION, start, "2026-06-12 12:00", input);
    expect(friday.dueAt).toEqual(ams("2026-06-18 12:00"));
    expect(friday.state).toBe("ON_TRACK");
  });

  it("ignores pauses that have not begun at the reference moment", () => {
    const result = clock(WRITTEN_QUESTION, start, "2026-06-09 10:00", { pauses: [pause("2026-06-10 09:00", null)] });
    expect(result.paused).toBe(false);
    expect(result.dueAt).toEqual(ams("2026-06-15 17:00"));
  });

  it("cannot undo a breach with a pause that starts after the due time", () => {
    const result = clock(WRITTEN_QUESTION, start, "2026-06-17 12:00", {
      pauses: [pause("2026-06-16 09:00", "2026-06-17 09:00")],
    });
    expect(result.dueAt).toEqual(ams("2026-06-15 17:00"));
    expect(result.state).toBe("BREACHED");
  });

  it("accepts touching pauses in any order", () => {
    const result = clock(WRITTEN_QUESTION, start, "2026-06-12 12:00", {
      pauses: [pause("2026-06-10 12:00", "2026-06-10 14:00"), pause("2026-06-10 10:00", "2026-06-10 12:00")],
    });
    expect(result.dueAt).toEqual(ams("2026-06-16 13:00"));
  });
});

describe("stopped clocks", () => {
  it("are judged at stoppedAt", () => {
    const inTime = clock(WRITTEN_QUESTION, "2026-06-08 09:00", "2026-07-01 12:00", { stoppedAt: ams("2026-06-15 16:00") });
    expect(inTime.state).toBe("AT_RISK");
    expect(inTime.stopped).toBe(true);
    expect(inTime.remainingMs).toBe(HOUR);
    const late = clock(WRITTEN_QUESTION, "2026-06-08 09:00", "2026-07-01 12:00", { stoppedAt: ams("2026-06-16 09:30") });
    expect(late.state).toBe("BREACHED");
    const early = clock(WRITTEN_QUESTION, "2026-06-08 09:00", "2026-07-01 12:00", { stoppedAt: ams("2026-06-09 09:00") });
    expect(early.state).toBe("ON_TRACK");
  });

  it("are not paused even with an open pause", () => {
    const result = clock(WRITTEN_QUESTION, "2026-06-08 09:00", "2026-06-12 12:00", {
      pauses: [pause("2026-06-09 09:00", null)],
      stoppedAt: ams("2026-06-10 09:00"),
    });
    expect(result.paused).toBe(false);
    expect(result.elapsedShare).toBeCloseTo(8 / 48, 10);
  });
});

describe("other policies", () => {
  it("calendar hours: 24 real hours, also over the DST changes", () => {
    expect(clock(CALENDAR_24, "2026-06-12 16:00", "2026-06-12 17:00").dueAt).toEqual(ams("2026-06-13 16:00"));
    expect(clock(CALENDAR_24, "2026-03-28 12:00", "2026-03-28 13:00").dueAt).toEqual(ams("2026-03-29 13:00"));
    expect(clock(CALENDAR_24, "2026-10-24 12:00", "2026-10-24 13:00").dueAt).toEqual(ams("2026-10-25 11:00"));
    const atRisk = clock(CALENDAR_24, "2026-06-12 16:00", "2026-06-13 11:12");
    expect(atRisk.state).toBe("AT_RISK");
    expect(clock(CALENDAR_24, "2026-06-12 16:00", "2026-06-13 11:11").state).toBe("ON_TRACK");
  });

  it("escalation tier 1: the next working day at 17:00", () => {
    expect(clock(ESCALATION_TIER_1, "2026-06-09 14:00", "2026-06-09 15:00").dueAt).toEqual(ams("2026-06-10 17:00"));
    expect(clock(ESCALATION_TIER_1, "2026-04-24 15:00", "2026-04-24 15:30").dueAt).toEqual(ams("2026-04-28 17:00"));
  });

  it("complaint: a fresh clock per tier", () => {
    expect(clock(COMPLAINT, "2026-05-13 10:00", "2026-05-13 11:00").dueAt).toEqual(ams("2026-05-21 17:00"));
    expect(clock(COMPLAINT, "2026-05-22 10:00", "2026-05-22 11:00").dueAt).toEqual(ams("2026-06-01 17:00"));
  });

  it("working hours: counts business hours only", () => {
    const fourHours: SlaPolicy = { key: "CALLBACK_REPLY", unit: "WORKING_HOURS", amount: 4, atRiskShare: 0.2 };
    expect(clock(fourHours, "2026-06-05 16:00", "2026-06-05 16:30").dueAt).toEqual(ams("2026-06-08 12:00"));
    const custom = clock(fourHours, "2026-06-05 16:00", "2026-06-05 16:30", { hours: { open: "08:00", close: "16:30" } });
    expect(custom.dueAt).toEqual(ams("2026-06-08 11:30"));
  });
});

describe("bad input", () => {
  const base = { policy: WRITTEN_QUESTION, settings: S, pauses: [] };
  it.each([
    ["INVALID_DATE", { startedAt: new Date(Number.NaN), now: ams("2026-06-08 10:00") }],
    ["INVALID_DATE", { startedAt: ams("2026-06-08 10:00"), now: new Date("nope") }],
    ["INVALID_RANGE", { startedAt: ams("2026-06-08 10:00"), now: ams("2026-06-08 09:00") }],
    ["INVALID_RANGE", { startedAt: ams("2026-06-08 10:00"), now: ams("2026-06-09 10:00"), stoppedAt: ams("2026-06-08 09:00") }],
    ["NEGATIVE_PAUSE", { startedAt: ams("2026-06-08 10:00"), now: ams("2026-06-09 10:00"), pauses: [pause("2026-06-08 12:00", "2026-06-08 11:00")] }],
    ["PAUSE_BEFORE_START", { startedAt: ams("2026-06-08 10:00"), now: ams("2026-06-09 10:00"), pauses: [pause("2026-06-08 09:00", "2026-06-08 11:00")] }],
    [
      "PAUSE_OVERLAP",
      {
        startedAt: ams("2026-06-08 10:00"),
        now: ams("2026-06-09 10:00"),
        pauses: [pause("2026-06-08 11:00", "2026-06-08 13:00"), pause("2026-06-08 12:00", "2026-06-08 14:00")],
      },
    ],
    [
      "PAUSE_OVERLAP",
      {
        startedAt: ams("2026-06-08 10:00"),
        now: ams("2026-06-09 10:00"),
        pauses: [pause("2026-06-08 11:00", null), pause("2026-06-08 12:00", "2026-06-08 14:00")],
      },
    ],
    ["OUT_OF_RANGE", { startedAt: ams("1999-06-08 10:00"), now: ams("1999-06-09 10:00") }],
  ] as const)("throws %s", (code, input) => {
    expect(() => computeClock({ ...base, ...input })).toThrow(expect.objectContaining({ name: "RuleInputError", code }));
  });
});
