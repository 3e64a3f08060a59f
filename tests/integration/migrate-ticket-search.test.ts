import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseBefore, databaseBefore } from "../support/upgrade";

// An upgrade: the tickets stored before migration 20261207115854 are found by the queue's search
// as before, now through TicketSearch, and the old trigram index on Ticket is gone.
const MIGRATION = "20261207115854_ticket_search";

let database: DatabaseBefore;
let client: pg.Client;

beforeAll(async () => {
  database = await databaseBefore(MIGRATION, "migticketsearch");
  client = database.client;
  await client.query(`
    INSERT INTO "TicketCategory" ("id", "key", "nameNl", "nameEn") VALUES ('general', 'GENERAL_QUESTION', 'Vraag', 'Question');
    INSERT INTO "Ticket" ("id", "number", "subject", "requesterName", "requesterEmail", "categoryId", "channel", "status", "updatedAt")
    VALUES ('named', 'LK-2026-000001', 'Jaaropgaaf', 'Wilma Kroes', 'wilma@example.nl', 'general', 'PORTAL', 'OPEN', now()),
           ('anonymous', 'LK-2026-000002', 'Brief', NULL, NULL, 'general', 'LETTER', 'CLOSED', now());
  `);
  await database.upgrade();
});

afterAll(async () => {
  await database?.drop();
});

describe(`migration ${MIGRATION} on a database with tickets`, () => {
  it("copies every ticket's number, subject and requester into TicketSearch, and moves the trigram index there", async () => {
    const { rows } = await client.query(`SELECT "ticketId", "number", "subject", "requesterName", "requesterEmail" FROM "TicketSearch" ORDER BY "ticketId"`);
    expect(rows).toEqual([
      { ticketId: "anonymous", number: "LK-2026-000002", subject: "Brief", requesterName: null, requesterEmail: null },
      { ticketId: "named", number: "LK-2026-000001", subject: "Jaaropgaaf", requesterName: "Wilma Kroes", requesterEmail: "wilma@example.nl" },
    ]);
    const indexes = await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE indexname LIKE '%search_trgm%' AND tablename IN ('Ticket', 'TicketSearch') ORDER BY 1`);
    expect(indexes.rows.map((r) => r.indexname)).toEqual(["TicketSearch_search_trgm_idx"]);
  });

  it("keeps the copy with the ticket afterwards: a new ticket, a changed requester, a removed ticket", async () => {
    await client.query(`INSERT INTO "Ticket" ("id", "number", "subject", "categoryId", "channel", "status", "updatedAt") VALUES ('later', 'LK-2026-000003', 'Nieuw', 'general', 'EMAIL', 'NEW', now())`);
    await client.query(`UPDATE "Ticket" SET "requesterName" = 'W. Kroes' WHERE "id" = 'named'`);
    await client.query(`DELETE FROM "Ticket" WHERE "id" = 'anonymous'`);
    const { rows } = await client.query(`SELECT "ticketId", "subject", "requesterName" FROM "TicketSearch" ORDER BY "ticketId"`);
    expect(rows).toEqual([
      { ticketId: "later", subject: "Nieuw", requesterName: null },
      { ticketId: "named", subject: "Jaaropgaaf", requesterName: "W. Kroes" },
    ]);
  });
});
