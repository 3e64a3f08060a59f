// The answer clock's life on a ticket: when it starts, pauses, stops and starts again. Pure.
//
// The rule (issue 18, 11b):
// 1. A ticket's answer clock runs from receipt until the first substantive answer to the customer:
//    an outbound message on the customer's channel (portal, mail), a letter, a call that answers
//    the question. Internal notes and the automatic acknowledgement do not stop it. The clock is
//    judged at that moment: answered in time, or answered late when the due time had passed.
// 2. Resolving or closing stops a clock that still runs (judged then); a stopped clock stays as it
//    was judged.
// 3. Waiting on the customer (PENDING_CUSTOMER) pauses a running clock; a stopped clock has nothing
//    to pause. While a ticket waits on the customer nothing is shown as late or due.
// 4. A customer message on a ticket whose clock is stopped starts the next clock from that message:
//    a fresh start, earlier pauses and the earlier verdict do not count. On a clock that still runs
//    (the question is not answered yet) it only ends a pause: the customer is still owed the
//    first answer, counted from the first receipt.
// 5. Staff re-opening a resolved or closed ticket: when the current clock was stopped by an answer
//    the question stays answered (the next clock waits for the customer's next message); when it was
//    stopped by resolving without any answer, an answer is owed again and a fresh clock starts.
// 6. NEW <-> OPEN changes nothing.

import type { SlaState } from "./rules";

export type TicketStatusName = "NEW" | "OPEN" | "PENDING_CUSTOMER" | "RESOLVED" | "CLOSED";

export interface AnswerClock {
  status: TicketStatusName;
  startedAt: Date | null;
  stoppedAt: Date | null;
  /** The current clock was stopped by an answer (not only by resolving). */
  answered: boolean;
}

export type ClockEvent = { kind: "ANSWER" } | { kind: "CUSTOMER_MESSAGE" } | { kind: "STATUS"; to: TicketStatusName };

export interface ClockStep {
  /** Stop the running clock now; its state is judged at this moment. */
  stop: boolean;
  /** Start a fresh clock now: the earlier stop and pauses no longer count. */
  restart: boolean;
  openPause: boolean;
  closePause: boolean;
  /** This event is the current clock's answer (recorded for the KPI and for re-opening). */
  answers: boolean;
}

const NOTHING: ClockStep = { stop: false, restart: false, openPause: false, closePause: false, answers: false };

export function isRunning(clock: Pick<AnswerClock, "startedAt" | "stoppedAt">): boolean {
  return clock.startedAt !== null && clock.stoppedAt === null;
}

const DONE: readonly TicketStatusName[] = ["RESOLVED", "CLOSED"];

/** What one event does to the answer clock (see the rule above). */
export function clockStep(clock: AnswerClock, event: ClockEvent): ClockStep {
  const running = isRunning(clock);
  const pending = clock.status === "PENDING_CUSTOMER";
  switch (event.kind) {
    case "ANSWER":
      return { ...NOTHING, stop: running, answers: running };
    case "CUSTOMER_MESSAGE":
      return { ...NOTHING, restart: !running, closePause: pending };
    case "STATUS": {
      const to = event.to;
      if (to === clock.status) return NOTHING;
      const leavingPending = pending;
      if (DONE.includes(to)) return { ...NOTHING, stop: running, closePause: leavingPending };
      const reopening = DONE.includes(clock.status);
      const restart = reopening && !running && !clock.answered;
      const runsAfter = running || restart;
      return { ...NOTHING, restart, closePause: leavingPending, openPause: to === "PENDING_CUSTOMER" && runsAfter };
    }
  }
}

export type AnswerClockView =
  /** We owe an answer: show the due time and its state. */
  | { kind: "DUE"; state: SlaState; dueAt: Date }
  /** A running clock paused on the customer: nothing is due or late. */
  | { kind: "WAITING" }
  | { kind: "ANSWERED"; late: boolean; at: Date }
  | { kind: "NONE" };

export interface TicketClockFields {
  status: TicketStatusName;
  slaState: SlaState | null;
  slaDueAt: Date | null;
  slaStoppedAt: Date | null;
}

/** What staff see of a ticket's answer clock. */
export function answerClockView(t: TicketClockFields): AnswerClockView {
  if (t.slaStoppedAt) return { kind: "ANSWERED", late: t.slaState === "BREACHED", at: t.slaStoppedAt };
  if (t.status === "PENDING_CUSTOMER") return { kind: "WAITING" };
  if (DONE.includes(t.status) || !t.slaDueAt || !t.slaState) return { kind: "NONE" };
  return { kind: "DUE", state: t.slaState, dueAt: t.slaDueAt };
}

/** What tells a ticket clock's state at a moment: its status, stored state and times. */
export interface ClockStateFields {
  status: TicketStatusName;
  slaState: SlaState | null;
  slaDueAt: Date | null;
  slaAtRiskAt: Date | null;
  slaStoppedAt: Date | null;
}

/**
 * A ticket clock's state at `now`. A running clock (new or open, not answered, with its times) is
 * judged from its due time and at-risk moment as the rule judges it: BREACHED after the due time,
 * AT_RISK from the at-risk moment, ON_TRACK before. So every place shows what the queue's filter
 * finds at the same moment (lib/queue/sql.ts), not the state as of the sweep's last run, which
 * stores the same state when it gets there. An answered, waiting or closed clock keeps the state
 * it was judged in.
 */
export function slaStateAt(t: ClockStateFields, now: Date): SlaState | null {
  const running = (t.status === "NEW" || t.status === "OPEN") && !t.slaStoppedAt && t.slaDueAt && t.slaAtRiskAt;
  if (!running) return t.slaState;
  if (t.slaDueAt!.getTime() < now.getTime()) return "BREACHED";
  return t.slaAtRiskAt!.getTime() <= now.getTime() ? "AT_RISK" : "ON_TRACK";
}

/** The due time a customer sees: only while we owe them an answer, else null. */
export function customerAnswerDue(t: Omit<TicketClockFields, "slaState">): Date | null {
  if (t.slaStoppedAt || t.status === "PENDING_CUSTOMER" || DONE.includes(t.status)) return null;
  return t.slaDueAt;
}
