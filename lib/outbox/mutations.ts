import "server-only";
import { randomUUID } from "node:crypto";
import type { Locale } from "@prisma/client";
import type { Tx } from "@/lib/db/client";
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
export async function enqueueMail(tx: Tx, mail: OutgoingMail): Promise<{ id: string; mailMessageId: string }> {
  const mailMessageId = `<${randomUUID()}@${mailDomain()}>`;
  const row = await tx.outboxMessage.create({
    data: {
      kind: mail.kind,
      toAddress: mail.to,
      ccAddresses: mail.cc ?? [],
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html ?? null,
      locale: mail.locale ?? "nl",
      ticketId: mail.ticketId ?? null,
      mailMessageId,
      inReplyTo: mail.inReplyTo ?? null,
      references: mail.references ?? [],
      sensitive: mail.sensitive ?? isSensitiveKind(mail.kind),
      ...(mail.at ? { createdAt: mail.at, nextAttemptAt: mail.at } : {}),
    },
    select: { id: true },
  });
  return { id: row.id, mailMessageId };
}
