// npm run bench:http [-- --instances 2] [-- --connections=50] [-- --duration=15] [-- --tickets=100000]
//                    [-- --no-build] [-- --keep] [-- --port=3310] [-- --only=queue] [-- --no-browser]
//                    [-- --cpu-only] [-- --cpu-rounds=5] [-- --save-pages=DIR] [-- --compare=DIR]
// The pages people wait on, over HTTP against `next start` on PostgreSQL: builds, seeds the demo
// data and adds 100,000 tickets by SQL, logs in for real (the case handler with password and TOTP
// code, the beneficiary with her password), then drives autocannon (50 connections) against the
// queue page, a ticket page, the beneficiary dashboard and two baselines doing the same two Prisma
// queries, one after the other in the same run: a trivial route (app/api/bench) and a trivial page
// (app/bench, the "trivial page": proxy, root layout and React rendering, nothing of ours),
// both present only with LOKET_BENCH=1. Prints req/s, p50, p97.5, errors (socket errors, timeouts
// and non-2xx answers) and each page against both baselines, then the server's memory (RSS, heap),
// then what one request of each costs in CPU (the server and PostgreSQL, apart from throughput).
// With --instances 2 a second `next start` on the same database runs too, and every page is also
// driven against both (autocannon spreads its connections over the two): the throughput of two
// instances against one.
// Last, each page is visited in headless Chromium as a person does: the requests one visit makes
// (the page, its polls and live updates, link prefetches, scripts) and the server CPU they cost.
// --no-browser leaves that out; CHROMIUM_PATH names the browser.
// --compare=DIR serves a second build (DIR/.next, e.g. a built git worktree of an older commit) on
// the next port, and measures only the CPU per request of both, taking turns round after round, so
// the machine's drift (up to 40% within an hour here) falls on both builds alike.
// --no-build reuses the build in .next. Server: BENCH_DATABASE_URL, else TEST_DATABASE_URL.
// Run it under the e2e lock when others build: `flock /tmp/loket-e2e.lock npm run bench:http`.
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { login } from "../tests/support/http-login";
import { cpuMs, createBenchDatabase, insertBenchTickets, loadAverage, MIGRATIONS_DIR, nextBuild, postgresCpuMs, startNext, waitForServer } from "./bench-support";

const argv = process.argv.slice(2);
/** `--name=value` or `--name value`. */
function option(name: string, fallback: number): number {
  const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const value = Number(argv[at]!.includes("=") ? argv[at]!.split("=")[1] : argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}
const INSTANCES = option("instances", 1);
// --only=queue: the two baselines and the pages whose label holds the word (to profile one page).
// --cpu-only: only the CPU per request (to compare two builds of the same pages quickly).
const CPU_ONLY = argv.includes("--cpu-only");
// --save-pages=DIR: each page's HTML as the first request got it (to see what a page sends).
const SAVE_PAGES = argv.find((a) => a.startsWith("--save-pages="))?.slice("--save-pages=".length) ?? null;
if (SAVE_PAGES) mkdirSync(SAVE_PAGES, { recursive: true });
const COMPARE = argv.find((a) => a.startsWith("--compare="))?.slice("--compare=".length) ?? null;
const ONLY = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? null;
const CONNECTIONS = option("connections", 50);
const DURATION = option("duration", 15);
const TICKETS = option("tickets", 100_000);
const PORT = option("port", 3310);
const SECRET = "bench-http-only-secret";
const HANDLER = "behandelaar@loket.example";
const BENEFICIARY = "anna.jansen@burger.example";
if (COMPARE && INSTANCES > 1) throw new Error("--compare and --instances do not go together");
const bases = Array.from({ length: COMPARE ? 2 : INSTANCES }, (_, i) => `http://localhost:${PORT + i}`);

// ───────────────────────────── data ─────────────────────────────

/** The demo seed, through the project's own code (it encrypts the staff TOTP secret with our key). */
async function seedDemo(databaseUrl: string): Promise<void> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET = SECRET;
  process.env.TOTP_ENCRYPTION_KEY = SECRET;
  const { seedDatabase } = await import("../prisma/seed");
  const { disconnectDb } = await import("@/lib/db/client");
  await seedDatabase({ force: true, now: new Date() });
  await disconnectDb();
}

/**
 * The bulk on top of the demo: 20 more case handlers and 2,000 beneficiaries, and `count` tickets
 * over the demo's teams and categories (one INSERT … SELECT over generate_series per 100,000),
 * spread over statuses, channels, priorities, due times and assignees, the demo case handler
 * among them. Anna keeps only her demo questions, as a real beneficiary has a handful.
 */
async function addTickets(client: pg.Client, count: number): Promise<void> {
  const ids = async (sql: string) => (await client.query<{ id: string }>(sql)).rows.map((r) => r.id);
  const teams = await ids(`SELECT id FROM "Team" ORDER BY key`);
  const categories = await ids(`SELECT id FROM "TicketCategory" WHERE key NOT IN ('COMPLAINT', 'URGENT_REQUEST', 'HR_DESK') ORDER BY "sortOrder"`);
  const [handler] = await ids(`SELECT id FROM "User" WHERE email = '${HANDLER}'`);
  await client.query(`
    INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
      SELECT 'bench_staff_' || g, 'staff' || g || '@bench.example', 'Medewerker ' || g, 'CASE_HANDLER', 'x', now() FROM generate_series(1, 20) g;
    INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
      SELECT 'bench_person_' || g, 'person' || g || '@bench.example', 'Persoon ' || g, 'BENEFICIARY', 'x', now() FROM generate_series(1, 2000) g;
  `);
  await client.query(`INSERT INTO "TeamMember" ("userId", "teamId") SELECT 'bench_staff_' || g, ($1::text[])[1 + g % array_length($1::text[], 1)] FROM generate_series(1, 20) g`, [teams]);
  const batch = 100_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await insertBenchTickets(client, from, to, { idPrefix: "bench_", numberPrefix: "LK-BENCH-", categoryIds: categories, teamIds: teams, alsoAssignedTo: handler });
  }
  await client.query(`ANALYZE`);
}

// ───────────────────────────── load ─────────────────────────────

interface Target {
  label: string;
  path: string;
  cookie?: string;
}

interface Figures {
  rps: number;
  p50: number;
  p975: number;
  errors: number;
  /** What the errors were: timeouts, other socket errors, non-2xx answers. */
  errorKinds: string;
  requests: number;
}

/** Requests slower than this count as errors (autocannon's default is 10 s; a busy machine needs more). */
const TIMEOUT_S = 30;

async function drive(target: Target, instanceBases: string[], seconds: number): Promise<Figures> {
  const urls = instanceBases.map((base) => `${base}${target.path}`);
  const result = await autocannon({
    // autocannon spreads the connections over several URLs; its type names only one.
    url: (urls.length === 1 ? urls[0]! : urls) as string,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: TIMEOUT_S,
    headers: { ...(target.cookie ? { cookie: target.cookie } : {}), "accept-language": "nl-NL" },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    // errors counts socket errors and timeouts; a redirect to /login or a 500 is non2xx.
    errors: result.errors + result.non2xx,
    errorKinds: [
      result.timeouts && `${result.timeouts} timeouts`,
      result.errors - result.timeouts && `${result.errors - result.timeouts} socket errors`,
      result.non2xx && `${result.non2xx} non-2xx`,
    ]
      .filter(Boolean)
      .join(", "),
    requests: result.requests.total,
  };
}

// ──────────────────────── a visit as a browser makes it ────────────────────────

const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));
const VISITS = 5;

/**
 * What one visit of each page costs the server as a browser makes it: the page and everything the
 * page then asks for by itself (polls, live updates, link prefetches, scripts), and the server's CPU
 * time for all of it. autocannon only sees the page's own request.
 */
async function browserVisits(targets: Target[], base: string): Promise<void> {
  console.log(`
a visit as a browser makes it (headless Chromium, ${VISITS} visits of each page after two to warm up; CPU of the server process):`);
  if (!CHROMIUM) {
    console.log("  skipped: no Chromium here (set CHROMIUM_PATH)");
    return;
  }
  const { pid } = (await (await fetch(`${base}/api/bench?memory`)).json()) as { pid: number };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    console.log(`  ${"page".padEnd(LABEL)}${"requests".padStart(9)}${"scripts".padStart(9)}${"prefetch".padStart(9)}  server CPU per visit`);
    for (const target of targets.filter((t) => t.cookie)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      await context.addCookies(
        target.cookie!.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
        }),
      );
      const page = await context.newPage();
      const count = { app: 0, static: 0, prefetch: 0 };
      page.on("request", (request) => {
        if (!request.url().startsWith(base)) return;
        if (new URL(request.url()).pathname.startsWith("/_next/static")) count.static++;
        else count.app++;
        if (request.headers()["next-router-prefetch"] !== undefined) count.prefetch++;
      });
      const visit = async () => {
        await page.goto(`${base}${target.path}`);
        await page.waitForLoadState("networkidle");
        // What a person sees first also scrolls: links further down come into view.
        await page.mouse.wheel(0, 3000);
        await page.waitForTimeout(1000);
      };
      for (let i = 0; i < 2; i++) await visit();
      Object.assign(count, { app: 0, static: 0, prefetch: 0 });
      const before = cpuMs(pid);
      for (let i = 0; i < VISITS; i++) await visit();
      const perVisit = (n: number) => (n / VISITS).toFixed(1).padStart(9);
      console.log(`  ${target.label.padEnd(LABEL)}${perVisit(count.app)}${perVisit(count.static)}${perVisit(count.prefetch)}  ${((cpuMs(pid) - before) / VISITS).toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

// ──────────────────────── what one request costs ────────────────────────

const CPU_WARMUP = 100;
const CPU_ROUNDS = option("cpu-rounds", 5);
const CPU_REQUESTS_PER_ROUND = 100;

/**
 * CPU of the server process and of every PostgreSQL process per request, each page on its own,
 * two requests at a time after a warm-up. On this shared machine req/s moved by up to 40% within an
 * hour while these moved far less; and once the CPU is the limit, the ratio of the totals is what
 * the throughput ratio comes to. The pages take turns, round after round, and each figure is the
 * median of its rounds, so a slow minute of the machine does not land on one page alone.
 * Uncompressed, as autocannon asks.
 */
async function cpuPerRequest(targets: Target[], servers: { label: string; base: string }[]): Promise<void> {
  const pids = await Promise.all(servers.map(async ({ base }) => ((await (await fetch(`${base}/api/bench?memory`)).json()) as { pid: number }).pid));
  const send = async (base: string, target: Target, count: number) => {
    let left = count;
    const one = async () => {
      while (left-- > 0) {
        const response = await fetch(`${base}${target.path}`, {
          redirect: "manual",
          headers: { ...(target.cookie ? { cookie: target.cookie } : {}), "accept-language": "nl-NL", "accept-encoding": "identity" },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${target.label}: HTTP ${response.status}`);
      }
    };
    await Promise.all([one(), one()]);
  };
  console.log(
    `\nCPU per request (${CPU_ROUNDS} rounds of ${CPU_REQUESTS_PER_ROUND} requests per page, two at a time, after ${CPU_WARMUP} to warm up; median of the rounds; the server process, and every PostgreSQL process):`,
  );
  for (const { base } of servers) for (const target of targets) await send(base, target, CPU_WARMUP);
  type Round = { node: number; database: number; total: number };
  const rounds = servers.map(() => new Map<Target, Round[]>(targets.map((target) => [target, []])));
  for (let round = 0; round < CPU_ROUNDS; round++) {
    for (const target of targets) {
      for (const [i, { base }] of servers.entries()) {
        const [node, database] = [cpuMs(pids[i]!), postgresCpuMs()];
        await send(base, target, CPU_REQUESTS_PER_ROUND);
        const perNode = (cpuMs(pids[i]!) - node) / CPU_REQUESTS_PER_ROUND;
        const perDatabase = database === null ? 0 : (postgresCpuMs()! - database) / CPU_REQUESTS_PER_ROUND;
        rounds[i]!.get(target)!.push({ node: perNode, database: perDatabase, total: perNode + perDatabase });
      }
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const figure = (i: number, target: Target, key: keyof Round) => median(rounds[i]!.get(target)!.map((r) => r[key]));
  for (const [i, { label }] of servers.entries()) {
    if (servers.length > 1) console.log(`  ${label}`);
    console.log(`  ${"".padEnd(LABEL)}${"Node ms".padStart(9)}${"PG ms".padStart(9)}${"total".padStart(9)}  trivial page's total against this one`);
    for (const [t, target] of targets.entries()) {
      const total = figure(i, target, "total");
      // The second baseline is the trivial page (the yardstick).
      const ratio = t >= BASELINES ? `${((figure(i, targets[1]!, "total") / total) * 100).toFixed(0).padStart(5)}%` : "";
      console.log(`  ${target.label.padEnd(LABEL)}${figure(i, target, "node").toFixed(1).padStart(9)}${figure(i, target, "database").toFixed(1).padStart(9)}${total.toFixed(1).padStart(9)}  ${ratio}`);
    }
  }
  if (servers.length > 1) {
    // Per round, the two builds' totals side by side: the drift between rounds cancels out.
    console.log(`  this build's total against ${servers[1]!.label}'s, median of the rounds' ratios:`);
    for (const target of targets) {
      const ratios = rounds[0]!.get(target)!.map((r, k) => r.total / rounds[1]!.get(target)![k]!.total);
      console.log(`  ${target.label.padEnd(LABEL)}${median(ratios).toFixed(2).padStart(9)}x   (rounds ${ratios.map((r) => r.toFixed(2)).join(" ")})`);
    }
  }
}

async function memoryOf(base: string, child: ChildProcess): Promise<string> {
  const response = await fetch(`${base}/api/bench?memory`);
  const m = (await response.json()) as { pid: number; rss: number; heapUsed: number; heapTotal: number; external: number };
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  let kernel = "";
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    // next start serves in its own process today; should it ever fork, both show.
    if (hwm && child.pid === m.pid) kernel = `, peak RSS ${mb(Number(hwm) * 1024)}`;
    else if (rss) kernel = `; next start (pid ${child.pid}) VmRSS ${mb(Number(rss) * 1024)}, peak ${mb(Number(hwm) * 1024)}`;
  } catch {
    // Not Linux: the process's own figures stand alone.
  }
  return `RSS ${mb(m.rss)}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)} (pid ${m.pid})${kernel}`;
}

const LABEL = 44;

/** The two baselines come first in the target list; every later row is compared with both. */
const BASELINES = 2;

function row(label: string, f: Figures, bases: Figures[]): string {
  const ratio = bases.map((base) => `${((f.rps / base.rps) * 100).toFixed(0).padStart(5)}%${(f.p975 / base.p975).toFixed(1).padStart(7)}x`).join("   ");
  const errors = f.errorKinds ? ` (${f.errorKinds})` : "";
  return `  ${label.padEnd(LABEL)}${f.rps.toFixed(1).padStart(9)}${f.p50.toFixed(0).padStart(9)}${f.p975.toFixed(0).padStart(10)}${String(f.errors).padStart(8)}${String(f.requests).padStart(9)}  ${ratio}${errors}`;
}

const HEADER = `  ${"".padEnd(LABEL)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p97.5 ms".padStart(10)}${"errors".padStart(8)}${"requests".padStart(9)}  vs route (req/s, p97.5)  vs page (req/s, p97.5)`;

function table(targets: Target[], figures: Map<Target, Figures>): void {
  const bases = targets.slice(0, BASELINES).map((target) => figures.get(target)!);
  console.log(HEADER);
  for (const [i, target] of targets.entries()) console.log(row(target.label, figures.get(target)!, i < BASELINES ? [] : bases));
}

// ───────────────────────────── the run ─────────────────────────────

async function main() {
  if (!argv.includes("--no-build")) nextBuild("bench:http — running next build");
  const database = await createBenchDatabase("loket_bench_http");
  const servers: ChildProcess[] = [];
  try {
    console.log(`bench:http — demo data and ${TICKETS.toLocaleString("en")} tickets in ${database.name}`);
    await applyMigrations({ databaseUrl: database.url, migrationsDir: MIGRATIONS_DIR });
    const seedStart = performance.now();
    await seedDemo(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await addTickets(client, TICKETS);
    // The ticket page: the demo question with the longest conversation the case handler may open.
    const ticket = await client.query<{ id: string; number: string; messages: string }>(
      `SELECT t.id, t.number, count(m.id) AS messages FROM "Ticket" t JOIN "Message" m ON m."ticketId" = t.id
       WHERE t.id NOT LIKE 'bench_%' AND t."teamId" IN (SELECT "teamId" FROM "TeamMember" tm JOIN "User" u ON u.id = tm."userId" WHERE u.email = $1)
       GROUP BY t.id ORDER BY count(m.id) DESC, t.number LIMIT 1`,
      [HANDLER],
    );
    await client.end();
    const tk = ticket.rows[0];
    if (!tk) throw new Error("the demo seed has no ticket with messages for the case handler");
    console.log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    bases.forEach((base, i) => {
      const server = startNext(PORT + i, {
        DATABASE_URL: database.url,
        AUTH_SECRET: SECRET,
        TOTP_ENCRYPTION_KEY: SECRET,
        NEXTAUTH_URL: base,
        LOKET_BENCH: "1",
        // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
      }, (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean), i === 1 && COMPARE ? path.resolve(COMPARE) : undefined);
      const log = (chunk: Buffer) => {
        const text = chunk.toString();
        if (/error/i.test(text)) process.stderr.write(`  [server ${i + 1}] ${text}`);
      };
      server.stdout!.on("data", log);
      server.stderr!.on("data", log);
      servers.push(server);
    });
    await Promise.all(servers.map((server, i) => waitForServer(server, bases[i]!)));

    const handler = await login(bases[0]!, HANDLER, { totp: true });
    const beneficiary = await login(bases[0]!, BENEFICIARY, { totp: false });
    const targets: Target[] = [
      { label: "trivial route (2 Prisma queries)", path: "/api/bench" },
      { label: "trivial page (2 Prisma queries)", path: "/bench" },
      { label: "queue page /agent", path: "/agent", cookie: handler },
      { label: `ticket page (${tk.number}, ${tk.messages} messages)`, path: `/agent/tickets/${tk.id}`, cookie: handler },
      { label: "beneficiary dashboard /portaal", path: "/portaal", cookie: beneficiary },
    ].filter((target, i) => i < BASELINES || !ONLY || target.label.includes(ONLY));
    // Every page answers 200 on every instance before any load (a login that did not take would
    // otherwise be measured as fast redirects), and the first requests warm the server up.
    for (const target of targets) {
      for (const base of bases) {
        const response = await fetch(`${base}${target.path}`, { redirect: "manual", headers: target.cookie ? { cookie: target.cookie } : {} });
        if (response.status !== 200) throw new Error(`${target.label} on ${base}: HTTP ${response.status} ${response.headers.get("location") ?? ""}`);
        const html = Buffer.from(await response.arrayBuffer());
        if (SAVE_PAGES) writeFileSync(path.join(SAVE_PAGES, `${target.path.replace(/\W+/g, "_").replace(/^_/, "") || "root"}.html`), html);
      }
      if (!CPU_ONLY) await drive(target, bases, 3);
    }
    if (CPU_ONLY || COMPARE) {
      await cpuPerRequest(targets, bases.map((base, i) => ({ base, label: i === 0 ? "this build" : `${COMPARE}` })));
      return;
    }

    console.log(
      `  ${CONNECTIONS} connections, ${DURATION} s per page, one page after the other, timeout ${TIMEOUT_S} s; database pool ${process.env.DATABASE_POOL_MAX ?? "10 (default)"} per instance`,
    );
    console.log(`  before: ${loadAverage()}`);
    const one = new Map<Target, Figures>();
    const two = new Map<Target, Figures>();
    for (const target of targets) {
      one.set(target, await drive(target, bases.slice(0, 1), DURATION));
      if (INSTANCES > 1) two.set(target, await drive(target, bases, DURATION));
    }
    console.log(`\none instance (${bases[0]}):`);
    table(targets, one);
    if (INSTANCES > 1) {
      console.log(`\n${INSTANCES} instances on one database (connections spread over ${bases.join(", ")}):`);
      table(targets, two);
      console.log(`\n${INSTANCES} instances against one (throughput):`);
      for (const target of targets) console.log(`  ${target.label.padEnd(LABEL)}${(two.get(target)!.rps / one.get(target)!.rps).toFixed(2).padStart(9)}x`);
    }
    console.log(`\n  after: ${loadAverage()}`);
    console.log("memory after the run:");
    for (const [i, base] of bases.entries()) console.log(`  instance ${i + 1}: ${await memoryOf(base, servers[i]!)}`);
    await cpuPerRequest(targets, [{ base: bases[0]!, label: "this build" }]);
    if (!argv.includes("--no-browser")) await browserVisits(targets, bases[0]!);
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.close(argv.includes("--keep"));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
