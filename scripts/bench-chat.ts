// npm run bench:chat [-- --chats=200] [-- --messages=10] [-- --interval=3000] [-- --keep] [-- --profile=DIR]
// 200 simultaneous chats through the real server: a throwaway PostgreSQL database, `next start`
// on it (builds first when there is no build), 200 beneficiaries and 200 agents with ACTIVE chats,
// both sides' SSE streams open, messages POSTed in turn by customer and agent. Delivery time is
// from the start of the POST to the message's arrival on the other side's stream. Two rounds:
//  - paced: every chat sends a message every `interval` ms (jittered), customer and agent in turn,
//    as people type; at 200 chats and 3 s that is about 67 messages/s, several times a busy line;
//  - flat out: every chat sends its next message as soon as the last one arrived, which measures
//    the most messages per second the server delivers (delivery times are then mostly queueing).
// --profile=DIR writes a CPU profile of the server (node --cpu-prof) for a look at where time goes.
// Server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://loket:loket@127.0.0.1:5432/postgres.
// Run it under the e2e lock when others build: `flock /tmp/loket-e2e.lock npm run bench:chat`.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { createBenchDatabase, loadAverage, MIGRATIONS_DIR, nextBuild, percentile, root, startNext, waitForServer } from "./bench-support";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const CHATS = option("chats", 200);
// Per chat, alternating customer and agent; each waits for the previous one to arrive.
const MESSAGES = option("messages", 10);
const PORT = option("port", 3290);
const INTERVAL_MS = option("interval", 3000);
const PROFILE_DIR = argv.find((a) => a.startsWith("--profile="))?.split("=")[1];
const SECRET = "bench-chat-only-secret";
const BASE = `http://localhost:${PORT}`;

async function seed(client: pg.Client) {
  await client.query(`
    INSERT INTO "TicketCategory" (id, key, "nameNl", "nameEn", "dossierSensitive", chat)
      VALUES ('cat_general', 'GENERAL_QUESTION', 'Algemene vraag', 'General question', false, true);
    INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
      SELECT 'person_' || g, 'person' || g || '@bench.example', 'Persoon ' || g, 'BENEFICIARY', 'x', now() FROM generate_series(1, $1::int) g;
    INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
      SELECT 'agent_' || g, 'agent' || g || '@bench.example', 'Agent ' || g, 'CALLCENTER_AGENT', 'x', now() FROM generate_series(1, $1::int) g;
    INSERT INTO "AuthSession" (id, "userId") SELECT 'sid_' || id, id FROM "User";
    INSERT INTO "ChatSession" (id, "requesterId", audience, "categoryId", "lineKey", status, "agentId", "queuedAt", "acceptedAt", "updatedAt")
      SELECT 'chat_' || g, 'person_' || g, 'BENEFICIARY', 'cat_general', 'AVONDLIJN', 'ACTIVE', 'agent_' || g, now(), now(), now()
      FROM generate_series(1, $1::int) g;
  `.replaceAll("$1::int", String(CHATS)));
}

/** A signed session cookie as the login would set it (server-side session row made above). */
async function cookieFor(id: string, role: "BENEFICIARY" | "CALLCENTER_AGENT", name: string, email: string): Promise<string> {
  const token = await encode({
    token: { sub: id, uid: id, role, name, email, sv: 0, sid: `sid_${id}`, mfa: true },
    secret: SECRET,
    maxAge: 60 * 60,
  });
  return `next-auth.session-token=${token}`;
}

type Arrival = (seq: number, author: string, body: string) => void;

/** Opens a chat's SSE stream; resolves once the first event came (the stream is live). */
async function openStream(chatId: string, cookie: string, onMessage: Arrival, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${BASE}/api/chat/${chatId}/stream`, { headers: { cookie, accept: "text/event-stream" }, signal });
  if (!response.ok || !response.body) throw new Error(`stream ${chatId}: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let live = false;
  let markLive = () => {};
  const ready = new Promise<void>((resolve) => (markLive = resolve));
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          let data = "";
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("data:")) data += line.slice(5).trim();
          }
          if (!data) continue;
          if (!live) {
            live = true;
            markLive();
          }
          if (event === "message") {
            const message = JSON.parse(data) as { seq: number; author: string; body: string };
            onMessage(message.seq, message.author, message.body);
          }
        }
      }
    } catch {
      // Aborted at the end of the run.
    }
  })();
  await ready;
}

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    nextBuild("bench:chat — no production build, running next build");
  }
  const database = await createBenchDatabase("loket_bench_chat");
  const { name, url: databaseUrl } = database;
  let server: ChildProcess | undefined;
  const streams = new AbortController();
  try {
    await applyMigrations({ databaseUrl, migrationsDir: MIGRATIONS_DIR });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await seed(client);
    await client.end();

    let mode = "unknown";
    server = startNext(
      PORT,
      { DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "20", AUTH_SECRET: SECRET, TOTP_ENCRYPTION_KEY: SECRET, NEXTAUTH_URL: BASE },
      PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : [],
    );
    const log = (chunk: Buffer) => {
      const text = chunk.toString();
      const live = /\[live\] (.*)/.exec(text);
      if (live) mode = live[1]!.trim();
      if (/error/i.test(text)) process.stderr.write(`  [server] ${text}`);
    };
    server.stdout!.on("data", log);
    server.stderr!.on("data", log);
    await waitForServer(server, BASE);
    console.log(`bench:chat — ${CHATS} chats x ${MESSAGES} messages on ${name}, server ${BASE}`);

    // Who is waiting for which body on which side.
    const pending = new Map<string, (at: number) => void>();
    const arrive: Arrival = (_seq, _author, body) => pending.get(body)?.(performance.now());

    const chats = await Promise.all(
      Array.from({ length: CHATS }, async (_, i) => ({
        id: `chat_${i + 1}`,
        customer: await cookieFor(`person_${i + 1}`, "BENEFICIARY", `Persoon ${i + 1}`, `person${i + 1}@bench.example`),
        agent: await cookieFor(`agent_${i + 1}`, "CALLCENTER_AGENT", `Agent ${i + 1}`, `agent${i + 1}@bench.example`),
      })),
    );
    const openStart = performance.now();
    await Promise.all(
      chats.flatMap((chat) => [openStream(chat.id, chat.customer, arrive, streams.signal), openStream(chat.id, chat.agent, arrive, streams.signal)]),
    );
    console.log(`  ${CHATS * 2} streams open in ${Math.round(performance.now() - openStart)} ms (hub: ${mode})`);

    /** One message from one side; resolves with its delivery time, or records why it failed. */
    const errorKinds = new Map<string, number>();
    const fail = (kind: string) => errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    async function send(chat: (typeof chats)[number], round: "paced" | "flat", n: number, posted: number[]): Promise<number | null> {
      const fromCustomer = n % 2 === 0;
      const body = `${chat.id} ${round} ${fromCustomer ? "klant" : "agent"} bericht ${n}`;
      const sentAt = performance.now();
      const arrived = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("timeout")), 10_000);
        pending.set(body, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
      // A refused POST never arrives: its timeout must not end the run.
      arrived.catch(() => undefined);
      try {
        const response = await fetch(`${BASE}/api/chat/${chat.id}/messages`, {
          method: "POST",
          headers: { cookie: fromCustomer ? chat.customer : chat.agent, "content-type": "application/json", origin: BASE },
          body: JSON.stringify({ body, clientId: `${chat.id}-${round}-${n}` }),
        });
        posted.push(performance.now() - sentAt);
        if (response.status !== 201) {
          fail(`POST ${response.status} ${await response.text()}`);
          return null;
        }
        return (await arrived) - sentAt;
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
        return null;
      } finally {
        pending.delete(body);
      }
    }

    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    async function round(key: "paced" | "flat", name: string, pace: number | null) {
      errorKinds.clear();
      const delivery: number[] = [];
      const posted: number[] = [];
      const start = performance.now();
      await Promise.all(
        chats.map(async (chat) => {
          // Paced chats start spread over one interval and keep their rhythm, jittered by ±20%.
          if (pace) await sleep(Math.random() * pace);
          for (let n = 0; n < MESSAGES; n += 1) {
            const began = performance.now();
            const ms = await send(chat, key, n, posted);
            if (ms !== null) delivery.push(ms);
            if (pace) await sleep(Math.max(0, pace * (0.8 + Math.random() * 0.4) - (performance.now() - began)));
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      const sorted = delivery.sort((a, b) => a - b);
      const post = posted.sort((a, b) => a - b);
      const errors = [...errorKinds.values()].reduce((a, b) => a + b, 0);
      console.log(`  ${name}: delivered ${sorted.length} of ${CHATS * MESSAGES} messages in ${seconds.toFixed(1)} s: ${(sorted.length / seconds).toFixed(0)} messages/s`);
      console.log(
        `    delivery ms: p50 ${percentile(sorted, 0.5).toFixed(0)}, p95 ${percentile(sorted, 0.95).toFixed(0)}, p99 ${percentile(sorted, 0.99).toFixed(0)}, max ${(sorted.at(-1) ?? NaN).toFixed(0)}`,
      );
      console.log(`    POST answered ms: p50 ${percentile(post, 0.5).toFixed(0)}, p95 ${percentile(post, 0.95).toFixed(0)}`);
      console.log(`    errors: ${errors}${errors ? ` (${[...errorKinds].map(([k, v]) => `${v}x ${k}`).join("; ")})` : ""}`);
    }

    await round("paced", `paced (one message per chat every ${INTERVAL_MS} ms, about ${Math.round((CHATS * 1000) / INTERVAL_MS)} messages/s offered)`, INTERVAL_MS);
    await round("flat", "flat out (each chat sends again as soon as its last message arrived)", null);
    console.log(`  hub mode: ${mode}; server on ${loadAverage()}`);
  } finally {
    streams.abort();
    // SIGINT lets node write its CPU profile on the way out.
    server?.kill(PROFILE_DIR ? "SIGINT" : "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, PROFILE_DIR ? 4000 : 500));
    await database.close(argv.includes("--keep"));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
