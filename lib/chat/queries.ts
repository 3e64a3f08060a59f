import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import type { Locale } from "@/lib/calendar/format";
import { db } from "@/lib/db/client";
import { cachedReference } from "@/lib/reference/cache";
import { getLineCalendar } from "@/lib/settings/queries";
import {
  agentMaySeeWaiting,
  chatHours,
  ESTIMATE_WINDOW_MS,
  isChatTopic,
  isTyping,
  offerMessage,
  orderWaiting,
  pickChatLine,
  queuePosition,
  waitEstimateSec,
  type ChatAudience,
  type ChatAuthorName,
  type ChatStatusName,
} from "./rules";
import { getChatSettings } from "./settings";

export interface ChatAvailability {
  open: boolean;
  lineKey: string | null;
  topics: { key: string; nameNl: string; nameEn: string }[];
  nextOpening: Date | null;
}

/** Whether a portal's chat is open now, on which line, and its topics (public configuration). */
export async function chatAvailability(audience: ChatAudience, now: Date): Promise<ChatAvailability> {
  // Reference data, read on every portal page (the layout and the dashboard ask): the cached copy.
  const [lines, categories] = await Promise.all([
    cachedReference(db, "chatLines", (c) => c.contactLine.findMany({ select: { key: true, audience: true, channels: true, active: true, sortOrder: true } })),
    cachedReference(db, "chatTopics", (c) =>
      c.ticketCategory.findMany({ where: { chat: true, active: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: { key: true, nameNl: true, nameEn: true, chat: true, active: true, audience: true } }),
    ),
  ]);
  const topics = categories.filter((c) => isChatTopic(c, audience)).map(({ key, nameNl, nameEn }) => ({ key, nameNl, nameEn }));
  const line = pickChatLine(lines, audience);
  if (!line || topics.length === 0) return { open: false, lineKey: line?.key ?? null, topics, nextOpening: null };
  const calendar = await getLineCalendar(db, line.key);
  const hours = chatHours(calendar.schedule, calendar.settings, now);
  return { open: hours.open, lineKey: line.key, topics, nextOpening: hours.nextOpening };
}

/** The person's chat that is still waiting or going on (one at most). */
export function getOpenChatFor(userId: string): Promise<{ id: string; status: ChatStatusName } | null> {
  return db.chatSession.findFirst({ where: { requesterId: userId, status: { in: ["WAITING", "ACTIVE"] } }, select: { id: true, status: true }, orderBy: { createdAt: "desc" } });
}

/** What a chat row tells about who may read it. */
export interface ChatAccessRow {
  requesterId: string;
  agentId: string | null;
  status: ChatStatusName;
  teamId: string | null;
  category: { dossierSensitive: boolean };
}

/**
 * How this person may read a chat: its customer, or staff at the console who hold it or may pick
 * it up while it waits. Null: not theirs (callers answer 404, the same as a chat that does not exist).
 */
export function accessOf(user: SessionUser, chat: ChatAccessRow): "CUSTOMER" | "AGENT" | null {
  if (chat.requesterId === user.id && (can(user, "portal.chat.use") || can(user, "employer.chat.use"))) return "CUSTOMER";
  if (!can(user, "chat.console.use")) return null;
  if (chat.agentId === user.id) return "AGENT";
  return chat.status === "WAITING" && agentMaySeeWaiting(user, chat) ? "AGENT" : null;
}

export async function chatAccess(user: SessionUser, chatId: string): Promise<"CUSTOMER" | "AGENT" | null> {
  const chat = await db.chatSession.findUnique({ where: { id: chatId }, select: { requesterId: true, agentId: true, status: true, teamId: true, category: { select: { dossierSensitive: true } } } });
  return chat ? accessOf(user, chat) : null;
}

export interface ChatMessageView {
  seq: number;
  author: ChatAuthorName;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface ChatStateView {
  status: ChatStatusName;
  agentName: string | null;
  position: number | null;
  waitEstimateSec: number | null;
  customerTyping: boolean;
  agentTyping: boolean;
  offerMessage: boolean;
  ticketNumber: string | null;
  /** The ticket's id, for the portal's link to it (the customer's own ticket, or one staff may open). */
  ticketId: string | null;
}

interface ChatRow {
  id: string;
  requesterId: string;
  agentId: string | null;
  status: ChatStatusName;
  teamId: string | null;
  queuedAt: Date;
  lineKey: string;
  customerTypingAt: Date | null;
  agentTypingAt: Date | null;
  dossierSensitive: boolean;
  agentName: string | null;
  ticketNumber: string | null;
  ticketId: string | null;
  messages: ChatMessageView[];
}

/** At most this many messages per read; a reader further behind gets the rest on the next read. */
export const MESSAGES_PER_READ = 500;

/**
 * The chat with its messages after `afterSeq` (author names joined), in ONE statement: a live
 * reader runs this on every change of the chat, for both sides, so it is the chat's hot path.
 */
async function readChatRow(chatId: string, afterSeq: number | null): Promise<ChatRow | null> {
  const rows = await db.$queryRaw<ChatRow[]>`
    SELECT s."id", s."requesterId", s."agentId", s."status"::text AS "status", s."teamId", s."queuedAt", s."lineKey",
      s."customerTypingAt", s."agentTypingAt", c."dossierSensitive", a."name" AS "agentName", t."number" AS "ticketNumber", t."id" AS "ticketId",
      CASE WHEN ${afterSeq}::int IS NULL THEN '[]'::json ELSE COALESCE((
        SELECT json_agg(json_build_object(
          'seq', m."seq", 'author', m."author", 'authorName', COALESCE(u."name", ''), 'body', m."body",
          'createdAt', to_char(m."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY m."seq")
        FROM (SELECT * FROM "ChatMessage" WHERE "sessionId" = s."id" AND "seq" > ${afterSeq}::int ORDER BY "seq" LIMIT ${MESSAGES_PER_READ}) AS m
        LEFT JOIN "User" AS u ON u."id" = m."authorId"), '[]'::json) END AS "messages"
    FROM "ChatSession" AS s
    JOIN "TicketCategory" AS c ON c."id" = s."categoryId"
    LEFT JOIN "User" AS a ON a."id" = s."agentId"
    LEFT JOIN "Ticket" AS t ON t."id" = s."ticketId"
    WHERE s."id" = ${chatId}`;
  return rows[0] ?? null;
}

/** The state both sides see; a waiting chat also reads its queue position, estimate and offer. */
async function stateOf(chat: ChatRow, now: Date): Promise<ChatStateView> {
  let position: number | null = null;
  let estimate: number | null = null;
  let offer = false;
  if (chat.status === "WAITING") {
    const since = new Date(now.getTime() - ESTIMATE_WINDOW_MS);
    const [waiting, accepted, chatting, settings, calendar] = await Promise.all([
      // The chats an agent of this chat's waiting list sees before it: those for everyone and those for its team.
      db.chatSession.findMany({ where: { status: "WAITING", OR: [{ teamId: null }, ...(chat.teamId ? [{ teamId: chat.teamId }] : [])] }, select: { id: true, isPartner: true, queuedAt: true } }),
      db.chatSession.findMany({ where: { acceptedAt: { gte: since, lte: now } }, select: { acceptedAt: true, queuedAt: true } }),
      db.chatSession.groupBy({ by: ["agentId"], where: { status: "ACTIVE", agentId: { not: null } } }),
      getChatSettings(db),
      getLineCalendar(db, chat.lineKey),
    ]);
    position = queuePosition(waiting, chat.id);
    const waits = accepted.filter((a) => a.acceptedAt! >= a.queuedAt).map((a) => (a.acceptedAt!.getTime() - a.queuedAt.getTime()) / 1000);
    estimate = waitEstimateSec({ position, recentWaitsSec: waits, agentsChatting: chatting.length });
    offer = offerMessage({ status: chat.status, queuedAt: chat.queuedAt, lineOpen: chatHours(calendar.schedule, calendar.settings, now).open, now, settings });
  }
  return {
    status: chat.status,
    agentName: chat.status === "ACTIVE" ? chat.agentName : null,
    position,
    waitEstimateSec: estimate,
    customerTyping: isTyping(chat.customerTypingAt, now),
    agentTyping: isTyping(chat.agentTypingAt, now),
    offerMessage: offer,
    ticketNumber: chat.ticketNumber,
    ticketId: chat.ticketId,
  };
}

/** The chat's state as both sides see it: queue position, honest estimate, typing, the offer to leave a message. */
export async function readChatState(chatId: string, now: Date): Promise<ChatStateView | null> {
  const chat = await readChatRow(chatId, null);
  return chat ? stateOf(chat, now) : null;
}

/** One read of a chat for its live readers: who may read it, the messages after `afterSeq`, the state. */
export interface ChatUpdate {
  chat: ChatAccessRow;
  messages: ChatMessageView[];
  state: ChatStateView;
}

export async function readChatUpdate(chatId: string, afterSeq: number, now: Date): Promise<ChatUpdate | null> {
  const chat = await readChatRow(chatId, afterSeq);
  if (!chat) return null;
  return { chat: { ...chat, category: { dossierSensitive: chat.dossierSensitive } }, messages: chat.messages, state: await stateOf(chat, now) };
}

/**
 * What a reader of the chat gets: the messages after its cursor (the last number it saw, in order)
 * and the state, with access checked on the same row. Null when this person may not read the chat.
 */
export async function readChatFeed(user: SessionUser, chatId: string, afterSeq: number, now: Date): Promise<{ messages: ChatMessageView[]; state: ChatStateView } | null> {
  const update = await readChatUpdate(chatId, afterSeq, now);
  return update && accessOf(user, update.chat) ? { messages: update.messages, state: update.state } : null;
}

export interface ConsoleView {
  waiting: { id: string; requesterName: string; topic: string; isPartner: boolean; waitingSec: number; organisationName: string | null }[];
  mine: { id: string; requesterName: string; status: ChatStatusName; lastSeq: number }[];
  limit: number;
  full: boolean;
}

/** The console: the waiting chats this agent may pick up (partners first, then longest waiting) and their own. */
export async function readConsole(user: SessionUser, now: Date): Promise<ConsoleView> {
  const locale: Locale = user.locale;
  const [waiting, mine, settings] = await Promise.all([
    db.chatSession.findMany({
      where: { status: "WAITING" },
      select: {
        id: true,
        isPartner: true,
        queuedAt: true,
        teamId: true,
        requester: { select: { name: true } },
        category: { select: { nameNl: true, nameEn: true, dossierSensitive: true } },
        organisationId: true,
      },
      take: 500,
    }),
    db.chatSession.findMany({ where: { agentId: user.id, status: "ACTIVE" }, orderBy: { acceptedAt: "asc" }, select: { id: true, status: true, lastSeq: true, requester: { select: { name: true } } } }),
    getChatSettings(db),
  ]);
  const visible = orderWaiting(waiting.filter((c) => agentMaySeeWaiting(user, c)));
  const orgIds = [...new Set(visible.flatMap((c) => (c.organisationId ? [c.organisationId] : [])))];
  const orgs = orgIds.length ? new Map((await db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name])) : new Map<string, string>();
  return {
    waiting: visible.map((c) => ({
      id: c.id,
      requesterName: c.requester.name,
      topic: locale === "en" ? c.category.nameEn : c.category.nameNl,
      isPartner: c.isPartner,
      waitingSec: Math.max(0, Math.round((now.getTime() - c.queuedAt.getTime()) / 1000)),
      organisationName: c.organisationId ? (orgs.get(c.organisationId) ?? null) : null,
    })),
    mine: mine.map((c) => ({ id: c.id, requesterName: c.requester.name, status: c.status, lastSeq: c.lastSeq })),
    limit: settings.maxPerAgent,
    full: mine.length >= settings.maxPerAgent,
  };
}

/** Colleagues a chat can go to (console users, active, not oneself) and the teams, for the transfer form. */
export async function listTransferTargets(user: SessionUser) {
  const [staff, teams] = await Promise.all([
    db.user.findMany({ where: { active: true, id: { not: user.id }, role: { in: ["CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "ADMIN"] } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { colleagues: staff.filter((s) => can(s, "chat.console.use")).map(({ id, name }) => ({ id, name })), teams };
}

/** One chat for the console or the portal page: who, what topic, which ticket (callers check chatAccess first). */
export function getChatSummary(chatId: string) {
  return db.chatSession.findUnique({
    where: { id: chatId },
    select: {
      id: true,
      status: true,
      audience: true,
      requesterId: true,
      organisationId: true,
      agentId: true,
      lastSeq: true,
      createdAt: true,
      requester: { select: { name: true } },
      category: { select: { key: true, nameNl: true, nameEn: true } },
      ticket: { select: { id: true, number: true } },
    },
  });
}

/** The admin form: the two numbers and the portal categories with their chat tick. */
export async function getChatAdmin() {
  const [settings, categories] = await Promise.all([
    getChatSettings(db),
    db.ticketCategory.findMany({ where: { audience: { not: null }, active: true }, orderBy: [{ audience: "asc" }, { sortOrder: "asc" }, { key: "asc" }], select: { key: true, nameNl: true, nameEn: true, audience: true, chat: true } }),
  ]);
  return { settings, categories };
}
