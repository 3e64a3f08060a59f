// `npm run bench:sweep [-- CLOCKS]`: the SLA state sweep over CLOCKS open clocks (default
// 1,000,000) in a throwaway PostgreSQL database, end to end (reads, the rule, the writes, the
// audit events and notifications of the clocks that change). The clocks are questions received
// over the last ten days, each stored as the app stores it (state, due time and next moment from
// the rule); one in ten waited on the customer for two hours after its first hour (a closed pause,
// which moves its due time). Prints five rounds:
//   - a minute later: the sweep that runs every minute;
//   - 65 minutes later: the clocks that turned AT_RISK or breached at 17:00 change at once;
//   - everything again: after an admin changed the calendar every running clock is recomputed,
//     as asked for (nothing moves), then a minute after that;
//   - everything again after a closure day: most clocks' moments move.
// Where the server loads pg_stat_statements (shared_preload_libraries), each round also lists the
// statements that took the database's time. `--profile=DIR` writes a CPU profile of each round
// (this process only) into DIR, to open in Chrome's DevTools.
// Needs BENCH_DATABASE_URL or TEST_DATABASE_URL: a PostgreSQL role that may create databases.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { createScratchDatabase, MIGRATIONS_DIR } from "../tests/support/database";
import { loadAverage, postgresCpuMs } from "./bench-support";

const args = process.argv.slice(2);
const total = Number(args.find((a) => !a.startsWith("--")) ?? 1_000_000);
const profileDir = args.find((a) => a.startsWith("--profile="))?.slice("--profile=".length) ?? null;
process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
if (!process.env.TEST_DATABASE_URL) {
  console.error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server: the sweep benchmark is about PostgreSQL.");
  process.exit(1);
}
const database = await createScratchDatabase("benchsweep");
process.env.DATABASE_URL = database.url;
await applyMigrations({ databaseUrl: database.url, migrationsDir: MIGRATIONS_DIR });
const { db, disconnectDb } = await import("../lib/db/client");
const { seedDatabase } = await import("../prisma/seed");
const { sweepSlaStates } = await import("../lib/sweeps/sweeps");
const { recheckRunningClocks } = await import("../lib/sla/recheck");
const { addClosureDay } = await import("../lib/settings/mutations");
const { getCalendarSettings, getSlaPolicies } = await import("../lib/settings/queries");
const { computeClock, policyByKey } = await import("../lib/sla/rules");

// Tuesday 1 December 2026, 16:00 Amsterdam: the hour in which many clocks turn AT_RISK and,
// at 17:00, today's due ones breach.
const now = new Date("2026-12-01T15:00:00Z");
await seedDatabase({ force: true, now });
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();
// The demo's own clocks stay out of the figures, and so does a recheck the seed's settings asked for.
await sql.query(`DELETE FROM "SlaCheck"`);
await sql.query(`DELETE FROM "Setting" WHERE "key" LIKE 'sla.recheck%'`);

const [settings, policies] = await Promise.all([getCalendarSettings(db), getSlaPolicies(db)]);
const policy = policyByKey("WRITTEN_QUESTION", policies);
const TEN_DAYS_MS = 10 * 86_400_000;
const HOUR_MS = 3_600_000;
const CHUNK = 50_000;
console.log(`bench:sweep — ${total.toLocaleString("en")} open clocks on ${database.url.replace(/\/\/[^@]*@/, "//")}`);
const fillStart = performance.now();
const states = { ON_TRACK: 0, AT_RISK: 0, BREACHED: 0 };
let pausedClocks = 0;
for (let from = 0; from < total; from += CHUNK) {
  const ids: string[] = [];
  const started: string[] = [];
  const due: string[] = [];
  const atRisk: string[] = [];
  const state: string[] = [];
  const next: (string | null)[] = [];
  const paused: string[] = [];
  const pauseFrom: string[] = [];
  const pauseTo: string[] = [];
  for (let g = from; g < Math.min(total, from + CHUNK); g++) {
    // Spread evenly (a fixed stride, so every run fills the same clocks).
    const startedAt = new Date(now.getTime() - ((g * 7919) % total) * (TEN_DAYS_MS / total) - 1000);
    const pause = { from: new Date(startedAt.getTime() + HOUR_MS), to: new Date(startedAt.getTime() + 3 * HOUR_MS) };
    const pauses = g % 10 === 0 && pause.to < now ? [pause] : [];
    const clock = computeClock({ policy, startedAt, pauses, now, settings });
    if (pauses.length) {
      paused.push(`bs${g}`);
      pauseFrom.push(pause.from.toISOString());
      pauseTo.push(pause.to.toISOString());
    }
    ids.push(`bs${g}`);
    started.push(startedAt.toISOString());
    due.push(clock.dueAt.toISOString());
    atRisk.push(clock.atRiskAt.toISOString());
    state.push(clock.state);
    next.push(clock.nextChangeAt?.toISOString() ?? null);
    states[clock.state] += 1;
  }
  await sql.query(
    `INSERT INTO "Ticket" ("id","number","subject","categoryId","channel","status","priority","audience","teamId",
       "slaPolicyKey","slaStartedAt","slaDueAt","slaAtRiskAt","slaState","createdAt","updatedAt","lastActivityAt")
     SELECT v.id, 'LK-S-' || v.id, 'Bench', c."id", 'PORTAL', 'OPEN', 'NORMAL', 'BENEFICIARY', c."defaultTeamId",
       'WRITTEN_QUESTION', v.started::timestamptz AT TIME ZONE 'UTC', v.due::timestamptz AT TIME ZONE 'UTC',
       v.risk::timestamptz AT TIME ZONE 'UTC', v.state::"SlaState",
       v.started::timestamptz AT TIME ZONE 'UTC', v.started::timestamptz AT TIME ZONE 'UTC', v.started::timestamptz AT TIME ZONE 'UTC'
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, started, due, state, risk)
     CROSS JOIN (SELECT "id", "defaultTeamId" FROM "TicketCategory" WHERE "key" = 'DOSSIER_QUESTION') c`,
    [ids, started, due, state, atRisk],
  );
  await sql.query(
    `INSERT INTO "SlaCheck" ("ticketId", "at")
     SELECT v.id, v.next::timestamptz AT TIME ZONE 'UTC' FROM unnest($1::text[], $2::text[]) AS v(id, next) WHERE v.next IS NOT NULL`,
    [ids, next],
  );
  await sql.query(
    `INSERT INTO "SlaPause" ("id", "ticketId", "from", "to")
     SELECT 'p' || v.id, v.id, v.f::timestamptz AT TIME ZONE 'UTC', v.t::timestamptz AT TIME ZONE 'UTC' FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, f, t)`,
    [paused, pauseFrom, pauseTo],
  );
  pausedClocks += paused.length;
}
await sql.query(`ANALYZE "Ticket"`);
await sql.query(`ANALYZE "SlaPause"`);
await sql.query(`ANALYZE "SlaCheck"`);
console.log(
  `  filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s: ${states.ON_TRACK.toLocaleString("en")} on track, ${states.AT_RISK.toLocaleString("en")} at risk, ${states.BREACHED.toLocaleString("en")} breached; ${pausedClocks.toLocaleString("en")} with a pause`,
);

/** Clears pg_stat_statements for this database, when the server has it loaded; false when not. */
async function statementsReset(): Promise<boolean> {
  const loaded = await sql.query(`SELECT 1 FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting LIKE '%pg_stat_statements%'`);
  if (loaded.rowCount === 0) return false;
  await sql.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
  await sql.query(`SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)`);
  return true;
}

/** The statements that took the most of the database's time since the reset, one line each. */
async function statementsReport(): Promise<string[]> {
  const { rows } = await sql.query<{ ms: number; calls: number; rows: number; text: string }>(
    `SELECT total_exec_time::float8 AS ms, calls::int AS calls, rows::int AS rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS text
     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND total_exec_time >= 100
     ORDER BY total_exec_time DESC LIMIT 5`,
  );
  return rows.map((r) => `      ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${String(r.calls).padStart(4)} calls ${r.rows.toLocaleString("en").padStart(9)} rows  ${r.text}`);
}

/** A CPU profile of this process from now; save() writes it as DIR/<label>.cpuprofile. */
async function startProfile(): Promise<{ save(label: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async save(label) {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      mkdirSync(profileDir!, { recursive: true });
      const file = path.join(profileDir!, `${label.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "")}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`      CPU profile: ${file}`);
    },
  };
}

async function round(label: string, at: Date): Promise<void> {
  // A pending recheck reads every running clock; otherwise those whose moment has come.
  const recheck = Number((await sql.query(`SELECT count(*) FROM "Setting" WHERE "key" = 'sla.recheck'`)).rows[0].count) > 0 && label.includes("again");
  const due = Number(
    (recheck
      ? await sql.query(`SELECT count(*) FROM "SlaCheck"`)
      : await sql.query(`SELECT count(*) FROM "SlaCheck" WHERE "at" <= ($1::timestamptz AT TIME ZONE 'UTC')`, [at.toISOString()])
    ).rows[0].count,
  );
  const statements = await statementsReset();
  const updates0 = await ticketUpdates();
  const profiler = profileDir ? await startProfile() : null;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const db0 = postgresCpuMs();
  const outcome = await sweepSlaStates(db, at);
  const seconds = (performance.now() - t0) / 1000;
  // Where the time went: this process (the rule, building statements, Prisma) or the database.
  const cpu = process.cpuUsage(cpu0);
  const db1 = postgresCpuMs();
  // Written after the readings, so the profile's own serialising is not counted in them.
  if (profiler) await profiler.save(label);
  const cpuSplit = `node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, database CPU ${db0 === null || db1 === null ? "n/a (not local)" : `${((db1 - db0) / 1000).toFixed(1)} s`}`;
  console.log(
    `  ${label.padEnd(36)} ${seconds.toFixed(2).padStart(7)} s   clocks read ${due.toLocaleString("en").padStart(9)}   changed ${outcome.changed.toLocaleString("en").padStart(7)}   due moved ${outcome.dueMoved.toLocaleString("en").padStart(7)}   notifications ${outcome.notified.toLocaleString("en")}   mails ${outcome.mailed.toLocaleString("en")}   failed ${outcome.failed}   ${cpuSplit}`,
  );
  if (statements) for (const line of await statementsReport()) console.log(line);
  // Reported by the sweep's connections once idle (up to 10 s after): waited for, outside the timing.
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const updates1 = await ticketUpdates();
  const written = updates1.all - updates0.all;
  console.log(`      Ticket rows updated ${written.toLocaleString("en")}, of which heap-only (no index entries) ${(updates1.hot - updates0.hot).toLocaleString("en")}`);
}

/** Ticket's row updates so far, and how many of them were heap-only (pg_stat_user_tables). */
async function ticketUpdates(): Promise<{ all: number; hot: number }> {
  const { rows } = await sql.query<{ updated: string; hot: string }>(`SELECT n_tup_upd AS updated, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'Ticket'`);
  return { all: Number(rows[0]?.updated ?? 0), hot: Number(rows[0]?.hot ?? 0) };
}

await round("a minute later", new Date(now.getTime() + 60_000));
await round("65 minutes later (17:05, breaches)", new Date(now.getTime() + 3_900_000));
// What the admin's save waits for: asking for the recheck.
const marked = performance.now();
await db.$transaction((tx) => recheckRunningClocks(tx));
console.log(`  an admin's calendar change asks for a recheck: ${((performance.now() - marked) / 1000).toFixed(3)} s`);
await round("every running clock again (calendar)", new Date(now.getTime() + 3_900_000));
await round("a minute after that", new Date(now.getTime() + 3_960_000));
// A closure day on Thursday 3 December: every running clock due after it is due a working day
// later, and its next moment moves with it (most of them change no state).
const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
const closed = performance.now();
await db.$transaction((tx) => addClosureDay(tx, { date: "2026-12-03", reasonNl: "Sluiting", reasonEn: "Closure" }, admin.id, now));
console.log(`  an admin adds a closure day: ${((performance.now() - closed) / 1000).toFixed(3)} s`);
await round("every running clock again (closure day)", new Date(now.getTime() + 4_020_000));
console.log(`  load average ${loadAverage()}`);

await sql.end();
await disconnectDb();
await database.drop();
