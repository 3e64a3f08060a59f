import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseBefore, databaseBefore } from "../support/upgrade";

// An upgrade, not a fresh install: a database with tickets, answers and callback attempts from
// before the KPI rollup gets migration 20261205231824, which must fill the rollup and the
// first-answer/first-attempt columns from what is already there, exactly as counting would.
const ROLLUP_MIGRATION = "20261205231824_kpi_ticket_day_stats";

let database: DatabaseBefore;
let client: pg.Client;

beforeAll(async () => {
  database = await databaseBefore(ROLLUP_MIGRATION, "migkpi");
  client = database.client;
  await client.query(`
    INSERT INTO "Team" ("id", "key", "name") VALUES ('team', 'TEAM', 'Team');
    INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt") VALUES ('handler', 'h@example.org', 'H', 'CASE_HANDLER', 'x', now());
    INSERT INTO "TicketCategory" ("id", "key", "nameNl", "nameEn") VALUES ('general', 'GENERAL_QUESTION', 'Vraag', 'Question'), ('complaint', 'COMPLAINT', 'Klacht', 'Complaint');
    -- Around the start of summer time (Sun 30 Mar 2025): UTC and Amsterdam disagree about the day.
    INSERT INTO "Ticket" ("id", "number", "subject", "categoryId", "channel", "senderUnverified", "firstContactResolution",
                          "slaPolicyKey", "slaDueAt", "firstResponseAt", "createdAt", "updatedAt")
    SELECT 't' || g, 'LK-' || g, 's', CASE WHEN g % 9 = 0 THEN 'complaint' ELSE 'general' END,
           (ARRAY['PORTAL', 'EMAIL', 'PHONE', 'LETTER'])[1 + g % 4]::"Channel", g % 7 = 0, g % 5 = 0,
           CASE WHEN g % 6 = 0 THEN NULL ELSE 'WRITTEN_QUESTION' END,
           timestamp '2025-03-29 12:00' + (g % 11) * interval '10 hours',
           CASE WHEN g % 3 = 0 THEN NULL ELSE timestamp '2025-03-29 12:00' + (g % 13) * interval '9 hours' END,
           timestamp '2025-03-28 20:00' + g * interval '37 minutes', now()
    FROM generate_series(1, 200) g;
    -- Answer events, the later one written first for every fifth ticket.
    INSERT INTO "TicketEvent" ("id", "ticketId", "kind", "data", "createdAt")
    SELECT 'e' || g || 'b', 't' || g, 'sla.answered', jsonb_build_object('dueAt', to_char(timestamp '2025-03-30 12:00' + (g % 8) * interval '12 hours', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
           timestamp '2025-04-05 10:00'
    FROM generate_series(1, 200) g WHERE g % 3 <> 0 AND g % 5 = 0;
    INSERT INTO "TicketEvent" ("id", "ticketId", "kind", "data", "createdAt")
    SELECT 'e' || g || 'a', 't' || g, 'sla.answered', jsonb_build_object('dueAt', to_char(timestamp '2025-03-31 09:00' + (g % 5) * interval '10 hours', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
           timestamp '2025-04-01 10:00'
    FROM generate_series(1, 200) g WHERE g % 3 <> 0 AND g % 4 <> 0;
    INSERT INTO "CallbackAppointment" ("id", "ticketId", "teamId", "date", "slot", "slotStart", "phone", "status", "bookedById", "bookedAt")
    SELECT 'a' || g, 't' || g, 'team', '2025-04-01', 'MORNING', timestamp '2025-04-01 08:00', '0612345678', 'DONE', 'handler', timestamp '2025-03-31 08:00'
    FROM generate_series(1, 30) g;
    INSERT INTO "CallbackAttempt" ("id", "appointmentId", "handlerId", "outcome", "attemptedAt")
    SELECT 'x' || g || '-' || k, 'a' || g, 'handler', 'NO_ANSWER', timestamp '2025-04-01 08:00' + ((g * k) % 17) * interval '7 minutes'
    FROM generate_series(1, 30) g, generate_series(1, 3) k WHERE g % 4 <> 0;
  `);
  await database.upgrade();
});

afterAll(async () => {
  await database?.drop();
});

describe(`migration ${ROLLUP_MIGRATION} on a database with tickets`, () => {
  it("fills the per-day rollup with what counting the tickets by Amsterdam day gives", async () => {
    const { rows } = await client.query(`
      WITH counted AS (
        SELECT ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date AS day, "categoryId", "channel",
               count(*)::int AS tickets, (count(*) FILTER (WHERE NOT "senderUnverified"))::int AS questions,
               (count(*) FILTER (WHERE "firstContactResolution"))::int AS fcr
        FROM "Ticket" GROUP BY 1, 2, 3
      ), rolled AS (
        SELECT "day", "categoryId", "channel", sum("tickets")::int AS tickets, sum("questions")::int AS questions, sum("fcr")::int AS fcr
        FROM (SELECT * FROM "TicketDayStat" UNION ALL SELECT "day", "categoryId", "channel", "tickets", "questions", "fcr", "writtenAnswered", "writtenInTime" FROM "TicketDayDelta") r
        GROUP BY 1, 2, 3
      )
      SELECT (SELECT count(*)::int FROM counted) AS groups,
             (SELECT count(*)::int FROM (SELECT * FROM counted EXCEPT SELECT * FROM rolled) d) AS missing,
             (SELECT count(*)::int FROM (SELECT * FROM rolled EXCEPT SELECT * FROM counted) d) AS extra,
             (SELECT sum("tickets")::int FROM "TicketDayStat") AS tickets`);
    expect(rows[0]).toEqual({ groups: expect.any(Number), missing: 0, extra: 0, tickets: 200 });
    expect(rows[0].groups).toBeGreaterThan(20);
  });

  it("takes each ticket's first answer from its earliest answer event, and judges written questions by it", async () => {
    const { rows } = await client.query(`
      SELECT count(*)::int AS answered_tickets,
             count(*) FILTER (WHERE t."firstAnswerDueAt" IS DISTINCT FROM f.due)::int AS wrong_due,
             count(*) FILTER (WHERE t."firstAnswerAt" IS DISTINCT FROM f.at)::int AS wrong_at
      FROM "Ticket" t
      JOIN (SELECT DISTINCT ON ("ticketId") "ticketId", "createdAt" AS at, ("data"->>'dueAt')::timestamp AS due
            FROM "TicketEvent" WHERE "kind" = 'sla.answered' ORDER BY "ticketId", "createdAt") f ON f."ticketId" = t."id"`);
    expect(rows[0]).toEqual({ answered_tickets: expect.any(Number), wrong_due: 0, wrong_at: 0 });
    expect(rows[0].answered_tickets).toBeGreaterThan(50);
    const { rows: written } = await client.query(`
      SELECT (SELECT count(*) FILTER (WHERE t."firstResponseAt" <= COALESCE(a.due_at, t."slaDueAt"))::int
              FROM "Ticket" t
              LEFT JOIN LATERAL (SELECT (e."data"->>'dueAt')::timestamp AS due_at FROM "TicketEvent" e
                WHERE e."ticketId" = t."id" AND e."kind" = 'sla.answered' ORDER BY e."createdAt" LIMIT 1) a ON true
              WHERE t."channel" IN ('PORTAL', 'EMAIL', 'LETTER') AND t."slaPolicyKey" = 'WRITTEN_QUESTION') AS direct,
             (SELECT sum("writtenInTime")::int FROM "TicketDayStat") AS rolled,
             (SELECT count(*)::int FROM "Ticket" WHERE "channel" IN ('PORTAL', 'EMAIL', 'LETTER') AND "slaPolicyKey" = 'WRITTEN_QUESTION' AND "firstResponseAt" IS NOT NULL) AS answered,
             (SELECT sum("writtenAnswered")::int FROM "TicketDayStat") AS rolled_answered`);
    expect(written[0].rolled).toBe(written[0].direct);
    expect(written[0].rolled_answered).toBe(written[0].answered);
    expect(written[0].direct).toBeGreaterThan(0);
    expect(written[0].direct).toBeLessThan(written[0].answered);
  });

  it("takes each appointment's first attempt from its attempts", async () => {
    const { rows } = await client.query(`
      SELECT count(*) FILTER (WHERE a."firstAttemptAt" IS NOT DISTINCT FROM f.first)::int AS right, count(*)::int AS all,
             count(a."firstAttemptAt")::int AS attempted
      FROM "CallbackAppointment" a LEFT JOIN (SELECT "appointmentId", min("attemptedAt") AS first FROM "CallbackAttempt" GROUP BY 1) f ON f."appointmentId" = a."id"`);
    expect(rows[0]).toEqual({ right: 30, all: 30, attempted: 23 });
  });
});
