/**
 * Throughput of the SLA clock on a realistic mix: `npm run bench:rules`.
 * Written questions, complaints, urgent requests and escalations with starts spread over two years,
 * a third of them with pauses (some still open), some already answered. Prints computations per
 * second and a checksum (so the work cannot be optimised away and runs can be compared).
 */
import { performance } from "node:perf_hooks";

import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import { type ClockInput, DEFAULT_SLA_POLICIES, type SlaPause, computeClock } from "@/lib/sla/rules";

const SCENARIOS = 20_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Deterministic PRNG (mulberry32) so every run measures the same mix.
let seed = 20260427;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

function pickPolicy() {
  const r = random();
  if (r < 0.5) return DEFAULT_SLA_POLICIES.WRITTEN_QUESTION;
  if (r < 0.65) return DEFAULT_SLA_POLICIES.COMPLAINT;
  if (r < 0.85) return DEFAULT_SLA_POLICIES.URGENT_REQUEST;
  return DEFAULT_SLA_POLICIES.ESCALATION_TIER_1;
}

function makeScenarios(): ClockInput[] {
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2027, 0, 1) - from;
  const list: ClockInput[] = [];
  for (let i = 0; i < SCENARIOS; i++) {
    const start = from + Math.floor((random() * span) / 60_000) * 60_000;
    const pauses: SlaPause[] = [];
    if (random() < 0.33) {
      let t = start + random() * 2 * DAY;
      const count = 1 + Math.floor(random() * 2);
      for (let k = 0; k < count; k++) {
        const to = t + random() * 2 * DAY;
        const open = k === count - 1 && random() < 0.3;
        pauses.push({ from: new Date(t), to: open ? null : new Date(to) });
        t = to + random() * DAY;
      }
    }
    const now = new Date(start + random() * 12 * DAY);
    const stoppedAt = random() < 0.25 ? new Date(start + random() * (now.getTime() - start)) : null;
    list.push({ policy: pickPolicy(), startedAt: new Date(start), pauses, now, stoppedAt, settings: DEFAULT_CALENDAR_SETTINGS });
  }
  return list;
}

const scenarios = makeScenarios();

// The first pass builds the per-year working-time tables; time it apart from the steady state.
// It also gives the checksum and the state mix, which are the same on every run.
let checksum = 0;
const states = { ON_TRACK: 0, AT_RISK: 0, BREACHED: 0 };
const coldStart = performance.now();
for (const input of scenarios) {
  const result = computeClock(input);
  checksum = (checksum * 31 + (result.dueAt.getTime() % 1_000_003) + result.state.length) % 2_147_483_647;
  states[result.state]++;
}
const coldMs = performance.now() - coldStart;

let sink = 0;
let computations = 0;
const deadline = performance.now() + SECONDS * 1000;
const started = performance.now();
while (performance.now() < deadline) {
  for (const input of scenarios) sink += computeClock(input).remainingMs;
  computations += scenarios.length;
}
const elapsed = (performance.now() - started) / 1000;

const perSecond = Math.round(computations / elapsed);
console.log(`scenarios        ${SCENARIOS} (first pass incl. table build: ${coldMs.toFixed(1)} ms)`);
console.log(`computations     ${computations} in ${elapsed.toFixed(2)} s`);
console.log(`per second       ${perSecond.toLocaleString("en-US")}`);
console.log(`states           ${JSON.stringify(states)}`);
console.log(`checksum         ${checksum}${Number.isNaN(sink) ? " (NaN seen)" : ""}`);
