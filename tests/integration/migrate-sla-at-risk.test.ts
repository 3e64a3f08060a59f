import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseBefore, databaseBefore } from "../support/upgrade";

// An upgrade: the clocks running before migration 20261207135648 get an at-risk moment the queue
// can judge them by at once (lib/queue/sql.ts slaStateIs), and the queue's covering indexes carry
// that moment instead of the stored state, which the sweep then writes without touching an index.
const MIGRATION = "20261207135648_sla_at_risk_moment";

let database: DatabaseBefore;
let client: pg.Client;

beforeAll(async () => {
  database = await databaseBefore(MIGRATION, "migslaatrisk");
  client = database.client;
  // Read on Monday 7 December 2026 at 12:00: one question on track (its moment in the schedule),
  // one at risk, one breached, one answered and one waiting on the customer.
  await client.query(`
    INSERT INTO "TicketCategory" ("id", "key", "nameNl", "nameEn") VALUES ('general', 'GENERAL_QUESTION', 'Vraag', 'Question');
    INSERT INTO "Ticket" ("id", "number", "subject", "categoryId", "channel", "status", "slaPolicyKey", "slaStartedAt", "slaDueAt", "slaState", "slaStoppedAt", "updatedAt")
    VALUES ('ontrack', 'LK-2026-000001', 'a', 'general', 'PORTAL', 'OPEN', 'WRITTEN_QUESTION', '2026-12-07 08:00', '2026-12-14 16:00', 'ON_TRACK', NULL, now()),
           ('atrisk', 'LK-2026-000002', 'b', 'general', 'PORTAL', 'OPEN', 'WRITTEN_QUESTION', '2026-12-01 08:00', '2026-12-08 16:00', 'AT_RISK', NULL, now()),
           ('breached', 'LK-2026-000003', 'c', 'general', 'PORTAL', 'NEW', 'WRITTEN_QUESTION', '2026-11-20 08:00', '2026-11-27 16:00', 'BREACHED', NULL, now()),
           ('answered', 'LK-2026-000004', 'd', 'general', 'PORTAL', 'OPEN', 'WRITTEN_QUESTION', '2026-12-01 08:00', '2026-12-08 16:00', 'ON_TRACK', '2026-12-02 10:00', now()),
           ('noclock', 'LK-2026-000005', 'e', 'general', 'PHONE', 'CLOSED', NULL, NULL, NULL, NULL, NULL, now());
    INSERT INTO "SlaCheck" ("ticketId", "at") VALUES ('ontrack', '2026-12-11 15:24:00.001'), ('atrisk', '2026-12-08 16:00:00.001');
  `);
  await database.upgrade();
});

afterAll(async () => {
  await database?.drop();
});

describe(`migration ${MIGRATION} on a database with running clocks`, () => {
  it("gives each running clock an at-risk moment that tells its state as stored", async () => {
    const { rows } = await client.query(`SELECT "id", "slaAtRiskAt"::text AS "atRisk" FROM "Ticket" ORDER BY "id"`);
    expect(rows).toEqual([
      // Stopped on track: the moment does not matter any more; its due time stands in.
      { id: "answered", atRisk: "2026-12-08 16:00:00" },
      // Reached: some moment since the clock started will do, the queue only asks whether it passed.
      { id: "atrisk", atRisk: "2026-12-01 08:00:00" },
      { id: "breached", atRisk: "2026-11-20 08:00:00" },
      { id: "noclock", atRisk: null },
      // On track: its next visit in the sweep's schedule, the same moment computed alike.
      { id: "ontrack", atRisk: "2026-12-11 15:24:00.001" },
    ]);
    // Judged at noon on 7 December as the queue judges it: what the sweep had stored.
    const judged = await client.query(`
      SELECT "id", CASE WHEN "slaDueAt" < '2026-12-07 12:00' THEN 'BREACHED' WHEN "slaAtRiskAt" <= '2026-12-07 12:00' THEN 'AT_RISK' ELSE 'ON_TRACK' END AS state, "slaState"::text AS stored
      FROM "Ticket" WHERE "slaStoppedAt" IS NULL AND "slaDueAt" IS NOT NULL ORDER BY "id"`);
    for (const row of judged.rows) expect(row.state, row.id).toBe(row.stored);
    expect(judged.rows).toHaveLength(3);
  });

  it("carries the at-risk moment in the queue's covering indexes instead of the state, and leaves room for in-place updates; Ticket is not scanned in parallel", async () => {
    const { rows } = await client.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Ticket' ORDER BY indexname`);
    expect(rows.filter((r) => r.indexdef.includes("slaState"))).toEqual([]);
    const open = rows.find((r) => r.indexname === "Ticket_queue_open_order_idx")!;
    expect(open.indexdef).toContain('INCLUDE (status, channel, "categoryId", "teamId", "assigneeId", "organisationId", "slaAtRiskAt", "slaStoppedAt")');
    const options = await client.query(`SELECT reloptions FROM pg_class WHERE relname = 'Ticket'`);
    expect(options.rows[0].reloptions).toEqual(["fillfactor=70", "parallel_workers=0"]);
  });
});
