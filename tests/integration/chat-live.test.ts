// "Two chat servers": two live hubs on one PostgreSQL database, the customer's stream on one and
// the agent's on the other. Every message from either side arrives at both readers once and in
// order, also after a reconnect that resumes from the last number seen (Last-Event-ID). The route
// handler's reader (lib/chat/feed.ts) is driven directly, as GET /api/chat/[id]/stream does.
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { acceptChatCommand, sendChatAsAgent, sendPortalChat, startPortalChat, transferChatCommand } from "@/lib/chat/commands";
import { consoleFeed, cursorFrom, followChat } from "@/lib/chat/feed";
import { followTopic } from "@/lib/live/follow";
import { createLiveHub } from "@/lib/live/hub";
import { CHAT_QUEUE_TOPIC, userTopic } from "@/lib/live/topics";
import { seedDemo, sessionFor } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z");
type Hub = Awaited<ReturnType<typeof createLiveHub>>;
interface Event {
  id?: string;
  event?: string;
  data: unknown;
}

let anna: SessionUser;
let handler: SessionUser;
const hubs: Hub[] = [];
const stops: AbortController[] = [];

beforeEach(async () => {
  await seedDemo(NOW);
  [anna, handler] = await Promise.all([sessionFor("anna.jansen@burger.example"), sessionFor("behandelaar@loket.example")]);
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop.abort();
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});

async function waitFor(check: () => boolean, what: string, ms = 10_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A reader of one chat on one hub, as the stream route runs it; its events collected. */
function reader(hub: Hub, viewer: SessionUser, chatId: string, after = 0) {
  const events: Event[] = [];
  const stop = new AbortController();
  stops.push(stop);
  const running = followChat(hub, { viewer, chatId, after, send: (e) => events.push(e) }, stop.signal);
  return {
    events,
    seqs: () => events.filter((e) => e.event === "message").map((e) => Number(e.id)),
    bodies: () => events.filter((e) => e.event === "message").map((e) => (e.data as { body: string }).body),
    lastId: () => events.filter((e) => e.event === "message").at(-1)?.id ?? null,
    stop: async () => {
      stop.abort();
      await running.catch(() => undefined);
    },
  };
}

describe("two chat servers", () => {
  it("deliver every message from each side once and in order, also after a reconnect with Last-Event-ID", async (context) => {
    if (inject("databaseKind") === "pglite") {
      context.skip("The embedded database serves one connection and delivers NOTIFY only to its sender; two servers need PostgreSQL (TEST_DATABASE_URL, as CI runs)");
    }
    const url = process.env.DATABASE_URL!;
    const [serverA, serverB] = await Promise.all([createLiveHub({ connectionString: url }), createLiveHub({ connectionString: url })]);
    hubs.push(serverA, serverB);
    expect([serverA.mode, serverB.mode]).toEqual(["notify", "notify"]);

    const start = await startPortalChat.execute(anna, { categoryKey: "PORTAL_HELP", body: "Hallo?" }, NOW);
    const chatId = start.ok ? start.data.chatId : "";
    expect((await acceptChatCommand.execute(handler, { chatId }, NOW)).ok).toBe(true);

    const customer = reader(serverA, anna, chatId);
    const agent = reader(serverB, handler, chatId);
    await waitFor(() => customer.seqs().length === 2 && agent.seqs().length === 2, "the opening messages");

    // Both sides write at the same time, each one message after the other (as a person types).
    const side = async (send: (i: number) => Promise<{ ok: boolean }>) => {
      for (let i = 1; i <= 15; i++) expect((await send(i)).ok).toBe(true);
    };
    await Promise.all([
      side((i) => sendPortalChat.execute(anna, { chatId, body: `klant ${i}`, clientId: `k${i}` }, NOW)),
      side((i) => sendChatAsAgent.execute(handler, { chatId, body: `agent ${i}` }, NOW)),
    ]);
    const expected = Array.from({ length: 32 }, (_, i) => i + 1);
    await waitFor(() => customer.seqs().length >= 32 && agent.seqs().length >= 32, "32 messages on both servers");
    await new Promise((r) => setTimeout(r, 300));
    expect(customer.seqs()).toEqual(expected);
    expect(agent.seqs()).toEqual(expected);
    expect(customer.bodies()).toEqual(agent.bodies());
    // Each side's own messages in the order it wrote them.
    expect(customer.bodies().filter((b) => b.startsWith("klant"))).toEqual(Array.from({ length: 15 }, (_, i) => `klant ${i + 1}`));
    expect(agent.bodies().filter((b) => b.startsWith("agent"))).toEqual(Array.from({ length: 15 }, (_, i) => `agent ${i + 1}`));

    // The customer's connection drops; meanwhile both sides write; the browser reconnects to the
    // other server with Last-Event-ID = the last number it saw.
    await customer.stop();
    const lastSeen = customer.lastId();
    expect(lastSeen).toBe("32");
    await sendChatAsAgent.execute(handler, { chatId, body: "Bent u er nog?" }, NOW);
    await sendPortalChat.execute(anna, { chatId, body: "Ja, even weg geweest." }, NOW);
    const resumed = reader(serverB, anna, chatId, cursorFrom(lastSeen));
    await waitFor(() => resumed.seqs().length >= 2, "the missed messages");
    await sendChatAsAgent.execute(handler, { chatId, body: "Fijn." }, NOW);
    await waitFor(() => resumed.seqs().length >= 3 && agent.seqs().length >= 35, "the message after the reconnect");
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed.seqs()).toEqual([33, 34, 35]);
    expect(resumed.bodies()).toEqual(["Bent u er nog?", "Ja, even weg geweest.", "Fijn."]);
    expect(agent.seqs()).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    // The state event tells the customer who is answering.
    expect(resumed.events.find((e) => e.event === "state")?.data).toMatchObject({ status: "ACTIVE", agentName: handler.name });
  });

  it("moves a waiting customer's position on another server when the chat ahead is picked up", async (context) => {
    if (inject("databaseKind") === "pglite") {
      context.skip("Two servers need PostgreSQL (TEST_DATABASE_URL, as CI runs)");
    }
    const url = process.env.DATABASE_URL!;
    const hub = await createLiveHub({ connectionString: url });
    hubs.push(hub);
    const bram = await sessionFor("bram.devries@burger.example");
    const first = await startPortalChat.execute(anna, { categoryKey: "PORTAL_HELP", body: "Eerst" }, NOW);
    const second = await startPortalChat.execute(bram, { categoryKey: "PORTAL_HELP", body: "Daarna" }, NOW);
    const waiting = reader(hub, bram, second.ok ? second.data.chatId : "");
    const positions = () => waiting.events.filter((e) => e.event === "state").map((e) => (e.data as { position: number | null }).position);
    await waitFor(() => positions().includes(2), "position 2");
    await acceptChatCommand.execute(handler, { chatId: first.ok ? first.data.chatId : "" }, NOW);
    await waitFor(() => positions().at(-1) === 1, "position 1 after the chat ahead was picked up");
    expect(waiting.seqs()).toEqual([1]);
  });

  it("serves both sides of a chat on one server from shared reads, each by its own cursor and access", async () => {
    // Runs on the embedded database too: one hub, polling there.
    const hub = await createLiveHub({ connectionString: process.env.DATABASE_URL!, pollMs: 50 });
    hubs.push(hub);
    const start = await startPortalChat.execute(anna, { categoryKey: "PORTAL_HELP", body: "Hallo?" }, NOW);
    const chatId = start.ok ? start.data.chatId : "";
    expect((await acceptChatCommand.execute(handler, { chatId }, NOW)).ok).toBe(true);
    const customer = reader(hub, anna, chatId);
    const agent = reader(hub, handler, chatId);
    await waitFor(() => customer.seqs().length === 2 && agent.seqs().length === 2, "the opening messages on both");
    // A second tab of the customer joins later, resuming after message 1: it gets only message 2.
    const secondTab = reader(hub, anna, chatId, 1);
    await waitFor(() => secondTab.seqs().length === 1, "the second tab's catch-up");
    expect(secondTab.seqs()).toEqual([2]);
    expect(customer.seqs()).toEqual([1, 2]);

    // The agent hands the chat to a colleague: their stream is told it is gone, the customer's goes on.
    const colleague = await sessionFor("coordinator@loket.example");
    expect((await transferChatCommand.execute(handler, { chatId, toUserId: colleague.id }, NOW)).ok).toBe(true);
    await waitFor(() => agent.events.some((e) => e.event === "gone"), "the old agent's stream to end");
    const taken = reader(hub, colleague, chatId);
    expect((await sendChatAsAgent.execute(colleague, { chatId, body: "Ik neem het over." }, NOW)).ok).toBe(true);
    await waitFor(() => customer.bodies().includes("Ik neem het over.") && taken.bodies().includes("Ik neem het over."), "the colleague's message");
    await new Promise((r) => setTimeout(r, 200));
    expect(customer.seqs()).toEqual(Array.from({ length: customer.seqs().length }, (_, i) => i + 1));
    expect(secondTab.seqs()).toEqual(customer.seqs().slice(1));
    expect(agent.bodies()).not.toContain("Ik neem het over.");
  });

  it("wakes the console on the other server when a chat starts and when the agent's own list changes", async (context) => {
    if (inject("databaseKind") === "pglite") {
      context.skip("Two servers need PostgreSQL (TEST_DATABASE_URL, as CI runs)");
    }
    const url = process.env.DATABASE_URL!;
    const hub = await createLiveHub({ connectionString: url });
    hubs.push(hub);
    const events: Event[] = [];
    const stop = new AbortController();
    stops.push(stop);
    const feed = consoleFeed({ viewer: handler, send: (e) => events.push(e), now: () => NOW });
    void Promise.all([followTopic(hub, CHAT_QUEUE_TOPIC, stop.signal, feed.read), followTopic(hub, userTopic(handler.id), stop.signal, feed.read)]);
    await waitFor(() => events.length >= 1, "the first console event");
    expect(events[0]).toMatchObject({ event: "console", data: { waiting: [], mine: [], limit: 3, full: false } });
    const start = await startPortalChat.execute(anna, { categoryKey: "PORTAL_HELP", body: "Hallo?" }, NOW);
    const chatId = start.ok ? start.data.chatId : "";
    await waitFor(() => events.some((e) => (e.data as { waiting: { id: string }[] }).waiting.some((w) => w.id === chatId)), "the waiting chat");
    await acceptChatCommand.execute(handler, { chatId }, NOW);
    await waitFor(() => events.some((e) => (e.data as { mine: { id: string }[] }).mine.some((m) => m.id === chatId)), "the chat among the agent's own");
    expect((events.at(-1)!.data as { waiting: unknown[] }).waiting).toEqual([]);
  });
});
