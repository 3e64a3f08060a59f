import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import { type AnswerClock, answerClockView, clockStep, customerAnswerDue, slaStateAt } from "@/lib/sla/lifecycle";
import { computeClock, DEFAULT_SLA_POLICIES } from "@/lib/sla/rules";

const T0 = new Date("2026-06-08T08:00:00Z"); // Monday 10:00 in Amsterdam
const T1 = new Date("2026-06-08T10:00:00Z");
const running: AnswerClock = { status: "OPEN", startedAt: T0, stoppedAt: null, answered: false };
const answered: AnswerClock = { status: "PENDING_CUSTOMER", startedAt: T0, stoppedAt: T1, answered: true };
const resolvedUnanswered: AnswerClock = { status: "RESOLVED", startedAt: T0, stoppedAt: T1, answered: false };

describe("clockStep", () => {
  it("stops a running clock at the first answer and records it as the answer", () => {
    expect(clockStep(running, { kind: "ANSWER" })).toEqual({ stop: true, restart: false, openPause: false, closePause: false, answers: true });
  });

  it("leaves a stopped clock alone at a second answer", () => {
    expect(clockStep(answered, { kind: "ANSWER" })).toEqual({ stop: false, restart: false, openPause: false, closePause: false, answers: false });
  });

  it("starts a fresh clock when the customer writes on an answered ticket", () => {
    expect(clockStep(answered, { kind: "CUSTOMER_MESSAGE" })).toMatchObject({ restart: true, closePause: true, stop: false });
    expect(clockStep({ ...resolvedUnanswered }, { kind: "CUSTOMER_MESSAGE" })).toMatchObject({ restart: true, closePause: false });
  });

  it("keeps the first clock running when the customer adds to a question not yet answered", () => {
    expect(clockStep(running, { kind: "CUSTOMER_MESSAGE" })).toMatchObject({ restart: false, closePause: false });
    expect(clockStep({ ...running, status: "PENDING_CUSTOMER" }, { kind: "CUSTOMER_MESSAGE" })).toMatchObject({ restart: false, closePause: true });
  });

  it("pauses only a running clock when the ticket waits on the customer", () => {
    expect(clockStep(running, { kind: "STATUS", to: "PENDING_CUSTOMER" })).toMatchObject({ openPause: true, stop: false });
    expect(clockStep({ ...answered, status: "OPEN" }, { kind: "STATUS", to: "PENDING_CUSTOMER" })).toMatchObject({ openPause: false });
  });

  it("ends the pause when the ticket stops waiting, without restarting an answered clock", () => {
    expect(clockStep(answered, { kind: "STATUS", to: "OPEN" })).toEqual({ stop: false, restart: false, openPause: false, closePause: true, answers: false });
  });

  it("stops a running clock on resolving or closing, never as an answer", () => {
    expect(clockStep(running, { kind: "STATUS", to: "RESOLVED" })).toMatchObject({ stop: true, answers: false });
    expect(clockStep({ ...running, status: "PENDING_CUSTOMER" }, { kind: "STATUS", to: "CLOSED" })).toMatchObject({ stop: true, closePause: true });
    expect(clockStep({ ...answered, status: "OPEN" }, { kind: "STATUS", to: "RESOLVED" })).toMatchObject({ stop: false });
  });

  it("re-opening by staff restarts only a clock that was stopped without an answer", () => {
    expect(clockStep(resolvedUnanswered, { kind: "STATUS", to: "OPEN" })).toMatchObject({ restart: true, openPause: false });
    expect(clockStep(resolvedUnanswered, { kind: "STATUS", to: "PENDING_CUSTOMER" })).toMatchObject({ restart: true, openPause: true });
    expect(clockStep({ ...answered, status: "RESOLVED" }, { kind: "STATUS", to: "OPEN" })).toMatchObject({ restart: false, openPause: false });
    expect(clockStep({ ...answered, status: "CLOSED" }, { kind: "STATUS", to: "PENDING_CUSTOMER" })).toMatchObject({ restart: false, openPause: false });
  });

  it("does nothing for NEW <-> OPEN or an unchanged status", () => {
    const none = { stop: false, restart: false, openPause: false, closePause: false, answers: false };
    expect(clockStep({ ...running, status: "NEW" }, { kind: "STATUS", to: "OPEN" })).toEqual(none);
    expect(clockStep(running, { kind: "STATUS", to: "NEW" })).toEqual(none);
    expect(clockStep(running, { kind: "STATUS", to: "OPEN" })).toEqual(none);
  });
});

describe("answerClockView and customerAnswerDue", () => {
  const due = new Date("2026-06-15T15:00:00Z");

  it("shows an answered ticket waiting on the customer as answered, never late, with no due time for the customer", () => {
    // The case: answered two hours after receipt, then waiting on the customer.
    const clock = computeClock({ policy: DEFAULT_SLA_POLICIES.WRITTEN_QUESTION, startedAt: T0, pauses: [], now: new Date("2026-06-20T08:00:00Z"), stoppedAt: T1, settings: DEFAULT_CALENDAR_SETTINGS });
    const ticket = { status: "PENDING_CUSTOMER" as const, slaState: clock.state, slaDueAt: clock.dueAt, slaStoppedAt: T1 };
    expect(answerClockView(ticket)).toEqual({ kind: "ANSWERED", late: false, at: T1 });
    expect(customerAnswerDue(ticket)).toBeNull();
  });

  it("says answered late when the stop came after the due time", () => {
    expect(answerClockView({ status: "OPEN", slaState: "BREACHED", slaDueAt: due, slaStoppedAt: new Date("2026-06-16T08:00:00Z") })).toMatchObject({ kind: "ANSWERED", late: true });
  });

  it("shows a paused running clock as waiting, not late", () => {
    const ticket = { status: "PENDING_CUSTOMER" as const, slaState: "BREACHED" as const, slaDueAt: due, slaStoppedAt: null };
    expect(answerClockView(ticket)).toEqual({ kind: "WAITING" });
    expect(customerAnswerDue(ticket)).toBeNull();
  });

  it("shows the due time while an answer is owed", () => {
    const ticket = { status: "OPEN" as const, slaState: "AT_RISK" as const, slaDueAt: due, slaStoppedAt: null };
    expect(answerClockView(ticket)).toEqual({ kind: "DUE", state: "AT_RISK", dueAt: due });
    expect(customerAnswerDue(ticket)).toEqual(due);
    expect(customerAnswerDue({ ...ticket, status: "NEW" })).toEqual(due);
    expect(customerAnswerDue({ ...ticket, status: "RESOLVED" })).toBeNull();
  });
});

describe("slaStateAt", () => {
  // At risk from Tuesday 11:00 Amsterdam, due Wednesday 17:00; the sweep last wrote ON_TRACK.
  const running = { status: "OPEN" as const, slaState: "ON_TRACK" as const, slaAtRiskAt: new Date("2026-12-01T10:00:00Z"), slaDueAt: new Date("2026-12-02T16:00:00Z"), slaStoppedAt: null };
  const at = (iso: string) => new Date(iso);

  it("judges a running clock from its times at the moment, whatever the sweep last wrote", () => {
    expect(slaStateAt(running, at("2026-12-01T09:59:59.999Z"))).toBe("ON_TRACK");
    expect(slaStateAt(running, at("2026-12-01T10:00:00Z"))).toBe("AT_RISK");
    // Due at 17:00 means still in time at 17:00 itself.
    expect(slaStateAt(running, at("2026-12-02T16:00:00Z"))).toBe("AT_RISK");
    expect(slaStateAt(running, at("2026-12-02T16:00:00.001Z"))).toBe("BREACHED");
    expect(slaStateAt({ ...running, status: "NEW", slaState: "BREACHED" }, at("2026-12-01T09:00:00Z"))).toBe("ON_TRACK");
  });

  it("keeps the stored state of a clock that does not run: answered, waiting on the customer, resolved, or without times", () => {
    const late = at("2026-12-09T09:00:00Z");
    expect(slaStateAt({ ...running, slaStoppedAt: at("2026-12-01T09:00:00Z") }, late)).toBe("ON_TRACK");
    expect(slaStateAt({ ...running, status: "PENDING_CUSTOMER", slaState: "AT_RISK" }, late)).toBe("AT_RISK");
    expect(slaStateAt({ ...running, status: "RESOLVED" }, late)).toBe("ON_TRACK");
    expect(slaStateAt({ ...running, slaAtRiskAt: null }, late)).toBe("ON_TRACK");
    expect(slaStateAt({ ...running, slaDueAt: null, slaState: null }, late)).toBeNull();
  });
});
