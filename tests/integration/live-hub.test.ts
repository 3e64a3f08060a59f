// Live delivery between "two servers": two hubs on one database. A committed change wakes the
// subscribers of both, a rolled-back one wakes nobody, and a hub whose connection dies comes back
// and wakes its readers so that what changed in the gap is read.
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { createLiveHub, type LiveHub } from "@/lib/live/hub";
import { publishLive } from "@/lib/live/publish";

const hubs: LiveHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

async function hub(options: { pollMs?: number; probeMs?: number } = {}): Promise<LiveHub> {
  const created = await createLiveHub({ connectionString: process.env.DATABASE_URL!, ...options });
  hubs.push(created);
  return created;
}

function counter(h: LiveHub, topic: string) {
  let wakes = 0;
  h.subscribe(topic, () => (wakes += 1));
  return () => wakes;
}

async function waitFor(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe("live hub", () => {
  it("numbers every change of a topic in the changing transaction", async () => {
    const first = await db.$transaction((tx) => publishLive(tx, "test:numbers"));
    const second = await db.$transaction((tx) => publishLive(tx, "test:numbers"));
    expect(second).toBe(first + 1n);
    await expect(
      db.$transaction(async (tx) => {
        await publishLive(tx, "test:numbers");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await db.liveTopic.findUniqueOrThrow({ where: { topic: "test:numbers" } })).version).toBe(second);
  });

  it("picks the mode the database allows: NOTIFY on PostgreSQL, polling on the embedded database", async () => {
    const h = await hub();
    expect(h.mode).toBe(inject("databaseKind") === "pglite" ? "poll" : "notify");
  });

  it("wakes subscribers on two servers after a commit; nobody for a rollback, nor for another topic", async () => {
    const [a, b] = [await hub({ pollMs: 50 }), await hub({ pollMs: 50 })];
    const onA = counter(a, "test:chat");
    const onB = counter(b, "test:chat");
    const other = counter(b, "test:other");
    await settle();
    const [a0, b0, o0] = [onA(), onB(), other()];
    await db.$transaction((tx) => publishLive(tx, "test:chat"));
    await waitFor(() => onA() > a0 && onB() > b0, "both servers woken");
    await expect(
      db.$transaction(async (tx) => {
        await publishLive(tx, "test:chat");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow();
    const [a1, b1] = [onA(), onB()];
    await settle();
    expect([onA(), onB()]).toEqual([a1, b1]);
    expect(other()).toBe(o0);
  });

  it("stops waking a subscriber that left", async () => {
    const h = await hub({ pollMs: 50 });
    let wakes = 0;
    const off = h.subscribe("test:left", () => (wakes += 1));
    await settle();
    off();
    const before = wakes;
    await db.$transaction((tx) => publishLive(tx, "test:left"));
    await settle();
    expect(wakes).toBe(before);
  });

  it("reconnects after its connection is killed and wakes its readers for what changed in the gap", async (context) => {
    if (inject("databaseKind") === "pglite") {
      context.skip("pg_terminate_backend needs PostgreSQL's separate backends (TEST_DATABASE_URL, as CI runs)");
    }
    const h = await hub();
    const wakes = counter(h, "test:gap");
    await settle();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL! });
    await admin.connect();
    try {
      const before = wakes();
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND pid <> pg_backend_pid() AND datname = current_database()`);
      // Changed while the hub is not listening: its NOTIFY is lost, the reconnect's wake is not.
      await db.$transaction((tx) => publishLive(tx, "test:gap"));
      await waitFor(() => wakes() > before, "a wake after the reconnect", 10_000);
      expect(h.mode).toBe("notify");
      const after = wakes();
      await db.$transaction((tx) => publishLive(tx, "test:gap"));
      await waitFor(() => wakes() > after, "notifications again after the reconnect");
    } finally {
      await admin.end();
    }
  });
});
