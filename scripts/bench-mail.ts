// `npm run bench:mail [-- N]`: sends N mails (default 10,000) through the SMTP intake into a
// throwaway PostgreSQL database and prints mails per second and the p50/p95 time from the end of
// SMTP DATA to the stored ticket. Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a server role
// that may create databases; without it the in-memory PGlite is used, which is not representative.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import net from "node:net";
import nodemailer from "nodemailer";
import { applyMigrations } from "../lib/db/migrate";
import { createScratchDatabase, MIGRATIONS_DIR } from "../tests/support/database";
import { fakeDns } from "../tests/support/mail-auth";
import { postgresCpuMs } from "./bench-support";

const total = Number(process.argv[2] ?? 10_000);
// Assigning undefined to process.env stores the string "undefined": only copy a set value.
if (!process.env.TEST_DATABASE_URL && process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const database = await createScratchDatabase("benchmail");
process.env.DATABASE_URL = database.url;
// The embedded database is one session: one connection, as the launcher and the tests use it.
process.env.DATABASE_POOL_MAX = database.kind === "postgres" ? "10" : "1";
if (database.kind === "pglite") process.env.LOKET_EMBEDDED = "1";
await applyMigrations({ databaseUrl: database.url, migrationsDir: MIGRATIONS_DIR });

const { db, disconnectDb } = await import("../lib/db/client");
const { seedDatabase } = await import("../prisma/seed");
const { startSmtpListener } = await import("../lib/mail/smtp-listener");
await seedDatabase({ force: true, now: new Date() });

const inboundDir = mkdtempSync(path.join(tmpdir(), "loket-bench-inbound-"));
const intake: number[] = [];
// Offline DNS: the senders' domains allow this machine by SPF and publish DMARC, so every mail
// is authenticated (SPF aligned) as real mail would be, without network lookups.
const dns = fakeDns();
for (const domain of ["elders.example", "burger.example", "vandijk.example"]) {
  dns.publish(domain, { TXT: ["v=spf1 ip4:127.0.0.1 -all"] });
  dns.publish(`_dmarc.${domain}`, { TXT: ["v=DMARC1; p=reject"] });
}
const listener = await startSmtpListener({
  deps: { db, inboundDir },
  port: 0,
  log: () => undefined,
  onIntakeMs: (ms) => intake.push(ms),
  resolver: dns.resolver,
});
// SMTP connections at once, as a sending MTA opens several (Postfix: up to 20 per destination).
const concurrency = Number(process.env.BENCH_MAIL_CONNECTIONS ?? 4);
// Each connection's socket without Nagle's algorithm. nodemailer writes a mail's end-of-data dot
// apart from its body, so with Nagle on the dot waited for the intake's acknowledgement of the
// body, which Linux delays up to 40 ms: every mail then cost its connection 40 ms of the
// client's own making (measured: 125 mails/s with it, 189 without, same server). That wait is
// the sender's socket, not the intake's: the intake answers once the dot arrives, and its own
// sockets have Nagle off (smtp-server).
const transport = nodemailer.createTransport({
  host: "127.0.0.1",
  port: listener.port,
  secure: false,
  ignoreTLS: true,
  pool: true,
  maxConnections: concurrency,
  maxMessages: Infinity,
  getSocket: (_options, callback) => {
    const socket = net.connect({ host: "127.0.0.1", port: listener.port, noDelay: true }, () => callback(null, { connection: socket }));
    socket.once("error", (error) => callback(error, null));
  },
});

// A realistic mix: mostly new questions from unknown senders, a fifth replies to the reply
// address of their acknowledgement, some from known portal users.
const known = ["anna.jansen@burger.example", "bram.devries@burger.example", "tom.visser@vandijk.example"];
const numbers: { from: string; number: string; replyTo: string }[] = [];
async function one(i: number) {
  const kind = i % 10;
  let from = `klant${i % 2000}@elders.example`;
  let to = "vragen@loket.example";
  let subject = `Vraag ${i} over mijn uitkering`;
  if (kind < 2 && numbers.length > 0) {
    const earlier = numbers[(i * 7919) % numbers.length]!;
    from = earlier.from;
    to = earlier.replyTo;
    subject = `Re: [${earlier.number}] aanvulling`;
  } else if (kind === 2) {
    from = known[i % known.length]!;
  }
  await transport.sendMail({ from, to, subject, text: `Beste Loket,\n\nBericht ${i}.\n\nMet vriendelijke groet`, messageId: `<bench-${i}@elders.example>` });
  if (kind >= 3 && i % 25 === 0) {
    const row = await db.inboundMail.findUnique({ where: { mailMessageId: `<bench-${i}@elders.example>` } });
    const ticket = row?.ticketId ? await db.ticket.findUnique({ where: { id: row.ticketId }, select: { number: true, replyToken: true } }) : null;
    if (ticket?.replyToken) numbers.push({ from, number: ticket.number, replyTo: `vragen+${ticket.replyToken}@loket.example` });
  }
}

// The machine is shared: the load beside each figure says how much of it was this run's.
const loadBefore = loadavg();
// CPU per mail moves far less with the machine's other load than mails per second do.
const cpuBefore = { node: process.cpuUsage(), database: postgresCpuMs() };
// WAL written and transactions committed per mail do not drift with the machine at all.
const walPosition = async () =>
  database.kind === "postgres"
    ? (await db.$queryRaw<{ lsn: string; commits: bigint }[]>`SELECT pg_current_wal_lsn()::text AS "lsn", (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS "commits"`)[0]!
    : null;
const walBefore = await walPosition();
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++;
      await one(i);
      if ((i + 1) % 1000 === 0) process.stdout.write(`  ${i + 1} mails\n`);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const nodeCpu = process.cpuUsage(cpuBefore.node);
const databaseCpu = cpuBefore.database === null ? null : postgresCpuMs()! - cpuBefore.database;
const walAfter = await walPosition();
transport.close();
await listener.close();

intake.sort((a, b) => a - b);
const pct = (p: number) => intake[Math.min(intake.length - 1, Math.floor((p / 100) * intake.length))]!;
const tickets = await db.ticket.count({ where: { channel: "EMAIL", number: { not: "" } } });
const processed = await db.inboundMail.count({ where: { status: "PROCESSED" } });
console.log(`database          ${database.kind}`);
console.log(`mails             ${total} in ${seconds.toFixed(1)} s over ${concurrency} SMTP connections`);
console.log(`mails per second  ${(total / seconds).toFixed(1)}`);
console.log(`DATA -> ticket    p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${pct(100).toFixed(1)} ms`);
const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(" ");
const perMail = (ms: number) => `${(ms / total).toFixed(2)} ms`;
const nodeMs = (nodeCpu.user + nodeCpu.system) / 1000;
console.log(
  `CPU per mail      ${perMail(nodeMs)} this process (the intake and the benchmark's SMTP sender)` +
    (databaseCpu === null ? "" : `, ${perMail(databaseCpu)} PostgreSQL, ${perMail(nodeMs + databaseCpu)} in all`),
);
if (walBefore && walAfter) {
  const [{ bytes }] = await db.$queryRaw<[{ bytes: number }]>`SELECT pg_wal_lsn_diff(${walAfter.lsn}::pg_lsn, ${walBefore.lsn}::pg_lsn)::float8 AS "bytes"`;
  // pg_stat_database is updated when a backend reports, so the commits may lag by a few.
  console.log(`per mail          ${(bytes / total / 1024).toFixed(1)} KB of WAL, ${(Number(walAfter.commits - walBefore.commits) / total).toFixed(2)} commits`);
}
console.log(`load (1/5/15 min) ${load(loadBefore)} before, ${load(loadavg())} after`);
console.log(`stored            ${processed} processed mails, ${tickets} mail tickets`);
await disconnectDb();
await database.drop();
rmSync(inboundDir, { recursive: true, force: true });
