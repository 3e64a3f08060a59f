// Replays calls from a telephone platform against a running Loket, signed as the platform would.
//   npm run cti:simulate -- --url http://localhost:3000 [--day 2026-12-04] [--calls 200] [--seed 1]
//   npm run cti:simulate -- --now --number 0612345678 --agent behandelaar@loket.example [--end-after 30]
// The secret comes from LOKET_CTI_SECRET (the same value the server has).
import { parseArgs } from "node:util";
import { amsterdamDateKey } from "@/lib/calendar/local-time";
import { postCtiEvent } from "@/lib/telephony/client";
import { simulateDay, type SimulatedEvent } from "@/lib/telephony/simulate";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    day: { type: "string" },
    calls: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
    agents: { type: "string", default: "agent@loket.example,behandelaar@loket.example" },
    numbers: { type: "string", default: "0612345678,0687654321,0201234567,0650000001,0650000002" },
    now: { type: "boolean", default: false },
    number: { type: "string", default: "0612345678" },
    agent: { type: "string", default: "behandelaar@loket.example" },
    "end-after": { type: "string" },
  },
});

const secret = process.env.LOKET_CTI_SECRET;
if (!secret) {
  console.error("Set LOKET_CTI_SECRET to the server's secret.");
  process.exit(1);
}
const endpoint = new URL("/api/cti/events", values.url).toString();

async function send(item: SimulatedEvent): Promise<void> {
  const response = await postCtiEvent(endpoint, secret!, item.id, item.event);
  if (!response.ok) throw new Error(`${item.id}: ${response.status} ${await response.text()}`);
}

async function main(): Promise<void> {
  if (values.now) {
    const callId = `now-${Date.now()}`;
    const at = () => new Date().toISOString();
    await send({ id: `${callId}-ringing`, event: { type: "call.ringing", callId, at: at(), callerNumber: values.number } });
    await send({ id: `${callId}-answered`, event: { type: "call.answered", callId, at: at(), agentEmail: values.agent, waitSec: 12 } });
    console.log(`call ${callId} from ${values.number} answered by ${values.agent}`);
    if (values["end-after"]) {
      await new Promise((resolve) => setTimeout(resolve, Number(values["end-after"]) * 1000));
      await send({ id: `${callId}-ended`, event: { type: "call.ended", callId, at: at() } });
      console.log(`call ${callId} ended`);
    }
    return;
  }
  const day = values.day ?? amsterdamDateKey(new Date());
  const events = simulateDay({ day, calls: Number(values.calls), seed: Number(values.seed), agents: values.agents.split(","), numbers: values.numbers.split(",") });
  const started = performance.now();
  for (const item of events) await send(item);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${events.length} events of ${values.calls} calls on ${day} sent in ${seconds.toFixed(1)} s (${Math.round(events.length / seconds)} events/s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
