// The hot reads as named prepared statements (lib/db/prepared.ts) against a real database: they
// give the values Prisma's own raw query gives (the test process runs at UTC+14, so a timestamp
// read in the local zone would be off by fourteen hours), are prepared once per connection, read
// through a transaction when given one, and a failed statement leaves the pool usable.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { Prisma } from "@prisma/client";
import pg from "pg";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { db, getPool } from "@/lib/db/client";
import { readRows, statementName } from "@/lib/db/prepared";
import { sqlTransaction } from "@/lib/db/sql";
import { seedDemo } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(NOW);
});

const SAMPLE = Prisma.sql`
  SELECT t.id, t."createdAt", t."slaDueAt", (t."createdAt")::date AS "day", count(*) OVER () AS "tickets",
         ARRAY[t.number, t.subject] AS "texts", t."isPartner"
  FROM "Ticket" t WHERE t.number <> ${"none"} ORDER BY t.id LIMIT 5`;

describe("prepared reads", () => {
  it("give exactly what Prisma's raw query gives: timestamps and dates in UTC, counts as bigint, arrays, booleans", async () => {
    const prisma = await db.$queryRaw<unknown[]>(SAMPLE);
    expect(prisma.length).toBeGreaterThan(0);
    expect(await readRows(db, SAMPLE)).toEqual(prisma);
    // And again, now from the statement prepared on the connection.
    expect(await readRows(db, SAMPLE)).toEqual(prisma);
  });

  // PGlite runs them (the other cases here) but lists no prepared statements in its catalogue.
  it.runIf(inject("databaseKind") === "postgres")("are prepared under a name on the connection that runs them", async () => {
    const mine = Prisma.sql`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE ${"%pg_prepared_statements%"}`;
    const rows = await readRows<{ name: string; statement: string }>(db, mine);
    expect(rows.map((r) => r.name)).toContainEqual(expect.stringMatching(/^l_[\w-]{16}_\d+$/));
  });

  // The queue's index walk ran up to ten times slower split over parallel workers on two cores
  // (lib/db/client.ts); every connection of the app's pool, Prisma's and the prepared reads', has them off.
  it.runIf(inject("databaseKind") === "postgres")("run, as Prisma's queries do, on connections without parallel workers", async () => {
    const setting = Prisma.sql`SELECT current_setting('max_parallel_workers_per_gather') AS workers`;
    const [viaPrisma, viaPrepared] = await Promise.all([db.$queryRaw<{ workers: string }[]>(setting), readRows<{ workers: string }>(db, setting)]);
    expect(viaPrisma).toEqual([{ workers: "0" }]);
    expect(viaPrepared).toEqual([{ workers: "0" }]);
    // The server's own setting is left alone for every other client.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    const { rows } = await other.query<{ workers: string }>("SELECT current_setting('max_parallel_workers_per_gather') AS workers").finally(() => other.end());
    expect(Number(rows[0]!.workers)).toBeGreaterThan(0);
  });

  it("read through the transaction they are given, and what it rolls back is gone", async () => {
    const read = Prisma.sql`SELECT count(*) AS n FROM "ClosureDay" WHERE "date" = '2027-03-15'`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.closureDay.create({ data: { date: "2027-03-15", reasonNl: "Heidag", reasonEn: "Team day" } });
        expect(await readRows(tx, read)).toEqual([{ n: 1n }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await readRows(db, read)).toEqual([{ n: 0n }]);
  });

  it("a statement that fails is reported, and the next read works", async () => {
    await expect(readRows(db, Prisma.sql`SELECT 1 / ${0}::int AS x`)).rejects.toThrow(/division by zero/);
    expect(await readRows(db, Prisma.sql`SELECT ${41}::int + 1 AS x`)).toEqual([{ x: 42 }]);
  });

  // Last in the file: it fills the process's quota of named texts.
  it("past 300 statement texts a new one runs unnamed, so what the connections keep stays bounded", async () => {
    const connection = await getPool().connect();
    try {
      const first = statementName(connection, "SELECT 1 -- quota probe 0");
      expect(first).toMatch(/^l_[\w-]{16}_\d+$/);
      expect(statementName(connection, "SELECT 1 -- quota probe 0")).toBe(first); // the same text, the same name
      const names = Array.from({ length: 400 }, (_, i) => statementName(connection, `SELECT 1 -- quota probe ${i}`));
      expect(names.filter(Boolean).length).toBeLessThanOrEqual(300);
      expect(names.at(-1)).toBeNull();
      // A text named before the quota was full keeps its name.
      expect(statementName(connection, "SELECT 1 -- quota probe 0")).toBe(first);
    } finally {
      connection.release();
    }
    // And unnamed reads still read.
    expect(await readRows(db, Prisma.sql`SELECT 401 AS x -- quota probe, late`)).toEqual([{ x: 401 }]);
  });
});

describe("raw transactions outside Prisma (sqlTransaction)", () => {
  const closureDays = Prisma.sql`SELECT count(*) AS n FROM "ClosureDay" WHERE "date" IN ('2027-03-15', '2027-03-16')`;
  const insertDay = (date: string) => Prisma.sql`INSERT INTO "ClosureDay" ("date", "reasonNl", "reasonEn") VALUES (${date}, 'Heidag', 'Team day')`;

  it("read what Prisma's raw query reads, both as a tagged template and as a built statement", async () => {
    const prisma = await db.$queryRaw<unknown[]>(SAMPLE);
    const [built, tagged] = await sqlTransaction(db, async (tx) => [
      await tx.$queryRaw<unknown[]>(SAMPLE),
      await tx.$queryRaw<unknown[]>`SELECT t.id, t."createdAt", t."isPartner" FROM "Ticket" t WHERE t.number <> ${"none"} ORDER BY t.id LIMIT 5`,
    ]);
    expect(built).toEqual(prisma);
    expect(tagged).toEqual((prisma as { id: string; createdAt: Date; isPartner: boolean }[]).map(({ id, createdAt, isPartner }) => ({ id, createdAt, isPartner })));
  });

  it("commit what the work wrote, and $executeRaw counts the rows", async () => {
    const counts = await sqlTransaction(db, async (tx) => [await tx.$executeRaw(insertDay("2027-03-15")), await tx.$executeRaw(insertDay("2027-03-16"))]);
    expect(counts).toEqual([1, 1]);
    expect(await db.$queryRaw(closureDays)).toEqual([{ n: 2n }]);
  });

  it("roll back everything when the work throws, pass the error on, and leave the pool usable", async () => {
    await expect(
      sqlTransaction(db, async (tx) => {
        await tx.$executeRaw(insertDay("2027-03-15"));
        await tx.$executeRaw(insertDay("2027-03-15")); // the same day again: a unique violation
      }),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      sqlTransaction(db, async (tx) => {
        await tx.$executeRaw(insertDay("2027-03-16"));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db.$queryRaw(closureDays)).toEqual([{ n: 0n }]);
    // Every connection of the pool is asked for at once: none was left inside a transaction.
    const size = Number(process.env.DATABASE_POOL_MAX ?? 10);
    const states = await Promise.all(Array.from({ length: size }, () => sqlTransaction(db, async (tx) => tx.$queryRaw<{ n: bigint }[]>(closureDays))));
    expect(states.flat()).toEqual(Array.from({ length: size }, () => ({ n: 0n })));
  });
});

describe("the app's connections", () => {
  // pg 8 queues overlapping queries on one connection with a warning, and pg 9 refuses them.
  // Prisma sends them inside a transaction (a read's relations side by side, on the transaction's
  // one connection), so the app's connections send one query at a time. In a child process, on
  // the demo data: pg warns once per process.
  it("send the queries of one transaction one at a time, so pg has nothing to warn about, and answer each", () => {
    const root = path.resolve(import.meta.dirname, "..", "..");
    const run = spawnSync(process.execPath, ["--import", "tsx", "tests/support/overlapping-queries.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const outcome = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { tickets: number; messages: number; app: string[]; plain: string[] };
    expect(outcome.tickets).toBe(3);
    expect(outcome.messages).toBeGreaterThan(0);
    expect(outcome.app).toEqual([]);
    // The same check sees the warning where queries do overlap.
    expect(outcome.plain).toHaveLength(1);
  });
});

