// The reference cache against a real database: a copy is served while the reference data is
// unchanged, and a change committed anywhere (another connection, as another app instance would
// make it) or made inside the reader's own transaction is seen on the very next read.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadSessionUser } from "@/lib/auth/queries";
import { cachedReference, referenceVersion } from "@/lib/reference/cache";
import { queueOptions } from "@/lib/tickets/queries";
import { getCalendarSettings, getSettingValue, getSlaPolicies } from "@/lib/settings/queries";
import { seedDemo } from "../support/fixtures";
import { z } from "zod";

const NOW = new Date("2026-11-24T10:00:00Z");
let other: pg.Client;

beforeAll(async () => {
  // A connection of its own: what another instance behind the load balancer would write through.
  other = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await other.connect();
});
afterAll(async () => {
  await other.end();
});
beforeEach(async () => {
  await seedDemo(NOW);
});

describe("the reference cache", () => {
  it("serves the same copy while nothing changed, and the new data after another connection's change", async () => {
    const first = await getCalendarSettings(db);
    expect(await getCalendarSettings(db)).toBe(first); // the same object: nothing was loaded again
    expect(first.closureDays).not.toContain("2027-03-15");

    await other.query(`INSERT INTO "ClosureDay" ("date", "reasonNl", "reasonEn") VALUES ('2027-03-15', 'Heidag', 'Team day')`);
    expect((await getCalendarSettings(db)).closureDays).toContain("2027-03-15");

    await other.query(`DELETE FROM "ClosureDay" WHERE "date" = '2027-03-15'`);
    expect((await getCalendarSettings(db)).closureDays).not.toContain("2027-03-15");
  });

  it("a transaction sees its own change; after a rollback nobody is served what it loaded", async () => {
    const before = await getSlaPolicies(db);
    const amount = before.WRITTEN_QUESTION!.amount;
    await expect(
      db.$transaction(async (tx) => {
        await tx.slaPolicy.update({ where: { key: "WRITTEN_QUESTION" }, data: { amount: amount + 7 } });
        expect((await getSlaPolicies(tx)).WRITTEN_QUESTION!.amount).toBe(amount + 7);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await getSlaPolicies(db)).WRITTEN_QUESTION!.amount).toBe(amount);
  });

  it("a setting changed by another connection is read back at once, also its removal", async () => {
    const words = z.object({ words: z.array(z.string()) });
    const fallback = { words: ["spoed"] };
    expect(await getSettingValue(db, "urgent.subjectWords", words, fallback)).toEqual(fallback);
    await other.query(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('urgent.subjectWords', '{"words":["dringend"]}', now())`);
    expect(await getSettingValue(db, "urgent.subjectWords", words, fallback)).toEqual({ words: ["dringend"] });
    await other.query(`DELETE FROM "Setting" WHERE "key" = 'urgent.subjectWords'`);
    expect(await getSettingValue(db, "urgent.subjectWords", words, fallback)).toEqual(fallback);
  });

  it("every reference table moves the version forward on insert, update and delete, also restored in replica mode", async () => {
    const writes: [string, string][] = [
      ["Setting", `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('ref-cache', '1', now())`],
      ["ClosureDay", `UPDATE "ClosureDay" SET "reasonEn" = "reasonEn"`],
      ["LineClosureDay", `DELETE FROM "LineClosureDay" WHERE "date" = '1999-01-01'`],
      ["OpeningHours", `UPDATE "OpeningHours" SET "opens" = "opens"`],
      ["ContactLine", `UPDATE "ContactLine" SET "nameNl" = "nameNl"`],
      ["SlaPolicy", `UPDATE "SlaPolicy" SET "amount" = "amount"`],
      ["TicketCategory", `UPDATE "TicketCategory" SET "sortOrder" = "sortOrder"`],
      ["Team", `UPDATE "Team" SET "name" = "name"`],
      ["MailTemplate", `DELETE FROM "MailTemplate" WHERE "key" = 'no-such-template'`],
    ];
    for (const [table, sql] of writes) {
      const before = (await referenceVersion(db))!;
      await other.query(sql);
      expect({ table, moved: (await referenceVersion(db))! > before }).toEqual({ table, moved: true });
    }
    // The test fixtures restore rows with triggers off for foreign keys (replica role): this one still fires.
    const before = (await referenceVersion(db))!;
    await other.query(`BEGIN; SET LOCAL session_replication_role = replica; UPDATE "Team" SET "name" = "name"; COMMIT;`);
    expect((await referenceVersion(db))! > before).toBe(true);
  });

  it("the queue's staff list follows staff changes made elsewhere; customers' accounts leave the version alone", async () => {
    const { id } = (await db.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" }, select: { id: true } }))!;
    const coordinator = (await loadSessionUser(id))!;
    const names = async () => (await queueOptions(coordinator)).staff.map((s) => s.name);
    expect(await names()).toContain("Joost Meijer");
    expect(await queueOptions(coordinator)).toMatchObject({ staff: (await queueOptions(coordinator)).staff }); // served from the copy

    await other.query(`UPDATE "User" SET "active" = false WHERE "email" = 'behandelaar@loket.example'`);
    expect(await names()).not.toContain("Joost Meijer");
    await other.query(`UPDATE "User" SET "name" = 'Joost Meijer-de Vries', "active" = true WHERE "email" = 'behandelaar@loket.example'`);
    expect(await names()).toContain("Joost Meijer-de Vries");

    // A new colleague, then her team.
    await other.query(`INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt") VALUES ('ref_new_agent', 'nieuw@loket.example', 'Nina Nieuw', 'CALLCENTER_AGENT', 'x', now())`);
    expect((await queueOptions(coordinator)).staff).toContainEqual({ id: "ref_new_agent", name: "Nina Nieuw", teamIds: [] });
    await other.query(`INSERT INTO "TeamMember" ("userId", "teamId") SELECT 'ref_new_agent', id FROM "Team" WHERE key = 'uitkeringen'`);
    expect((await queueOptions(coordinator)).staff.find((s) => s.id === "ref_new_agent")?.teamIds).toHaveLength(1);

    // What the mail intake and the portals do all day moves nothing.
    const before = (await referenceVersion(db))!;
    await other.query(`INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt") VALUES ('ref_new_person', 'p@burger.example', 'Piet', 'BENEFICIARY', 'x', now())`);
    await other.query(`UPDATE "User" SET "name" = 'Piet Post' WHERE "id" = 'ref_new_person'`);
    await other.query(`UPDATE "User" SET "updatedAt" = now() WHERE "email" = 'behandelaar@loket.example'`);
    await other.query(`DELETE FROM "User" WHERE "id" = 'ref_new_person'`);
    expect(await referenceVersion(db)).toBe(before);
  });

  it("a transaction never waits on another caller's load still running (one connection on the embedded database)", async () => {
    let started!: () => void;
    const loadStarted = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const outside = cachedReference(db, "test:running", async (c) => {
      started();
      await gate;
      await c.$queryRaw`SELECT 1`;
      return "outside";
    });
    await loadStarted;
    // Sharing the running load would wait for the gate, opened only after the transaction.
    const inside = await db.$transaction((tx) => cachedReference(tx, "test:running", async () => "inside"), { timeout: 5_000 });
    release();
    expect(inside).toBe("inside");
    expect(await outside).toBe("outside");
    // Once loaded, the copy is shared.
    expect(await cachedReference(db, "test:running", async () => "again")).toBe("outside");
  });

  it("a failed load is not kept: the next read tries again", async () => {
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (calls === 1) throw new Error("database hiccup");
      return "loaded";
    };
    await expect(cachedReference(db, "test:flaky", load)).rejects.toThrow("database hiccup");
    expect(await cachedReference(db, "test:flaky", load)).toBe("loaded");
    expect(await cachedReference(db, "test:flaky", load)).toBe("loaded");
    expect(calls).toBe(2);
  });
});
