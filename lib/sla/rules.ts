import { RuleInputError, assertValidDate } from "@/lib/calendar/errors";
import type { CalendarSettings } from "@/lib/calendar/holidays";
import { HOUR_MS } from "@/lib/calendar/local-time";
import { dueAfterWorkingDaysMs } from "@/lib/calendar/rules";
import { DEFAULT_OPENING_HOURS, type WeeklySchedule } from "@/lib/calendar/opening-hours";
import { type BusinessHours, DEFAULT_BUSINESS_HOURS, workingCalendar } from "@/lib/calendar/working-calendar";
import { type LineCalendar, openingTime } from "@/lib/sla/opening-time";
import { type SlaPolicy, assertValidPolicy } from "@/lib/sla/policies";

export type { DefaultPolicyKey, SlaPolicy, SlaUnit } from "@/lib/sla/policies";
export { DEFAULT_SLA_POLICIES, SLA_UNITS, policyByKey } from "@/lib/sla/policies";
export type { LineCalendar } from "@/lib/sla/opening-time";

/*
 * SLA clocks.
 *
 * - Budget: WORKING_DAYS runs to 17:00 of the n-th working day after the day of receipt (see
 *   dueAfterWorkingDays in lib/calendar/rules.ts); its budget is the working time from startedAt
 *   to that moment. WORKING_HOURS counts n hours of business time (09:00-17:00 on working days);
 *   CALENDAR_HOURS counts wall time around the clock. OPENING_HOURS counts n hours within the
 *   opening hours of the policy's line (any intervals per weekday, weekends included; holidays and
 *   the line's closure days closed), so a clock received outside hours starts at the next opening.
 * - Pauses (waiting on the customer) stop the clock: time inside a pause does not consume budget,
 *   so the due time moves by the paused working time (calendar time for calendar policies). A pause
 *   that starts after the budget ran out changes nothing: a breach stays a breach. Pauses are judged
 *   up to the reference moment (now, or stoppedAt for a stopped clock); an open pause (to: null)
 *   means paused now, and the due time keeps moving while it lasts.
 * - State at the reference moment: BREACHED when it lies after dueAt (due at 17:00 and answered at
 *   17:00 is in time); AT_RISK once the consumed share reaches 1 - atRiskShare; else ON_TRACK.
 */

export type SlaState = "ON_TRACK" | "AT_RISK" | "BREACHED";

export interface SlaPause {
  from: Date;
  to: Date | null;
}

export interface ClockInput {
  policy: SlaPolicy;
  startedAt: Date;
  pauses: readonly SlaPause[];
  now: Date;
  settings: CalendarSettings;
  /** When the clock was stopped (answered); its state is then judged at this moment. */
  stoppedAt?: Date | null;
  hours?: BusinessHours;
}

export interface ClockResult {
  dueAt: Date;
  /** dueAt minus the reference moment in wall-clock ms (for "in 3 hours"); negative when overdue. */
  remainingMs: number;
  /** Budget left in the policy's own time (working ms for working policies); negative when over. */
  remainingBudgetMs: number;
  /** The whole budget in the policy's own time. */
  budgetMs: number;
  state: SlaState;
  /** Paused at the reference moment (never true for a stopped clock). */
  paused: boolean;
  stopped: boolean;
  /** Consumed budget / budget; 1 at the due time, above 1 when overdue. */
  elapsedShare: number;
  /**
   * The first moment the clock is AT_RISK: its last share of budget begins (in the past once it
   * has). Not yet reached, it is reckoned as dueAt is, as if the clock runs on (so for a running
   * ON_TRACK clock it equals nextChangeAt). With dueAt it tells the state at any moment the clock
   * runs on unchanged, so a reader can judge "now" without waiting for the sweep's write.
   */
  atRiskAt: Date;
  /**
   * The first moment the state will differ, if the clock runs on as it is (no new pause, no stop):
   * AT_RISK's threshold for ON_TRACK, just past dueAt for AT_RISK; null when nothing can change by
   * itself (breached, paused or stopped). Never early: the sweep visits a clock at this moment.
   */
  nextChangeAt: Date | null;
}

interface ClockTime {
  between(a: number, b: number): number;
  add(t: number, x: number): number;
}

const CALENDAR_TIME: ClockTime = {
  between: (a, b) => b - a,
  add: (t, x) => t + x,
};

function pausesSorted(pauses: readonly SlaPause[]): readonly SlaPause[] {
  for (let i = 1; i < pauses.length; i++) {
    if ((pauses[i] as SlaPause).from.getTime() < (pauses[i - 1] as SlaPause).from.getTime()) {
      return [...pauses].sort((x, y) => x.from.getTime() - y.from.getTime());
    }
  }
  return pauses;
}

function validatePauses(pauses: readonly SlaPause[], start: number): readonly SlaPause[] {
  if (!Array.isArray(pauses)) throw new RuleInputError("INVALID_RANGE", "pauses must be a list");
  for (const pause of pauses) {
    assertValidDate(pause.from, "pause start");
    if (pause.to !== null) {
      assertValidDate(pause.to, "pause end");
      if (pause.to.getTime() < pause.from.getTime()) {
        throw new RuleInputError("NEGATIVE_PAUSE", "a pause ends before it starts");
      }
    }
    if (pause.from.getTime() < start) {
      throw new RuleInputError("PAUSE_BEFORE_START", "a pause starts before the clock");
    }
  }
  const sorted = pausesSorted(pauses);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1] as SlaPause;
    // Touching pauses are fine; an open pause can only be the last one.
    if (previous.to === null || (sorted[i] as SlaPause).from.getTime() < previous.to.getTime()) {
      throw new RuleInputError("PAUSE_OVERLAP", "pauses overlap");
    }
  }
  return sorted;
}

const defaultLines = new WeakMap<CalendarSettings, Map<string, LineCalendar>>();

/** The policy's line as read from the database, else the line's default schedule on `settings`. */
function lineOf(policy: SlaPolicy, settings: CalendarSettings): LineCalendar {
  if (policy.line) return policy.line;
  const key = policy.lineKey ?? "";
  const schedule = Object.prototype.hasOwnProperty.call(DEFAULT_OPENING_HOURS, key)
    ? (DEFAULT_OPENING_HOURS as Readonly<Record<string, WeeklySchedule>>)[key]
    : undefined;
  if (!schedule) throw new RuleInputError("INVALID_POLICY", `policy ${policy.key}: no opening hours for line ${JSON.stringify(key)}`);
  // One object per (settings, line) so the engine's object cache hits on the hot path.
  let lines = defaultLines.get(settings);
  if (!lines) {
    lines = new Map();
    defaultLines.set(settings, lines);
  }
  let line = lines.get(key);
  if (!line) {
    line = { schedule, settings };
    lines.set(key, line);
  }
  return line;
}

/**
 * The at-risk moment of a running stretch from `from`, with `consumed` of the budget used by then:
 * a millisecond past the moment the budget's last share begins, so the rule's share test (below)
 * has flipped by then. Reckoned from the start of the stretch it falls in, it is the same moment
 * whenever it is computed: forecast while on track, looked back on once reached, the sweep's write
 * of the new state leaves it as it was. The millisecond is one of wall time when the share test
 * already holds at the threshold: a millisecond more of budget, past the end of a working day, is
 * the next morning, while the rule calls the clock at risk all evening.
 */
function atRiskFrom(time: ClockTime, from: number, consumed: number, budget: number, atRiskShare: number): number {
  const whole = Math.ceil((1 - atRiskShare) * budget - consumed);
  return (consumed + whole) / budget >= 1 - atRiskShare ? time.add(from, whole) + 1 : time.add(from, whole + 1);
}

export function computeClock(input: ClockInput): ClockResult {
  const { policy, startedAt, now, settings } = input;
  const stoppedAt = input.stoppedAt ?? null;
  assertValidPolicy(policy);
  assertValidDate(startedAt, "startedAt");
  assertValidDate(now, "now");
  const start = startedAt.getTime();
  let reference = now.getTime();
  if (stoppedAt !== null) {
    assertValidDate(stoppedAt, "stoppedAt");
    if (stoppedAt.getTime() < start) throw new RuleInputError("INVALID_RANGE", "the clock stops before it starts");
    reference = stoppedAt.getTime();
  } else if (reference < start) {
    throw new RuleInputError("INVALID_RANGE", "the clock starts after now");
  }
  const pauses = validatePauses(input.pauses, start);

  const hours = input.hours ?? DEFAULT_BUSINESS_HOURS;
  let time: ClockTime;
  let budget: number;
  if (policy.unit === "CALENDAR_HOURS") {
    time = CALENDAR_TIME;
    budget = policy.amount * HOUR_MS;
  } else if (policy.unit === "OPENING_HOURS") {
    time = openingTime(lineOf(policy, settings));
    budget = policy.amount * HOUR_MS;
  } else {
    time = workingCalendar(settings, hours);
    budget =
      policy.unit === "WORKING_HOURS"
        ? policy.amount * HOUR_MS
        : time.between(start, dueAfterWorkingDaysMs(start, policy.amount, settings, hours));
  }

  // Walk the running segments between pauses; the due time is where consumption reaches budget,
  // the at-risk moment where it reaches the share before the last.
  const riskBudget = (1 - policy.atRiskShare) * budget;
  let consumed = 0;
  let cursor = start;
  let due = Number.NaN;
  let atRisk = Number.NaN;
  let paused = false;
  for (const pause of pauses) {
    const from = pause.from.getTime();
    if (from >= reference) break; // not begun at the reference moment
    const segment = time.between(cursor, from);
    if (Number.isNaN(due) && consumed + segment >= budget) due = time.add(cursor, budget - consumed);
    if (Number.isNaN(atRisk) && consumed + segment >= riskBudget) atRisk = atRiskFrom(time, cursor, consumed, budget, policy.atRiskShare);
    consumed += segment;
    const to = pause.to === null ? Number.POSITIVE_INFINITY : pause.to.getTime();
    if (to >= reference) {
      paused = stoppedAt === null && to > reference;
      cursor = reference;
      break;
    }
    cursor = to;
  }
  const segment = time.between(cursor, reference);
  if (Number.isNaN(due)) due = time.add(cursor, budget - consumed);
  if (Number.isNaN(atRisk)) atRisk = atRiskFrom(time, cursor, consumed, budget, policy.atRiskShare);
  consumed += segment;

  const elapsedShare = consumed / budget;
  // Judged on the reported share so the state and the number shown never disagree by rounding.
  const state: SlaState =
    reference > due ? "BREACHED" : elapsedShare >= 1 - policy.atRiskShare ? "AT_RISK" : "ON_TRACK";
  // On track, the next change is the at-risk moment (atRiskFrom: the share test above has flipped by
  // then): the sweep visits a clock when the queue starts to call it at risk.
  let nextChangeAt: Date | null = null;
  if (stoppedAt === null && !paused && state !== "BREACHED") nextChangeAt = new Date(state === "AT_RISK" ? due + 1 : atRisk);
  return {
    dueAt: new Date(due),
    remainingMs: due - reference,
    remainingBudgetMs: budget - consumed,
    budgetMs: budget,
    state,
    paused,
    stopped: stoppedAt !== null,
    elapsedShare,
    atRiskAt: new Date(atRisk),
    nextChangeAt,
  };
}
