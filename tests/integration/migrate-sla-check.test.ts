import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseBefore, databaseBefore } from "../support/upgrade";

// An upgrade: running clocks stored before migration 20261207030355 keep their next moments,
// now in the sweep's own table, so no clock is forgotten (nor read early) by the first sweep after.
const MIGRATION = "20261207030355_sla_check_table";

let database: DatabaseBefore;
let client: pg.Client;

beforeAll(async () => {
  database = await databaseBefore(MIGRATION, "migslacheck");
  client = database.client;
  await client.query(`
    INSERT INTO "TicketCategory" ("id", "key", "nameNl", "nameEn") VALUES ('general', 'GENERAL_QUESTION', 'Vraag', 'Question');
    INSERT INTO "Ticket" ("id", "number", "subject", "categoryId", "channel", "status", "slaPolicyKey", "slaStartedAt", "slaState", "slaNextCheckAt", "updatedAt")
    VALUES ('running', 'LK-1', 's', 'general', 'PORTAL', 'OPEN', 'WRITTEN_QUESTION', timestamp '2026-12-01 09:00', 'ON_TRACK', timestamp '2026-12-04 14:24:00.001', now()),
           ('waiting', 'LK-2', 's', 'general', 'EMAIL', 'PENDING_CUSTOMER', 'WRITTEN_QUESTION', timestamp '2026-12-01 09:00', 'ON_TRACK', NULL, now()),
           ('breached', 'LK-3', 's', 'general', 'LETTER', 'OPEN', 'WRITTEN_QUESTION', timestamp '2026-11-01 09:00', 'BREACHED', NULL, now());
  `);
  await database.upgrade();
});

afterAll(async () => {
  await database?.drop();
});

describe(`migration ${MIGRATION} on a database with running clocks`, () => {
  it("moves each clock's next moment, to the millisecond, and schedules nothing for a clock without one", async () => {
    const { rows } = await client.query<{ ticketId: string; at: string }>(`SELECT "ticketId", to_char("at", 'YYYY-MM-DD HH24:MI:SS.MS') AS at FROM "SlaCheck" ORDER BY "ticketId"`);
    expect(rows).toEqual([{ ticketId: "running", at: "2026-12-04 14:24:00.001" }]);
  });

  it("leaves the ticket without its old column, and a removed ticket takes its moment with it", async () => {
    const columns = await client.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'Ticket' AND column_name = 'slaNextCheckAt'`);
    expect(columns.rowCount).toBe(0);
    const scheduled = async () => (await client.query(`SELECT count(*)::int AS n FROM "SlaCheck" WHERE "ticketId" = 'running'`)).rows[0].n;
    expect(await scheduled()).toBe(1);
    await client.query(`DELETE FROM "Ticket" WHERE "id" = 'running'`);
    expect(await scheduled()).toBe(0);
  });
});
