// Pure rules of the live chat: which line and topics, the waiting list, honest wait estimates,
// limits, when to offer "leave it as a message", and the transcript. No I/O; `now` passed in.
import type { CalendarSettings } from "@/lib/calendar/rules";
import { closesAt, isOpen, nextOpening, type WeeklySchedule } from "@/lib/calendar/opening-hours";
import { formatDate, formatTime, type Locale } from "@/lib/calendar/format";
import { MINUTE_MS } from "@/lib/calendar/local-time";
import type { Role } from "@prisma/client";
import { mayViewDossier, seesAllTeams } from "@/lib/tickets/rules";

export type ChatAudience = "BENEFICIARY" | "EMPLOYER";
export type ChatStatusName = "WAITING" | "ACTIVE" | "ENDED" | "ABANDONED" | "LEFT_MESSAGE";
export type ChatAuthorName = "CUSTOMER" | "AGENT" | "SYSTEM";

export interface ChatSettings {
  maxPerAgent: number;
  offerMessageAfterSec: number;
}
export const DEFAULT_CHAT_SETTINGS: ChatSettings = Object.freeze({ maxPerAgent: 3, offerMessageAfterSec: 120 });

export const MAX_MESSAGE_LENGTH = 2000;
/** A typing mark younger than this is not written again (every keystroke would be a write). */
export const TYPING_THROTTLE_MS = 2_000;
/** How long a typing mark shows as "is typing". */
export const TYPING_SHOWN_MS = 6_000;
/** A waiting customer silent this long has left. */
export const WAITING_SILENCE_MS = 30 * MINUTE_MS;
/** An accepted chat without a word or keystroke this long is ended and filed. */
export const ACTIVE_IDLE_MS = 60 * MINUTE_MS;
/** The window of accepted chats the wait estimate learns from. */
export const ESTIMATE_WINDOW_MS = 60 * MINUTE_MS;

export const OPEN_CHAT_STATUSES: readonly ChatStatusName[] = ["WAITING", "ACTIVE"];
export const isOpenChat = (status: ChatStatusName) => OPEN_CHAT_STATUSES.includes(status);

// ───────────────────────────── line and topics ─────────────────────────────

export interface LineFacts {
  key: string;
  audience: ChatAudience | null;
  channels: readonly string[];
  active: boolean;
  sortOrder: number;
}

/**
 * The chat line of an audience: an active line that lists CHAT, for that audience or for both.
 * A line of the audience's own wins over a shared one; then the admin's order.
 */
export function pickChatLine<L extends LineFacts>(lines: readonly L[], audience: ChatAudience): L | null {
  const candidates = lines
    .filter((l) => l.active && l.channels.includes("CHAT") && (l.audience === audience || l.audience === null))
    .sort((a, b) => Number(b.audience === audience) - Number(a.audience === audience) || a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));
  return candidates[0] ?? null;
}

export interface TopicFacts {
  chat: boolean;
  active: boolean;
  audience: ChatAudience | null;
}

/** A category is a chat topic of a portal when ticked for chat and offered in that portal. */
export function isChatTopic(category: TopicFacts, audience: ChatAudience): boolean {
  return category.chat && category.active && category.audience === audience;
}

export interface ChatHours {
  open: boolean;
  closesAt: Date | null;
  nextOpening: Date | null;
}

/** Open now by the line's hours, holidays and (the centre's and the line's) closure days. */
export function chatHours(schedule: WeeklySchedule, settings: CalendarSettings, now: Date): ChatHours {
  const open = isOpen(schedule, now, settings);
  return { open, closesAt: open ? closesAt(schedule, now, settings) : null, nextOpening: open ? null : nextOpening(schedule, now, settings) };
}

// ───────────────────────────── waiting list ─────────────────────────────

export interface WaitingFacts {
  id: string;
  isPartner: boolean;
  queuedAt: Date;
}

/** Partners first, then who has waited longest (the id only breaks exact ties, so the order is stable). */
export function compareWaiting(a: WaitingFacts, b: WaitingFacts): number {
  return Number(b.isPartner) - Number(a.isPartner) || a.queuedAt.getTime() - b.queuedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function orderWaiting<T extends WaitingFacts>(chats: readonly T[]): T[] {
  return [...chats].sort(compareWaiting);
}

/** 1 for the next to be picked up; null when the chat is not waiting. */
export function queuePosition(waiting: readonly WaitingFacts[], chatId: string): number | null {
  const index = orderWaiting(waiting).findIndex((c) => c.id === chatId);
  return index < 0 ? null : index + 1;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * An honest wait estimate in seconds: the median wait of the chats picked up in the last hour,
 * once per "round" of the agents chatting now (position 1..agents is the first round). Without
 * recent pickups or without anyone chatting there is no basis, and the answer is null
 * ("unknown"), never a made-up number.
 */
export function waitEstimateSec(input: { position: number | null; recentWaitsSec: readonly number[]; agentsChatting: number }): number | null {
  if (input.position === null || input.agentsChatting <= 0) return null;
  const typical = median(input.recentWaitsSec);
  if (typical === null) return null;
  const rounds = Math.ceil(input.position / input.agentsChatting);
  return Math.round(typical * rounds);
}

/**
 * Whether a staff member may see (and pick up) a waiting chat: a chat sent to a team is that team's
 * (managers and admins see all), and the first line sees no dossier topics, as in the queue.
 */
export function agentMaySeeWaiting(agent: { role: Role; teamIds: readonly string[] }, chat: { teamId: string | null; category: { dossierSensitive: boolean } }): boolean {
  if (chat.category.dossierSensitive && !mayViewDossier(agent.role)) return false;
  return chat.teamId === null || seesAllTeams(agent.role) || agent.teamIds.includes(chat.teamId);
}

export function atChatLimit(activeChats: number, settings: ChatSettings): boolean {
  return activeChats >= settings.maxPerAgent;
}

/** Offer "leave it as a message" when nobody picked up in time, or the line is closed now. */
export function offerMessage(input: { status: ChatStatusName; queuedAt: Date; lineOpen: boolean; now: Date; settings: ChatSettings }): boolean {
  if (input.status !== "WAITING") return false;
  return !input.lineOpen || input.now.getTime() - input.queuedAt.getTime() >= input.settings.offerMessageAfterSec * 1000;
}

export function typingThrottled(lastMark: Date | null, now: Date): boolean {
  return lastMark !== null && now.getTime() - lastMark.getTime() < TYPING_THROTTLE_MS && now.getTime() >= lastMark.getTime();
}

export function isTyping(mark: Date | null, now: Date): boolean {
  return mark !== null && now.getTime() - mark.getTime() < TYPING_SHOWN_MS && now.getTime() >= mark.getTime();
}

/** What the sweep does with an open chat: nothing, give it up (waiting, silent), or end it (idle). */
export function sweepVerdict(input: { status: ChatStatusName; lastCustomerAt: Date; lastActivityAt: Date; now: Date }): "KEEP" | "ABANDON" | "END" {
  const t = input.now.getTime();
  if (input.status === "WAITING" && t - input.lastCustomerAt.getTime() >= WAITING_SILENCE_MS) return "ABANDON";
  if (input.status === "ACTIVE" && t - input.lastActivityAt.getTime() >= ACTIVE_IDLE_MS) return "END";
  return "KEEP";
}

// ───────────────────────────── texts kept with the chat ─────────────────────────────

export type SystemEvent = "ACCEPTED" | "TRANSFERRED_TO_AGENT" | "TRANSFERRED_TO_TEAM" | "ENDED" | "LEFT" | "TIMED_OUT";

const SYSTEM_TEXTS: Record<Locale, Record<SystemEvent, (name: string) => string>> = {
  nl: {
    ACCEPTED: (n) => `${n} neemt deel aan het gesprek.`,
    TRANSFERRED_TO_AGENT: (n) => `Het gesprek is doorgezet naar ${n}.`,
    TRANSFERRED_TO_TEAM: (n) => `Het gesprek is doorgezet naar ${n}. U staat weer in de wachtrij.`,
    ENDED: () => "Het gesprek is beëindigd.",
    LEFT: () => "De klant heeft het gesprek verlaten.",
    TIMED_OUT: () => "Het gesprek is beëindigd omdat er lange tijd niets gebeurde.",
  },
  en: {
    ACCEPTED: (n) => `${n} has joined the conversation.`,
    TRANSFERRED_TO_AGENT: (n) => `The conversation was transferred to ${n}.`,
    TRANSFERRED_TO_TEAM: (n) => `The conversation was transferred to ${n}. You are back in the queue.`,
    ENDED: () => "The conversation has ended.",
    LEFT: () => "The customer left the conversation.",
    TIMED_OUT: () => "The conversation was ended after a long time without activity.",
  },
};

/** System lines are stored in the customer's language: they are part of what the customer reads. */
export function systemText(event: SystemEvent, locale: Locale, name = ""): string {
  return SYSTEM_TEXTS[locale][event](name);
}

export interface TranscriptLine {
  author: ChatAuthorName;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** The transcript filed on the ticket: a heading with the date, then "14:03 Anna Jansen: ...". */
export function formatTranscript(lines: readonly TranscriptLine[], locale: Locale): string {
  if (lines.length === 0) return locale === "nl" ? "Chatgesprek (leeg)" : "Chat conversation (empty)";
  const heading = `${locale === "nl" ? "Chatgesprek van" : "Chat conversation of"} ${formatDate(lines[0]!.createdAt, locale)}`;
  const body = lines.map((l) => `${formatTime(l.createdAt)} ${l.author === "SYSTEM" ? "—" : `${l.authorName}:`} ${l.body}`);
  return [heading, "", ...body].join("\n");
}
