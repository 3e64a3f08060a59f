// npm run bench:queue [-- --million] [-- --keep] [-- --database=NAME]
// Seeds 100,000 (or 1,000,000) tickets into a throwaway PostgreSQL database and times the queue's
// first page and a filtered page through the app and as the very statements the app sends, run over pg,
// then every filter the queue page offers through the app. --database reuses a database an earlier
// run kept (--keep) instead of seeding one.
// Server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://loket:loket@127.0.0.1:5432/postgres.
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { benchServerUrl, insertBenchTickets, percentile, timeRuns } from "./bench-support";

const args = new Set(process.argv.slice(2));
const TICKETS = args.has("--million") ? 1_000_000 : 100_000;
const kept = process.argv.find((a) => a.startsWith("--database="))?.slice("--database=".length);
const RUNS = 60;
const WARMUP = 5;
const serverUrl = benchServerUrl();

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<{ median: number; p95: number }> {
  const sorted = await timeRuns(fn, runs, WARMUP);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

async function seed(client: pg.Client) {
  // Two teams, the demo categories, a handful of staff and requesters; tickets by generate_series
  // (one multi-row INSERT … SELECT), spread over statuses, channels, priorities and due times.
  await client.query(`
    INSERT INTO "Team" (id, key, name) VALUES ('team_a', 'a', 'Team A'), ('team_b', 'b', 'Team B'), ('team_c', 'c', 'Team C');
    INSERT INTO "TicketCategory" (id, key, "nameNl", "nameEn", "dossierSensitive") VALUES
      ('cat_general', 'GENERAL_QUESTION', 'Algemeen', 'General', false),
      ('cat_dossier', 'DOSSIER_QUESTION', 'Dossier', 'Dossier', true),
      ('cat_portal', 'PORTAL_HELP', 'Portaal', 'Portal', false),
      ('cat_process', 'PROCESS_STATUS', 'Status', 'Status', true);
    INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
      SELECT 'staff_' || g, 'staff' || g || '@bench.example', 'Staff ' || g, 'CASE_HANDLER', 'x', now() FROM generate_series(1, 20) g;
    INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
      SELECT 'person_' || g, 'person' || g || '@bench.example', 'Persoon ' || g, 'BENEFICIARY', 'x', now() FROM generate_series(1, 2000) g;
    INSERT INTO "TeamMember" ("userId", "teamId") SELECT 'staff_' || g, CASE WHEN g % 2 = 0 THEN 'team_a' ELSE 'team_b' END FROM generate_series(1, 20) g;
  `);
  const batch = 100_000;
  for (let from = 1; from <= TICKETS; from += batch) {
    const to = Math.min(TICKETS, from + batch - 1);
    await insertBenchTickets(client, from, to, {
      idPrefix: "",
      numberPrefix: "LK-2026-",
      categoryIds: ["cat_general", "cat_dossier", "cat_portal", "cat_process"],
      teamIds: ["team_a", "team_b", "team_c"],
    });
    process.stdout.write(`\r  seeded ${to.toLocaleString("en")} tickets`);
  }
  process.stdout.write("\n");
  // What autovacuum does after a bulk insert: statistics, and the visibility map that lets the
  // queue read its page's ids from the index alone.
  await client.query(`VACUUM ANALYZE`);
}

const FILTER_RUNS = 20;

// The bench user is in team_a and team_b; team_c holds only what is assigned to them.
const FILTERS: [string, Record<string, string>][] = [
  ...["PORTAL", "EMAIL", "PHONE", "LETTER", "CHAT"].map((channel): [string, Record<string, string>] => [`channel ${channel}`, { channel }]),
  ...["GENERAL_QUESTION", "DOSSIER_QUESTION", "PORTAL_HELP", "PROCESS_STATUS"].map((category): [string, Record<string, string>] => [`category ${category}`, { category }]),
  ...["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"].map((status): [string, Record<string, string>] => [`status ${status}`, { status }]),
  ["team team_a", { team: "team_a" }],
  ["team team_c (only what is theirs)", { team: "team_c" }],
  ["assignee me", { assignee: "me" }],
  ["assignee none", { assignee: "none" }],
  ["assignee a colleague", { assignee: "staff_4" }],
  ...["ON_TRACK", "AT_RISK", "BREACHED"].map((sla): [string, Record<string, string>] => [`sla ${sla}`, { sla }]),
  ["urgent, call to confirm", { verify: "1" }],
  ["email + at risk + general", { channel: "EMAIL", sla: "AT_RISK", category: "GENERAL_QUESTION" }],
  ["email + breached + me", { channel: "EMAIL", sla: "BREACHED", assignee: "me" }],
  ["letter + team_a + none + dossier", { channel: "LETTER", team: "team_a", assignee: "none", category: "DOSSIER_QUESTION" }],
  ["closed + phone + colleague", { status: "CLOSED", channel: "PHONE", assignee: "staff_4" }],
  ["q ticket number", { q: "LK-2026-0000003" }],
  ["q part of a number", { q: "2026-00050" }],
  ["q a common name (5% of tickets)", { q: "Persoon 17" }],
  ["q a rare name", { q: "Persoon 1999" }],
  ["q two letters, no word starts so", { q: "zq" }],
  ["q two letters, every name", { q: "pe" }],
  ["q a typographic quote and a letter", { q: "“z" }],
  ["q one letter", { q: "x" }],
  ["q nothing matches", { q: "zzqqxx" }],
];

// The old poller's scope, for the comparison printed last (the page statements come from the app).
const SCOPE = `(t."teamId" = ANY($1::text[]) OR t."assigneeId" = $2) AND t.status IN ('NEW','OPEN','PENDING_CUSTOMER')`;

async function main() {
  const name = kept ?? `loket_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (!kept) await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await applyMigrations({ databaseUrl, migrationsDir: path.resolve(import.meta.dirname, "..", "prisma", "migrations") });
    await client.connect();
    if (kept) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Ticket"`);
      console.log(`bench:queue — ${Number(rows[0]!.n).toLocaleString("en")} tickets in ${name} (kept from an earlier run)`);
      await client.query(`VACUUM ANALYZE "Ticket"`);
    } else {
      console.log(`bench:queue — ${TICKETS.toLocaleString("en")} tickets in ${name}`);
      const seedStart = performance.now();
      await seed(client);
      console.log(`  seed took ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    }

    // Prisma is loaded after DATABASE_URL points at the bench database.
    process.env.DATABASE_URL = databaseUrl;
    const { disconnectDb } = await import("@/lib/db/client");
    const { queueFingerprint, searchQueue } = await import("@/lib/tickets/queries");
    const { queuePageStatement } = await import("@/lib/queue/sql");
    const user = {
      id: "staff_2", email: "staff2@bench.example", name: "Staff 2", role: "CASE_HANDLER" as const, locale: "nl" as const,
      organisationId: null, organisationName: null, rights: [], hrProfessional: false, teamIds: ["team_a", "team_b"],
    };
    const firstFilter = { page: 0 };
    const narrowFilter = { page: 0, channel: "EMAIL" as const, sla: "AT_RISK" as const, category: "GENERAL_QUESTION" };
    // The app's own path: the page with its joins and the capped count (lib/queue/sql.ts).
    const prismaFirst = () => searchQueue(user, firstFilter);
    const prismaFiltered = () => searchQueue(user, narrowFilter);
    // Exactly the statement the app sends (queuePageStatement), over pg, prepared under a name as
    // the app prepares it (lib/db/prepared.ts): what is left between the two columns is the app's own cost.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const overPg = (label: string, filter: typeof firstFilter | typeof narrowFilter) => {
      const page = queuePageStatement(user, filter, 25, 0, new Date());
      // Planned each time when the app plans it each time (a search, an SLA filter: lib/queue/sql.ts readPage).
      const prepared = !("sla" in filter) && !("q" in filter);
      return { page, run: () => pool.query(prepared ? { name: `${label}-page`, text: page.text, values: page.values } : { text: page.text, values: page.values }) };
    };
    const first = overPg("first", firstFilter);
    const filtered = overPg("filtered", narrowFilter);

    for (const [label, statement] of [["first page", first.page], ["filtered page", filtered.page]] as const) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
      console.log(`\nEXPLAIN ANALYZE — ${label}:`);
      for (const row of plan.rows as { "QUERY PLAN": string }[]) console.log(`  ${row["QUERY PLAN"]}`);
    }

    console.log("");
    const rows: [string, { median: number; p95: number }, { median: number; p95: number }][] = [
      ["first page", await time(prismaFirst), await time(first.run)],
      ["filtered page", await time(prismaFiltered), await time(filtered.run)],
    ];
    const fmt = (n: number) => `${n.toFixed(2).padStart(7)} ms`;
    console.log(`${"query".padEnd(15)}${"app median".padStart(15)}${"app p95".padStart(13)}${"sql median".padStart(13)}${"sql p95".padStart(13)}${"ratio (p50)".padStart(13)}`);
    for (const [label, prisma, sql] of rows) {
      console.log(`${label.padEnd(15)}${fmt(prisma.median).padStart(15)}${fmt(prisma.p95).padStart(13)}${fmt(sql.median).padStart(13)}${fmt(sql.p95).padStart(13)}${(prisma.median / sql.median).toFixed(2).padStart(12)}x`);
    }
    // What the poller did before: count and latest change over every open ticket of the user's teams.
    const poller = await time(() => queueFingerprint(user));
    console.log(`poller (the page's ids and count, through the app): median ${fmt(poller.median)}, p95 ${fmt(poller.p95)}`);
    const wholeQueue = await time(() => client.query(`SELECT count(*), max(t."updatedAt") FROM "Ticket" t JOIN "TicketCategory" c ON c.id = t."categoryId" WHERE ${SCOPE}`, [user.teamIds, user.id]));
    console.log(`(whole-queue count + max, the former poller query: median ${fmt(wholeQueue.median)}, p95 ${fmt(wholeQueue.p95)})`);
    await pool.end();
    const worst = Math.max(poller.p95, ...rows.map(([, prisma]) => prisma.p95));
    if (TICKETS === 100_000) console.log(`\nTarget p95 < 50 ms at 100,000 tickets: ${worst < 50 ? "met" : "NOT met"} (worst p95 through the app ${worst.toFixed(1)} ms).`);
    else console.log(`\nWorst p95 through the app at ${TICKETS.toLocaleString("en")} tickets: ${worst.toFixed(1)} ms.`);

    // Every filter the page offers, alone and in the combinations an agent narrows with, through
    // the app (page and capped count, as the page asks them).
    console.log(`\nEvery filter through the app (${FILTER_RUNS} runs each after ${WARMUP} to warm up):`);
    console.log(`${"filter".padEnd(34)}${"rows".padStart(5)}${"total".padStart(7)}${"median".padStart(12)}${"p95".padStart(12)}`);
    const worstOf = { structured: 0, search: 0 };
    for (const [label, filter] of FILTERS) {
      const full = { page: 0, ...filter };
      const result = await searchQueue(user, full);
      const timing = await time(() => searchQueue(user, full), FILTER_RUNS);
      const kind = "q" in filter ? "search" : "structured";
      worstOf[kind] = Math.max(worstOf[kind], timing.p95);
      console.log(`${label.padEnd(34)}${String(result.items.length).padStart(5)}${(result.capped ? `>${result.total}` : String(result.total)).padStart(7)}${fmt(timing.median).padStart(12)}${fmt(timing.p95).padStart(12)}`);
    }
    console.log(`Worst p95, filters without a search: ${worstOf.structured.toFixed(1)} ms; with a search (q): ${worstOf.search.toFixed(1)} ms (aim under 100 ms).`);
    await disconnectDb();
  } finally {
    await client.end().catch(() => undefined);
    if (!args.has("--keep") && !kept) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
