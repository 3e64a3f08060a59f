import "server-only";
import { Prisma, type Channel, type Priority, type TicketStatus } from "@prisma/client";
import { audit, auditSql } from "@/lib/audit/mutations";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import type { Tx } from "@/lib/db/client";
import { writeTogether, type SqlTx } from "@/lib/db/sql";
import { newId } from "@/lib/db/ids";
import { newReplyToken } from "@/lib/mail/reply-token";
import { enqueueMail, ensureReplyToken, mailsSql } from "@/lib/outbox/mutations";
import { enqueueWebhookEvent, webhookEventsSql } from "@/lib/webhooks/enqueue";
import { cachedReference } from "@/lib/reference/cache";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { computeClock, policyByKey } from "@/lib/sla/rules";
import type { ClockStep } from "@/lib/sla/lifecycle";
import { beginClockEvent, finishClockEvent, recordAnswer } from "./answer-clock";
import { eventSql } from "./event-sql";
import { nextTicketNumber } from "./numbers";
import { defaultReplyChannel, mailSubject, WRITTEN_CHANNELS } from "./rules";
import { mailText } from "@/lib/mail-templates/queries";
import { acknowledgementValues } from "./templates";

export { refreshClock } from "./answer-clock";

export interface StoredAttachment {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export type TicketRuleCode = "NOT_FOUND" | "TICKET_CLOSED" | "UNKNOWN_CATEGORY" | "NO_MAIL_ADDRESS";

/** An expected refusal; actions turn the code into a translated message. */
export class TicketRuleError extends Error {
  constructor(readonly code: TicketRuleCode) {
    super(code);
    this.name = "TicketRuleError";
  }
}

export interface NewTicketInput {
  /** The new ticket's id, when the caller needs it first (the mail intake marks its mail with it). */
  id?: string;
  subject: string;
  categoryKey: string;
  channel: Channel;
  body: string;
  requesterId?: string | null;
  /** The requester's account as the caller already read it in this transaction (the mail intake); else read by requesterId. */
  requester?: TicketRequester;
  requesterName?: string | null;
  requesterEmail?: string | null;
  requesterPhone?: string | null;
  organisationId?: string | null;
  priority?: Priority;
  replyChannel?: Channel | null;
  /** Who registered it: the requester in a portal, the agent on the phone. */
  authorId?: string | null;
  /**
   * Whose words the first message is, when not the registrar's: an integration sends the
   * customer's question (their account, or nobody for a customer without one), not its own.
   */
  messageAuthorId?: string | null;
  attachments?: StoredAttachment[];
  firstContactResolution?: boolean;
  policyKey?: string;
  teamId?: string;
  /** Who takes it from the start (an organisation's fixed case handler, lib/org-admin/fixed-handler.ts). */
  assigneeId?: string | null;
  /** Mail threading of the message that opened the ticket. */
  mailMessageId?: string | null;
  /** Sanitised HTML of a mail, kept beside the plain text body. */
  bodyHtml?: string | null;
  /** When the answer clock starts if not now: a paper letter's date of receipt. */
  clockStartedAt?: Date;
  /** false: no automatic acknowledgement (mail whose sender is not verified; sent once confirmed). */
  acknowledge?: boolean;
  /** A mail whose sender could not be verified: held for staff to confirm (lib/mail/confirm-sender.ts). */
  senderUnverified?: boolean;
}

type NewMessage = {
  ticketId: string;
  direction: "INBOUND" | "OUTBOUND" | "INTERNAL";
  channel: Channel;
  authorId: string | null;
  body: string;
  bodyHtml?: string | null;
  automatic?: boolean;
  attachments?: StoredAttachment[];
  mailMessageId?: string | null;
  inReplyTo?: string | null;
};

export async function createMessage(tx: SqlTx, data: NewMessage, now: Date): Promise<string> {
  const { id, writes } = messageWrites(data, now);
  await writeTogether(tx, writes);
  return id;
}

/** A message's row and its files' rows, to be written (writeTogether). */
function messageWrites(data: NewMessage, now: Date): { id: string; writes: Prisma.Sql[] } {
  // Raw statements for the rows nearly every ticket change writes (README: why raw SQL).
  const id = newId();
  const writes = [
    Prisma.sql`
      INSERT INTO "Message" ("id", "ticketId", "direction", "channel", "authorId", "body", "bodyHtml", "automatic", "mailMessageId", "inReplyTo", "createdAt")
      VALUES (${id}, ${data.ticketId}, ${data.direction}::"MessageDirection", ${data.channel}::"Channel", ${data.authorId}, ${data.body},
        ${data.bodyHtml ?? null}, ${data.automatic ?? false}, ${data.mailMessageId ?? null}, ${data.inReplyTo ?? null}, ${now})`,
  ];
  if (data.attachments?.length) {
    writes.push(Prisma.sql`
      INSERT INTO "Attachment" ("id", "messageId", "fileName", "mimeType", "size", "sha256", "storageKey", "createdAt")
      SELECT a."id", ${id}, a."fileName", a."mimeType", a."size", a."sha256", a."storageKey", ${now}
      FROM jsonb_to_recordset(${JSON.stringify(data.attachments.map((a) => ({ ...a, id: newId() })))}::jsonb)
        AS a("id" text, "fileName" text, "mimeType" text, "size" integer, "sha256" text, "storageKey" text)`);
  }
  return { id, writes };
}

async function event(tx: SqlTx, ticketId: string, actorId: string | null, kind: string, data: Record<string, string | null>, now: Date) {
  await tx.$executeRaw(eventSql(ticketId, actorId, kind, data, now));
  // Every status change of a ticket passes here: the back office hears of each one.
  if (kind === "status" && data.from && data.to) await enqueueWebhookEvent(tx, "ticket.status_changed", { ticketId, from: data.from, to: data.to }, now);
}

/** A category by key, from the reference cache (read-only); raw, so it loads in any transaction. */
function categoryByKey(tx: SqlTx, key: string) {
  return cachedReference(tx, `category:${key}`, async (c) => {
    const [category] = await c.$queryRaw<{ id: string; key: string; active: boolean; slaPolicyKey: string; defaultTeamId: string | null }[]>`
      SELECT "id", "key", "active", "slaPolicyKey", "defaultTeamId" FROM "TicketCategory" WHERE "key" = ${key}`;
    return category ?? null;
  });
}

/** What a new ticket takes from its requester's account. */
export type TicketRequester = { id: string; email: string | null; name: string; phone: string | null; locale: "nl" | "en"; role: string };

/**
 * A new ticket with its first message, acknowledgement, events, audit and webhook event. Raw
 * statements only, so it runs in Prisma's transaction or a raw one (the mail intake's: lib/db/sql.ts).
 */
export async function createTicket(tx: SqlTx, input: NewTicketInput, now: Date): Promise<{ id: string; number: string; slaDueAt: Date | null; teamId: string | null }> {
  const category = await categoryByKey(tx, input.categoryKey);
  if (!category || !category.active) throw new TicketRuleError("UNKNOWN_CATEGORY");
  // One after the other: a transaction is one connection.
  const [organisation] = input.organisationId
    ? await tx.$queryRaw<{ id: string; isPartner: boolean }[]>`SELECT "id", "isPartner" FROM "Organisation" WHERE "id" = ${input.organisationId}`
    : [];
  const [requester] = input.requester
    ? [input.requester]
    : input.requesterId
      ? await tx.$queryRaw<TicketRequester[]>`
          SELECT "id", "email", "name", "phone", "locale"::text AS "locale", "role"::text AS "role" FROM "User" WHERE "id" = ${input.requesterId}`
      : [];
  if (input.organisationId && !organisation) throw new TicketRuleError("NOT_FOUND");
  if ((input.requesterId && !requester) || (input.requester && input.requesterId !== input.requester.id)) throw new TicketRuleError("NOT_FOUND");

  const [settings, policies] = await Promise.all([getCalendarSettings(tx), getSlaPolicies(tx)]);
  const policy = policyByKey(input.policyKey ?? category.slaPolicyKey, policies);
  const resolvedNow = input.firstContactResolution ?? false;
  const clockStartedAt = input.clockStartedAt ?? now;
  const clock = computeClock({ policy, startedAt: clockStartedAt, pauses: [], now, settings, stoppedAt: resolvedNow ? now : null });
  const number = await nextTicketNumber(tx, Number(amsterdamDateKey(now).slice(0, 4)));
  const requesterEmail = input.requesterEmail ?? requester?.email ?? null;
  const locale = requester?.locale ?? "nl";

  const ticket = {
    id: input.id ?? newId(),
    status: resolvedNow ? ("RESOLVED" as const) : ("NEW" as const),
    priority: input.priority ?? "NORMAL",
    organisationId: organisation?.id ?? null,
    requesterId: requester?.id ?? null,
  };
  const audience = organisation ? "EMPLOYER" : requester?.role === "BENEFICIARY" ? "BENEFICIARY" : null;
  // Raw, as every new ticket passes here (README: why raw SQL), and every row of it in one
  // statement (writeTogether): the ticket, its first moment in the sweep's schedule (SlaCheck), its
  // message, acknowledgement, events, audit event and webhook deliveries.
  const checkAt = resolvedNow ? null : (clock.nextChangeAt?.toISOString() ?? null);
  const acknowledged = WRITTEN_CHANNELS.includes(input.channel) && !resolvedNow && input.acknowledge !== false;
  // A mailed acknowledgement is the ticket's first mail: it is made with the reply token that mail
  // carries, rather than updated (and every index written again) a statement later.
  const replyToken = acknowledged && mailsAcknowledgement(input.channel, requesterEmail) ? newReplyToken() : null;
  const teamId = input.teamId ?? category.defaultTeamId;
  const writes = [
    Prisma.sql`
    INSERT INTO "Ticket" ("id", "number", "subject", "categoryId", "channel", "replyChannel", "status", "priority", "audience",
      "requesterId", "requesterName", "requesterEmail", "requesterPhone", "organisationId", "isPartner", "teamId", "assigneeId",
      "firstContactResolution", "slaPolicyKey", "slaStartedAt", "slaDueAt", "slaAtRiskAt", "slaState", "slaStoppedAt",
      "resolvedAt", "firstResponseAt", "lastActivityAt", "createdAt", "updatedAt", "replyToken", "senderUnverified")
    VALUES (${ticket.id}, ${number}, ${input.subject}, ${category.id}, ${input.channel}::"Channel", ${input.replyChannel ?? null}::"Channel",
      ${ticket.status}::"TicketStatus", ${ticket.priority}::"Priority", ${audience}::"Audience",
      ${ticket.requesterId}, ${input.requesterName ?? requester?.name ?? null}, ${requesterEmail}, ${input.requesterPhone ?? requester?.phone ?? null},
      ${ticket.organisationId}, ${organisation?.isPartner ?? false}, ${teamId}, ${input.assigneeId ?? null},
      ${resolvedNow}, ${policy.key}, ${clockStartedAt}, ${clock.dueAt}, ${clock.atRiskAt}, ${clock.state}::"SlaState", ${resolvedNow ? now : null},
      ${resolvedNow ? now : null}, ${resolvedNow ? now : null}, ${now}, ${now}, ${now}, ${replyToken}, ${input.senderUnverified ?? false})`,
    ...(checkAt ? [Prisma.sql`INSERT INTO "SlaCheck" ("ticketId", "at") VALUES (${ticket.id}, (${checkAt}::timestamptz AT TIME ZONE 'UTC'))`] : []),
    ...messageWrites(
      {
        ticketId: ticket.id,
        direction: "INBOUND",
        channel: input.channel,
        authorId: input.messageAuthorId !== undefined ? input.messageAuthorId : (input.authorId ?? requester?.id ?? null),
        body: input.body,
        bodyHtml: input.bodyHtml ?? null,
        attachments: input.attachments,
        mailMessageId: input.mailMessageId ?? null,
      },
      now,
    ).writes,
  ];
  // A written question gets an automatic acknowledgement with its registration number.
  if (acknowledged) {
    const ticketForMail = { id: ticket.id, number, subject: input.subject, channel: input.channel, dueAt: clock.dueAt, locale, requesterEmail, mailMessageId: input.mailMessageId ?? null };
    writes.push(...(await acknowledgementWrites(tx, ticketForMail, now, { replyTokenSet: replyToken !== null })));
  }
  writes.push(eventSql(ticket.id, input.authorId ?? null, "created", { channel: input.channel, category: category.key }, now));
  if (input.assigneeId) writes.push(eventSql(ticket.id, null, "assignee", { from: null, to: input.assigneeId }, now));
  writes.push(
    auditSql([
      { actorId: input.authorId ?? requester?.id ?? null, action: "ticket.create", entityType: "Ticket", entityId: ticket.id, data: { number, channel: input.channel, category: category.key } },
    ]),
    webhookEventsSql(
      "ticket.created",
      [{ ticketId: ticket.id, number, channel: input.channel, category: category.key, status: ticket.status, priority: ticket.priority, organisationId: ticket.organisationId, requesterId: ticket.requesterId }],
      now,
    ),
  );
  await writeTogether(tx, writes);
  return { id: ticket.id, number, slaDueAt: clock.dueAt, teamId };
}

/** Whether the acknowledgement goes out by mail: not for a portal question, and only to an address. */
function mailsAcknowledgement(channel: Channel, requesterEmail: string | null): requesterEmail is string {
  // An empty address is no address, as before.
  return channel !== "PORTAL" && Boolean(requesterEmail);
}

/** The automatic acknowledgement: on the timeline, and by mail unless the question came by portal. */
export async function sendAcknowledgement(tx: SqlTx, ticket: AcknowledgedTicket, now: Date): Promise<void> {
  await writeTogether(tx, await acknowledgementWrites(tx, ticket, now, { replyTokenSet: false }));
}

type AcknowledgedTicket = { id: string; number: string; subject: string; channel: Channel; dueAt: Date | null; locale: "nl" | "en"; requesterEmail: string | null; mailMessageId: string | null };

/** The acknowledgement's message and mail, to be written (writeTogether); the ticket's reply token first if it has none. */
async function acknowledgementWrites(tx: SqlTx, ticket: AcknowledgedTicket, now: Date, options: { replyTokenSet?: boolean }): Promise<Prisma.Sql[]> {
  // The admin's wording (/agent/beheer/mailteksten) or the built-in one; the timeline shows the same text.
  const mail = await mailText(tx, "ticket.acknowledgement", ticket.locale, acknowledgementValues({ number: ticket.number, subject: ticket.subject, dueAt: ticket.dueAt, locale: ticket.locale }));
  const text = mail.text;
  const writes = messageWrites({ ticketId: ticket.id, direction: "OUTBOUND", channel: ticket.channel, authorId: null, body: text, automatic: true }, now).writes;
  if (mailsAcknowledgement(ticket.channel, ticket.requesterEmail)) {
    // A ticket's first mail gives it its reply token (enqueueMail); createTicket made it with one.
    if (!options.replyTokenSet) await ensureReplyToken(tx, ticket.id);
    const { statement } = mailsSql([
      {
        kind: "ticket.acknowledgement",
        to: ticket.requesterEmail,
        subject: mail.subject,
        text,
        locale: ticket.locale,
        ticketId: ticket.id,
        inReplyTo: ticket.mailMessageId,
        references: ticket.mailMessageId ? [ticket.mailMessageId] : [],
        at: now,
      },
    ]);
    writes.push(statement);
  }
  return writes;
}

async function loadOpenTicket(tx: Tx, ticketId: string) {
  const ticket = await tx.ticket.findUnique({ where: { id: ticketId }, include: { requester: true } });
  if (!ticket) throw new TicketRuleError("NOT_FOUND");
  if (ticket.status === "CLOSED") throw new TicketRuleError("TICKET_CLOSED");
  return ticket;
}

/** A customer writes on their ticket: it re-opens when resolved or waiting on them. */
export async function addCustomerMessage(
  tx: SqlTx,
  input: {
    ticketId: string;
    authorId: string | null;
    channel: Channel;
    body: string;
    bodyHtml?: string | null;
    attachments?: StoredAttachment[];
    mailMessageId?: string | null;
    inReplyTo?: string | null;
  },
  now: Date,
  // The ticket as the caller just read it in this transaction (the mail intake does), or read here.
  read?: ClockedTicket,
): Promise<{ messageId: string; reopened: boolean }> {
  // Raw, as the mail intake's transaction is (lib/db/sql.ts).
  const [ticket] = read
    ? [read]
    : await tx.$queryRaw<ClockedTicket[]>`
        SELECT "id", "status"::text AS "status", "slaStartedAt", "slaStoppedAt" FROM "Ticket" WHERE "id" = ${input.ticketId}`;
  if (!ticket || ticket.id !== input.ticketId) throw new TicketRuleError("NOT_FOUND");
  if (ticket.status === "CLOSED") throw new TicketRuleError("TICKET_CLOSED");
  // The message's id first: rows of one moment show in the order their ids were made.
  const message = messageWrites({ ...input, direction: "INBOUND" }, now);
  const { reopened } = await customerWrote(tx, ticket, input.authorId, now);
  // The message, its audit event and webhook deliveries in one statement (writeTogether).
  await writeTogether(tx, [
    ...message.writes,
    auditSql([{ actorId: input.authorId, action: "ticket.customer_message", entityType: "Ticket", entityId: ticket.id, data: { reopened } }]),
    webhookEventsSql("message.received", [{ ticketId: ticket.id, messageId: message.id, channel: input.channel, reopened }], now),
  ]);
  return { messageId: message.id, reopened };
}

/** What a customer's message needs of its ticket: whether it re-opens, and its answer clock. */
export type ClockedTicket = { id: string; status: TicketStatus; slaStartedAt: Date | null; slaStoppedAt: Date | null };

/**
 * The customer wrote (portal, mail, phone): a resolved or waiting ticket re-opens, and an answered
 * question's clock starts afresh from this message (lib/sla/lifecycle.ts).
 */
export async function customerWrote(
  tx: SqlTx,
  ticket: ClockedTicket,
  actorId: string | null,
  now: Date,
): Promise<{ reopened: boolean }> {
  const reopened = ticket.status === "RESOLVED" || ticket.status === "PENDING_CUSTOMER";
  const { step, data } = await beginClockEvent(tx, ticket, { kind: "CUSTOMER_MESSAGE" }, now);
  // A field the clock step leaves out keeps its value; "updatedAt" is the wall clock, as Prisma writes it.
  const at = (d: Date | null | undefined) => d?.toISOString() ?? null;
  await tx.$executeRaw`
    UPDATE "Ticket" SET "lastActivityAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
      "updatedAt" = (${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'),
      "slaStartedAt" = CASE WHEN ${"slaStartedAt" in data} THEN (${at(data.slaStartedAt)}::timestamptz AT TIME ZONE 'UTC') ELSE "slaStartedAt" END,
      "slaStoppedAt" = CASE WHEN ${"slaStoppedAt" in data} THEN (${at(data.slaStoppedAt)}::timestamptz AT TIME ZONE 'UTC') ELSE "slaStoppedAt" END,
      "status" = CASE WHEN ${reopened} THEN 'OPEN'::"TicketStatus" ELSE "status" END,
      "resolvedAt" = CASE WHEN ${ticket.status === "RESOLVED"} THEN NULL ELSE "resolvedAt" END
    WHERE "id" = ${ticket.id}`;
  if (reopened) await event(tx, ticket.id, actorId, "status", { from: ticket.status, to: "OPEN" }, now);
  await finishClockEvent(tx, ticket.id, step, actorId, now, reopened);
  return { reopened };
}

/** The line under a mailed reply that names its files and where to find them. */
function attachmentNotice(files: readonly StoredAttachment[], locale: "nl" | "en", hasAccount: boolean): string {
  const names = files.map((f) => f.fileName).join(", ");
  if (locale === "en") return hasAccount ? `Attached in your Loket portal: ${names}.` : `We will send the attachments (${names}) by post on request.`;
  return hasAccount ? `Bijlagen, te vinden in uw Loket-portaal: ${names}.` : `De bijlagen (${names}) sturen wij u op verzoek per post.`;
}

/** An answer to the customer, by default on the channel the question came in on. */
export async function addStaffReply(
  tx: Tx,
  input: { ticketId: string; authorId: string; body: string; channel?: Channel; attachments?: StoredAttachment[] },
  now: Date,
): Promise<{ messageId: string; channel: Channel; outboxId: string | null }> {
  const ticket = await loadOpenTicket(tx, input.ticketId);
  const address = ticket.requesterEmail ?? ticket.requester?.email ?? null;
  const channel =
    input.channel ??
    defaultReplyChannel({
      channel: ticket.channel,
      replyChannel: ticket.replyChannel,
      hasAccount: ticket.requesterId !== null,
      hasMailAddress: address !== null,
    });
  if (channel === "EMAIL" && !address) throw new TicketRuleError("NO_MAIL_ADDRESS");

  let outboxId: string | null = null;
  let mailMessageId: string | null = null;
  if (channel === "EMAIL" && address) {
    const previous = await tx.message.findMany({
      where: { ticketId: ticket.id, mailMessageId: { not: null } },
      orderBy: { createdAt: "asc" },
      select: { mailMessageId: true },
    });
    const references = previous.map((m) => m.mailMessageId!).concat(
      (await tx.outboxMessage.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: "asc" }, select: { mailMessageId: true } })).map((o) => o.mailMessageId),
    );
    const mail = await enqueueMail(tx, {
      kind: "ticket.reply",
      to: address,
      subject: mailSubject(ticket.number, ticket.subject),
      // The outbox carries text only: the files wait where the person can download them safely.
      text: input.attachments?.length ? `${input.body}\n\n${attachmentNotice(input.attachments, ticket.requester?.locale ?? "nl", ticket.requesterId !== null)}` : input.body,
      locale: ticket.requester?.locale ?? "nl",
      ticketId: ticket.id,
      inReplyTo: references.at(-1) ?? null,
      references,
      at: now,
    });
    outboxId = mail.id;
    mailMessageId = mail.mailMessageId;
  }
  const messageId = await createMessage(
    tx,
    { ticketId: ticket.id, direction: "OUTBOUND", channel, authorId: input.authorId, body: input.body, mailMessageId, attachments: input.attachments },
    now,
  );
  await tx.ticket.update({
    where: { id: ticket.id },
    data: {
      lastActivityAt: now,
      firstResponseAt: ticket.firstResponseAt ?? now,
      ...(ticket.status === "NEW" ? { status: "OPEN" as TicketStatus } : {}),
    },
  });
  if (ticket.status === "NEW") await event(tx, ticket.id, input.authorId, "status", { from: "NEW", to: "OPEN" }, now);
  // An answer in the portal waits there: its account holder is told by mail that it is there,
  // never what it says (worded by the admin, /agent/beheer/mailteksten).
  if (channel === "PORTAL" && ticket.requester?.active && ticket.requester.email) {
    const notice = await mailText(tx, "ticket.portalAnswer", ticket.requester.locale, { registratienummer: ticket.number, onderwerp: ticket.subject });
    await enqueueMail(tx, { kind: "ticket.portal_answer", to: ticket.requester.email, subject: notice.subject, text: notice.text, locale: ticket.requester.locale, ticketId: ticket.id, at: now });
  }
  // A reply on the customer's channel or a letter is a substantive answer: it stops the clock.
  await recordAnswer(tx, ticket.id, input.authorId, now);
  await audit(tx, { actorId: input.authorId, action: "ticket.reply", entityType: "Ticket", entityId: ticket.id, data: { channel } });
  return { messageId, channel, outboxId };
}

export async function addInternalNote(tx: Tx, input: { ticketId: string; authorId: string; body: string }, now: Date): Promise<{ messageId: string }> {
  const ticket = await tx.ticket.findUnique({ where: { id: input.ticketId }, select: { id: true, channel: true } });
  if (!ticket) throw new TicketRuleError("NOT_FOUND");
  const messageId = await createMessage(
    tx,
    { ticketId: ticket.id, direction: "INTERNAL", channel: ticket.channel, authorId: input.authorId, body: input.body },
    now,
  );
  await audit(tx, { actorId: input.authorId, action: "ticket.note", entityType: "Ticket", entityId: ticket.id });
  return { messageId };
}

export interface TicketChange {
  ticketId: string;
  /** null for changes the system makes on its own (sweeps). */
  actorId: string | null;
  status?: TicketStatus;
  categoryKey?: string;
  teamId?: string | null;
  assigneeId?: string | null;
  priority?: Priority;
}

/** Status, category, team, assignee and priority changes, with the SLA clock kept right. */
export async function changeTicket(tx: Tx, change: TicketChange, now: Date): Promise<void> {
  const ticket = await tx.ticket.findUnique({ where: { id: change.ticketId }, include: { category: true } });
  if (!ticket) throw new TicketRuleError("NOT_FOUND");
  const data: Parameters<Tx["ticket"]["update"]>[0]["data"] = { lastActivityAt: now };
  const changed: Record<string, string | null> = {};
  let clockStepDone: ClockStep | null = null;

  if (change.status && change.status !== ticket.status) {
    const from = ticket.status;
    const to = change.status;
    // Pauses, stop and restart follow the lifecycle rule (lib/sla/lifecycle.ts).
    const clock = await beginClockEvent(tx, ticket, { kind: "STATUS", to }, now);
    clockStepDone = clock.step;
    Object.assign(data, clock.data);
    if (to === "RESOLVED") Object.assign(data, { resolvedAt: now });
    if (to === "CLOSED") Object.assign(data, { closedAt: now, resolvedAt: ticket.resolvedAt ?? now });
    if ((from === "RESOLVED" || from === "CLOSED") && (to === "OPEN" || to === "NEW" || to === "PENDING_CUSTOMER")) {
      Object.assign(data, { resolvedAt: null, closedAt: null });
    }
    data.status = to;
    await event(tx, ticket.id, change.actorId, "status", { from, to }, now);
    changed.status = to;
  }
  if (change.categoryKey && change.categoryKey !== ticket.category.key) {
    const category = await tx.ticketCategory.findUnique({ where: { key: change.categoryKey } });
    if (!category || !category.active) throw new TicketRuleError("UNKNOWN_CATEGORY");
    data.category = { connect: { id: category.id } };
    await event(tx, ticket.id, change.actorId, "category", { from: ticket.category.key, to: category.key }, now);
    changed.category = category.key;
  }
  if (change.teamId !== undefined && change.teamId !== ticket.teamId) {
    data.team = change.teamId ? { connect: { id: change.teamId } } : { disconnect: true };
    await event(tx, ticket.id, change.actorId, "team", { from: ticket.teamId, to: change.teamId }, now);
    changed.team = change.teamId;
  }
  if (change.assigneeId !== undefined && change.assigneeId !== ticket.assigneeId) {
    data.assignee = change.assigneeId ? { connect: { id: change.assigneeId } } : { disconnect: true };
    await event(tx, ticket.id, change.actorId, "assignee", { from: ticket.assigneeId, to: change.assigneeId }, now);
    changed.assignee = change.assigneeId;
  }
  if (change.priority && change.priority !== ticket.priority) {
    data.priority = change.priority;
    await event(tx, ticket.id, change.actorId, "priority", { from: ticket.priority, to: change.priority }, now);
    changed.priority = change.priority;
  }
  if (Object.keys(changed).length === 0) return;
  await tx.ticket.update({ where: { id: ticket.id }, data });
  if (clockStepDone) await finishClockEvent(tx, ticket.id, clockStepDone, change.actorId, now, true);
  await audit(tx, { actorId: change.actorId, action: "ticket.change", entityType: "Ticket", entityId: ticket.id, data: changed });
}
