import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { ChatSession, Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { db, type Tx } from "@/lib/db/client";
import { fileEmployerQuestion } from "@/lib/employer/mutations";
import { chatTopic, CHAT_QUEUE_TOPIC, userTopic } from "@/lib/live/topics";
import { LIVE_CHANNEL } from "@/lib/live/channel";
import { publishLive } from "@/lib/live/publish";
import { getLineCalendar } from "@/lib/settings/queries";
import { recordAnswer } from "@/lib/tickets/answer-clock";
import { addCustomerMessage, changeTicket, createTicket } from "@/lib/tickets/mutations";
import { mayViewDossier } from "@/lib/tickets/rules";
import {
  agentMaySeeWaiting,
  atChatLimit,
  chatHours,
  formatTranscript,
  isChatTopic,
  pickChatLine,
  systemText,
  typingThrottled,
  type ChatAudience,
  type SystemEvent,
} from "./rules";
import type { EndChatInput, SendChatMessageInput, StartChatInput, TransferChatInput } from "./schema";
import { getChatSettings } from "./settings";

export type ChatRefusal =
  | "NOT_FOUND"
  | "UNKNOWN_TOPIC"
  | "CHAT_OFFLINE"
  | "CHAT_CLOSED"
  | "CHAT_ACCEPTED"
  | "CHAT_TAKEN"
  | "CHAT_LIMIT_REACHED"
  | "TRANSFER_TARGET_INVALID"
  | "TARGET_LIMIT_REACHED"
  | "TEAM_NOT_FOUND"
  | "TICKET_NOT_FOUND";

/** An expected refusal; the action turns the code into a translated message. */
export class ChatRuleError extends Error {
  constructor(readonly code: ChatRefusal) {
    super(code);
    this.name = "ChatRuleError";
  }
}

/** The person on the customer side of a chat, from their session. */
export interface ChatCustomer {
  id: string;
  audience: ChatAudience;
  organisationId: string | null;
}

export function customerOf(user: SessionUser): ChatCustomer | null {
  if (user.role === "BENEFICIARY") return { id: user.id, audience: "BENEFICIARY", organisationId: null };
  if (user.role === "EMPLOYER_CONTACT" && user.organisationId) return { id: user.id, audience: "EMPLOYER", organisationId: user.organisationId };
  return null;
}

type ChatRow = ChatSession & { category: { key: string; nameNl: string; nameEn: string; dossierSensitive: boolean } };

/** The chat's row locked for this transaction, so state changes of one chat happen one at a time. */
async function lockChat(tx: Tx, chatId: string): Promise<ChatRow | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ChatSession" WHERE "id" = ${chatId} FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.chatSession.findUnique({ where: { id: chatId }, include: { category: { select: { key: true, nameNl: true, nameEn: true, dossierSensitive: true } } } });
}

async function ownChat(tx: Tx, customer: ChatCustomer, chatId: string): Promise<ChatRow> {
  const chat = await lockChat(tx, chatId);
  // Another person's chat does not exist for this one.
  if (!chat || chat.requesterId !== customer.id) throw new ChatRuleError("NOT_FOUND");
  return chat;
}

/** A chat the agent holds; one they do not is not found, one they held and that ended is closed. */
async function heldChat(tx: Tx, agent: SessionUser, chatId: string): Promise<ChatRow> {
  const chat = await lockChat(tx, chatId);
  if (!chat || chat.agentId !== agent.id) throw new ChatRuleError("NOT_FOUND");
  if (chat.status !== "ACTIVE") throw new ChatRuleError("CHAT_CLOSED");
  return chat;
}

/** The next number of a chat, taken under the row's lock by the update itself. */
async function nextSeq(tx: Tx, chatId: string, now: Date, clearTyping?: "customer" | "agent"): Promise<number | null> {
  const rows =
    clearTyping === "customer"
      ? await tx.$queryRaw<{ lastSeq: number }[]>`UPDATE "ChatSession" SET "lastSeq" = "lastSeq" + 1, "customerTypingAt" = NULL, "updatedAt" = ${now} WHERE "id" = ${chatId} AND "status" IN ('WAITING', 'ACTIVE') RETURNING "lastSeq"`
      : clearTyping === "agent"
        ? await tx.$queryRaw<{ lastSeq: number }[]>`UPDATE "ChatSession" SET "lastSeq" = "lastSeq" + 1, "agentTypingAt" = NULL, "updatedAt" = ${now} WHERE "id" = ${chatId} AND "status" IN ('WAITING', 'ACTIVE') RETURNING "lastSeq"`
        : await tx.$queryRaw<{ lastSeq: number }[]>`UPDATE "ChatSession" SET "lastSeq" = "lastSeq" + 1, "updatedAt" = ${now} WHERE "id" = ${chatId} RETURNING "lastSeq"`;
  return rows[0]?.lastSeq ?? null;
}

async function addSystemMessage(tx: Tx, chat: { id: string; requesterId: string }, event: SystemEvent, now: Date, name = ""): Promise<void> {
  const requester = await tx.user.findUnique({ where: { id: chat.requesterId }, select: { locale: true } });
  const seq = await nextSeq(tx, chat.id, now);
  if (seq === null) return;
  await tx.chatMessage.create({ data: { sessionId: chat.id, seq, author: "SYSTEM", body: systemText(event, requester?.locale ?? "nl", name), createdAt: now } });
}

/** A message id made from the chat and the client's id, so a retried send finds its first copy. */
function clientMessageId(chatId: string, clientId: string): string {
  return `cm_${createHash("sha256").update(`${chatId}\n${clientId}`).digest("hex").slice(0, 32)}`;
}

async function activeChatsOf(tx: Tx, agentId: string): Promise<number> {
  // The agent's row serialises their own accepts and incoming transfers, so the limit holds under races.
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${agentId} FOR UPDATE`;
  return tx.chatSession.count({ where: { agentId, status: "ACTIVE" } });
}

// ───────────────────────────── customer ─────────────────────────────

/** Starts a chat, or returns the person's open one (one open chat per person). */
export async function startChat(tx: Tx, customer: ChatCustomer, input: StartChatInput, now: Date): Promise<{ chatId: string; existing: boolean }> {
  // The person's row serialises two starts at once (two tabs), so only one chat opens.
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${customer.id} FOR UPDATE`;
  const open = await tx.chatSession.findFirst({ where: { requesterId: customer.id, status: { in: ["WAITING", "ACTIVE"] } }, select: { id: true } });
  if (open) return { chatId: open.id, existing: true };

  const category = await tx.ticketCategory.findUnique({ where: { key: input.categoryKey } });
  if (!category || !isChatTopic(category, customer.audience)) throw new ChatRuleError("UNKNOWN_TOPIC");
  const line = pickChatLine(await tx.contactLine.findMany({ select: { key: true, audience: true, channels: true, active: true, sortOrder: true } }), customer.audience);
  if (!line) throw new ChatRuleError("CHAT_OFFLINE");
  const calendar = await getLineCalendar(tx, line.key);
  if (!chatHours(calendar.schedule, calendar.settings, now).open) throw new ChatRuleError("CHAT_OFFLINE");
  const organisation = customer.organisationId ? await tx.organisation.findUnique({ where: { id: customer.organisationId }, select: { isPartner: true } }) : null;

  const chat = await tx.chatSession.create({
    data: {
      requesterId: customer.id,
      organisationId: customer.organisationId,
      audience: customer.audience,
      categoryId: category.id,
      lineKey: line.key,
      isPartner: organisation?.isPartner ?? false,
      // The first message is number 1; nobody else can see the row before this transaction commits.
      lastSeq: 1,
      queuedAt: now,
      createdAt: now,
      messages: { create: { seq: 1, author: "CUSTOMER", authorId: customer.id, body: input.body, createdAt: now } },
    },
    select: { id: true },
  });
  await publishLive(tx, chatTopic(chat.id));
  await publishLive(tx, CHAT_QUEUE_TOPIC);
  await audit(tx, { actorId: customer.id, action: "chat.start", entityType: "ChatSession", entityId: chat.id, organisationId: customer.organisationId, data: { category: category.key, line: line.key } });
  return { chatId: chat.id, existing: false };
}

/** One message from the customer or the holding agent; a retried clientId gives the first copy's number. */
/**
 * One message in one SQL statement (no interactive transaction): under a busy chat line every
 * round trip of a send is paid by hundreds of people at once. The UPDATE takes the next number
 * under the chat row's lock and re-checks, on the newest row, that the sender still holds the
 * chat (an agent who transferred it away is refused); the INSERT stores the message; both live
 * topics rise and PostgreSQL notifies at commit. A clientId already stored returns its number.
 */
export async function sendChatMessage(sender: { user: SessionUser; side: "CUSTOMER" | "AGENT" }, input: SendChatMessageInput, now: Date): Promise<{ seq: number }> {
  const { side, user } = sender;
  const messageId = input.clientId ? clientMessageId(input.chatId, input.clientId) : `cm_${randomBytes(16).toString("hex")}`;
  const rows = await db.$queryRaw<{ status: string | null; requesterId: string | null; agentId: string | null; duplicate: number | null; seq: number | null }[]>`
    WITH duplicate AS (
      SELECT "seq" FROM "ChatMessage" WHERE "id" = ${messageId} AND "sessionId" = ${input.chatId}
    ), numbered AS (
      UPDATE "ChatSession" SET
        "lastSeq" = "lastSeq" + 1,
        "customerTypingAt" = CASE WHEN ${side}::text = 'CUSTOMER' THEN NULL ELSE "customerTypingAt" END,
        "agentTypingAt" = CASE WHEN ${side}::text = 'AGENT' THEN NULL ELSE "agentTypingAt" END,
        "updatedAt" = ${now}
      WHERE "id" = ${input.chatId}
        AND NOT EXISTS (SELECT 1 FROM duplicate)
        AND (CASE WHEN ${side}::text = 'CUSTOMER'
          THEN "requesterId" = ${user.id} AND "status" IN ('WAITING', 'ACTIVE')
          ELSE "agentId" = ${user.id} AND "status" = 'ACTIVE' END)
      RETURNING "id", "lastSeq", "agentId"
    ), stored AS (
      INSERT INTO "ChatMessage" ("id", "sessionId", "seq", "author", "authorId", "body", "createdAt")
      SELECT ${messageId}, "id", "lastSeq", CAST(${side} AS "ChatAuthor"), ${user.id}, ${input.body}, ${now} FROM numbered
      RETURNING "seq"
    ), bumped AS (
      -- The console lists the agent's chats with their last number: their topic rises too.
      INSERT INTO "LiveTopic" ("topic", "version", "updatedAt")
      SELECT topic, 1, now() FROM numbered, unnest(ARRAY[${chatTopic(input.chatId)}::text, ${userTopic("")}::text || "agentId"]) AS topic WHERE topic IS NOT NULL
      ON CONFLICT ("topic") DO UPDATE SET "version" = "LiveTopic"."version" + 1, "updatedAt" = now()
      RETURNING "topic", "version"
    ), notified AS (
      SELECT pg_notify(${LIVE_CHANNEL}, "topic" || ' ' || "version") FROM bumped
    )
    SELECT chat."status"::text AS "status", chat."requesterId", chat."agentId",
      (SELECT "seq" FROM duplicate) AS "duplicate",
      (SELECT "seq" FROM stored) AS "seq",
      (SELECT count(*) FROM notified) AS "notified"
    FROM (SELECT 1) AS one LEFT JOIN "ChatSession" AS chat ON chat."id" = ${input.chatId}`;
  const row = rows[0]!;
  if (row.seq !== null) return { seq: row.seq };
  const mine = side === "CUSTOMER" ? row.requesterId === user.id : row.agentId === user.id;
  // Another person's chat does not exist for this one, not even to learn its clientIds.
  if (!mine) throw new ChatRuleError("NOT_FOUND");
  if (row.duplicate !== null) return { seq: row.duplicate };
  throw new ChatRuleError("CHAT_CLOSED");
}

/** Whether a retried send already stored its message (after a unique violation of a concurrent twin). */
export async function findClientMessage(tx: Tx, chatId: string, clientId: string): Promise<number | null> {
  return (await tx.chatMessage.findUnique({ where: { id: clientMessageId(chatId, clientId) }, select: { seq: true } }))?.seq ?? null;
}

/** "Is typing": a mark at most every 2 seconds, each one published. */
export async function markTyping(tx: Tx, sender: { user: SessionUser; side: "CUSTOMER" | "AGENT" }, chatId: string, now: Date): Promise<{ written: boolean }> {
  const chat = await tx.chatSession.findUnique({ where: { id: chatId }, select: { id: true, requesterId: true, agentId: true, status: true, customerTypingAt: true, agentTypingAt: true } });
  const mine = chat && (sender.side === "CUSTOMER" ? chat.requesterId === sender.user.id : chat.agentId === sender.user.id);
  if (!chat || !mine) throw new ChatRuleError("NOT_FOUND");
  if (chat.status !== "WAITING" && chat.status !== "ACTIVE") throw new ChatRuleError("CHAT_CLOSED");
  const field = sender.side === "CUSTOMER" ? "customerTypingAt" : "agentTypingAt";
  if (typingThrottled(chat[field], now)) return { written: false };
  const threshold = new Date(now.getTime() - 2_000);
  const updated = await tx.chatSession.updateMany({
    where: { id: chat.id, status: { in: ["WAITING", "ACTIVE"] }, OR: [{ [field]: null }, { [field]: { lte: threshold } }] },
    data: { [field]: now },
  });
  if (updated.count === 0) return { written: false };
  await publishLive(tx, chatTopic(chat.id));
  return { written: true };
}

/** The customer leaves: never picked up is abandoned; picked up is ended and filed unresolved. */
export async function leaveChat(tx: Tx, customer: ChatCustomer, chatId: string, now: Date): Promise<void> {
  const chat = await ownChat(tx, customer, chatId);
  if (chat.status === "WAITING") {
    await tx.chatSession.update({ where: { id: chat.id }, data: { status: "ABANDONED", endedAt: now, customerTypingAt: null } });
    await addSystemMessage(tx, chat, "LEFT", now);
    await publishLive(tx, chatTopic(chat.id));
    await publishLive(tx, CHAT_QUEUE_TOPIC);
    await audit(tx, { actorId: customer.id, action: "chat.abandon", entityType: "ChatSession", entityId: chat.id, organisationId: chat.organisationId });
    return;
  }
  if (chat.status !== "ACTIVE") throw new ChatRuleError("CHAT_CLOSED");
  await addSystemMessage(tx, chat, "LEFT", now);
  const filed = await fileTranscript(tx, chat, { actorId: customer.id, resolved: false }, now);
  await closeAsEnded(tx, chat, filed.ticketId, false, now);
  await audit(tx, { actorId: customer.id, action: "chat.leave", entityType: "ChatSession", entityId: chat.id, ticketId: filed.ticketId, organisationId: chat.organisationId });
}

/** Nobody picked up (or hours ended): the transcript becomes a portal question with its clock started. */
export async function leaveChatAsMessage(tx: Tx, customer: ChatCustomer, chatId: string, now: Date): Promise<{ ticketId: string; number: string }> {
  const chat = await ownChat(tx, customer, chatId);
  if (chat.status === "ACTIVE") throw new ChatRuleError("CHAT_ACCEPTED");
  if (chat.status !== "WAITING") throw new ChatRuleError("CHAT_CLOSED");
  const { body, subject } = await transcriptOf(tx, chat);
  const question = { subject, categoryKey: chat.category.key, body };
  // The same creation path as a question typed in the portal (acknowledgement, team, fixed handler).
  const ticket = chat.organisationId
    ? await fileEmployerQuestion(tx, { id: customer.id, organisationId: chat.organisationId }, question as Parameters<typeof fileEmployerQuestion>[2], [], now)
    : await createTicket(tx, { ...question, channel: "PORTAL", requesterId: customer.id, authorId: customer.id }, now);
  await tx.chatSession.update({ where: { id: chat.id }, data: { status: "LEFT_MESSAGE", ticketId: ticket.id, endedAt: now, customerTypingAt: null } });
  await publishLive(tx, chatTopic(chat.id));
  await publishLive(tx, CHAT_QUEUE_TOPIC);
  await audit(tx, { actorId: customer.id, action: "chat.leave_message", entityType: "ChatSession", entityId: chat.id, ticketId: ticket.id, organisationId: chat.organisationId, data: { number: ticket.number } });
  return { ticketId: ticket.id, number: ticket.number };
}

// ───────────────────────────── agent ─────────────────────────────

export async function acceptChat(tx: Tx, agent: SessionUser, chatId: string, now: Date): Promise<void> {
  const chat = await lockChat(tx, chatId);
  if (!chat) throw new ChatRuleError("NOT_FOUND");
  if (chat.status === "ACTIVE" && chat.agentId === agent.id) return;
  if (!agentMaySeeWaiting(agent, chat) && chat.agentId !== agent.id) throw new ChatRuleError("NOT_FOUND");
  if (chat.status === "ACTIVE") throw new ChatRuleError("CHAT_TAKEN");
  if (chat.status !== "WAITING") throw new ChatRuleError("CHAT_CLOSED");
  const settings = await getChatSettings(tx);
  if (atChatLimit(await activeChatsOf(tx, agent.id), settings)) throw new ChatRuleError("CHAT_LIMIT_REACHED");
  // Conditional: of two agents pressing at once, only the first changes the row.
  const taken = await tx.chatSession.updateMany({ where: { id: chat.id, status: "WAITING" }, data: { status: "ACTIVE", agentId: agent.id, acceptedAt: now, teamId: null } });
  if (taken.count === 0) throw new ChatRuleError("CHAT_TAKEN");
  await addSystemMessage(tx, chat, "ACCEPTED", now, agent.name);
  await publishLive(tx, chatTopic(chat.id));
  await publishLive(tx, CHAT_QUEUE_TOPIC);
  await publishLive(tx, userTopic(agent.id));
  await audit(tx, { actorId: agent.id, action: "chat.accept", entityType: "ChatSession", entityId: chat.id, organisationId: chat.organisationId, data: { waitedSec: Math.round((now.getTime() - chat.queuedAt.getTime()) / 1000) } });
}

export async function transferChat(tx: Tx, agent: SessionUser, input: TransferChatInput, now: Date): Promise<void> {
  const chat = await heldChat(tx, agent, input.chatId);
  if (input.toUserId) {
    const target = await tx.user.findUnique({ where: { id: input.toUserId }, select: { id: true, name: true, role: true, active: true } });
    const fits = target && target.active && target.id !== agent.id && can(target, "chat.console.use") && (!chat.category.dossierSensitive || mayViewDossier(target.role));
    if (!fits) throw new ChatRuleError("TRANSFER_TARGET_INVALID");
    if (atChatLimit(await activeChatsOf(tx, target.id), await getChatSettings(tx))) throw new ChatRuleError("TARGET_LIMIT_REACHED");
    await tx.chatSession.update({ where: { id: chat.id }, data: { agentId: target.id, agentTypingAt: null } });
    await addSystemMessage(tx, chat, "TRANSFERRED_TO_AGENT", now, target.name);
    await publishLive(tx, chatTopic(chat.id));
    await publishLive(tx, userTopic(agent.id));
    await publishLive(tx, userTopic(target.id));
    await audit(tx, { actorId: agent.id, action: "chat.transfer", entityType: "ChatSession", entityId: chat.id, organisationId: chat.organisationId, data: { toUserId: target.id } });
    return;
  }
  const team = await tx.team.findUnique({ where: { id: input.toTeamId! }, select: { id: true, name: true } });
  if (!team) throw new ChatRuleError("TEAM_NOT_FOUND");
  // Back in the waiting list, for that team only, from now.
  await tx.chatSession.update({ where: { id: chat.id }, data: { status: "WAITING", agentId: null, teamId: team.id, queuedAt: now, agentTypingAt: null } });
  await addSystemMessage(tx, chat, "TRANSFERRED_TO_TEAM", now, team.name);
  await publishLive(tx, chatTopic(chat.id));
  await publishLive(tx, CHAT_QUEUE_TOPIC);
  await publishLive(tx, userTopic(agent.id));
  await audit(tx, { actorId: agent.id, action: "chat.transfer", entityType: "ChatSession", entityId: chat.id, organisationId: chat.organisationId, data: { toTeamId: team.id } });
}

/** "End chat": the transcript on a new or existing ticket, first-contact resolution recorded. */
export async function endChat(tx: Tx, agent: SessionUser, input: EndChatInput, now: Date): Promise<{ ticketId: string; number: string }> {
  const chat = await heldChat(tx, agent, input.chatId);
  await addSystemMessage(tx, chat, "ENDED", now);
  const filed = await fileTranscript(tx, chat, { actorId: agent.id, resolved: input.resolved, ticketNumber: input.ticketNumber, categoryKey: input.categoryKey, agent }, now);
  await closeAsEnded(tx, chat, filed.ticketId, input.resolved, now);
  await audit(tx, { actorId: agent.id, action: "chat.end", entityType: "ChatSession", entityId: chat.id, ticketId: filed.ticketId, organisationId: chat.organisationId, data: { resolved: input.resolved, number: filed.number, existing: Boolean(input.ticketNumber) } });
  return filed;
}

async function closeAsEnded(tx: Tx, chat: ChatRow, ticketId: string, resolved: boolean, now: Date): Promise<void> {
  await tx.chatSession.update({ where: { id: chat.id }, data: { status: "ENDED", endedAt: now, ticketId, resolvedInChat: resolved, customerTypingAt: null, agentTypingAt: null } });
  await publishLive(tx, chatTopic(chat.id));
  if (chat.agentId) await publishLive(tx, userTopic(chat.agentId));
}

async function transcriptOf(tx: Tx, chat: ChatRow): Promise<{ body: string; subject: string; locale: "nl" | "en" }> {
  const [requester, messages] = await Promise.all([
    tx.user.findUnique({ where: { id: chat.requesterId }, select: { locale: true } }),
    tx.chatMessage.findMany({ where: { sessionId: chat.id }, orderBy: { seq: "asc" }, select: { author: true, body: true, createdAt: true, authorId: true } }),
  ]);
  const locale = requester?.locale ?? "nl";
  const authorIds = [...new Set(messages.flatMap((m) => (m.authorId ? [m.authorId] : [])))];
  const names = new Map((await tx.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const body = formatTranscript(
    messages.map((m) => ({ author: m.author, authorName: (m.authorId && names.get(m.authorId)) || "", body: m.body, createdAt: m.createdAt })),
    locale,
  );
  const subject = `Chat: ${locale === "en" ? chat.category.nameEn : chat.category.nameNl}`;
  return { body, subject, locale };
}

/**
 * Files the transcript on channel CHAT: on an existing ticket of the same requester or
 * organisation (by number), or on a new one in the chat's (or the chosen) category. Resolved in
 * the chat: the ticket is resolved with first-contact resolution; otherwise it stays open with
 * the category's normal answer clock.
 */
export async function fileTranscript(
  tx: Tx,
  chat: ChatRow,
  input: { actorId: string | null; resolved: boolean; ticketNumber?: string; categoryKey?: string; agent?: SessionUser },
  now: Date,
): Promise<{ ticketId: string; number: string }> {
  const { body, subject } = await transcriptOf(tx, chat);
  if (input.ticketNumber) {
    const ticket = await tx.ticket.findUnique({ where: { number: input.ticketNumber }, select: { id: true, number: true, requesterId: true, organisationId: true, category: { select: { dossierSensitive: true } } } });
    const ofRequester = ticket && (ticket.requesterId === chat.requesterId || (chat.organisationId !== null && ticket.organisationId === chat.organisationId));
    // The first line files nothing on a dossier ticket it may not open.
    const hidden = ticket && input.agent && ticket.category.dossierSensitive && !mayViewDossier(input.agent.role);
    if (!ticket || !ofRequester || hidden) throw new ChatRuleError("TICKET_NOT_FOUND");
    await addCustomerMessage(tx, { ticketId: ticket.id, authorId: chat.requesterId, channel: "CHAT", body }, now);
    if (input.resolved) {
      // Answered in the chat: that stops the answer clock as a written answer would.
      await recordAnswer(tx, ticket.id, input.actorId, now);
      await changeTicket(tx, { ticketId: ticket.id, actorId: input.actorId, status: "RESOLVED" }, now);
    }
    return { ticketId: ticket.id, number: ticket.number };
  }
  const created = await createTicket(
    tx,
    {
      subject,
      categoryKey: input.categoryKey ?? chat.category.key,
      channel: "CHAT",
      body,
      requesterId: chat.requesterId,
      organisationId: chat.organisationId,
      authorId: input.actorId ?? chat.requesterId,
      firstContactResolution: input.resolved,
    },
    now,
  );
  if (!input.resolved) await changeTicket(tx, { ticketId: created.id, actorId: input.actorId, status: "OPEN" }, now);
  return { ticketId: created.id, number: created.number };
}

// ───────────────────────────── sweep ─────────────────────────────

/** The sweep's two outcomes for one chat, each under the chat's lock and only if its status still holds. */
export async function sweepOneChat(tx: Tx, chatId: string, verdict: "ABANDON" | "END", now: Date): Promise<boolean> {
  const chat = await lockChat(tx, chatId);
  if (!chat) return false;
  if (verdict === "ABANDON") {
    if (chat.status !== "WAITING") return false;
    await tx.chatSession.update({ where: { id: chat.id }, data: { status: "ABANDONED", endedAt: now, customerTypingAt: null } });
    await addSystemMessage(tx, chat, "TIMED_OUT", now);
    await publishLive(tx, chatTopic(chat.id));
    await publishLive(tx, CHAT_QUEUE_TOPIC);
    await audit(tx, { actorId: null, action: "chat.abandon", entityType: "ChatSession", entityId: chat.id, organisationId: chat.organisationId, data: { reason: "silent" } });
    return true;
  }
  if (chat.status !== "ACTIVE") return false;
  await addSystemMessage(tx, chat, "TIMED_OUT", now);
  const filed = await fileTranscript(tx, chat, { actorId: chat.agentId, resolved: false }, now);
  await closeAsEnded(tx, chat, filed.ticketId, false, now);
  await audit(tx, { actorId: null, action: "chat.end", entityType: "ChatSession", entityId: chat.id, ticketId: filed.ticketId, organisationId: chat.organisationId, data: { resolved: false, reason: "idle" } });
  return true;
}

// ───────────────────────────── admin ─────────────────────────────

export async function saveChatSettings(tx: Tx, input: { maxPerAgent: number; offerMessageAfterSec: number }, actorId: string): Promise<void> {
  const value: Prisma.InputJsonValue = { maxPerAgent: input.maxPerAgent, offerMessageAfterSec: input.offerMessageAfterSec };
  await tx.setting.upsert({ where: { key: "chat" }, create: { key: "chat", value }, update: { value } });
  await audit(tx, { actorId, action: "settings.update", entityType: "Setting", entityId: "chat" });
}

/** Which portal categories are chat topics; staff-only categories cannot be (no portal offers them). */
export async function saveChatTopics(tx: Tx, categoryKeys: readonly string[], actorId: string): Promise<void> {
  const keys = [...new Set(categoryKeys)];
  const found = await tx.ticketCategory.findMany({ where: { key: { in: keys }, audience: { not: null } }, select: { key: true } });
  if (found.length !== keys.length) throw new ChatRuleError("UNKNOWN_TOPIC");
  await tx.ticketCategory.updateMany({ where: { key: { in: keys } }, data: { chat: true } });
  await tx.ticketCategory.updateMany({ where: { key: { notIn: keys }, chat: true }, data: { chat: false } });
  await audit(tx, { actorId, action: "settings.chat_topics", entityType: "TicketCategory", data: { topics: keys } });
}
