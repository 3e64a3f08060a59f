import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { getBrand } from "@/lib/brand/queries";
import type { Brand } from "@/lib/brand/rules";
import type { Db } from "@/lib/db/client";
import { mailDomain } from "@/lib/outbox/mutations";
import { REDACTED_BODY } from "@/lib/outbox/rules";
import { renderMail } from "./render";
import { replyAddressFor } from "./reply-token";
import { afterFailedDelivery } from "./rules";

export interface MailSender {
  /** Where delivered mail went, for logs: "smtp" or "files". */
  kind: "smtp" | "files";
  send(message: nodemailer.SendMailOptions): Promise<void>;
  close(): void;
}

/** SMTP when SMTP_URL is set; otherwise each mail becomes an .eml file an admin can open. */
export function createMailSender(options: { smtpUrl?: string; outboxDir?: string } = {}): MailSender {
  const smtpUrl = options.smtpUrl ?? process.env.SMTP_URL;
  if (smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(smtpUrl);
    return {
      kind: "smtp",
      async send(message) {
        await transport.sendMail(message);
      },
      close: () => transport.close(),
    };
  }
  const dir = options.outboxDir ?? path.resolve(process.env.LOKET_DATA_DIR ?? ".data", "outbox");
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "files",
    async send(message) {
      const info = await transport.sendMail(message);
      await mkdir(dir, { recursive: true });
      const id = String(message.messageId ?? info.messageId).replace(/[^a-zA-Z0-9@._-]/g, "");
      await writeFile(path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}_${id}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

export function fromAddress(): string {
  return process.env.MAIL_FROM ?? `Loket <noreply@${mailDomain()}>`;
}

/**
 * The sender as the recipient sees it: once an admin has set the organisation's name, that name
 * with MAIL_FROM's address (nodemailer quotes the name); until then MAIL_FROM as configured.
 */
export function senderFor(brand: Pick<Brand, "name" | "custom">): string | { name: string; address: string } {
  const configured = fromAddress();
  if (!brand.custom) return configured;
  const address = /<([^<>]+)>\s*$/.exec(configured)?.[1] ?? configured.trim();
  return { name: brand.name, address };
}

/**
 * The address whose mail reaches Loket's intake (the SMTP listener or the IMAP mailbox), from
 * MAIL_REPLY_ADDRESS. Mail about a ticket says Reply-To `<local>+<token>@<domain>` of it, so the
 * intake's mail server must deliver sub-addresses (plus addressing) to the same mailbox.
 */
export function replyIntakeAddress(): string {
  return (process.env.MAIL_REPLY_ADDRESS ?? `vragen@${mailDomain()}`).trim().toLowerCase();
}

const LEASE_MS = 5 * 60_000;

/** A delivered (or finally failed) sensitive mail keeps its envelope for the log, not its body. */
function redactedIf(sensitive: boolean, now: Date) {
  return sensitive ? { bodyText: REDACTED_BODY, bodyHtml: null, redactedAt: now } : {};
}

/**
 * Sends the outbox messages that are due. Rows are leased with FOR UPDATE SKIP LOCKED, so any
 * number of workers may run this at once without sending a mail twice; a crashed worker's lease
 * runs out and the mail is tried again.
 */
export async function deliverDueMail(db: Db, sender: MailSender, now: Date, batchSize = 25): Promise<{ sent: number; failed: number }> {
  const leased = await db.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage" SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" ASC
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  let sent = 0;
  let failed = 0;
  // Once per batch: the name and colour every mail of it carries.
  const brand = leased.length > 0 ? await getBrand(db) : null;
  for (const { id } of leased) {
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id }, include: { ticket: { select: { replyToken: true } } } });
    const body = renderMail({ text: row.bodyText, html: row.bodyHtml, locale: row.locale, kind: row.kind, brand: brand ?? undefined });
    try {
      await sender.send({
        from: brand ? senderFor(brand) : fromAddress(),
        to: row.toAddress,
        cc: row.ccAddresses.length ? row.ccAddresses : undefined,
        subject: row.subject,
        text: body.text,
        html: body.html,
        messageId: row.mailMessageId,
        replyTo: row.ticket?.replyToken ? replyAddressFor(replyIntakeAddress(), row.ticket.replyToken) : undefined,
        inReplyTo: row.inReplyTo ?? undefined,
        references: row.references.length ? row.references : undefined,
        headers: { "Auto-Submitted": row.kind.startsWith("ticket.reply") ? "no" : "auto-generated" },
      });
      await db.outboxMessage.update({
        where: { id },
        data: { status: "SENT", sentAt: now, attempts: { increment: 1 }, lastError: null, ...redactedIf(row.sensitive, now) },
      });
      sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const next = afterFailedDelivery(attempts, now);
      // The error's text is kept for the admin page: SMTP replies carry no message bodies.
      const reason = error instanceof Error ? error.message.slice(0, 500) : "unknown error";
      // A mail that will not be tried again need not keep its link either.
      const final = next.status === "FAILED" ? redactedIf(row.sensitive, now) : {};
      await db.outboxMessage.update({ where: { id }, data: { attempts, status: next.status, nextAttemptAt: next.nextAttemptAt, lastError: reason, ...final } });
      failed += 1;
    }
  }
  return { sent, failed };
}

/** An admin puts a FAILED mail back in the queue. */
export async function retryFailedMail(db: Db, id: string, actorId: string | null, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.outboxMessage.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lastError: null },
    });
    if (updated.count === 0) return false;
    await tx.auditEvent.create({ data: { actorId, action: "mail.retry", entityType: "OutboxMessage", entityId: id } });
    return true;
  });
}
