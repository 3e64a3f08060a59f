import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import { isWorkingDay, workingTimeBetween } from "@/lib/calendar/rules";
import { slaStateAt } from "@/lib/sla/lifecycle";
import { DEFAULT_SLA_POLICIES, type SlaPause, type SlaPolicy, computeClock } from "@/lib/sla/rules";

const S = DEFAULT_CALENDAR_SETTINGS;
const MINUTE = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2024, 0, 1) / MINUTE;
const TO = Date.UTC(2028, 0, 1) / MINUTE;

const workingPolicy: fc.Arbitrary<SlaPolicy> = fc.oneof(
  fc.constantFrom(DEFAULT_SLA_POLICIES.WRITTEN_QUESTION, DEFAULT_SLA_POLICIES.ESCALATION_TIER_1, DEFAULT_SLA_POLICIES.COMPLAINT),
  fc.integer({ min: 1, max: 80 }).map((amount): SlaPolicy => ({ key: "WH", unit: "WORKING_HOURS", amount, atRiskShare: 0.2 })),
);
const anyPolicy = fc.oneof(workingPolicy, fc.constant(DEFAULT_SLA_POLICIES.URGENT_REQUEST));

/** A start and sorted, non-overlapping pauses after it (the last one possibly open). */
const scenario = fc
  .record({
    start: fc.integer({ min: FROM, max: TO }).map((m) => m * MINUTE),
    gaps: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: 3 * DAY })), { maxLength: 4 }),
    lastOpen: fc.boolean(),
    nowAfter: fc.integer({ min: 0, max: 30 * DAY }),
  })
  .map(({ start, gaps, lastOpen, nowAfter }) => {
    const pauses: SlaPause[] = [];
    let t = start;
    gaps.forEach(([gap, length], i) => {
      const from = t + gap;
      const to = from + length;
      pauses.push({ from: new Date(from), to: lastOpen && i === gaps.length - 1 ? null : new Date(to) });
      t = to;
    });
    return { startedAt: new Date(start), pauses, now: new Date(start + nowAfter) };
  });

function localMinutes(d: Date): number {
  const local = new TZDate(d.getTime(), "Europe/Amsterdam");
  return local.getHours() * 60 + local.getMinutes() + local.getSeconds() / 60 + local.getMilliseconds() / MINUTE;
}

describe("SLA clock properties", () => {
  it("a due time of a working-day or working-hour policy lies in working time (09:00, 17:00]", () => {
    fc.assert(
      fc.property(workingPolicy, scenario, (policy, { startedAt, pauses, now }) => {
        const { dueAt } = computeClock({ policy, startedAt, pauses, now, settings: S });
        expect(isWorkingDay(dueAt, S)).toBe(true);
        const minutes = localMinutes(dueAt);
        expect(minutes > 9 * 60 && minutes <= 17 * 60).toBe(true);
      }),
    );
  });

  it("a pause never makes a due time earlier", () => {
    fc.assert(
      fc.property(anyPolicy, scenario, (policy, { startedAt, pauses, now }) => {
        const without = computeClock({ policy, startedAt, pauses: [], now, settings: S });
        const withPauses = computeClock({ policy, startedAt, pauses, now, settings: S });
        expect(withPauses.dueAt.getTime()).toBeGreaterThanOrEqual(without.dueAt.getTime());
        // Dropping the last pause cannot move it later either.
        const fewer = computeClock({ policy, startedAt, pauses: pauses.slice(0, -1), now, settings: S });
        expect(withPauses.dueAt.getTime()).toBeGreaterThanOrEqual(fewer.dueAt.getTime());
      }),
    );
  });

  it("without pauses, the budget is exactly the working time from start to due", () => {
    fc.assert(
      fc.property(workingPolicy, scenario, (policy, { startedAt, now }) => {
        const result = computeClock({ policy, startedAt, pauses: [], now, settings: S });
        expect(workingTimeBetween(startedAt, result.dueAt, S)).toBe(result.budgetMs);
        expect(result.elapsedShare).toBeCloseTo(workingTimeBetween(startedAt, now, S) / result.budgetMs, 9);
      }),
    );
  });

  it("the state agrees with the due time and the share", () => {
    fc.assert(
      fc.property(anyPolicy, scenario, (policy, { startedAt, pauses, now }) => {
        const r = computeClock({ policy, startedAt, pauses, now, settings: S });
        if (now.getTime() > r.dueAt.getTime()) expect(r.state).toBe("BREACHED");
        else if (r.elapsedShare >= 0.8) expect(r.state).toBe("AT_RISK");
        else expect(r.state).toBe("ON_TRACK");
        expect(r.remainingMs).toBe(r.dueAt.getTime() - now.getTime());
      }),
    );
  });
});

// The sweep visits a clock only at its nextChangeAt: early would make it spin on an unchanged
// clock, late (by more than a few ms of budget) would warn late.
describe("the moment a clock's state changes next", () => {
  it("is never early and at most a few milliseconds of budget late", () => {
    fc.assert(
      fc.property(anyPolicy, scenario, (policy, { startedAt, pauses, now }) => {
        const closed = pauses.filter((p) => p.to !== null && p.to <= now);
        const clock = computeClock({ policy, startedAt, pauses: closed, now, settings: S });
        if (clock.state === "BREACHED") {
          expect(clock.nextChangeAt).toBeNull();
          return;
        }
        const at = clock.nextChangeAt!;
        expect(at.getTime()).toBeGreaterThan(now.getTime());
        const then = computeClock({ policy, startedAt, pauses: closed, now: at, settings: S });
        expect(then.state).not.toBe(clock.state);
        if (clock.state === "AT_RISK") expect(at.getTime()).toBe(clock.dueAt.getTime() + 1);
        else expect((then.elapsedShare - (1 - policy.atRiskShare)) * then.budgetMs).toBeLessThanOrEqual(3);
      }),
      { numRuns: 500 },
    );
  });

  it("is null while paused, once stopped, and once breached", () => {
    fc.assert(
      fc.property(anyPolicy, scenario, (policy, { startedAt, pauses, now }) => {
        const clock = computeClock({ policy, startedAt, pauses, now, settings: S });
        if (clock.paused || clock.state === "BREACHED") expect(clock.nextChangeAt).toBeNull();
        const stopped = computeClock({ policy, startedAt, pauses, now, settings: S, stoppedAt: now });
        expect(stopped.nextChangeAt).toBeNull();
      }),
    );
  });

  it("skips the weekend and the night, across the change to winter time", () => {
    // 16 working hours, at risk at 75%: 12 hours. Friday 23 October 2026 10:00 (summer time)
    // to 17:00 is 7 hours; the other 5 run from Monday 26 October 09:00 (winter time): 14:00.
    const policy: SlaPolicy = { key: "WH", unit: "WORKING_HOURS", amount: 16, atRiskShare: 0.25 };
    const startedAt = new Date("2026-10-23T08:00:00Z");
    const clock = computeClock({ policy, startedAt, pauses: [], now: new Date("2026-10-23T15:00:00Z"), settings: S });
    expect(clock.state).toBe("ON_TRACK");
    expect(clock.nextChangeAt!.getTime() - Date.parse("2026-10-26T13:00:00Z")).toBeGreaterThan(0);
    expect(clock.nextChangeAt!.getTime() - Date.parse("2026-10-26T13:00:00Z")).toBeLessThanOrEqual(2);
    const atRisk = computeClock({ policy, startedAt, pauses: [], now: new Date("2026-10-26T13:30:00Z"), settings: S });
    expect(atRisk.state).toBe("AT_RISK");
    expect(atRisk.nextChangeAt).toEqual(new Date(atRisk.dueAt.getTime() + 1));
  });
});

// Every read judges a running clock's state at its moment from dueAt and atRiskAt alone
// (slaStateAt in lib/sla/lifecycle.ts; the queue's filter in lib/queue/sql.ts), without waiting
// for the sweep to write the state.
describe("the moment a clock is at risk", () => {
  it("tells the state at any later moment the clock runs on unchanged, as the rule does", () => {
    fc.assert(
      fc.property(anyPolicy, scenario, fc.integer({ min: 0, max: 20 * DAY }), (policy, { startedAt, pauses, now }, later) => {
        const closed = pauses.filter((p) => p.to !== null && p.to <= now);
        const clock = computeClock({ policy, startedAt, pauses: closed, now, settings: S });
        const then = new Date(now.getTime() + later);
        const judged = slaStateAt({ status: "OPEN", slaState: clock.state, slaDueAt: clock.dueAt, slaAtRiskAt: clock.atRiskAt, slaStoppedAt: null }, then);
        const rule = computeClock({ policy, startedAt, pauses: closed, now: then, settings: S });
        // A moment within a few ms of budget of the threshold may fall either side (the rule's share is rounded).
        const nearThreshold = Math.abs(then.getTime() - clock.atRiskAt.getTime()) <= 3;
        if (!nearThreshold) expect(judged).toBe(rule.state);
        expect(rule.dueAt).toEqual(clock.dueAt);
      }),
      { numRuns: 500 },
    );
  });

  it("is the sweep's next visit while on track, and not after the due time", () => {
    fc.assert(
      fc.property(anyPolicy, scenario, (policy, { startedAt, pauses, now }) => {
        const clock = computeClock({ policy, startedAt, pauses, now, settings: S });
        if (clock.state === "ON_TRACK" && !clock.paused) expect(clock.atRiskAt).toEqual(clock.nextChangeAt);
        if (clock.state === "ON_TRACK") expect(clock.atRiskAt.getTime()).toBeGreaterThan(now.getTime());
        // Rounded up to the millisecond and one on, as the sweep's visit (the rule's share is not rounded).
        else expect(clock.atRiskAt.getTime()).toBeLessThanOrEqual(now.getTime() + 2);
        expect(clock.atRiskAt.getTime()).toBeLessThanOrEqual(clock.dueAt.getTime() + 1);
      }),
    );
  });

  it("stays the moment it was forecast once it is reached, so the sweep's state change leaves it as it was", () => {
    fc.assert(
      fc.property(anyPolicy, scenario, (policy, { startedAt, pauses, now }) => {
        const closed = pauses.filter((p) => p.to !== null && p.to <= now);
        const forecast = computeClock({ policy, startedAt, pauses: closed, now, settings: S });
        if (forecast.state !== "ON_TRACK") return;
        for (const later of [forecast.atRiskAt, new Date(forecast.dueAt.getTime() + 1), new Date(forecast.dueAt.getTime() + 5 * DAY)]) {
          expect(computeClock({ policy, startedAt, pauses: closed, now: later, settings: S }).atRiskAt).toEqual(forecast.atRiskAt);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is reached when a working day uses up the share, not the next morning, and the sweep visits then", () => {
    // 30 working hours at risk at 80% (24 hours) from Monday 17 November 2025 09:00 (08:00 UTC):
    // the 24th hour ends Wednesday 17:00. The rule calls the clock at risk all that evening.
    const policy: SlaPolicy = { key: "WH", unit: "WORKING_HOURS", amount: 30, atRiskShare: 0.2 };
    const startedAt = new Date("2025-11-17T08:00:00Z");
    const tuesday = computeClock({ policy, startedAt, pauses: [], now: new Date("2025-11-18T10:00:00Z"), settings: S });
    expect(tuesday.atRiskAt).toEqual(new Date(Date.parse("2025-11-19T16:00:00Z") + 1));
    expect(tuesday.nextChangeAt).toEqual(tuesday.atRiskAt);
    const evening = computeClock({ policy, startedAt, pauses: [], now: new Date("2025-11-19T18:00:00Z"), settings: S });
    expect(evening.state).toBe("AT_RISK");
    expect(evening.atRiskAt).toEqual(tuesday.atRiskAt);
  });

  it("lies in the past once reached, after the pauses before it (Friday 10:00, paused on Wednesday)", () => {
    // 16 working hours at risk at 75% (12 hours), from Wednesday 4 November 2026 09:00 (winter
    // time, 08:00 UTC), paused Wednesday 14:00-16:00: 6 hours on Wednesday, the 12th ends Thursday
    // 15:00 (a millisecond on, as the sweep's visit). Due 4 hours later: Friday 11:00.
    const policy: SlaPolicy = { key: "WH", unit: "WORKING_HOURS", amount: 16, atRiskShare: 0.25 };
    const startedAt = new Date("2026-11-04T08:00:00Z");
    const pauses = [{ from: new Date("2026-11-04T13:00:00Z"), to: new Date("2026-11-04T15:00:00Z") }];
    const clock = computeClock({ policy, startedAt, pauses, now: new Date("2026-11-06T09:00:00Z"), settings: S });
    expect(clock.state).toBe("AT_RISK");
    expect(clock.atRiskAt).toEqual(new Date(Date.parse("2026-11-05T14:00:00Z") + 1));
    expect(clock.dueAt).toEqual(new Date("2026-11-06T10:00:00Z"));
  });

});
