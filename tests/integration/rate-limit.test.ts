import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import {
  closeRateLimits,
  consumeRateLimit,
  createRateLimitStore,
  RATE_LIMITS,
  resetRateLimit,
  sweepRateLimits,
} from "@/lib/security/rate-limit";
import { runSweeps } from "@/lib/sweeps/run";
import { seedDemo } from "../support/fixtures";

// password_reset_account has the smallest budget.
const budget = RATE_LIMITS.password_reset_account;

async function spend(consume: () => Promise<unknown>, times = budget.points) {
  for (let i = 0; i < times; i++) expect(await consume()).toEqual({ ok: true });
}

beforeEach(async () => {
  await db.rateLimit.deleteMany();
});

afterAll(async () => {
  await closeRateLimits();
});

describe("rate limits in PostgreSQL", () => {
  // On the embedded database the store shares the app's client; each integration file ends that
  // client (disconnectDb) and the next file in the worker gets a new one, as a restart would.
  it("keep counting after the app's database client is replaced", async () => {
    expect(await consumeRateLimit("password_reset_account", "bram@burger.example")).toEqual({ ok: true });
    await disconnectDb();
    expect(await consumeRateLimit("password_reset_account", "bram@burger.example")).toEqual({ ok: true });
    expect((await db.rateLimit.findMany()).map((row) => row.points)).toEqual([2]);
  });

  it("refuses once the budget is spent, with a retry time inside the window", async () => {
    expect(budget.points).toBeGreaterThan(1);
    await spend(() => consumeRateLimit("password_reset_account", "anna@burger.example"));

    const refused = await consumeRateLimit("password_reset_account", "anna@burger.example");
    expect(refused.ok).toBe(false);
    const retry = refused.ok ? 0 : refused.retryAfterSeconds;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(budget.durationSeconds);

    // Another key and another kind keep their own budgets; case does not make a new key.
    expect(await consumeRateLimit("password_reset_account", "ANNA@Burger.example ")).toMatchObject({ ok: false });
    expect(await consumeRateLimit("password_reset_account", "bert@burger.example")).toEqual({ ok: true });
    expect(await consumeRateLimit("password_reset_ip", "anna@burger.example")).toEqual({ ok: true });
  });

  it("counts IPv6 clients by their /64 for per-address kinds, not for per-account kinds", async () => {
    const { points } = RATE_LIMITS.password_reset_ip;
    for (let i = 0; i < points; i++) expect(await consumeRateLimit("password_reset_ip", `2001:db8:a:b::${(i + 1).toString(16)}`)).toEqual({ ok: true });
    expect(await consumeRateLimit("password_reset_ip", "2001:db8:a:b:ffff::1")).toMatchObject({ ok: false });
    expect(await consumeRateLimit("password_reset_ip", "2001:db8:a:c::1")).toEqual({ ok: true });
    expect(await db.rateLimit.count()).toBe(2);
  });

  it("stores hashed keys, one row per kind and key, never the address itself", async () => {
    await consumeRateLimit("login_account", "anna@burger.example");
    const rows = await db.rateLimit.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).toMatch(/^login_account:[A-Za-z0-9_-]{43}$/);
    expect(rows[0]!.points).toBe(1);
  });

  it("a second app instance (its own pool) counts against the same budget", async () => {
    const first = createRateLimitStore(process.env.DATABASE_URL!);
    const second = createRateLimitStore(process.env.DATABASE_URL!);
    try {
      // Alternating instances spend one budget between them.
      for (let i = 0; i < budget.points; i++) expect(await (i % 2 ? second : first).consume("password_reset_account", "k@x.example")).toEqual({ ok: true });
      expect(await second.consume("password_reset_account", "k@x.example")).toMatchObject({ ok: false });
      expect(await first.consume("password_reset_account", "k@x.example")).toMatchObject({ ok: false });

      // A reset in one instance frees the key in the other.
      await second.reset("password_reset_account", "k@x.example");
      expect(await first.consume("password_reset_account", "k@x.example")).toEqual({ ok: true });
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("a store on the app's Prisma connection (the embedded database's way) and one on its own pool keep one count", async () => {
    const viaPrisma = createRateLimitStore(db);
    const viaPool = createRateLimitStore(process.env.DATABASE_URL!);
    try {
      for (let i = 0; i < budget.points; i++) expect(await (i % 2 ? viaPool : viaPrisma).consume("password_reset_account", "p@x.example")).toEqual({ ok: true });
      const refused = await viaPrisma.consume("password_reset_account", "p@x.example");
      expect(refused.ok).toBe(false);
      expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(budget.durationSeconds - 60);
      expect(await viaPool.consume("password_reset_account", "p@x.example")).toMatchObject({ ok: false });
      // Many at once through the one connection: none lost, none refused early.
      const outcomes = await Promise.all(Array.from({ length: budget.points + 2 }, () => viaPrisma.consume("password_reset_account", "q@x.example")));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(budget.points);
    } finally {
      await viaPool.close();
    }
  });

  it("resetRateLimit clears a key, and a window that has ended starts afresh", async () => {
    for (let i = 0; i <= budget.points; i++) await consumeRateLimit("password_reset_account", "c@x.example");
    expect(await consumeRateLimit("password_reset_account", "c@x.example")).toMatchObject({ ok: false });
    await resetRateLimit("password_reset_account", "c@x.example");
    expect(await consumeRateLimit("password_reset_account", "c@x.example")).toEqual({ ok: true });

    for (let i = 0; i <= budget.points; i++) await consumeRateLimit("password_reset_account", "d@x.example");
    expect(await consumeRateLimit("password_reset_account", "d@x.example")).toMatchObject({ ok: false });
    await db.rateLimit.updateMany({ data: { expire: BigInt(Date.now() - 1000) } });
    expect(await consumeRateLimit("password_reset_account", "d@x.example")).toEqual({ ok: true });
  });

  it("the sweep deletes counters whose window ended over an hour ago, and only those", async () => {
    // The runner sweeps tickets too: give it demo data consistent with this moment.
    await seedDemo(new Date());
    await consumeRateLimit("login_ip", "192.0.2.1");
    await consumeRateLimit("login_ip", "192.0.2.2");
    const now = Date.now();
    const [old] = await db.rateLimit.findMany({ orderBy: { key: "asc" } });
    await db.rateLimit.update({ where: { key: old!.key }, data: { expire: BigInt(now - 3_600_000 - 1) } });

    expect(await sweepRateLimits(db, new Date(now))).toBe(1);
    expect(await db.rateLimit.count()).toBe(1);
    expect((await runSweeps(db, new Date(now))).rateLimits).toBe(0);
  });
});
