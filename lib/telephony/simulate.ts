// A day of calls as a telephone platform would report them: pure and seeded, so a replay is
// repeatable. Used by `npm run cti:simulate`.
import { TZDate } from "@date-fns/tz";
import type { CtiEventBody } from "./client";

export interface SimulatedEvent {
  id: string;
  event: CtiEventBody;
}

/** A small deterministic generator (mulberry32): the same seed gives the same day. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `calls` calls between 09:00 and 17:00 Amsterdam time on `day` (yyyy-MM-dd): waits of 5-180 s,
 * about one in eight callers hanging up before an answer, conversations of 1-12 minutes, answered
 * by the given agents in turn. Events come back in time order.
 */
export function simulateDay(options: { day: string; calls: number; agents: string[]; numbers: string[]; seed?: number; queue?: string }): SimulatedEvent[] {
  const next = random(options.seed ?? 1);
  const [year, month, date] = options.day.split("-").map(Number) as [number, number, number];
  const opens = new TZDate(year, month - 1, date, 9, 0, 0, "Europe/Amsterdam").getTime();
  const events: SimulatedEvent[] = [];
  for (let i = 0; i < options.calls; i += 1) {
    const callId = `sim-${options.day}-${i + 1}`;
    const ringing = opens + Math.floor(next() * 8 * 3600) * 1000;
    const waitSec = 5 + Math.floor(next() * 176);
    const number = options.numbers[Math.floor(next() * options.numbers.length)];
    const base = { callId, queue: options.queue ?? "algemeen" };
    events.push({ id: `${callId}-ringing`, event: { ...base, type: "call.ringing", at: new Date(ringing).toISOString(), callerNumber: number } });
    if (next() < 0.125) {
      events.push({ id: `${callId}-ended`, event: { ...base, type: "call.ended", at: new Date(ringing + waitSec * 1000).toISOString() } });
      continue;
    }
    const answered = ringing + waitSec * 1000;
    const agentEmail = options.agents[i % options.agents.length];
    events.push({ id: `${callId}-answered`, event: { ...base, type: "call.answered", at: new Date(answered).toISOString(), agentEmail, waitSec } });
    const talkSec = 60 + Math.floor(next() * 660);
    events.push({ id: `${callId}-ended`, event: { ...base, type: "call.ended", at: new Date(answered + talkSec * 1000).toISOString() } });
  }
  return events.sort((a, b) => a.event.at.localeCompare(b.event.at));
}
