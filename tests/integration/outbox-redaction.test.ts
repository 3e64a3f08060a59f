// One-time links and login codes must not stay readable in the outbox once the mail left
// (issue 13): the recipient has it; the table keeps only the envelope.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMailSender, deliverDueMail, type MailSender } from "@/lib/mail/delivery";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/mail/rules";
import { enqueueMail } from "@/lib/outbox/mutations";
import { REDACTED_BODY } from "@/lib/outbox/rules";
import { seedDemo } from "../support/fixtures";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

const now = new Date("2026-11-24T10:00:00Z");
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

function queue(kind: string, text: string, sensitive?: boolean) {
  return db.$transaction((tx) => enqueueMail(tx, { kind, to: "anna.jansen@burger.example", subject: "Onderwerp", text, html: `<p>${text}</p>`, at: now, sensitive }));
}

describe("sensitive outbox bodies", () => {
  it("delivers a reset link intact, then blanks it in the outbox; an ordinary reply keeps its body", async () => {
    sink = await startSmtpSink();
    sender = createMailSender({ smtpUrl: sink.url });
    const reset = await queue("account.password_reset", "Herstel via https://loket.example/wachtwoord-herstellen/SECRET-TOKEN");
    const reply = await queue("ticket.reply", "Hier is ons antwoord.");

    const before = await db.outboxMessage.findUniqueOrThrow({ where: { id: reset.id } });
    expect(before).toMatchObject({ sensitive: true, redactedAt: null });
    expect(before.bodyText).toContain("SECRET-TOKEN");

    expect(await deliverDueMail(db, sender, now)).toEqual({ sent: 2, failed: 0 });
    const delivered = sink.received.find((m) => m.messageId === reset.mailMessageId)!;
    expect(delivered.text).toContain("SECRET-TOKEN");

    const after = await db.outboxMessage.findUniqueOrThrow({ where: { id: reset.id } });
    expect(after).toMatchObject({ status: "SENT", bodyText: REDACTED_BODY, bodyHtml: null, redactedAt: now, toAddress: "anna.jansen@burger.example" });
    const kept = await db.outboxMessage.findUniqueOrThrow({ where: { id: reply.id } });
    expect(kept).toMatchObject({ status: "SENT", bodyText: "Hier is ons antwoord.", redactedAt: null, sensitive: false });
  });

  it("marks invitations and login codes sensitive by kind, and honours an explicit flag", async () => {
    for (const kind of ["organisation.invite", "staff.invite", "auth.login_code"]) {
      const row = await queue(kind, "x");
      expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).sensitive, kind).toBe(true);
    }
    const flagged = await queue("ticket.reply", "x", true);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: flagged.id } })).sensitive).toBe(true);
  });

  it("blanks a sensitive mail that finally failed, not one still to be retried", async () => {
    const failing: MailSender = { kind: "smtp", send: () => Promise.reject(new Error("450 mailbox busy")), close: () => undefined };
    const code = await queue("auth.login_code", "Uw inlogcode is 123456");
    let at = now;
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: code.id } });
      expect(row.bodyText, `attempt ${attempt}`).toContain("123456");
      at = new Date(Math.max(at.getTime(), row.nextAttemptAt.getTime()) + 1000);
      expect(await deliverDueMail(db, failing, at)).toEqual({ sent: 0, failed: 1 });
    }
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: code.id } });
    expect(row).toMatchObject({ status: "FAILED", bodyText: REDACTED_BODY });
  });
});
