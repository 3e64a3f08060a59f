import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMailSender, deliverDueMail, retryFailedMail, type MailSender } from "@/lib/mail/delivery";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/mail/rules";
import { enqueueMail } from "@/lib/outbox/mutations";
import { retryMail } from "@/lib/mail/admin";
import { listOutbox } from "@/lib/mail/queries";
import { seedDemo, sessionFor } from "../support/fixtures";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

const now = new Date("2026-11-24T10:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let sink: SmtpSink | undefined;
let sender: MailSender | undefined;

beforeEach(async () => {
  await seedDemo(now);
  await db.outboxMessage.deleteMany();
});
afterEach(async () => {
  sender?.close();
  await sink?.close();
  sink = undefined;
  sender = undefined;
});

async function queue(overrides: Partial<Parameters<typeof enqueueMail>[1]> = {}) {
  return db.$transaction((tx) =>
    enqueueMail(tx, { kind: "ticket.reply", to: "anna.jansen@burger.example", subject: "[LK-2026-000001] Uw vraag", text: "Beste Anna,\n\nHier is ons antwoord.", locale: "nl", at: now, ...overrides }),
  );
}

describe("outgoing mail over SMTP", () => {
  it("delivers due mail with its Message-ID and threading headers, text and HTML", async () => {
    sink = await startSmtpSink();
    sender = createMailSender({ smtpUrl: sink.url });
    const mail = await queue({ inReplyTo: "<question@mail.example>", references: ["<question@mail.example>"], cc: ["csm@loket.example"] });
    expect(await deliverDueMail(db, sender, now)).toEqual({ sent: 1, failed: 0 });

    expect(sink.received).toHaveLength(1);
    const got = sink.received[0]!;
    expect(got.messageId).toBe(mail.mailMessageId);
    expect(got.inReplyTo).toBe("<question@mail.example>");
    expect(got.subject).toBe("[LK-2026-000001] Uw vraag");
    expect(got.text).toContain("Hier is ons antwoord.");
    expect(got.text).toContain("uw antwoord komt dan bij uw vraag");
    expect(got.html).toContain("<p>Beste Anna,</p>");
    expect(JSON.stringify(got.cc)).toContain("csm@loket.example");
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "SENT", attempts: 1 });

    // Sent mail is not sent again.
    expect(await deliverDueMail(db, sender, at(10))).toEqual({ sent: 0, failed: 0 });
  });

  it("gives mail about a ticket a Reply-To with the ticket's unguessable token, the same on every mail", async () => {
    sink = await startSmtpSink();
    sender = createMailSender({ smtpUrl: sink.url });
    const ticket = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" } } });
    await db.ticket.update({ where: { id: ticket.id }, data: { replyToken: null } }); // a ticket from before tokens
    const first = await queue({ ticketId: ticket.id });
    const second = await queue({ ticketId: ticket.id, subject: "Tweede" });
    const other = await queue({ subject: "Geen ticket" });
    expect(await deliverDueMail(db, sender, now)).toEqual({ sent: 3, failed: 0 });

    const { replyToken } = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(replyToken).toMatch(/^[0-9a-f]{32}$/);
    const byId = new Map(sink.received.map((m) => [m.messageId, m]));
    for (const mail of [first, second]) {
      expect(byId.get(mail.mailMessageId)?.replyTo?.value.map((a) => a.address)).toEqual([`vragen+${replyToken}@loket.example`]);
      // Loket's own Message-IDs are random, so In-Reply-To naming one proves a reply too.
      expect(mail.mailMessageId).toMatch(/^<[0-9a-f-]{36}@loket\.example>$/);
    }
    expect(byId.get(other.mailMessageId)?.replyTo).toBeUndefined();
    // Another ticket gets another token.
    const withTokens = await db.ticket.findMany({ where: { replyToken: { not: null } }, select: { replyToken: true } });
    expect(new Set(withTokens.map((t) => t.replyToken)).size).toBe(withTokens.length);
  });

  it("retries with growing delays while the server is down and delivers once it is back", async () => {
    sink = await startSmtpSink();
    const port = sink.port;
    await sink.close();
    sender = createMailSender({ smtpUrl: `smtp://127.0.0.1:${port}` });
    const mail = await queue();

    expect(await deliverDueMail(db, sender, now)).toEqual({ sent: 0, failed: 1 });
    const first = await db.outboxMessage.findUniqueOrThrow({ where: { id: mail.id } });
    expect(first).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(first.nextAttemptAt.getTime() - now.getTime()).toBe(30_000);
    expect(first.lastError).toBeTruthy();

    // Not due yet: nothing is tried.
    expect(await deliverDueMail(db, sender, at(0.25))).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueMail(db, sender, at(1))).toEqual({ sent: 0, failed: 1 });
    const second = await db.outboxMessage.findUniqueOrThrow({ where: { id: mail.id } });
    expect(second.nextAttemptAt.getTime() - at(1).getTime()).toBe(60_000);

    sink = await startSmtpSink(port);
    expect(await deliverDueMail(db, sender, at(3))).toEqual({ sent: 1, failed: 0 });
    expect(sink.received).toHaveLength(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
  });

  it("gives up after the last attempt, and an admin can put the mail back in the queue", async () => {
    sender = createMailSender({ smtpUrl: "smtp://127.0.0.1:1" });
    const mail = await queue();
    await db.outboxMessage.update({ where: { id: mail.id }, data: { attempts: MAX_DELIVERY_ATTEMPTS - 1 } });
    await deliverDueMail(db, sender, now);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(await deliverDueMail(db, sender, at(60 * 24))).toEqual({ sent: 0, failed: 0 });

    expect(await retryFailedMail(db, mail.id, null, at(60))).toBe(true);
    expect(await retryFailedMail(db, mail.id, null, at(60))).toBe(false);
    sink = await startSmtpSink();
    sender.close();
    sender = createMailSender({ smtpUrl: sink.url });
    expect(await deliverDueMail(db, sender, at(61))).toEqual({ sent: 1, failed: 0 });
  });

  it("writes .eml files when no SMTP server is configured", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "loket-outbox-"));
    sender = createMailSender({ smtpUrl: "", outboxDir: dir });
    expect(sender.kind).toBe("files");
    const mail = await queue();
    expect(await deliverDueMail(db, sender, now)).toEqual({ sent: 1, failed: 0 });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(path.join(dir, files[0]!), "utf8");
    expect(eml).toContain(`Message-ID: ${mail.mailMessageId}`);
    expect(eml).toContain("Subject: [LK-2026-000001] Uw vraag");
  });

  it("lets two workers deliver at once without sending any mail twice", async () => {
    sink = await startSmtpSink();
    sender = createMailSender({ smtpUrl: sink.url });
    for (let i = 0; i < 12; i++) await queue({ subject: `Bericht ${i}` });
    const other = createMailSender({ smtpUrl: sink.url });
    const [a, b] = await Promise.all([deliverDueMail(db, sender, now, 8), deliverDueMail(db, other, now, 8)]);
    await deliverDueMail(db, sender, now, 8);
    other.close();
    expect(a.sent + b.sent).toBeGreaterThan(0);
    expect(sink.received).toHaveLength(12);
    expect(new Set(sink.received.map((m) => m.subject)).size).toBe(12);
  });

  it("shows the outbox and the retry only to admins", async () => {
    const mail = await queue();
    await db.outboxMessage.update({ where: { id: mail.id }, data: { status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS } });
    const admin = await sessionFor("admin@loket.example");
    const coordinator = await sessionFor("coordinator@loket.example");

    expect((await listOutbox(coordinator, { page: 0 })).rows).toEqual([]);
    const seen = await listOutbox(admin, { status: "FAILED", page: 0 });
    expect(seen.rows.map((r) => r.id)).toEqual([mail.id]);
    expect(seen.counts.FAILED).toBe(1);

    expect(await retryMail.execute(coordinator, { id: mail.id }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe("FAILED");
    expect(await retryMail.execute(admin, { id: mail.id }, now)).toEqual({ ok: true, data: undefined });
    expect(await retryMail.execute(admin, { id: mail.id }, now)).toEqual({ ok: false, reason: "NOT_FAILED" });
    expect(await db.auditEvent.count({ where: { action: "mail.retry", entityId: mail.id, actorId: admin.id } })).toBe(1);
  });
});
