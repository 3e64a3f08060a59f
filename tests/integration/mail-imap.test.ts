import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { ImapFlow } from "imapflow";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseImapUrl, type ImapConfig } from "@/lib/mail/imap-config";
import { imapLockKey } from "@/lib/mail/imap-lock";
import { startImapPoller, type ImapPoller } from "@/lib/mail/imap-poller";
import type { InboundDeps } from "@/lib/mail/ingest";
import { startDovecot, type Dovecot } from "../support/dovecot";
import { seedDemo } from "../support/fixtures";
import { passingAuthResults } from "../support/mail-auth";

const now = new Date("2026-11-24T10:00:00Z");
const deps: InboundDeps = { db, inboundDir: mkdtempSync(path.join(tmpdir(), "loket-imap-inbound-")) };
const MAX_BYTES = 64 * 1024;
// The organisation's receiving server: only its Authentication-Results header is believed.
const AUTHSERV_ID = "mx.loket.example";
let dovecot: Dovecot;
let config: ImapConfig;
let poller: ImapPoller;
let mailbox: ImapFlow; // the test's own client: what the organisation's mail server would do
const logLines: string[] = [];

function start(extra: Partial<Parameters<typeof startImapPoller>[0]> = {}): ImapPoller {
  return startImapPoller({ config, deps, now: () => now, maxBytes: MAX_BYTES, log: (line) => logLines.push(line), background: false, authservId: AUTHSERV_ID, ...extra });
}

async function reconnect(): Promise<ImapFlow> {
  const client = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

beforeAll(async () => {
  dovecot = await startDovecot();
  config = parseImapUrl(dovecot.url);
  poller = start();
  mailbox = await reconnect();
});
afterAll(async () => {
  await poller?.stop();
  await mailbox?.logout().catch(() => undefined);
  await dovecot?.stop();
});
beforeEach(async () => {
  await seedDemo(now);
  await db.inboundMail.deleteMany();
  const lock = await mailbox.getMailboxLock("INBOX");
  try {
    if (mailbox.mailbox && mailbox.mailbox.exists > 0) await mailbox.messageDelete("1:*");
  } finally {
    lock.release();
  }
  logLines.length = 0;
});

/** A mail as the receiving server delivers it: with its passing Authentication-Results on top, unless `authResults` says otherwise. */
function mail(fields: { from: string; subject: string; id: string; body: string; headers?: string[]; authResults?: string | null }): string {
  const domain = /@([^@>\s]+)>?\s*$/.exec(fields.from)?.[1] ?? "";
  const authResults = fields.authResults === undefined ? passingAuthResults(AUTHSERV_ID, domain) : fields.authResults;
  return [...(authResults ? [authResults] : []), `From: ${fields.from}`, "To: vragen@loket.example", `Subject: ${fields.subject}`, `Message-ID: ${fields.id}`, "Date: Tue, 24 Nov 2026 10:00:00 +0000", ...(fields.headers ?? []), "Content-Type: text/plain; charset=utf-8", "", fields.body, ""].join("\r\n");
}

async function append(raw: string, arrivedAt?: Date): Promise<number> {
  const result = await mailbox.append("INBOX", raw, [], arrivedAt);
  if (!result || !result.uid) throw new Error("APPEND gave no UID");
  return result.uid;
}

async function flagsOf(uid: number): Promise<string[]> {
  const lock = await mailbox.getMailboxLock("INBOX");
  try {
    const message = await mailbox.fetchOne(String(uid), { flags: true }, { uid: true });
    // \Recent belongs to the session that saw the mail first: not what the poller sets.
    return message ? [...(message.flags ?? [])].filter((flag) => flag !== "\\Recent").sort() : [];
  } finally {
    lock.release();
  }
}

async function ticketOf(messageId: string) {
  const row = await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: messageId } });
  return row.ticketId ? db.ticket.findUniqueOrThrow({ where: { id: row.ticketId }, include: { messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } }) : null;
}

async function until(check: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("IMAP poller", () => {
  it("turns a new mail into an EMAIL ticket with an acknowledgement, and marks it \\Seen once stored", async () => {
    const uid = await append(mail({ from: "Anna Jansen <anna.jansen@burger.example>", subject: "Vraag via IMAP", id: "<imap-new@mail.example>", body: "Waar staat mijn jaaropgave?" }));
    expect(await flagsOf(uid)).toEqual([]);
    expect(await poller.pollNow()).toMatchObject({ ran: true, stored: 1, failed: 0 });
    const ticket = (await ticketOf("<imap-new@mail.example>"))!;
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    expect(ticket).toMatchObject({ channel: "EMAIL", requesterId: anna.id, subject: "Vraag via IMAP", status: "NEW" });
    // The question, then the acknowledgement with the registration number, as the agent sees them.
    expect(ticket.messages.map((m) => m.direction)).toEqual(["INBOUND", "OUTBOUND"]);
    expect(ticket.messages[0]!.body).toBe("Waar staat mijn jaaropgave?");
    expect(ticket.messages[1]!.body).toContain(ticket.number);
    const ack = await db.outboxMessage.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(ack).toMatchObject({ kind: "ticket.acknowledgement", toAddress: "anna.jansen@burger.example", inReplyTo: "<imap-new@mail.example>" });
    expect(await flagsOf(uid)).toEqual(["\\Seen"]);
    // Nothing unseen is left, so the next poll takes nothing.
    expect(await poller.pollNow()).toMatchObject({ ran: true, stored: 0, duplicates: 0 });
    expect(logLines.join("\n")).not.toContain("jaaropgave");
  });

  it("threads replies onto their ticket by what Loket sent, oldest mail first within one poll", async () => {
    // A follow-up to the customer's own mail names no Message-ID Loket issued: its own ticket.
    await append(mail({ from: "piet@elders.example", subject: "Vraag", id: "<imap-q@mail.example>", body: "Eerste vraag" }));
    await append(mail({ from: "piet@elders.example", subject: "Re: Vraag", id: "<imap-r1@mail.example>", body: "Aanvulling", headers: ["In-Reply-To: <imap-q@mail.example>"] }));
    expect(await poller.pollNow()).toMatchObject({ stored: 2 });
    const ticket = (await ticketOf("<imap-q@mail.example>"))!;
    expect((await ticketOf("<imap-r1@mail.example>"))!.id).not.toBe(ticket.id);
    const ack = await db.outboxMessage.findFirstOrThrow({ where: { ticketId: ticket.id } });
    const { replyToken } = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    // A reply to our acknowledgement, and one to its reply address in the same poll.
    await append(mail({ from: "piet@elders.example", subject: "Re: bevestiging", id: "<imap-r2@mail.example>", body: "Op uw bevestiging", headers: [`In-Reply-To: ${ack.mailMessageId}`] }));
    await append(mail({ from: "piet@elders.example", subject: "Nog iets", id: "<imap-r3@mail.example>", body: "Nog een aanvulling", headers: [`Delivered-To: vragen+${replyToken}@loket.example`] }));
    expect(await poller.pollNow()).toMatchObject({ stored: 2 });
    const inbound = await db.message.findMany({ where: { ticketId: ticket.id, direction: "INBOUND" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(inbound.map((m) => m.body)).toEqual(["Eerste vraag", "Op uw bevestiging", "Nog een aanvulling"]);
    expect(await db.ticket.count({ where: { requesterEmail: "piet@elders.example" } })).toBe(2);
  });

  it("believes only the receiving server's own Authentication-Results: a reply with a spoofed one does not join", async () => {
    await append(mail({ from: "Anna Jansen <anna.jansen@burger.example>", subject: "Vraag", id: "<imap-anna@mail.example>", body: "Mijn vraag" }));
    await poller.pollNow();
    const ticket = (await ticketOf("<imap-anna@mail.example>"))!;
    const ack = await db.outboxMessage.findFirstOrThrow({ where: { ticketId: ticket.id } });
    const reply = { from: "anna.jansen@burger.example", subject: `Re: [${ticket.number}] Vraag`, headers: [`In-Reply-To: ${ack.mailMessageId}`] };
    // The receiving server found DMARC failing; the sender wrote its own passing header below
    // it, and one under a look-alike authserv-id above it. Neither counts.
    await append(
      mail({
        ...reply,
        id: "<imap-spoofed@mail.example>",
        body: "Nieuw rekeningnummer NL00FAKE",
        authResults: [
          "Authentication-Results: mx.loket.example.evil.example; dmarc=pass header.from=burger.example",
          `Authentication-Results: ${AUTHSERV_ID}; spf=fail smtp.mailfrom=burger.example; dkim=none; dmarc=fail (p=reject) header.from=burger.example`,
          passingAuthResults(AUTHSERV_ID, "burger.example"),
        ].join("\r\n"),
      }),
    );
    // Only a header under another id: nothing established.
    await append(mail({ ...reply, id: "<imap-other-id@mail.example>", body: "Nog een nep", authResults: passingAuthResults("mx.elders.example", "burger.example") }));
    // The genuine reply, with the server's passing header.
    await append(mail({ ...reply, id: "<imap-genuine@mail.example>", body: "Echte aanvulling" }));
    expect(await poller.pollNow()).toMatchObject({ stored: 3 });

    expect(await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<imap-spoofed@mail.example>" } })).toMatchObject({ authVerdict: "FAIL", claimedTicketId: ticket.id });
    expect(await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<imap-other-id@mail.example>" } })).toMatchObject({ authVerdict: "NONE", claimedTicketId: ticket.id });
    expect(await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<imap-genuine@mail.example>" } })).toMatchObject({ authVerdict: "PASS", ticketId: ticket.id });
    const inbound = await db.message.findMany({ where: { ticketId: ticket.id, direction: "INBOUND" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(inbound.map((m) => m.body)).toEqual(["Mijn vraag", "Echte aanvulling"]);
    for (const id of ["<imap-spoofed@mail.example>", "<imap-other-id@mail.example>"]) {
      expect(await ticketOf(id)).toMatchObject({ senderUnverified: true, requesterId: null });
    }
  });

  it("counts polled mail as not verified when no receiving server is configured (MAIL_AUTHSERV_ID unset)", async () => {
    const unconfigured = start({ authservId: null });
    try {
      await append(mail({ from: "Anna Jansen <anna.jansen@burger.example>", subject: "Zonder id", id: "<imap-noid@mail.example>", body: "Vraag" }));
      expect(await unconfigured.pollNow()).toMatchObject({ stored: 1 });
    } finally {
      await unconfigured.stop();
    }
    expect(await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<imap-noid@mail.example>" } })).toMatchObject({ authVerdict: "NONE" });
    const ticket = (await ticketOf("<imap-noid@mail.example>"))!;
    expect(ticket).toMatchObject({ senderUnverified: true, requesterId: null });
    expect(await db.outboxMessage.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("makes one message of a mail appended twice, and of a mail fetched again after a crash before flagging", async () => {
    const raw = mail({ from: "piet@elders.example", subject: "Dubbel", id: "<imap-dup@mail.example>", body: "Twee keer in de bus" });
    const first = await append(raw);
    const second = await append(raw);
    expect(await poller.pollNow()).toMatchObject({ stored: 1, duplicates: 1 });
    expect(await flagsOf(first)).toEqual(["\\Seen"]);
    expect(await flagsOf(second)).toEqual(["\\Seen"]);
    // A crash after storing, before \Seen: the mail is unseen again and fetched again.
    const lock = await mailbox.getMailboxLock("INBOX");
    await mailbox.messageFlagsRemove([first], ["\\Seen"], { uid: true }).finally(() => lock.release());
    expect(await poller.pollNow()).toMatchObject({ stored: 0, duplicates: 1 });
    expect(await db.inboundMail.count({ where: { mailMessageId: "<imap-dup@mail.example>" } })).toBe(1);
    expect(await db.message.count({ where: { body: "Twee keer in de bus" } })).toBe(1);
  });

  it("makes no ticket of a bounce, and still takes it out of the unseen mail", async () => {
    const before = await db.ticket.count();
    const uid = await append(mail({ from: "MAILER-DAEMON@mx.elders.example", subject: "Undelivered Mail Returned to Sender", id: "<imap-bounce@mail.example>", body: "550 no such user" }));
    await poller.pollNow();
    expect(await db.ticket.count()).toBe(before);
    expect(await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<imap-bounce@mail.example>" } })).toMatchObject({ status: "IGNORED", reason: "BOUNCE" });
    expect(await flagsOf(uid)).toEqual(["\\Seen"]);
  });

  it("leaves a mail unseen while the database is down and stores it on a later poll", async () => {
    const original = deps.db;
    const down = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://nobody@127.0.0.1:1/none", connectionTimeoutMillis: 500 }) });
    // It arrived an hour before the outage ended: its clock starts then, not at the later poll.
    const arrivedAt = new Date(now.getTime() - 3_600_000);
    const uid = await append(mail({ from: "piet@elders.example", subject: "Tijdens storing", id: "<imap-outage@mail.example>", body: "Komt dit aan?" }), arrivedAt);
    deps.db = down;
    try {
      expect(await poller.pollNow()).toMatchObject({ stored: 0, failed: 1 });
    } finally {
      deps.db = original;
      await down.$disconnect();
    }
    expect(await flagsOf(uid)).toEqual([]);
    expect(await db.inboundMail.count()).toBe(0);
    expect(await poller.pollNow()).toMatchObject({ stored: 1, failed: 0 });
    const ticket = await ticketOf("<imap-outage@mail.example>");
    expect(ticket?.subject).toBe("Tijdens storing");
    expect(ticket?.createdAt).toEqual(arrivedAt);
    expect(await flagsOf(uid)).toEqual(["\\Seen"]);
  });

  it("does not take a mail over the intake's size limit: flagged for a person, no ticket", async () => {
    const uid = await append(mail({ from: "piet@elders.example", subject: "Groot", id: "<imap-big@mail.example>", body: "x".repeat(MAX_BYTES + 1) }));
    const small = await append(mail({ from: "piet@elders.example", subject: "Klein", id: "<imap-small@mail.example>", body: "klein" }));
    expect(await poller.pollNow()).toMatchObject({ stored: 1, tooLarge: 1 });
    expect(await db.inboundMail.count({ where: { mailMessageId: "<imap-big@mail.example>" } })).toBe(0);
    expect(await flagsOf(uid)).toEqual(["\\Flagged", "\\Seen"]);
    expect(await flagsOf(small)).toEqual(["\\Seen"]);
  });

  it("lets two pollers on one mailbox make one ticket per mail", async () => {
    const other = start();
    try {
      for (const n of [1, 2, 3]) await append(mail({ from: "piet@elders.example", subject: `Tegelijk ${n}`, id: `<imap-twice-${n}@mail.example>`, body: `Bericht ${n}` }));
      await Promise.all([poller.pollNow(), other.pollNow()]);
    } finally {
      await other.stop();
    }
    expect(await db.inboundMail.count()).toBe(3);
    expect(await db.message.count({ where: { body: { startsWith: "Bericht " } } })).toBe(3);
  });

  it.runIf(inject("databaseKind") === "postgres")("skips a poll while another process holds the mailbox lock", async () => {
    const uid = await append(mail({ from: "piet@elders.example", subject: "Op slot", id: "<imap-locked@mail.example>", body: "Wacht" }));
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1, $2)", imapLockKey(config));
      expect(await poller.pollNow()).toMatchObject({ ran: false, stored: 0 });
      expect(await flagsOf(uid)).toEqual([]);
    } finally {
      await holder.end();
    }
    expect(await poller.pollNow()).toMatchObject({ ran: true, stored: 1 });
  });

  it("in the background, notices new mail by IDLE and comes back after the server drops the connection", async () => {
    const background = start({ background: true, config: { ...config, pollSeconds: 3_600 } });
    try {
      await background.pollNow(); // after the start's own poll: what comes next, only IDLE can see
      await append(mail({ from: "piet@elders.example", subject: "Via IDLE", id: "<imap-idle@mail.example>", body: "Meteen gezien" }));
      await until(async () => (await db.inboundMail.count({ where: { mailMessageId: "<imap-idle@mail.example>" } })) === 1);
      await dovecot.kick(); // drops the test's own client too
      mailbox = await reconnect();
      await until(async () => logLines.some((l) => l.startsWith("connected to")));
      await append(mail({ from: "piet@elders.example", subject: "Na verbreken", id: "<imap-after@mail.example>", body: "Weer verbonden" }));
      await until(async () => (await db.inboundMail.count({ where: { mailMessageId: "<imap-after@mail.example>" } })) === 1);
    } finally {
      await background.stop();
    }
    expect(logLines).toContain("connection closed");
    expect((await ticketOf("<imap-after@mail.example>"))?.subject).toBe("Na verbreken");
  });
});
