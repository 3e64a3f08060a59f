import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type Locale } from "@prisma/client";
import type { SqlTx } from "@/lib/db/sql";
import { newId } from "@/lib/db/ids";
import { newReplyToken } from "@/lib/mail/reply-token";
import { isSensitiveKind } from "./rules";

export interface OutgoingMail {
  kind: string;
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  html?: string | null;
  locale?: Locale;
  ticketId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  /** Holds a one-time link or code: blanked once delivered. Default: decided by kind (rules.ts). */
  sensitive?: boolean;
  /** The moment of the change that causes the mail (the action's `now`); default: the database clock. */
  at?: Date;
}

export function mailDomain(): string {
  return process.env.MAIL_DOMAIN ?? "loket.example";
}

/**
 * Writes a mail to the outbox inside the caller's transaction: it is sent (by the mail worker)
 * only if the change that caused it commits. The Message-ID is fixed here so replies can thread.
 */
export async function enqueueMail(tx: SqlTx, mail: OutgoingMail): Promise<{ id: string; mailMessageId: string }> {
  // A ticket's first outgoing mail gives it its reply token; delivery puts it in Reply-To.
  if (mail.ticketId) await ensureReplyToken(tx, mail.ticketId);
  const [row] = await insertMails(tx, [mail]);
  return { id: row!.id, mailMessageId: row!.mailMessageId };
}

/**
 * Many mails in one insert (the SLA sweep's wave of breach notices). For mails about no ticket:
 * a ticket's first mail makes its reply token, which `enqueueMail` does one by one.
 */
export async function enqueueMails(tx: SqlTx, mails: readonly (OutgoingMail & { ticketId?: null })[]): Promise<void> {
  await insertMails(tx, mails);
}

/**
 * The outbox rows, in one raw statement with the rows as one JSON parameter: Prisma's createMany
 * cost per row (see auditMany), and nearly every change writes a mail (README: why raw SQL).
 */
async function insertMails(tx: SqlTx, mails: readonly OutgoingMail[]): Promise<{ id: string; mailMessageId: string }[]> {
  if (mails.length === 0) return [];
  const { statement, rows } = mailsSql(mails);
  await tx.$executeRaw(statement);
  return rows;
}

/**
 * The outbox insert, for a caller that sends it with its other writes (writeTogether): a ticket's
 * mail only once the ticket has its reply token (createTicket makes it with one).
 */
export function mailsSql(mails: readonly OutgoingMail[]): { statement: Prisma.Sql; rows: { id: string; mailMessageId: string }[] } {
  const rows = mails.map((mail) => ({ id: newId(), ...rowOf(mail), at: mail.at ?? null }));
  const statement = Prisma.sql`
    INSERT INTO "OutboxMessage" ("id", "kind", "toAddress", "ccAddresses", "subject", "bodyText", "bodyHtml", "locale", "ticketId",
      "mailMessageId", "inReplyTo", "references", "sensitive", "createdAt", "nextAttemptAt")
    SELECT r."id", r."kind", r."toAddress", r."ccAddresses", r."subject", r."bodyText", r."bodyHtml", r."locale"::"Locale", r."ticketId",
      r."mailMessageId", r."inReplyTo", r."references", r."sensitive",
      COALESCE(r."at", CURRENT_TIMESTAMP) AT TIME ZONE 'UTC', COALESCE(r."at", CURRENT_TIMESTAMP) AT TIME ZONE 'UTC'
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r("id" text, "kind" text, "toAddress" text, "ccAddresses" text[], "subject" text, "bodyText" text, "bodyHtml" text, "locale" text,
        "ticketId" text, "mailMessageId" text, "inReplyTo" text, "references" text[], "sensitive" boolean, "at" timestamptz)`;
  return { statement, rows };
}

function rowOf(mail: OutgoingMail) {
  return {
    kind: mail.kind,
    toAddress: mail.to,
    ccAddresses: mail.cc ?? [],
    subject: mail.subject,
    bodyText: mail.text,
    bodyHtml: mail.html ?? null,
    locale: mail.locale ?? "nl",
    ticketId: mail.ticketId ?? null,
    // A random UUID (122 bits from the CSPRNG): inbound threading trusts In-Reply-To only when it
    // names one of these, so it must be unguessable. Fixed here so replies can thread.
    mailMessageId: `<${randomUUID()}@${mailDomain()}>`,
    inReplyTo: mail.inReplyTo ?? null,
    references: mail.references ?? [],
    sensitive: mail.sensitive ?? isSensitiveKind(mail.kind),
  };
}

/** The ticket's reply token, made on first use (tickets from before tokens get one with their next mail). */
export async function ensureReplyToken(tx: SqlTx, ticketId: string): Promise<string | null> {
  // One statement (this runs for every mail a ticket sends): set it when missing, else read it.
  // The outer SELECT sees the row as before the update, so exactly one branch answers.
  const rows = await tx.$queryRaw<{ replyToken: string }[]>`
    WITH made AS (
      UPDATE "Ticket" SET "replyToken" = ${newReplyToken()}, "updatedAt" = CURRENT_TIMESTAMP
      WHERE "id" = ${ticketId} AND "replyToken" IS NULL RETURNING "replyToken")
    SELECT "replyToken" FROM made
    UNION ALL SELECT "replyToken" FROM "Ticket" WHERE "id" = ${ticketId} AND "replyToken" IS NOT NULL`;
  return rows[0]?.replyToken ?? null;
}
