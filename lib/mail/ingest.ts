import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { Prisma } from "@prisma/client";
import { simpleParser, type ParsedMail } from "mailparser";
import sanitizeHtml from "sanitize-html";
import type { Db, Tx } from "@/lib/db/client";
import { addCustomerMessage, createTicket, type StoredAttachment } from "@/lib/tickets/mutations";
import { classifyAutomatic, cleanSubject, isUrgentSubject, messageIdsIn, normaliseAddress, registrationNumberIn } from "./rules";

export interface InboundFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface InboundDeps {
  db: Db;
  /** Where raw messages are kept (.data/inbound). */
  inboundDir: string;
  /** Stores one attachment like a portal upload; null when refused (type, size). */
  storeAttachment?: (file: InboundFile) => Promise<StoredAttachment | null>;
}

export type IngestOutcome =
  | { kind: "TICKET_CREATED"; ticketId: string; urgent: boolean; preAnnounced: boolean | null }
  | { kind: "REPLY_ADDED"; ticketId: string }
  | { kind: "IGNORED"; reason: string }
  | { kind: "ALREADY_PROCESSED" };

function headerText(parsed: ParsedMail, name: string): string | null {
  const value = parsed.headers.get(name);
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object" && "value" in value) {
    const params = "params" in value && value.params ? Object.entries(value.params).map(([k, v]) => `; ${k}=${String(v)}`).join("") : "";
    return `${String(value.value)}${params}`;
  }
  return String(value);
}

/**
 * Step one of receipt: keep the raw message (file + row) and nothing else, so the SMTP listener
 * can answer 250 only once the mail cannot be lost. The same Message-ID twice is one mail.
 */
export async function storeInbound(deps: InboundDeps, raw: Buffer, now: Date): Promise<{ id: string; duplicate: boolean }> {
  const sha = createHash("sha256").update(raw).digest("hex");
  let parsed: ParsedMail | null = null;
  try {
    parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  } catch {
    parsed = null; // malformed MIME is still stored, and marked when processed
  }
  const mailMessageId = messageIdsIn(parsed?.messageId)[0] ?? `<${sha}@inbound.loket>`;
  const day = now.toISOString().slice(0, 10);
  const rawPath = path.join(deps.inboundDir, day, `${sha}.eml`);
  await mkdir(path.dirname(rawPath), { recursive: true });
  // Content-addressed and written under a temporary name, then renamed: the same mail received
  // twice at once (two doors, an MTA retry) never lets one reader see the other's half-written file.
  const temp = `${rawPath}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, raw);
  await rename(temp, rawPath);
  try {
    const row = await deps.db.inboundMail.create({
      data: {
        mailMessageId,
        fromAddress: normaliseAddress(parsed?.from?.value[0]?.address) ?? "",
        subject: cleanSubject(parsed?.subject),
        rawPath,
        size: raw.length,
        receivedAt: now,
      },
      select: { id: true },
    });
    return { id: row.id, duplicate: false };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await deps.db.inboundMail.findUniqueOrThrow({ where: { mailMessageId }, select: { id: true } });
      return { id: existing.id, duplicate: true };
    }
    throw error;
  }
}

async function mark(db: Db, id: string, status: "IGNORED" | "FAILED", now: Date, extra: { reason: string }) {
  await db.inboundMail.updateMany({ where: { id, status: "RECEIVED" }, data: { status, processedAt: now, reason: extra.reason } });
}

const SAFE_HTML: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote", "a", "table", "thead", "tbody", "tr", "td", "th", "div", "span", "h1", "h2", "h3", "h4", "pre", "code"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  disallowedTagsMode: "discard",
};

export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(html, SAFE_HTML);
}

/** Finds the ticket a mail answers: by its headers, then by the registration number. */
async function findThread(tx: Tx, parsed: ParsedMail, subject: string): Promise<string | null> {
  const ids = [...messageIdsIn(parsed.inReplyTo), ...messageIdsIn(parsed.references)];
  if (ids.length > 0) {
    const message = await tx.message.findFirst({ where: { mailMessageId: { in: ids } }, select: { ticketId: true } });
    if (message) return message.ticketId;
    const sent = await tx.outboxMessage.findFirst({ where: { mailMessageId: { in: ids }, ticketId: { not: null } }, select: { ticketId: true } });
    if (sent?.ticketId) return sent.ticketId;
  }
  const number = registrationNumberIn(subject);
  if (number) {
    const ticket = await tx.ticket.findUnique({ where: { number }, select: { id: true } });
    if (ticket) return ticket.id;
  }
  return null;
}

/**
 * Step two: turn a stored mail into a ticket or a reply. Safe to run again (a crash between the
 * two steps is completed by processPendingInbound on the next start).
 */
export async function processInbound(deps: InboundDeps, id: string, now: Date): Promise<IngestOutcome> {
  const row = await deps.db.inboundMail.findUniqueOrThrow({ where: { id } });
  if (row.status !== "RECEIVED") return { kind: "ALREADY_PROCESSED" };
  const raw = await readFile(row.rawPath);
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw);
  } catch {
    await mark(deps.db, id, "FAILED", now, { reason: "UNPARSEABLE" });
    return { kind: "IGNORED", reason: "UNPARSEABLE" };
  }
  const subject = cleanSubject(parsed.subject);
  const from = normaliseAddress(parsed.from?.value[0]?.address);
  const automatic = classifyAutomatic({
    from,
    contentType: headerText(parsed, "content-type"),
    autoSubmitted: headerText(parsed, "auto-submitted"),
    precedence: headerText(parsed, "precedence"),
    xAutoreply: headerText(parsed, "x-autoreply"),
    subject,
  });
  if (automatic || !from) {
    const reason = automatic ?? "NO_SENDER";
    await mark(deps.db, id, "IGNORED", now, { reason });
    return { kind: "IGNORED", reason };
  }

  const bodyHtml = typeof parsed.html === "string" ? sanitizeMailHtml(parsed.html) : null;
  const bodyText = (parsed.text ?? (bodyHtml ? sanitizeHtml(bodyHtml, { allowedTags: [], allowedAttributes: {} }) : "")).trim() || "(lege e-mail)";
  const attachments: StoredAttachment[] = [];
  const refused: string[] = [];
  for (const attachment of parsed.attachments) {
    const stored = deps.storeAttachment
      ? await deps.storeAttachment({ name: attachment.filename ?? "bijlage", type: attachment.contentType, bytes: attachment.content })
      : null;
    if (stored) attachments.push(stored);
    else refused.push(attachment.filename ?? attachment.contentType);
  }
  const body = refused.length ? `${bodyText}\n\n[Niet opgeslagen bijlagen / attachments not stored: ${refused.join(", ")}]` : bodyText;

  const outcome = await deps.db.$transaction(
    async (tx): Promise<IngestOutcome> => {
      // The row lock makes concurrent processing (listener and recovery) create one ticket.
      const [current] = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "InboundMail" WHERE "id" = ${id} FOR UPDATE`;
      if (current?.status !== "RECEIVED") return { kind: "ALREADY_PROCESSED" };
      const outcome = await ticketFor(tx, row, parsed, { subject, from, body, bodyHtml, attachments }, now);
      await tx.inboundMail.update({ where: { id }, data: { status: "PROCESSED", processedAt: now, ticketId: outcome.ticketId } });
      return outcome;
    },
    { timeout: 30_000 },
  );
  return outcome;
}

async function ticketFor(
  tx: Tx,
  row: { mailMessageId: string },
  parsed: ParsedMail,
  mail: { subject: string; from: string; body: string; bodyHtml: string | null; attachments: StoredAttachment[] },
  now: Date,
): Promise<Extract<IngestOutcome, { ticketId: string }>> {
  const { subject, from, body, bodyHtml, attachments } = mail;
  const threadId = await findThread(tx, parsed, subject);
  if (threadId) {
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: threadId }, include: { requester: { select: { email: true } } } });
    // A reply attaches only when it comes from the ticket's own requester: a forged
    // In-Reply-To or a guessed number must not put text on someone else's ticket.
    const owner = normaliseAddress(ticket.requesterEmail) ?? normaliseAddress(ticket.requester?.email);
    if (owner === from && ticket.status !== "CLOSED") {
      await addCustomerMessage(
        tx,
        { ticketId: ticket.id, authorId: ticket.requesterId, channel: "EMAIL", body, bodyHtml, attachments, mailMessageId: row.mailMessageId, inReplyTo: messageIdsIn(parsed.inReplyTo)[0] ?? null },
        now,
      );
      return { kind: "REPLY_ADDED", ticketId: ticket.id };
    }
  }
  const user = await tx.user.findUnique({
    where: { email: from },
    include: { memberships: { take: 1, orderBy: { createdAt: "asc" } } },
  });
  const known = user?.active ? user : null;
  const organisationId = known?.role === "EMPLOYER_CONTACT" ? (known.memberships[0]?.organisationId ?? null) : null;
  const common = {
    subject,
    channel: "EMAIL" as const,
    body,
    bodyHtml,
    attachments,
    requesterId: known?.id ?? null,
    requesterEmail: from,
    requesterName: parsed.from?.value[0]?.name || known?.name || null,
    organisationId,
    mailMessageId: row.mailMessageId,
  };
  if (organisationId && isUrgentSubject(subject)) {
    const ticket = await createTicket(tx, { ...common, categoryKey: "URGENT_REQUEST", priority: "URGENT", policyKey: "URGENT_REQUEST" }, now);
    const announcement = await tx.preAnnouncement.findFirst({ where: { organisationId, status: "OPEN" }, orderBy: { createdAt: "desc" } });
    if (announcement) await tx.preAnnouncement.update({ where: { id: announcement.id }, data: { status: "LINKED" } });
    await tx.urgentRequest.create({
      data: {
        ticketId: ticket.id,
        organisationId,
        reason: announcement?.reason ?? subject,
        forWhom: announcement?.forWhom ?? "",
        preAnnouncementId: announcement?.id ?? null,
        notPreAnnounced: !announcement,
        receivedAt: now,
        dueAt: ticket.slaDueAt ?? now,
      },
    });
    return { kind: "TICKET_CREATED", ticketId: ticket.id, urgent: true, preAnnounced: Boolean(announcement) };
  }
  const ticket = await createTicket(tx, { ...common, categoryKey: "GENERAL_QUESTION" }, now);
  return { kind: "TICKET_CREATED", ticketId: ticket.id, urgent: false, preAnnounced: null };
}

/**
 * Receipt as every door does it (SMTP intake, IMAP poller): keep the raw mail, then make the
 * ticket. Throws only when storing failed, so the door keeps the mail (SMTP answers 451, IMAP
 * leaves it unseen); a failure after storing is logged and left to processPendingInbound.
 */
export async function receiveInbound(deps: InboundDeps, raw: Buffer, now: Date, log: (line: string) => void): Promise<{ id: string; duplicate: boolean }> {
  const stored = await storeInbound(deps, raw, now);
  if (!stored.duplicate) {
    try {
      await processInbound(deps, stored.id, now);
    } catch (error) {
      log(`stored ${stored.id}, processing deferred: ${error instanceof Error ? error.message.slice(0, 200) : "error"}`);
    }
  }
  return stored;
}

/** Completes mails stored but not yet turned into tickets (after a crash or an outage). */
export async function processPendingInbound(deps: InboundDeps, now: Date, limit = 100): Promise<number> {
  const pending = await deps.db.inboundMail.findMany({ where: { status: "RECEIVED" }, orderBy: { receivedAt: "asc" }, take: limit, select: { id: true } });
  for (const { id } of pending) await processInbound(deps, id, now);
  return pending.length;
}
