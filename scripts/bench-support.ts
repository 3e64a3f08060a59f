// What the benchmarks that run the real server share: a throwaway PostgreSQL database on the
// bench server, the production build, `next start` with the bench's environment, and waiting for it.
import { execSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const root = path.resolve(import.meta.dirname, "..");
export const NEXT_BIN = path.join(root, "node_modules", "next", "dist", "bin", "next");
export const MIGRATIONS_DIR = path.join(root, "prisma", "migrations");

/** BENCH_DATABASE_URL, else TEST_DATABASE_URL, else a local server with the default role. */
export function benchServerUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://loket:loket@127.0.0.1:5432/postgres";
}

export function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
}

/** `runs` timings of `fn` one after another, in ms, sorted; after `warmup` untimed calls. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export function loadAverage(): string {
  return `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`;
}

let ticksPerSecond: number | undefined;

/**
 * CPU time (user + system) a process has used so far, in ms (Linux /proc); with `children`, also
 * that of its children that have ended.
 */
export function cpuMs(pid: number, children = false): number {
  ticksPerSecond ??= Number(execSync("getconf CLK_TCK").toString().trim()) || 100;
  // After "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13, cstime 14.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ").map(Number);
  const ticks = fields[11]! + fields[12]! + (children ? fields[13]! + fields[14]! : 0);
  return (ticks * 1000) / ticksPerSecond;
}

/**
 * CPU time of every PostgreSQL process on this machine (server, backends, checkpointer, WAL
 * writer) and of the backends that have ended (counted on the server that reaped them), in ms;
 * null when none is visible. Meaningful only for a bench server on loopback.
 */
export function postgresCpuMs(): number | null {
  let total: number | null = null;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
      total = (total ?? 0) + cpuMs(Number(entry), true);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops the database (connections and all) unless `keep`; always closes the admin connection. */
  close(keep: boolean): Promise<void>;
}

/** A new, empty database on the bench server, named `<prefix>_<time>`. */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const serverUrl = benchServerUrl();
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async close(keep) {
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    },
  };
}

/** `next build` in this checkout (a database URL is never used by the build, but must parse). */
export function nextBuild(announce: string): void {
  console.log(announce);
  const built = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build@127.0.0.1/build", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) throw new Error("next build failed");
}

/**
 * `next start` on a port, production mode, background jobs off; `nodeArgs` go to node itself;
 * `dir` is the project whose build (.next) it serves.
 */
export function startNext(port: number, env: Record<string, string>, nodeArgs: string[] = [], dir = root): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-p", String(port)], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", LOKET_BACKGROUND: "off", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Resolves once the server answers its login page; fails when it exits or takes over a minute. */
export async function waitForServer(child: ChildProcess, base: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("next start exited");
    try {
      await fetch(`${base}/login`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  throw new Error("next start did not answer within 60 s");
}

/** Who and what the bench tickets are spread over (ids made by the bench's own seed). */
export interface BenchTicketSpread {
  /** Put before the ids of tickets, staff and people ('tk_1', 'bench_tk_1'). */
  idPrefix: string;
  /** Put before the 7-digit ticket number. */
  numberPrefix: string;
  categoryIds: string[];
  teamIds: string[];
  /** One staff member who gets every 21st ticket as well, if any. */
  alsoAssignedTo?: string;
}

/**
 * Tickets from..to in one INSERT … SELECT over generate_series, spread over statuses, channels,
 * priorities, categories, teams and assignees, with written-question clocks whose states follow
 * their due times as real clocks do: due from 150 hours ago to 450 hours on, at risk for the last
 * 150 hours (a quarter breached, a quarter at risk, half on track). bench:queue and bench:http.
 */
export async function insertBenchTickets(client: pg.Client, from: number, to: number, spread: BenchTicketSpread): Promise<void> {
  await client.query(
    `INSERT INTO "Ticket" (id, number, subject, "categoryId", channel, status, priority, "requesterId", "requesterName", "teamId",
       "assigneeId", "isPartner", "slaPolicyKey", "slaStartedAt", "slaDueAt", "slaAtRiskAt", "slaState", "lastActivityAt", "createdAt", "updatedAt")
     SELECT $6 || 'tk_' || g, $7 || lpad(g::text, 7, '0'), 'Vraag nummer ' || g,
       ($3::text[])[1 + g % array_length($3::text[], 1)],
       ((ARRAY['PORTAL','EMAIL','PHONE','LETTER'])[1 + (g / 7) % 4])::"Channel",
       ((ARRAY['NEW','OPEN','PENDING_CUSTOMER','RESOLVED','CLOSED','CLOSED','CLOSED','RESOLVED'])[1 + (g / 3) % 8])::"TicketStatus",
       (CASE WHEN g % 997 = 0 THEN 'URGENT' WHEN g % 50 = 0 THEN 'HIGH' ELSE 'NORMAL' END)::"Priority",
       $6 || 'person_' || (1 + g % 2000), 'Persoon ' || (1 + g % 2000),
       ($4::text[])[1 + g % array_length($4::text[], 1)],
       CASE WHEN g % 5 = 0 THEN NULL WHEN $5::text IS NOT NULL AND g % 21 = 0 THEN $5 ELSE $6 || 'staff_' || (1 + g % 20) END,
       g % 40 = 0, 'WRITTEN_QUESTION',
       now() - (g % 900) * interval '1 hour', now() + due.h * interval '1 hour', now() + (due.h - 150) * interval '1 hour',
       (CASE WHEN due.h < 0 THEN 'BREACHED' WHEN due.h < 150 THEN 'AT_RISK' ELSE 'ON_TRACK' END)::"SlaState",
       now() - (g % 900) * interval '1 hour', now() - (g % 900) * interval '1 hour', now()
     FROM generate_series($1::int, $2::int) g, LATERAL (SELECT (g::bigint * 7919) % 600 - 150 AS h) due`,
    [from, to, spread.categoryIds, spread.teamIds, spread.alsoAssignedTo ?? null, spread.idPrefix, spread.numberPrefix],
  );
}
