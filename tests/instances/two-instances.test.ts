// Several instances on one PostgreSQL database, as a larger installation runs Loket: two
// `npm start` (LOKET_BACKGROUND=off) and one `npm run worker`. Agents and beneficiaries use both
// instances over HTTP at once; the test checks that nothing fails, that take-next never hands one
// ticket to two agents, that each SLA warning is made once and that each mail is stored once.
// It reuses the production build in NEXT_DIST_DIR (default .next; `npm test` builds it) and needs
// TEST_DATABASE_URL (a PostgreSQL role that may create databases). Run: `npm run test:instances`.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createScratchDatabase, freePort, MIGRATIONS_DIR, type ScratchDatabase } from "../support/database";
import { login } from "../support/http-login";

const root = path.resolve(import.meta.dirname, "..", "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const SECRET = "instances-test-only-secret";
const HANDLER = "behandelaar@loket.example";
/** Case handlers taking tickets at once: the demo case handler and clones of him. */
const AGENTS = 6;
const TAKES_PER_AGENT = 4;
const MAILS = 20;

interface Proc {
  name: string;
  child: ChildProcess;
  log: string[];
}

const procs: Proc[] = [];
let database: ScratchDatabase | undefined;
let sql: pg.Client;
let dataDir: string;
let bases: string[] = [];
let smtpPort = 0;
/** The assigned tickets whose clock the worker's first sweep finds breached. */
let breaching: { id: string; assigneeId: string }[] = [];
/** The demo case handler's session, from the take-next test. */
let handlerCookie = "";
/** Every HTTP answer the test got, to find a 5xx among them. */
const answers: { url: string; status: number }[] = [];

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { redirect: "manual", ...init });
  answers.push({ url, status: response.status });
  return response;
}

function start(name: string, script: string, args: string[], env: Record<string, string>): Proc {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  // Its own process group: the launcher starts `next start` beneath it, and both must stop.
  const child = spawn(tsx, ["--conditions=react-server", script, ...args], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, ...env },
  });
  const proc: Proc = { name, child, log: [] };
  const keep = (chunk: Buffer) => proc.log.push(...chunk.toString().split("\n").filter((l) => l.trim() !== ""));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  procs.push(proc);
  return proc;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, seconds = 60): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${seconds} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function serving(proc: Proc, base: string): Promise<void> {
  await until(`${proc.name} to serve ${base}`, async () => {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited:\n${proc.log.join("\n")}`);
    return (await fetch(`${base}/login`)).ok;
  });
}

/** The id React gives the take-next server action in this build, as the browser's bundle holds it. */
function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${file} in ${distDir}`);
  return found[0];
}

/** Clicking "Volgende pakken" on the queue page: the server action, as the browser posts it. */
async function takeNext(base: string, cookie: string, id: string): Promise<{ ticketId: string } | { reason: string }> {
  const response = await call(`${base}/agent`, {
    method: "POST",
    headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: base, cookie },
    body: JSON.stringify([{}]),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`take-next on ${base}: HTTP ${response.status}`);
  const taken = /"ok":true,"data":\{"id":"([^"]+)"/.exec(text);
  if (taken) return { ticketId: taken[1]! };
  return { reason: /"reason":"([A-Z_]+)"/.exec(text)?.[1] ?? `unreadable answer ${text.slice(0, 200)}` };
}

beforeAll(async () => {
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}/ (no BUILD_ID): run \`next build\` first (npm test's e2e stage does), or point NEXT_DIST_DIR at a build.`);
  }
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error("TEST_DATABASE_URL is not set: several instances need a PostgreSQL server (the embedded database serves one process).");
  }
  database = await createScratchDatabase("instances");
  await applyMigrations({ databaseUrl: database.url, migrationsDir: MIGRATIONS_DIR });
  // The demo seed, through the project's own code (it encrypts the staff TOTP secret with our key).
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = SECRET;
  process.env.TOTP_ENCRYPTION_KEY = SECRET;
  const { seedDatabase } = await import("../../prisma/seed");
  const { disconnectDb } = await import("@/lib/db/client");
  await seedDatabase({ force: true, now: new Date() });
  await disconnectDb();

  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  // More case handlers: the demo one's password, TOTP secret and teams.
  await sql.query(
    `INSERT INTO "User" (id, email, name, role, "passwordHash", "totpSecret", "totpEnabledAt", "updatedAt")
       SELECT 'inst_agent_' || g, 'behandelaar' || g || '@loket.example', 'Behandelaar ' || g, role, "passwordHash", "totpSecret", "totpEnabledAt", now()
       FROM "User", generate_series(2, $2::int) g WHERE email = $1`,
    [HANDLER, AGENTS],
  );
  await sql.query(
    `INSERT INTO "TeamMember" ("userId", "teamId")
       SELECT 'inst_agent_' || g, tm."teamId" FROM "TeamMember" tm JOIN "User" u ON u.id = tm."userId", generate_series(2, $2::int) g WHERE u.email = $1`,
    [HANDLER, AGENTS],
  );
  // Enough new questions for every take-next, in the case handler's first team, without a clock.
  await sql.query(
    `INSERT INTO "Ticket" (id, number, subject, "categoryId", channel, status, "requesterName", "teamId", "lastActivityAt", "createdAt", "updatedAt")
       SELECT 'inst_tk_' || g, 'LK-INST-' || lpad(g::text, 4, '0'), 'Vraag ' || g,
         (SELECT id FROM "TicketCategory" WHERE key = 'GENERAL_QUESTION'), 'PORTAL', 'NEW', 'Persoon ' || g,
         (SELECT tm."teamId" FROM "TeamMember" tm JOIN "User" u ON u.id = tm."userId" WHERE u.email = $1 ORDER BY tm."teamId" LIMIT 1),
         now(), now() - g * interval '1 minute', now()
       FROM generate_series(1, $2::int) g`,
    [HANDLER, AGENTS * TAKES_PER_AGENT + 10],
  );
  // Every running clock of an assigned open ticket started two months ago and is due to be looked
  // at: the worker's sweep finds them all breached and warns assignee and coordinators.
  const clocks = await sql.query<{ id: string; assigneeId: string }>(
    `WITH clocks AS (
       UPDATE "Ticket" SET "slaStartedAt" = now() - interval '60 days', "slaState" = 'ON_TRACK'
       WHERE status IN ('NEW', 'OPEN') AND "assigneeId" IS NOT NULL AND "slaPolicyKey" IS NOT NULL AND "slaStartedAt" IS NOT NULL
         AND "slaStoppedAt" IS NULL AND "slaPausedAt" IS NULL
       RETURNING id, "assigneeId"
     ), due AS (
       INSERT INTO "SlaCheck" ("ticketId", "at") SELECT id, now() - interval '1 minute' FROM clocks
       ON CONFLICT ("ticketId") DO UPDATE SET "at" = EXCLUDED."at"
     )
     SELECT id, "assigneeId" FROM clocks`,
  );
  breaching = clocks.rows;

  dataDir = mkdtempSync(path.join(tmpdir(), "loket-instances-"));
  const ports = [await freePort(), await freePort()];
  smtpPort = await freePort();
  bases = ports.map((port) => `http://localhost:${port}`);
  const shared = { DATABASE_URL: database.url, AUTH_SECRET: SECRET, TOTP_ENCRYPTION_KEY: SECRET, LOKET_DATA_DIR: dataDir };
  const web = ports.map((port, i) =>
    start(`instance ${i + 1}`, "scripts/launch.ts", ["start"], { ...shared, PORT: String(port), NEXTAUTH_URL: bases[i]!, LOKET_BACKGROUND: "off" }),
  );
  const worker = start("worker", "scripts/worker.ts", [], { ...shared, SMTP_LISTEN_PORT: String(smtpPort) });
  await Promise.all([
    ...web.map((proc, i) => serving(proc, bases[i]!)),
    until("the worker", async () => {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited:\n${worker.log.join("\n")}`);
      return worker.log.some((line) => line.includes("[worker] running"));
    }),
  ]);
}, 150_000);

afterAll(async () => {
  await Promise.all(
    procs.map(
      (proc) =>
        new Promise<void>((resolve) => {
          if (proc.child.exitCode !== null || proc.child.signalCode !== null) return resolve();
          proc.child.once("exit", () => resolve());
          try {
            process.kill(-proc.child.pid!, "SIGTERM");
          } catch {
            resolve();
          }
          setTimeout(() => {
            try {
              process.kill(-proc.child.pid!, "SIGKILL");
            } catch {
              // Gone already.
            }
            resolve();
          }, 5_000).unref();
        }),
    ),
  );
  await sql?.end().catch(() => undefined);
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("two instances and a worker on one database", () => {
  it("take-next across both instances never gives one ticket to two agents", async () => {
    const emails = [HANDLER, ...Array.from({ length: AGENTS - 1 }, (_, i) => `behandelaar${i + 2}@loket.example`)];
    // Each logs in on one instance and then works on both: the session holds on either.
    const cookies = await Promise.all(emails.map((email, i) => login(bases[i % 2]!, email, { totp: true })));
    handlerCookie = cookies[0]!;
    const id = actionId("lib/queue/actions.ts", "takeNextAction");
    const clicks = cookies.flatMap((cookie, agent) =>
      Array.from({ length: TAKES_PER_AGENT }, (_, n) => ({ agent, base: bases[(agent + n) % 2]!, cookie })),
    );
    const results = await Promise.all(clicks.map(async (click) => ({ ...click, result: await takeNext(click.base, click.cookie, id) })));
    const taken = results.map((r) => ("ticketId" in r.result ? r.result.ticketId : `refused: ${r.result.reason}`));
    expect(taken.filter((t) => t.startsWith("refused"))).toEqual([]);
    expect(new Set(taken).size).toBe(clicks.length);
    // The database agrees: each ticket is with the agent who was told it was theirs, assigned once.
    const rows = await sql.query<{ id: string; email: string; assignments: string }>(
      `SELECT t.id, u.email, (SELECT count(*) FROM "TicketEvent" e WHERE e."ticketId" = t.id AND e.kind = 'assignee') AS assignments
       FROM "Ticket" t JOIN "User" u ON u.id = t."assigneeId" WHERE t.id = ANY($1::text[])`,
      [taken],
    );
    const owner = new Map(rows.rows.map((r) => [r.id, r.email]));
    for (const r of results) expect(owner.get((r.result as { ticketId: string }).ticketId)).toBe(emails[r.agent]);
    expect(rows.rows.filter((r) => r.assignments !== "1")).toEqual([]);
    // Each agent opens what they took on the other instance, and it shows them as its handler.
    const names = new Map((await sql.query<{ email: string; name: string }>(`SELECT email, name FROM "User" WHERE email = ANY($1::text[])`, [emails])).rows.map((r) => [r.email, r.name]));
    for (const [agent, cookie] of cookies.entries()) {
      const ticketId = (results.find((r) => r.agent === agent)!.result as { ticketId: string }).ticketId;
      const page = await call(`${bases[(agent + 1) % 2]}/agent/tickets/${ticketId}`, { headers: { cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      const { number } = (await sql.query<{ number: string }>(`SELECT number FROM "Ticket" WHERE id = $1`, [ticketId])).rows[0]!;
      expect(html.includes(number), `${number} on its page`).toBe(true);
      expect(html.includes(names.get(emails[agent]!)!), `${emails[agent]} on ${number}'s page`).toBe(true);
    }
  });

  it("beneficiaries see their own questions on either instance", async () => {
    for (const [i, email] of ["anna.jansen@burger.example", "bram.devries@burger.example"].entries()) {
      const cookie = await login(bases[i]!, email, { totp: false });
      const numbers = (await sql.query<{ number: string }>(`SELECT t.number FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" WHERE u.email = $1`, [email])).rows;
      expect(numbers.length).toBeGreaterThan(0);
      for (const base of bases) {
        const page = await call(`${base}/portaal`, { headers: { cookie } });
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(numbers.some(({ number }) => html.includes(number)), `${email}'s questions on ${base}/portaal`).toBe(true);
      }
    }
  });

  it("the worker's sweep warns about each breached clock once, also when sweeps run beside it", async () => {
    expect(breaching.length).toBeGreaterThan(0);
    const ids = breaching.map((t) => t.id);
    // A second and third sweeper at the same moment, as a mistaken second worker would be.
    process.env.DATABASE_URL = database!.url;
    const { runSweeps } = await import("@/lib/sweeps/run");
    const { db, disconnectDb } = await import("@/lib/db/client");
    await Promise.all([runSweeps(db, new Date()), runSweeps(db, new Date())]);
    await disconnectDb();
    await until(
      "the sweep to mark every prepared clock breached",
      async () => Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Ticket" WHERE id = ANY($1::text[]) AND "slaState" = 'BREACHED'`, [ids])).rows[0]!.n) === ids.length,
    );
    const notices = await sql.query<{ userId: string; entityId: string; kind: string; n: string }>(
      `SELECT "userId", "entityId", kind, count(*) AS n FROM "Notification" WHERE kind LIKE 'sla.%' GROUP BY 1, 2, 3`,
    );
    for (const ticket of breaching) {
      expect(notices.rows.filter((n) => n.entityId === ticket.id && n.userId === ticket.assigneeId && n.kind === "sla.breached")).toHaveLength(1);
    }
    expect(notices.rows.filter((n) => Number(n.n) !== 1)).toEqual([]);
    const changes = await sql.query<{ entityId: string; n: string }>(
      `SELECT "entityId", count(*) AS n FROM "AuditEvent" WHERE action = 'sla.state_changed' GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(changes.rows).toEqual([]);
    // The demo case handler's bell shows the same unread count on either instance.
    const unread = Number(
      (await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = $1 AND n."readAt" IS NULL`, [HANDLER])).rows[0]!.n,
    );
    expect(unread).toBeGreaterThan(0);
    for (const base of bases) {
      const bell = await call(`${base}/api/agent/notifications/unread`, { headers: { cookie: handlerCookie } });
      expect(bell.status).toBe(200);
      expect(await bell.json()).toEqual({ unread });
    }
  });

  it("each mail sent to the worker's SMTP intake is stored once, a sending server's retry included", async () => {
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: 4 });
    const run = `${Date.now()}`;
    const mail = (i: number) => ({
      from: `klant${i}@elders.example`,
      to: "vragen@loket.example",
      subject: `Vraag ${run}-${i} over mijn uitkering`,
      text: `Goedendag, dit is vraag ${i}.`,
      messageId: `<instances-${run}-${i}@elders.example>`,
    });
    // Every mail once, and the first five a second time at the same moment (a retry after a lost 250).
    const sends = [...Array.from({ length: MAILS }, (_, i) => i), 0, 1, 2, 3, 4].map((i) => transport.sendMail(mail(i)));
    const outcomes = await Promise.allSettled(sends);
    transport.close();
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    const stored = await sql.query<{ mailMessageId: string; n: string }>(
      `SELECT "mailMessageId", count(*) AS n FROM "InboundMail" WHERE "mailMessageId" LIKE $1 GROUP BY 1`,
      [`%instances-${run}-%`],
    );
    expect(stored.rows).toHaveLength(MAILS);
    expect(stored.rows.every((r) => r.n === "1")).toBe(true);
    // Each became one ticket (the worker completes what the intake stored).
    const tickets = await until("a ticket for every mail", async () => {
      const rows = (await sql.query<{ subject: string; n: string }>(`SELECT subject, count(*) AS n FROM "Ticket" WHERE subject LIKE $1 GROUP BY 1`, [`Vraag ${run}-%`])).rows;
      return rows.length === MAILS ? rows : undefined;
    });
    expect(tickets.every((r) => r.n === "1")).toBe(true);
  });

  it("no request failed and no process logged an error", () => {
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    for (const proc of procs) {
      expect(proc.child.exitCode, `${proc.name} is still running`).toBeNull();
      expect(proc.log.filter((line) => /error|⨯|unhandled|exception/i.test(line)), `${proc.name}'s log`).toEqual([]);
    }
  });
});
