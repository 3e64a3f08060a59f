// `npm run bench:kpi [-- TICKETS]`: fills a throwaway PostgreSQL database with TICKETS tickets
// (default 1,000,000) over one year plus callbacks, attempts, urgent requests, complaints,
// surveys and escalations in proportion, then times every KPI query of the lead desk for one
// quarter (median and max of 5 runs) and the whole page. Needs BENCH_DATABASE_URL or
// TEST_DATABASE_URL: a PostgreSQL role that may create databases.
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { createScratchDatabase, MIGRATIONS_DIR } from "../tests/support/database";

const total = Number(process.argv[2] ?? 1_000_000);
process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
if (!process.env.TEST_DATABASE_URL) {
  console.error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server: the KPI benchmark is about PostgreSQL.");
  process.exit(1);
}
const database = await createScratchDatabase("benchkpi");
process.env.DATABASE_URL = database.url;
await applyMigrations({ databaseUrl: database.url, migrationsDir: MIGRATIONS_DIR });
const { db, disconnectDb } = await import("../lib/db/client");
const { seedDatabase } = await import("../prisma/seed");
const kpi = await import("../lib/kpi/queries");
const { contactReasonReport } = await import("../lib/kpi/contact-reason-queries");
const { periodFromKeys } = await import("../lib/kpi/period");
const { foldTicketDayDeltas } = await import("../lib/kpi/day-stats");
await seedDatabase({ force: true, now: new Date("2026-11-24T10:00:00Z") });

const sql = new pg.Client({ connectionString: database.url });
await sql.connect();
const started = performance.now();
const step = async (label: string, text: string) => {
  const t0 = performance.now();
  await sql.query(text);
  console.log(`  ${label.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
};
console.log(`filling ${total.toLocaleString("en")} tickets ...`);
const n = total;
const perYearSeconds = 365 * 86400;
await step("tickets", `
  INSERT INTO "Ticket" ("id","number","subject","categoryId","channel","status","priority","audience","teamId",
    "slaPolicyKey","slaStartedAt","slaDueAt","firstResponseAt","firstContactResolution","isPartner","createdAt","updatedAt","lastActivityAt")
  SELECT 'bt' || g, 'LK-B-' || g, 'Bench ' || g,
    (SELECT "id" FROM "TicketCategory" ORDER BY "key" OFFSET (g % 7) LIMIT 1),
    (ARRAY['PORTAL','EMAIL','PHONE','LETTER','PORTAL'])[1 + g % 5]::"Channel",
    (ARRAY['NEW','OPEN','PENDING_CUSTOMER','RESOLVED','CLOSED','CLOSED','CLOSED'])[1 + g % 7]::"TicketStatus",
    (CASE WHEN g % 50 = 0 THEN 'URGENT' ELSE 'NORMAL' END)::"Priority",
    (CASE WHEN g % 3 = 0 THEN 'EMPLOYER' ELSE 'BENEFICIARY' END)::"Audience",
    (SELECT "id" FROM "Team" ORDER BY "key" OFFSET (g % 2) LIMIT 1),
    CASE WHEN g % 5 = 2 THEN NULL ELSE 'WRITTEN_QUESTION' END,
    c, c + interval '7 days', CASE WHEN g % 11 = 0 THEN NULL ELSE c + ((g::bigint * 7919) % 220) * interval '1 hour' END,
    (g % 5 = 2 AND g % 7 <> 0), g % 40 = 0, c, c, c
  FROM (SELECT g, timestamptz '2026-01-01 00:00:00+01' + (g::float8 * ${perYearSeconds} / ${n}) * interval '1 second' AS c
        FROM generate_series(1, ${n}) g) s`);
const people = `(SELECT "id" FROM "User" WHERE "role" = 'BENEFICIARY' ORDER BY "email" LIMIT 1)`;
const handler = `(SELECT "id" FROM "User" WHERE "role" = 'CASE_HANDLER' LIMIT 1)`;
await step("callback appointments", `
  INSERT INTO "CallbackAppointment" ("id","ticketId","personId","teamId","date","slot","slotStart","phone","status","isRepeat","bookedById","bookedAt")
  SELECT 'ba' || g, 'bt' || (g * 10), ${people}, t."teamId", to_char(t."createdAt" + interval '1 day', 'YYYY-MM-DD'),
    (CASE WHEN g % 2 = 0 THEN 'MORNING' ELSE 'AFTERNOON' END)::"SlotKind", t."createdAt" + interval '1 day', '0612345678',
    (ARRAY['DONE','DONE','DONE','UNREACHABLE','CANCELLED','BOOKED'])[1 + g % 6]::"AppointmentStatus", g % 25 = 0, ${handler}, t."createdAt"
  FROM generate_series(1, ${Math.floor(n / 10)}) g JOIN "Ticket" t ON t."id" = 'bt' || (g * 10)`);
await step("callback attempts", `
  INSERT INTO "CallbackAttempt" ("id","appointmentId","handlerId","outcome","attemptedAt")
  SELECT 'bx' || a."id", a."id", ${handler}, (CASE WHEN a."status" = 'DONE' THEN 'REACHED' ELSE 'NO_ANSWER' END)::"AttemptOutcome",
    a."slotStart" + ((hashtext(a."id") & 255) * interval '1 minute')
  FROM "CallbackAppointment" a WHERE a."status" IN ('DONE', 'UNREACHABLE')`);
await step("urgent requests", `
  INSERT INTO "UrgentRequest" ("id","ticketId","organisationId","reason","forWhom","receivedAt","dueAt")
  SELECT 'bu' || t."id", t."id", (SELECT "id" FROM "Organisation" ORDER BY "name" LIMIT 1), 'r', 'w', t."createdAt", t."createdAt" + interval '24 hours'
  FROM "Ticket" t WHERE t."priority" = 'URGENT' AND t."id" LIKE 'bt%'`);
// Each complaint has its own ticket (the bench ticket before its subject); every fourth went to the ombudsman
// eight days after receipt, so the per-tier figures read stage history and the desk's answers.
await step("complaints", `
  INSERT INTO "Complaint" ("id","ticketId","subjectTicketId","description","stage","status","receivedAt","stageStartedAt","ombudsRequestedAt","dueAt","firstStageDueAt","answeredAt")
  SELECT 'bc' || g, 'bt' || (g * 200 - 1), 'bt' || (g * 200), 'd', (CASE WHEN g % 4 = 0 THEN 'STAGE_2' ELSE 'STAGE_1' END)::"ComplaintStage", 'ANSWERED',
    t."createdAt", t."createdAt" + (CASE WHEN g % 4 = 0 THEN interval '8 days' ELSE interval '0' END),
    CASE WHEN g % 4 = 0 THEN t."createdAt" + interval '8 days' END,
    t."createdAt" + (CASE WHEN g % 4 = 0 THEN interval '15 days' ELSE interval '7 days' END), t."createdAt" + interval '7 days',
    t."createdAt" + ((g % 10) * interval '1 day')
  FROM generate_series(1, ${Math.floor(n / 200)}) g JOIN "Ticket" t ON t."id" = 'bt' || (g * 200)`);
// The desk's substantive answers: one per stage 1, and one per stage 2 some days after the ombudsman was asked.
await step("complaint answers", `
  INSERT INTO "TicketEvent" ("id","ticketId","kind","data","createdAt")
  SELECT 'bk1' || c."id", c."ticketId", 'complaint_answer', jsonb_build_object('complaintId', c."id", 'stage', 'STAGE_1'), c."answeredAt" FROM "Complaint" c WHERE c."id" LIKE 'bc%'
  UNION ALL
  SELECT 'bk2' || c."id", c."ticketId", 'complaint_answer', jsonb_build_object('complaintId', c."id", 'stage', 'STAGE_2'), c."stageStartedAt" + ((hashtext(c."id") & 7) * interval '1 day')
  FROM "Complaint" c WHERE c."id" LIKE 'bc%' AND c."stage" = 'STAGE_2'`);
// Messages: the customer's question on every ticket and a staff reply on every other one.
await step("messages", `
  INSERT INTO "Message" ("id","ticketId","direction","channel","body","authorId","automatic","createdAt")
  SELECT 'bm' || t."id", t."id", 'INBOUND'::"MessageDirection", t."channel", 'q', NULL, false, t."createdAt" FROM "Ticket" t WHERE t."id" LIKE 'bt%'
  UNION ALL
  SELECT 'br' || t."id", t."id", 'OUTBOUND'::"MessageDirection", t."channel", 'a', ${handler}, false, t."createdAt" + ((hashtext(t."id") & 127) * interval '1 hour')
  FROM "Ticket" t WHERE t."id" LIKE 'bt%' AND hashtext(t."id") % 2 = 0`);
await step("satisfaction responses", `
  INSERT INTO "SatisfactionResponse" ("id","ticketId","respondentId","score","channel","audience","createdAt")
  SELECT 'bs' || g, 'bt' || (g * 10 + 3), ${people}, 1 + (g % 5), t."channel", COALESCE(t."audience", 'BENEFICIARY'), t."createdAt" + interval '2 days'
  FROM generate_series(1, ${Math.floor(n / 10)}) g JOIN "Ticket" t ON t."id" = 'bt' || (g * 10 + 3)`);
await step("escalations", `
  INSERT INTO "Escalation" ("id","organisationId","tier","reason","status","raisedById","raisedAt","dueAt")
  SELECT 'be' || g, (SELECT "id" FROM "Organisation" ORDER BY "name" LIMIT 1), 1 + (g % 2), 'r',
    (CASE WHEN g % 3 = 0 THEN 'OPEN' ELSE 'RESOLVED' END)::"EscalationStatus", ${handler},
    timestamptz '2026-11-24 10:00:00+01' - (g % 30) * interval '1 day', timestamptz '2026-11-25 10:00:00+01'
  FROM generate_series(1, ${Math.floor(n / 500)}) g`);
// The Ticket triggers wrote the per-day rollup's deltas during the fill (one per day, category and
// channel for the bulk insert); the kpiRollup sweep folds them in within a minute.
{
  const t0 = performance.now();
  const folded = await foldTicketDayDeltas(db);
  console.log(`  ${"rollup fold (the sweep)".padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1)} s (${folded.toLocaleString("en")} deltas)`);
}
await step("analyze", "ANALYZE");
console.log(`filled in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);

const periodKeys = { from: "2026-04-01", to: "2026-06-30" };
const period = periodFromKeys(periodKeys.from, periodKeys.to);
const now = new Date("2026-11-24T10:00:00Z");
const queries: [string, () => Promise<unknown>][] = [
  ["first-contact resolution", () => kpi.firstContactResolution(db, period)],
  ["written in time", () => kpi.writtenInTime(db, period, now)],
  ["callbacks", () => kpi.callbackFigures(db, period, now)],
  ["urgent in 24 hours", () => kpi.urgentInTime(db, period, now)],
  ["complaints", () => kpi.complaintFigures(db, period, now)],
  ["satisfaction", () => kpi.satisfactionFigures(db, period)],
  ["open escalations", () => kpi.openEscalationAges(db, now)],
  // Both quarters (Q2 and the Q1 it is compared with) in one pass over the createdAt range.
  ["contact reasons", () => contactReasonReport(db, periodKeys)],
  ["whole page (all above)", async () => [await kpi.loadKpiReport(db, period, now), await contactReasonReport(db, periodKeys)]],
];
console.log(`KPI queries for Q2 2026 over ${total.toLocaleString("en")} tickets (5 runs after a warm-up)`);
for (const [label, run] of queries) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(26)} median ${times[2]!.toFixed(1).padStart(7)} ms   max ${times[4]!.toFixed(1).padStart(7)} ms`);
}
const sample = await kpi.loadKpiReport(db, period, now);
console.log(`\nsample: FCR ${sample.firstContactResolution.hit}/${sample.firstContactResolution.total}, written ${sample.writtenInTime.hit}/${sample.writtenInTime.total}, satisfaction ${sample.satisfaction.overall.hit}/${sample.satisfaction.overall.total}`);
await sql.end();
await disconnectDb();
await database.drop();
