import "server-only";
import { pinReferenceVersion } from "@/lib/reference/cache";
import { fixedHandlerFor } from "@/lib/org-admin/fixed-handler";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { Prisma, type Locale, type Role } from "@prisma/client";
import { simpleParser, type ParsedMail } from "mailparser";
import sanitizeHtml from "sanitize-html";
import type { Db } from "@/lib/db/client";
import { sqlTransaction, type SqlTx } from "@/lib/db/sql";
import { newId } from "@/lib/db/ids";
import { readRows } from "@/lib/db/prepared";
import { notify } from "@/lib/notifications/mutations";
import { senderConfirmersOf } from "@/lib/notifications/recipients";
import { addCustomerMessage, createMessage, createTicket, type ClockedTicket, type StoredAttachment } from "@/lib/tickets/mutations";
import { linkMailedUrgentRequest } from "@/lib/urgent/mutations";
import { getUrgentWords } from "@/lib/urgent/queries";
import { unchecked, type InboundAuth } from "./auth-results";
import { htmlAsPlainText, MAX_MAIL_HTML_DEPTH, nestsDeeperThan } from "./html-guard";
import { replyIntakeAddress } from "./delivery";
import { addressesIn, replyTokensIn } from "./reply-token";
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
  | { kind: "TICKET_CREATED"; ticketId: string; urgent: boolean; preAnnounced: boolean | null; senderUnverified: boolean }
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
export async function storeInbound(
  deps: InboundDeps,
  raw: Buffer,
  now: Date,
  // The door's verdict on the sender; a mail stored without one counts as not verified.
  auth: InboundAuth = unchecked("other", "not checked"),
): Promise<{ id: string; duplicate: boolean }> {
  return storeArrival(deps, await keepRaw(deps, raw, now, auth, await parseMail(raw)));
}

/** Parses a raw mail as processing needs it; null for malformed MIME (still stored, marked when processed). */
async function parseMail(raw: Buffer): Promise<ParsedMail | null> {
  try {
    return await simpleParser(raw);
  } catch {
    return null;
  }
}

/** What the mail's row holds before it is processed: its raw file is already kept. */
type Arrival = { id: string; mailMessageId: string; from: string; subject: string; rawPath: string; size: number; receivedAt: Date; auth: InboundAuth };

/**
 * Keeps the raw file, content-addressed and written under a temporary name, then renamed: the
 * same mail received twice at once (two doors, an MTA retry) never lets one reader see the
 * other's half-written file.
 */
async function keepRaw(deps: InboundDeps, raw: Buffer, now: Date, auth: InboundAuth, parsed: ParsedMail | null): Promise<Arrival> {
  const sha = createHash("sha256").update(raw).digest("hex");
  const day = now.toISOString().slice(0, 10);
  const rawPath = path.join(deps.inboundDir, day, `${sha}.eml`);
  const temp = `${rawPath}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, raw).catch(async (error: NodeJS.ErrnoException) => {
    // The day's folder is made by its first mail, not asked for by every mail.
    if (error.code !== "ENOENT") throw error;
    await mkdir(path.dirname(rawPath), { recursive: true });
    await writeFile(temp, raw);
  });
  await rename(temp, rawPath);
  return {
    id: newId(),
    mailMessageId: messageIdsIn(parsed?.messageId)[0] ?? `<${sha}@inbound.loket>`,
    from: normaliseAddress(parsed?.from?.value[0]?.address) ?? "",
    subject: cleanSubject(parsed?.subject),
    rawPath,
    size: raw.length,
    receivedAt: now,
    auth,
  };
}

/** The mail's row as received, or, with `processed`, already claimed for its ticket (one write, not two). */
function arrivalInsert(arrival: Arrival, processed?: { at: Date; ticketId: string; claimedTicketId: string | null }): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "InboundMail" ("id", "mailMessageId", "fromAddress", "subject", "rawPath", "size", "receivedAt", "authVerdict", "authDetails",
      "status", "processedAt", "ticketId", "claimedTicketId")
    VALUES (${arrival.id}, ${arrival.mailMessageId}, ${arrival.from}, ${arrival.subject}, ${arrival.rawPath}, ${arrival.size}, ${arrival.receivedAt},
      ${arrival.auth.verdict}::"MailAuthVerdict", ${JSON.stringify(arrival.auth.details)}::jsonb,
      ${processed ? "PROCESSED" : "RECEIVED"}::"InboundStatus", ${processed?.at ?? null}, ${processed?.ticketId ?? null}, ${processed?.claimedTicketId ?? null})
    ON CONFLICT ("mailMessageId") DO NOTHING`;
}

/** The mail's row on its own, committed, so the door may answer 250. The same Message-ID a second time inserts nothing. */
async function storeArrival(deps: InboundDeps, arrival: Arrival): Promise<{ id: string; duplicate: boolean }> {
  // Raw and past Prisma, as every mail passes here (README: why raw SQL); a prepared statement on the pool.
  const [row] = await readRows<{ id: string }>(deps.db, Prisma.sql`${arrivalInsert(arrival)} RETURNING "id"`);
  if (row) return { id: row.id, duplicate: false };
  const [existing] = await readRows<{ id: string }>(deps.db, Prisma.sql`SELECT "id" FROM "InboundMail" WHERE "mailMessageId" = ${arrival.mailMessageId}`);
  if (!existing) throw new Error(`inbound mail ${arrival.mailMessageId} neither inserted nor found`);
  return { id: existing.id, duplicate: true };
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
  // Deep nesting makes sanitize-html quadratic: such a mail is kept as text (html-guard.ts).
  if (nestsDeeperThan(html, MAX_MAIL_HTML_DEPTH)) return htmlAsPlainText(html);
  return sanitizeHtml(html, SAFE_HTML);
}

/**
 * The ticket a mail claims to answer, by proof Loket issued only: a reply token in a recipient
 * address (To, Cc, Delivered-To), or In-Reply-To/References naming a Message-ID Loket gave one of
 * that ticket's mails. The customer's own Message-IDs and the number in the subject do not count:
 * anyone who saw one mail, or guessed a number, has those.
 */
async function claimedTicket(tx: SqlTx, parsed: ParsedMail): Promise<string | null> {
  const { tokens, ids } = threadingHints(parsed);
  if (tokens.length > 0) {
    const [ticket] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Ticket" WHERE "replyToken" = ANY(${tokens.slice(0, 10)}::text[]) LIMIT 1`;
    if (ticket) return ticket.id;
  }
  if (ids.length > 0) {
    const [sent] = await tx.$queryRaw<{ ticketId: string }[]>`
      SELECT "ticketId" FROM "OutboxMessage" WHERE "mailMessageId" = ANY(${ids}::text[]) AND "ticketId" IS NOT NULL
      ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`;
    if (sent) return sent.ticketId;
  }
  return null;
}

/** The reply tokens in a mail's recipients and the Message-IDs it answers: what may tie it to a ticket. */
function threadingHints(parsed: ParsedMail): { tokens: string[]; ids: string[] } {
  const recipients = parsed.headerLines.filter((h) => ["to", "cc", "delivered-to", "x-original-to"].includes(h.key)).map((h) => h.line.slice(h.line.indexOf(":") + 1));
  return {
    tokens: replyTokensIn(addressesIn(recipients), replyIntakeAddress()),
    ids: [...messageIdsIn(parsed.inReplyTo), ...messageIdsIn(parsed.references)].slice(0, 50),
  };
}

/** The active account a mail address belongs to, and for an employer contact their organisation. */
export async function senderAccount(tx: SqlTx, address: string): Promise<SenderAccount> {
  const [user] = await tx.$queryRaw<AccountRow[]>(senderSql(address));
  return senderOf(user ?? null);
}

type SenderAccount = { user: { id: string; name: string; email: string; phone: string | null; role: Role; locale: Locale } | null; organisationId: string | null };
type AccountRow = { id: string; name: string; email: string; phone: string | null; role: Role; locale: Locale; organisationId: string | null };

/** The sender's account row, if any: one raw statement for what every mail asks (README: why raw SQL). */
function senderSql(address: string): Prisma.Sql {
  return Prisma.sql`
    SELECT u."id", u."name", u."email", u."phone", u."role"::text AS "role", u."locale"::text AS "locale",
      (SELECT m."organisationId" FROM "Membership" m WHERE m."userId" = u."id" ORDER BY m."createdAt" ASC, m."id" ASC LIMIT 1) AS "organisationId"
    FROM "User" u WHERE u."email" = ${address} AND u."active"`;
}

function senderOf(user: AccountRow | null): SenderAccount {
  if (!user) return { user: null, organisationId: null };
  const { organisationId, ...known } = user;
  return { user: known, organisationId: known.role === "EMPLOYER_CONTACT" ? organisationId : null };
}

/** A note from the intake itself on the timeline, for staff only. */
async function intakeNote(tx: SqlTx, ticketId: string, body: string, now: Date) {
  await createMessage(tx, { ticketId, direction: "INTERNAL", channel: "EMAIL", authorId: null, body, automatic: true }, now);
}

/**
 * Step two: turn a stored mail into a ticket or a reply. Safe to run again (a crash between the
 * two steps is completed by processPendingInbound on the next start).
 */
export async function processInbound(deps: InboundDeps, id: string, now: Date): Promise<IngestOutcome> {
  const row = await deps.db.inboundMail.findUniqueOrThrow({ where: { id } });
  if (row.status !== "RECEIVED") return { kind: "ALREADY_PROCESSED" };
  const parsed = await parseMail(await readFile(row.rawPath));
  const prepared = await prepare(deps, parsed);
  if (prepared.kind === "SKIP") {
    await mark(deps.db, id, prepared.status, now, { reason: prepared.reason });
    return { kind: "IGNORED", reason: prepared.reason };
  }
  // A raw transaction, past Prisma: through Prisma a raw statement cost five times the CPU
  // (lib/db/sql.ts), and this process's CPU is what limits the intake (npm run bench:mail).
  return sqlTransaction(deps.db, (tx) => intake(tx, { stored: row }, prepared.parsed, prepared.mail, now));
}

type Prepared = { kind: "SKIP"; status: "IGNORED" | "FAILED"; reason: string } | { kind: "MAIL"; parsed: ParsedMail; mail: Mail };

/** What a parsed mail is: nothing to make (unparseable, automatic, no sender), or a message with its attachments stored. */
async function prepare(deps: InboundDeps, parsed: ParsedMail | null): Promise<Prepared> {
  if (!parsed) return { kind: "SKIP", status: "FAILED", reason: "UNPARSEABLE" };
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
  if (automatic || !from) return { kind: "SKIP", status: "IGNORED", reason: automatic ?? "NO_SENDER" };

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
  return { kind: "MAIL", parsed, mail: { subject, from, body, bodyHtml, attachments } };
}

type Mail = { subject: string; from: string; body: string; bodyHtml: string | null; attachments: StoredAttachment[] };
type Row = { id: string; mailMessageId: string; authVerdict: string };

/**
 * One mail's transaction. What it makes is decided first (reads only); then the mail is claimed
 * for it in one statement, which also returns the reference version and, for a new ticket from a
 * verified sender, the sender's account. Then the reply or ticket is written.
 *
 * A mail just received is claimed by writing its row already processed: its row and its ticket
 * commit together, and if anything fails the door stores the row alone (receiveInbound). Of two
 * doors receiving the same mail, the second's insert waits for the first's commit and then
 * inserts nothing. A stored mail (recovery) is claimed by a conditional update: of two
 * processors, the second finds it taken once the first commits, and a rollback leaves it waiting.
 */
async function intake(tx: SqlTx, claim: { stored: Row } | { arriving: Arrival }, parsed: ParsedMail, mail: Mail, now: Date): Promise<IngestOutcome> {
  const row: Row =
    "stored" in claim
      ? claim.stored
      : { id: claim.arriving.id, mailMessageId: claim.arriving.mailMessageId, authVerdict: claim.arriving.auth.verdict };
  const { claimedTicketId, joins } = await replyTarget(tx, row, parsed, mail.from);
  const ticketId = joins?.id ?? newId();
  const asksAccount = !joins && row.authVerdict === "PASS";
  const returning = Prisma.sql`RETURNING (SELECT "version" FROM "ReferenceVersion" WHERE "id" = 1) AS "version",
      ${asksAccount ? Prisma.sql`(SELECT row_to_json(a) FROM (${senderSql(mail.from)}) a)` : Prisma.sql`NULL::json`} AS "account"`;
  const [claimed] = await tx.$queryRaw<{ version: bigint | null; account: AccountRow | null }[]>(
    "stored" in claim
      ? Prisma.sql`
        UPDATE "InboundMail" SET "status" = 'PROCESSED', "processedAt" = ${now}, "ticketId" = ${ticketId}, "claimedTicketId" = ${claimedTicketId}
        WHERE "id" = ${row.id} AND "status" = 'RECEIVED' ${returning}`
      : Prisma.sql`${arrivalInsert(claim.arriving, { at: now, ticketId, claimedTicketId })} ${returning}`,
  );
  if (!claimed) return { kind: "ALREADY_PROCESSED" };
  // Turning a mail into a ticket changes no settings: reference data is checked once per mail.
  pinReferenceVersion(tx, claimed.version);
  if (joins) {
    const { body, bodyHtml, attachments } = mail;
    await addCustomerMessage(
      tx,
      { ticketId, authorId: joins.requesterId, channel: "EMAIL", body, bodyHtml, attachments, mailMessageId: row.mailMessageId, inReplyTo: messageIdsIn(parsed.inReplyTo)[0] ?? null },
      now,
      joins,
    );
    return { kind: "REPLY_ADDED", ticketId };
  }
  return newTicketFor(tx, row, parsed, mail, { claimedTicketId, ticketId, sender: senderOf(claimed.account) }, now);
}

/** The ticket a mail claims, and whether it joins it as a reply (else it becomes a new ticket). */
async function replyTarget(
  tx: SqlTx,
  row: Row,
  parsed: ParsedMail,
  from: string,
): Promise<{ claimedTicketId: string | null; joins: (ClockedTicket & { requesterId: string | null }) | null }> {
  const claimedTicketId = await claimedTicket(tx, parsed);
  if (!claimedTicketId || row.authVerdict !== "PASS") return { claimedTicketId, joins: null };
  // With what a reply needs of it (addCustomerMessage), so it is read once.
  const [ticket] = await tx.$queryRaw<(ClockedTicket & { requesterId: string | null; requesterEmail: string | null; accountEmail: string | null })[]>`
    SELECT t."id", t."status"::text AS "status", t."slaStartedAt", t."slaStoppedAt", t."requesterId", t."requesterEmail", r."email" AS "accountEmail"
    FROM "Ticket" t LEFT JOIN "User" r ON r."id" = t."requesterId" WHERE t."id" = ${claimedTicketId}`;
  if (!ticket) throw new Error(`claimed ticket ${claimedTicketId} not found`);
  // Even with a valid token, a reply attaches only when it comes from the ticket's own
  // requester: a forwarded mail must not let a third person write on someone else's ticket.
  const owner = normaliseAddress(ticket.requesterEmail) ?? normaliseAddress(ticket.accountEmail);
  return { claimedTicketId, joins: owner === from && ticket.status !== "CLOSED" ? ticket : null };
}

/** A new ticket from a mail: held for staff when the sender is not verified, urgent when it says so. */
async function newTicketFor(
  tx: SqlTx,
  row: Row,
  parsed: ParsedMail,
  mail: Mail,
  { claimedTicketId, ticketId, sender }: { claimedTicketId: string | null; ticketId: string; sender: SenderAccount },
  now: Date,
): Promise<IngestOutcome> {
  const { subject, from, body, bodyHtml, attachments } = mail;
  const verified = row.authVerdict === "PASS";
  const requesterName = parsed.from?.value[0]?.name || null;
  const common = { id: ticketId, subject, channel: "EMAIL" as const, body, bodyHtml, attachments, requesterEmail: from, mailMessageId: row.mailMessageId };
  let created: { ticketId: string; urgent: boolean; preAnnounced: boolean | null };
  if (!verified) {
    // Stored and visible to staff, but tied to nobody: no account or organisation (so no portal
    // shows it), no urgent request, no acknowledgement to an address that may not have written.
    // Staff confirm the sender to do what the verified path would have done (confirm-sender.ts).
    const ticket = await createTicket(tx, { ...common, requesterName, categoryKey: "GENERAL_QUESTION", acknowledge: false, senderUnverified: true }, now);
    // Those who may confirm the sender in the ticket's team hear of it: until then it goes nowhere.
    await notify(tx, {
      recipients: await senderConfirmersOf(tx, ticket.teamId),
      kind: "mail.sender_unverified",
      entityType: "Ticket",
      entityId: ticket.id,
      data: { number: ticket.number, subject },
      dedupeKey: `ticket:${ticket.id}:sender_unverified`,
      now,
    });
    created = { ticketId: ticket.id, urgent: false, preAnnounced: null };
  } else {
    const { user, organisationId } = sender;
    // The account as the claim read it: createTicket does not read it again.
    const known = { ...common, requesterId: user?.id ?? null, requester: user ?? undefined, requesterName: requesterName || user?.name || null, organisationId, assigneeId: await fixedHandlerFor(tx, organisationId) };
    if (organisationId && isUrgentSubject(subject, await getUrgentWords(tx))) {
      const ticket = await createTicket(tx, { ...known, categoryKey: "URGENT_REQUEST", priority: "URGENT", policyKey: "URGENT_REQUEST" }, now);
      const { preAnnounced } = await linkMailedUrgentRequest(tx, { ticketId: ticket.id, organisationId, subject, receivedAt: now, dueAt: ticket.slaDueAt ?? now });
      created = { ticketId: ticket.id, urgent: true, preAnnounced };
    } else {
      const ticket = await createTicket(tx, { ...known, categoryKey: "GENERAL_QUESTION" }, now);
      created = { ticketId: ticket.id, urgent: false, preAnnounced: null };
    }
  }
  await noteWhatDidNotThread(tx, created.ticketId, { subject, claimedTicketId, verified }, now);
  return { kind: "TICKET_CREATED", ...created, senderUnverified: !verified };
}

/**
 * A mail that names a ticket but did not join it becomes a new ticket, as a helpdesk does; this
 * note tells staff which ticket it mentions, so they can merge it by hand or confirm the sender.
 */
async function noteWhatDidNotThread(tx: SqlTx, ticketId: string, mail: { subject: string; claimedTicketId: string | null; verified: boolean }, now: Date) {
  const numbers = new Set<string>();
  const named = registrationNumberIn(mail.subject);
  if (named) {
    const [ticket] = await tx.$queryRaw<{ id: string; number: string }[]>`SELECT "id", "number" FROM "Ticket" WHERE "number" = ${named}`;
    if (ticket && ticket.id !== ticketId) numbers.add(ticket.number);
  }
  if (mail.claimedTicketId) {
    const [claimed] = await tx.$queryRaw<{ number: string }[]>`SELECT "number" FROM "Ticket" WHERE "id" = ${mail.claimedTicketId}`;
    if (claimed) numbers.add(claimed.number);
  }
  if (numbers.size === 0) return;
  const list = [...numbers].join(", ");
  const why = mail.verified
    ? "De afzender is niet de aanvrager van dat ticket, het ticket is gesloten, of de mail had geen antwoordadres van Loket. / The sender is not that ticket's requester, the ticket is closed, or the mail did not use a Loket reply address."
    : "De afzender is niet geverifieerd. / The sender is not verified.";
  await intakeNote(tx, ticketId, `Deze e-mail noemt ${list} maar is daar niet aan toegevoegd. / This email mentions ${list} but was not added to it.\n${why}`, now);
}

/**
 * Receipt as every door does it (SMTP intake, IMAP poller): keep the raw mail's file, then write
 * its row with its ticket or reply in one transaction, or, when that fails, the row alone. Throws
 * only when the row could not be stored, so the door keeps the mail (SMTP answers 451, IMAP leaves
 * it unseen); a ticket that could not be written is logged and left to processPendingInbound.
 */
export async function receiveInbound(
  deps: InboundDeps,
  raw: Buffer,
  now: Date,
  log: (line: string) => void,
  auth?: InboundAuth,
): Promise<{ id: string; duplicate: boolean }> {
  const parsed = await parseMail(raw);
  const arrival = await keepRaw(deps, raw, now, auth ?? unchecked("other", "not checked"), parsed);
  const prepared = await prepare(deps, parsed);
  let deferred: unknown = null;
  if (prepared.kind === "MAIL") {
    // The usual case in one transaction: the mail's row and its ticket or reply. One commit, not
    // two, and the row written once (npm run bench:mail).
    try {
      const outcome = await sqlTransaction(deps.db, (tx) => intake(tx, { arriving: arrival }, prepared.parsed, prepared.mail, now));
      if (outcome.kind !== "ALREADY_PROCESSED") return { id: arrival.id, duplicate: false };
    } catch (error) {
      deferred = error;
    }
  }
  // A duplicate, a mail that makes nothing, or a ticket that could not be written: the row alone,
  // committed, so the mail is accepted and not lost (processPendingInbound completes it later).
  const stored = await storeArrival(deps, arrival);
  if (stored.duplicate) return { id: stored.id, duplicate: true };
  if (prepared.kind === "SKIP") await mark(deps.db, stored.id, prepared.status, now, { reason: prepared.reason });
  if (deferred) log(`stored ${stored.id}, processing deferred: ${deferred instanceof Error ? deferred.message.slice(0, 200) : "error"}`);
  return { id: stored.id, duplicate: false };
}

/** Completes mails stored but not yet turned into tickets (after a crash or an outage). */
export async function processPendingInbound(deps: InboundDeps, now: Date, limit = 100): Promise<number> {
  const pending = await deps.db.inboundMail.findMany({ where: { status: "RECEIVED" }, orderBy: { receivedAt: "asc" }, take: limit, select: { id: true } });
  for (const { id } of pending) await processInbound(deps, id, now);
  return pending.length;
}
