import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { processPendingInbound, receiveInbound, storeInbound, type InboundDeps } from "@/lib/mail/ingest";
import { storeMailAttachment } from "@/lib/mail/runtime";
import { startSmtpListener, type SmtpListener } from "@/lib/mail/smtp-listener";
import { readStoredUpload } from "@/lib/uploads/storage";
import { listEmployerTickets, listRunningUrgentRequests } from "@/lib/employer/queries";
import { listMyTickets } from "@/lib/portal/queries";
import { queueFilterSchema } from "@/lib/queue/schema";
import { searchQueue } from "@/lib/tickets/queries";
import { addStaffReply } from "@/lib/tickets/mutations";
import { DEFAULT_CALENDAR_SETTINGS, dueAfterWorkingDays } from "@/lib/calendar/rules";
import { seedDemo, sessionFor } from "../support/fixtures";
import { dkimOption, fakeDns, makeDkimKey, publishSigningDomain } from "../support/mail-auth";

const now = new Date("2026-11-24T10:00:00Z");
const deps: InboundDeps = {
  db,
  inboundDir: mkdtempSync(path.join(tmpdir(), "loket-inbound-")),
  // Attachments are kept in memory here; the portal's upload store is tested on its own.
  storeAttachment: async (file) =>
    file.type === "application/pdf" ? { fileName: file.name, mimeType: file.type, size: file.bytes.length, sha256: "test", storageKey: `test/${file.name}` } : null,
};
let listener: SmtpListener;
let transport: nodemailer.Transporter;
// The senders' domains publish DKIM keys, SPF and DMARC p=reject in an offline DNS of our own.
const dns = fakeDns();
const key = makeDkimKey();
const SIGNING_DOMAINS = ["burger.example", "vandijk.example", "elders.example"];
for (const domain of SIGNING_DOMAINS) publishSigningDomain(dns, domain, key);

beforeAll(async () => {
  listener = await startSmtpListener({ deps, port: 0, now: () => now, maxBytes: 5 * 1024 * 1024, log: () => undefined, resolver: dns.resolver });
  transport = nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  transport.close();
  await listener.close();
});
beforeEach(async () => {
  await seedDemo(now);
  await db.inboundMail.deleteMany();
});

/** Sends as the From: domain's own server would: DKIM-signed, unless `forged`. */
function send(mail: nodemailer.SendMailOptions, options: { forged?: boolean } = {}) {
  const domain = /@([^@>\s]+)>?\s*$/.exec(String(mail.from ?? ""))?.[1]?.toLowerCase();
  const signed = !options.forged && domain !== undefined && SIGNING_DOMAINS.includes(domain);
  return transport.sendMail({ to: "vragen@loket.example", ...mail, ...(signed ? { dkim: dkimOption(domain, key) } : {}) });
}

async function ticketOf(messageId: string) {
  const row = await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: messageId } });
  return row.ticketId ? db.ticket.findUniqueOrThrow({ where: { id: row.ticketId }, include: { messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, urgentRequest: true } }) : null;
}

describe("incoming mail", () => {
  it("turns a new mail into an EMAIL ticket for a known sender, with an acknowledgement by mail", async () => {
    await send({ from: "Anna Jansen <anna.jansen@burger.example>", subject: "Vraag over mijn jaaropgave", text: "Waar staat mijn jaaropgave?", messageId: "<new-1@mail.example>" });
    const ticket = await ticketOf("<new-1@mail.example>");
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    expect(ticket).toMatchObject({ channel: "EMAIL", requesterId: anna.id, subject: "Vraag over mijn jaaropgave", status: "NEW" });
    expect(ticket!.messages[0]).toMatchObject({ direction: "INBOUND", body: "Waar staat mijn jaaropgave?", mailMessageId: "<new-1@mail.example>" });
    const ack = await db.outboxMessage.findFirstOrThrow({ where: { ticketId: ticket!.id } });
    expect(ack).toMatchObject({ kind: "ticket.acknowledgement", toAddress: "anna.jansen@burger.example", inReplyTo: "<new-1@mail.example>" });
    expect(ack.subject).toContain(ticket!.number);
  });

  it("gives a known sender's ticket their account's name, phone and language", async () => {
    // Read once, in the statement that claims the mail: the ticket and its acknowledgement use it.
    const anna = await db.user.update({ where: { email: "anna.jansen@burger.example" }, data: { locale: "en", phone: "0612345678" } });
    await send({ from: "anna.jansen@burger.example", subject: "Question about my annual statement", text: "Where is it?", messageId: "<new-en@mail.example>" });
    const ticket = await ticketOf("<new-en@mail.example>");
    expect(ticket).toMatchObject({ requesterId: anna.id, requesterName: anna.name, requesterEmail: anna.email, requesterPhone: "0612345678", audience: "BENEFICIARY" });
    const ack = await db.outboxMessage.findFirstOrThrow({ where: { ticketId: ticket!.id } });
    expect(ack.bodyText).toContain(`We have received your question "Question about my annual statement" under registration number ${ticket!.number}.`);
  });

  it("keeps an unknown sender as an address and threads replies both ways", async () => {
    await send({ from: "Piet Onbekend <piet@elders.example>", subject: "Vraag", text: "Eerste vraag", messageId: "<thread-1@mail.example>" });
    const ticket = (await ticketOf("<thread-1@mail.example>"))!;
    expect(ticket).toMatchObject({ requesterId: null, requesterEmail: "piet@elders.example", requesterName: "Piet Onbekend" });
    const ack = await db.outboxMessage.findFirstOrThrow({ where: { ticketId: ticket.id } });
    const { replyToken } = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });

    // A reply to our acknowledgement lands on the same ticket, by In-Reply-To.
    await send({ from: "piet@elders.example", subject: "Re: iets anders", text: "Aanvulling", messageId: "<thread-2@mail.example>", inReplyTo: ack.mailMessageId, references: [ack.mailMessageId] });
    // And one sent to the reply address of the acknowledgement, without threading headers.
    await send({ from: "piet@elders.example", to: `vragen+${replyToken}@loket.example`, subject: "Nog iets", text: "Nog een aanvulling", messageId: "<thread-3@mail.example>" });
    const messages = await db.message.findMany({ where: { ticketId: ticket.id, direction: "INBOUND" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(messages.map((m) => m.body)).toEqual(["Eerste vraag", "Aanvulling", "Nog een aanvulling"]);
    expect(await db.ticket.count({ where: { requesterEmail: "piet@elders.example" } })).toBe(1);
  });

  it("makes one message of the same mail delivered twice", async () => {
    const mail = { from: "piet@elders.example", subject: "Dubbel", text: "Twee keer verstuurd", messageId: "<dup@mail.example>" };
    await send(mail);
    await send(mail);
    expect(await db.inboundMail.count({ where: { mailMessageId: "<dup@mail.example>" } })).toBe(1);
    expect(await db.message.count({ where: { body: "Twee keer verstuurd" } })).toBe(1);
  });

  it("keeps the same mail arriving several times at once whole: one message, the full text", async () => {
    // An MTA retry or a second door racing the first: the raw file is written again while the
    // first receipt reads it back, which must never show a half-written mail.
    const text = Array.from({ length: 60_000 }, (_, i) => `Regel ${i} van een lange brief.`).join("\n");
    const raw = Buffer.from(
      `From: piet@elders.example\r\nTo: vragen@loket.example\r\nSubject: Tegelijk\r\nMessage-ID: <race@mail.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text.replace(/\n/g, "\r\n")}\r\n`,
    );
    const first = await receiveInbound(deps, raw, now, () => undefined);
    const { rawPath } = await db.inboundMail.findUniqueOrThrow({ where: { id: first.id } });
    // While the same mail is received again, the stored file is only ever seen whole.
    let receiving = true;
    const lengthsSeen = new Set<number>();
    const reader = (async () => {
      while (receiving) lengthsSeen.add((await readFile(rawPath)).length);
    })();
    const again = await Promise.all(Array.from({ length: 4 }, () => receiveInbound(deps, raw, now, () => undefined)));
    receiving = false;
    await reader;
    expect([...lengthsSeen]).toEqual([raw.length]);
    expect(again.every((r) => r.duplicate && r.id === first.id)).toBe(true);
    expect(await db.inboundMail.count({ where: { mailMessageId: "<race@mail.example>" } })).toBe(1);
    const messages = await db.message.findMany({ where: { ticket: { subject: "Tegelijk" }, direction: "INBOUND" }, select: { body: true } });
    expect(messages.map((m) => m.body.trim().length)).toEqual([text.length]);
  });

  it("does not attach a forged reply to another customer's ticket", async () => {
    const annas = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" }, status: "OPEN" }, include: { messages: true } });
    await db.message.update({ where: { id: annas.messages[0]!.id }, data: { mailMessageId: "<annas@mail.example>" } });
    await send({ from: "indringer@elders.example", subject: `Re: ${annas.number}`, text: "Geef mij haar gegevens", messageId: "<forged@mail.example>", inReplyTo: "<annas@mail.example>" });
    const ticket = (await ticketOf("<forged@mail.example>"))!;
    expect(ticket.id).not.toBe(annas.id);
    expect(ticket.requesterEmail).toBe("indringer@elders.example");
    expect(await db.message.count({ where: { ticketId: annas.id, body: "Geef mij haar gegevens" } })).toBe(0);
  });

  it("makes a 'spoed' mail from an employer urgent, linked to the open pre-announcement", async () => {
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" }, include: { memberships: true } });
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    const organisationId = eva.memberships[0]!.organisationId;
    const announcement = await db.preAnnouncement.create({
      // Phoned in before the mail arrived: only then does the mail pair with it.
      data: { organisationId, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Salarisrun morgen", forWhom: "Medewerker 2231", loggedById: agent.id, createdAt: new Date(now.getTime() - 600_000) },
    });
    await send({ from: "eva.bakker@vandijk.example", subject: "SPOED: loonbeslag verwerken", text: "Zie telefonisch gesprek", messageId: "<spoed-1@mail.example>" });
    const ticket = (await ticketOf("<spoed-1@mail.example>"))!;
    expect(ticket).toMatchObject({ priority: "URGENT", slaPolicyKey: "URGENT_REQUEST", organisationId });
    expect(ticket.slaDueAt?.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    expect(ticket.urgentRequest).toMatchObject({ preAnnouncementId: announcement.id, notPreAnnounced: false, forWhom: "Medewerker 2231" });
    expect((await db.preAnnouncement.findUniqueOrThrow({ where: { id: announcement.id } })).status).toBe("LINKED");

    // Without a pre-announcement the request is flagged for an agent to verify by phone.
    await send({ from: "eva.bakker@vandijk.example", subject: "spoedverzoek ontslag", text: "Graag vandaag", messageId: "<spoed-2@mail.example>" });
    const second = (await ticketOf("<spoed-2@mail.example>"))!;
    expect(second.urgentRequest).toMatchObject({ notPreAnnounced: true, preAnnouncementId: null });
    // A beneficiary's "spoed" is an ordinary question.
    await send({ from: "anna.jansen@burger.example", subject: "spoed", text: "snel graag", messageId: "<spoed-3@mail.example>" });
    expect((await ticketOf("<spoed-3@mail.example>"))!.priority).toBe("NORMAL");
  });

  it("stores accepted attachments and names the refused ones", async () => {
    await send({
      from: "piet@elders.example",
      subject: "Met bijlagen",
      text: "Zie bijlagen",
      messageId: "<att@mail.example>",
      attachments: [
        { filename: "beschikking.pdf", content: Buffer.from("%PDF-1.4 test"), contentType: "application/pdf" },
        { filename: "virus.exe", content: Buffer.from("MZ..."), contentType: "application/octet-stream" },
      ],
    });
    const ticket = (await ticketOf("<att@mail.example>"))!;
    const attachments = await db.attachment.findMany({ where: { message: { ticketId: ticket.id } } });
    expect(attachments.map((a) => a.fileName)).toEqual(["beschikking.pdf"]);
    expect(ticket.messages[0]!.body).toContain("virus.exe");
  });

  it("recognises bounces and auto-replies and makes no ticket of them", async () => {
    const before = await db.ticket.count();
    await send({ from: "MAILER-DAEMON@mx.elders.example", subject: "Undelivered Mail Returned to Sender", text: "550 no such user", messageId: "<bounce@mail.example>" });
    await send({ from: "piet@elders.example", subject: "Afwezig: Vraag", text: "Ik ben tot maandag afwezig", messageId: "<ooo@mail.example>", headers: { "Auto-Submitted": "auto-replied" } });
    expect(await db.ticket.count()).toBe(before);
    const rows = await db.inboundMail.findMany({ orderBy: { mailMessageId: "asc" } });
    expect(rows.map((r) => [r.status, r.reason])).toEqual([["IGNORED", "BOUNCE"], ["IGNORED", "AUTO_REPLY"]]);
  });

  it("stores HTML without scripts and subjects without injected header lines", async () => {
    await send({
      from: "piet@elders.example",
      subject: "Vraag\r\nBcc: iedereen@elders.example",
      html: '<p onclick="steal()">Hallo <b>team</b></p><script>alert(1)</script><a href="javascript:alert(2)">klik</a>',
      messageId: "<html@mail.example>",
    });
    const ticket = (await ticketOf("<html@mail.example>"))!;
    expect(ticket.subject).not.toMatch(/[\r\n]/);
    const html = ticket.messages[0]!.bodyHtml!;
    expect(html).toContain("<b>team</b>");
    expect(html).not.toMatch(/script|onclick|javascript:/i);
  });

  it("refuses a mail over the size limit at the SMTP level", async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 65);
    const error = await send({ from: "piet@elders.example", subject: "Groot", text: "x", attachments: [{ filename: "groot.pdf", content: big }] }).catch((e: unknown) => e);
    expect((error as { responseCode?: number }).responseCode).toBe(552);
    expect(await db.inboundMail.count()).toBe(0);
  });

  it("takes malformed MIME without crashing, keeping what could be read", async () => {
    const raw = "From: piet@elders.example\r\nSubject: kapot\r\nContent-Type: multipart/mixed; boundary=\"nooit\"\r\nMessage-ID: <broken@mail.example>\r\n\r\n--nooit\r\nContent-Type: text/plain\r\n\r\nhalf bericht zonder einde";
    await transport.sendMail({ envelope: { from: "piet@elders.example", to: ["vragen@loket.example"] }, raw });
    const ticket = (await ticketOf("<broken@mail.example>"))!;
    expect(ticket.subject).toBe("kapot");
    expect(ticket.messages[0]!.body).toContain("half bericht zonder einde");
  });

  it("answers 451 while the database is down, then accepts the retry", async () => {
    const original = deps.db;
    const down = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://nobody@127.0.0.1:1/none", connectionTimeoutMillis: 500 }) });
    deps.db = down;
    const mail = { from: "piet@elders.example", subject: "Tijdens storing", text: "Komt dit aan?", messageId: "<outage@mail.example>" };
    const error = await send(mail).catch((e: unknown) => e);
    expect((error as { responseCode?: number }).responseCode).toBe(451);
    deps.db = original;
    await down.$disconnect();
    await send(mail);
    expect((await ticketOf("<outage@mail.example>"))?.subject).toBe("Tijdens storing");
  });

  it("completes a stored mail after a crash between storing and ticket creation", async () => {
    const raw = Buffer.from("From: piet@elders.example\r\nTo: vragen@loket.example\r\nSubject: Na herstart\r\nMessage-ID: <crash@mail.example>\r\n\r\nOpgeslagen, nog geen ticket\r\n");
    const stored = await storeInbound(deps, raw, now);
    expect(stored.duplicate).toBe(false);
    expect(await processPendingInbound(deps, now)).toBe(1);
    expect((await ticketOf("<crash@mail.example>"))?.subject).toBe("Na herstart");
    expect(await processPendingInbound(deps, now)).toBe(0);
  });

  it("writes a mail's ticket whole or not at all: a failure leaves the mail stored and accepted, and it is completed once", async () => {
    const sequence = async () => (await db.ticketSequence.findMany()).map((row) => [row.year, row.last]);
    const numbersBefore = await sequence();
    // The ticket's last write (its audit event) is refused by the database.
    await db.$executeRawUnsafe(`CREATE FUNCTION audit_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."action" = 'ticket.create' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER audit_fail BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_fail()`);
    try {
      // Accepted: the raw mail is stored before its ticket is made.
      const info = await send({ from: "piet@elders.example", subject: "Half geschreven?", text: "Alles of niets", messageId: "<whole@mail.example>" });
      expect(info.response).toMatch(/^250 /);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER audit_fail ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION audit_fail()`);
    }
    const row = await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<whole@mail.example>" } });
    expect(row).toMatchObject({ status: "RECEIVED", ticketId: null });
    // Nothing of the ticket: no row, message, schedule entry or acknowledgement, and no number used.
    expect(await db.ticket.count({ where: { subject: "Half geschreven?" } })).toBe(0);
    expect(await db.message.count({ where: { mailMessageId: "<whole@mail.example>" } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { inReplyTo: "<whole@mail.example>" } })).toBe(0);
    expect(await sequence()).toEqual(numbersBefore);

    expect(await processPendingInbound(deps, now)).toBe(1);
    const ticket = (await ticketOf("<whole@mail.example>"))!;
    expect(ticket.messages.map((m) => m.direction)).toEqual(["INBOUND", "OUTBOUND"]);
    expect(await db.outboxMessage.count({ where: { inReplyTo: "<whole@mail.example>" } })).toBe(1);
    expect(await db.slaCheck.count({ where: { ticketId: ticket.id } })).toBe(1);
    // Its number is the next one: the failed attempt left no gap.
    const [year, last] = (await sequence()).find(([y]) => y === 2026)!;
    expect(ticket.number).toBe(`LK-${year}-${String(last).padStart(6, "0")}`);
    expect(last).toBe(Number(numbersBefore.find(([y]) => y === 2026)?.[1] ?? 0) + 1);
  });

  it("keeps mail attachments like portal uploads: checked by content, not by name", async () => {
    const own: InboundDeps = { ...deps, storeAttachment: storeMailAttachment };
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(200, 32)]);
    const raw = [
      "From: piet@elders.example", "To: vragen@loket.example", "Subject: Echte bijlagen", "Message-ID: <real-att@mail.example>", "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b"', "", "--b", "Content-Type: text/plain", "", "Zie bijlagen", "--b",
      'Content-Type: application/pdf; name="brief.pdf"', "Content-Transfer-Encoding: base64", 'Content-Disposition: attachment; filename="brief.pdf"', "", pdf.toString("base64"), "--b",
      'Content-Type: application/pdf; name="nep.pdf"', "Content-Transfer-Encoding: base64", 'Content-Disposition: attachment; filename="nep.pdf"', "", Buffer.from("MZ\x90\x00 not a pdf").toString("base64"), "--b--", "",
    ].join("\r\n");
    const stored = await storeInbound(own, Buffer.from(raw), now);
    await processPendingInbound(own, now);
    const row = await db.inboundMail.findUniqueOrThrow({ where: { id: stored.id } });
    const attachments = await db.attachment.findMany({ where: { message: { ticketId: row.ticketId! } } });
    expect(attachments.map((a) => [a.fileName, a.mimeType])).toEqual([["brief.pdf", "application/pdf"]]);
    expect(Buffer.from(await readStoredUpload(attachments[0]!.storageKey)).subarray(0, 8).toString()).toBe("%PDF-1.7");
    const message = await db.message.findFirstOrThrow({ where: { ticketId: row.ticketId! } });
    expect(message.body).toContain("nep.pdf");
  });
});

describe("sender authentication", () => {
  /** Anna's open ticket after a handler answered it by mail: the ticket now has its reply token. */
  async function annasAnsweredTicket() {
    const annas = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" }, status: "OPEN" } });
    const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    const reply = await db.$transaction((tx) => addStaffReply(tx, { ticketId: annas.id, authorId: handler.id, body: "Wij hebben uw vraag bekeken.", channel: "EMAIL" }, now));
    const answer = await db.outboxMessage.findUniqueOrThrow({ where: { id: reply.outboxId! } });
    const { replyToken } = await db.ticket.findUniqueOrThrow({ where: { id: annas.id } });
    expect(replyToken).toMatch(/^[0-9a-f]{32}$/);
    return { annas, answer, replyToken: replyToken! };
  }

  it("makes a forged 'spoed' mail from an employer contact no urgent request, sends no acknowledgement and keeps it out of the employer portal", async () => {
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" }, include: { memberships: true } });
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    const organisationId = eva.memberships[0]!.organisationId;
    const announcement = await db.preAnnouncement.create({
      // Phoned in before the mail arrived: only then does the mail pair with it.
      data: { organisationId, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Salarisrun morgen", forWhom: "Medewerker 2231", loggedById: agent.id, createdAt: new Date(now.getTime() - 600_000) },
    });
    const urgentBefore = await db.urgentRequest.count({ where: { organisationId } });
    // Not signed, from loopback, which vandijk.example's SPF does not allow: DMARC fails.
    await send({ from: "Eva Bakker <eva.bakker@vandijk.example>", subject: "SPOED: loonbeslag verwerken", text: "Betaal vandaag uit", messageId: "<forged-spoed@mail.example>" }, { forged: true });
    const row = await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<forged-spoed@mail.example>" } });
    expect(row.authVerdict).toBe("FAIL");
    expect(row.authDetails).toMatchObject({ source: "smtp", fromDomain: "vandijk.example", spf: "fail", dmarc: "fail" });
    const ticket = (await ticketOf("<forged-spoed@mail.example>"))!;
    expect(ticket).toMatchObject({ senderUnverified: true, requesterId: null, organisationId: null, priority: "NORMAL", requesterEmail: "eva.bakker@vandijk.example", requesterName: "Eva Bakker" });
    expect(ticket.urgentRequest).toBeNull();
    expect(await db.urgentRequest.count({ where: { organisationId } })).toBe(urgentBefore);
    expect((await db.preAnnouncement.findUniqueOrThrow({ where: { id: announcement.id } })).status).toBe("OPEN");
    // No acknowledgement: none on the timeline, none in the outbox to the real Eva.
    expect(ticket.messages.map((m) => m.direction)).toEqual(["INBOUND"]);
    expect(await db.outboxMessage.count({ where: { OR: [{ ticketId: ticket.id }, { toAddress: "eva.bakker@vandijk.example" }] } })).toBe(0);

    const session = await sessionFor("eva.bakker@vandijk.example");
    const listed = await listEmployerTickets(session);
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.map((i) => i.id)).not.toContain(ticket.id);
    expect((await listRunningUrgentRequests(session)).map((u) => u.ticket.number)).not.toContain(ticket.number);
  });

  it("treats a 'spoed' mail whose domain publishes nothing as not verified (NONE) either", async () => {
    const tom = await db.user.update({ where: { email: "tom.visser@vandijk.example" }, data: { email: "tom@kleinbedrijf.example" }, include: { memberships: true } });
    await send({ from: "tom@kleinbedrijf.example", subject: "spoedverzoek ontslag", text: "Graag vandaag", messageId: "<none-spoed@mail.example>" });
    const row = await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<none-spoed@mail.example>" } });
    expect(row.authVerdict).toBe("NONE");
    const ticket = (await ticketOf("<none-spoed@mail.example>"))!;
    expect(ticket).toMatchObject({ senderUnverified: true, requesterId: null, organisationId: null, priority: "NORMAL", urgentRequest: null });
    expect(await db.urgentRequest.count({ where: { organisationId: tom.memberships[0]!.organisationId, ticketId: ticket.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { toAddress: "tom@kleinbedrijf.example" } })).toBe(0);
  });

  it("starts an answered question's clock afresh when its requester mails again a day later, and schedules it for the sweep", async () => {
    const { annas, answer, replyToken } = await annasAnsweredTicket();
    expect((await db.ticket.findUniqueOrThrow({ where: { id: annas.id } })).slaStoppedAt?.toISOString()).toBe(now.toISOString());
    // The same door, a day later (Wednesday 25 November, 10:00 Amsterdam).
    const later = new Date(now.getTime() + 24 * 3_600_000);
    const door = await startSmtpListener({ deps, port: 0, now: () => later, log: () => undefined, resolver: dns.resolver });
    const sender = nodemailer.createTransport({ host: "127.0.0.1", port: door.port, secure: false, ignoreTLS: true });
    try {
      await sender.sendMail({
        from: "Anna Jansen <anna.jansen@burger.example>",
        to: `vragen+${replyToken}@loket.example`,
        subject: `Re: ${answer.subject}`,
        text: "Nog een vraag over hetzelfde",
        messageId: "<anna-again@mail.example>",
        inReplyTo: answer.mailMessageId,
        dkim: dkimOption("burger.example", key),
      });
    } finally {
      sender.close();
      await door.close();
    }
    const row = await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<anna-again@mail.example>" } });
    expect(row).toMatchObject({ status: "PROCESSED", authVerdict: "PASS", ticketId: annas.id, claimedTicketId: annas.id });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: annas.id }, include: { messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
    // A new question on the same ticket: its clock runs from the mail, five working days.
    expect(ticket.slaStartedAt?.toISOString()).toBe(later.toISOString());
    expect(ticket.slaStoppedAt).toBeNull();
    expect(ticket.slaDueAt?.toISOString()).toBe(dueAfterWorkingDays(later, 5, DEFAULT_CALENDAR_SETTINGS).toISOString());
    expect(ticket.lastActivityAt.toISOString()).toBe(later.toISOString());
    expect(ticket.messages.at(-1)).toMatchObject({ direction: "INBOUND", body: "Nog een vraag over hetzelfde", mailMessageId: "<anna-again@mail.example>" });
    const check = await db.slaCheck.findUniqueOrThrow({ where: { ticketId: annas.id } });
    expect(check.at.getTime()).toBeGreaterThan(later.getTime());
    expect(await db.auditEvent.count({ where: { action: "ticket.customer_message", entityId: annas.id } })).toBe(1);
  });

  it("does not add a forged 'Re: [LK-…]' mail to the customer's ticket, even with the ticket's reply token", async () => {
    const { annas, answer, replyToken } = await annasAnsweredTicket();
    await send(
      {
        from: "Anna Jansen <anna.jansen@burger.example>",
        to: `vragen+${replyToken}@loket.example`,
        subject: `Re: [${annas.number}] ${annas.subject}`,
        text: "Mijn nieuwe rekeningnummer is NL00FAKE0123456789",
        messageId: "<forged-re@mail.example>",
        inReplyTo: answer.mailMessageId,
        references: [answer.mailMessageId],
      },
      { forged: true },
    );
    const row = await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<forged-re@mail.example>" } });
    expect(row).toMatchObject({ authVerdict: "FAIL", claimedTicketId: annas.id });
    expect(await db.message.count({ where: { ticketId: annas.id, body: { contains: "NL00FAKE" } } })).toBe(0);
    const ticket = (await ticketOf("<forged-re@mail.example>"))!;
    expect(ticket.id).not.toBe(annas.id);
    expect(ticket).toMatchObject({ senderUnverified: true, requesterId: null, organisationId: null });
    expect(await db.outboxMessage.count({ where: { ticketId: ticket.id } })).toBe(0);
    // Staff see which ticket it claimed; Anna's portal shows her ticket, not the forged one.
    expect(ticket.messages.find((m) => m.direction === "INTERNAL")?.body).toContain(annas.number);
    const mine = (await listMyTickets(await sessionFor("anna.jansen@burger.example"), 0)).items.map((i) => i.id);
    expect(mine).toContain(annas.id);
    expect(mine).not.toContain(ticket.id);
    // The staff queue marks it.
    const queue = await searchQueue(await sessionFor("behandelaar@loket.example"), queueFilterSchema.parse({ q: ticket.number }));
    expect(queue.items.map((i) => [i.number, i.senderUnverified])).toEqual([[ticket.number, true]]);
  });

  it("adds a DKIM-signed, DMARC-passing mail to the ticket whose reply address it was sent to", async () => {
    const { annas, replyToken } = await annasAnsweredTicket();
    dns.queries.length = 0;
    await send({ from: "Anna Jansen <anna.jansen@burger.example>", to: `Loket <vragen+${replyToken}@loket.example>`, subject: "Re: uw antwoord", text: "Dank, hier is mijn aanvulling", messageId: "<signed-re@mail.example>" });
    const row = await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<signed-re@mail.example>" } });
    expect(row).toMatchObject({ authVerdict: "PASS", ticketId: annas.id });
    expect(row.authDetails).toMatchObject({ dmarc: "pass", fromDomain: "burger.example", dkim: [{ domain: "burger.example", result: "pass" }] });
    // The signature was checked against the key the domain published.
    expect(dns.queries).toContain(`TXT ${key.selector}._domainkey.burger.example`);
    const inbound = await db.message.findMany({ where: { ticketId: annas.id, direction: "INBOUND" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(inbound.at(-1)?.body).toBe("Dank, hier is mijn aanvulling");
  });

  it("makes a passing mail with only the registration number in its subject a new ticket that names the old one", async () => {
    const annas = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" }, status: "OPEN" } });
    await send({ from: "anna.jansen@burger.example", subject: `Re: [${annas.number}] ${annas.subject}`, text: "Nog een vraag", messageId: "<subject-only@mail.example>" });
    const row = await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<subject-only@mail.example>" } });
    expect(row.authVerdict).toBe("PASS");
    expect(row.ticketId).not.toBe(annas.id);
    expect(await db.message.count({ where: { ticketId: annas.id, body: "Nog een vraag" } })).toBe(0);
    const ticket = (await ticketOf("<subject-only@mail.example>"))!;
    expect(ticket).toMatchObject({ senderUnverified: false, requesterId: annas.requesterId });
    expect(ticket.messages.find((m) => m.direction === "INTERNAL")?.body).toContain(annas.number);
    expect(await db.outboxMessage.count({ where: { ticketId: ticket.id, kind: "ticket.acknowledgement" } })).toBe(1);
  });
});
