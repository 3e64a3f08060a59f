// Pure ticket rules. No I/O.
import type { Role, TicketStatus } from "@prisma/client";

const NUMBER_PATTERN = /^LK-(\d{4})-(\d{6,})$/;

/** Registration numbers are human-friendly and sortable: LK-2026-000123. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `LK-${year}-${String(sequence).padStart(6, "0")}`;
}

export function parseTicketNumber(value: string): { year: number; sequence: number } | null {
  const match = NUMBER_PATTERN.exec(value.trim().toUpperCase());
  if (!match) return null;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}

export const OPEN_STATUSES: readonly TicketStatus[] = ["NEW", "OPEN", "PENDING_CUSTOMER"];

/** First-line agents never see dossier content (DESIGN: Roles). */
export function mayViewDossier(role: Role): boolean {
  return role !== "CALLCENTER_AGENT";
}

/** Staff who see every team's queue rather than only their own teams'. */
export function seesAllTeams(role: Role): boolean {
  return role === "MANAGER" || role === "ADMIN";
}

export type ChannelName = "PORTAL" | "EMAIL" | "PHONE" | "CHAT" | "LETTER";

export const WRITTEN_CHANNELS: readonly ChannelName[] = ["PORTAL", "EMAIL", "LETTER"];

/**
 * DESIGN: answer on the channel the question came in on, unless the requester chose another.
 * A phone question is answered in the portal when the caller has an account, else by mail.
 */
export function defaultReplyChannel(ticket: {
  channel: ChannelName;
  replyChannel: ChannelName | null;
  hasAccount: boolean;
  hasMailAddress: boolean;
}): ChannelName {
  if (ticket.replyChannel) return ticket.replyChannel;
  if (ticket.channel === "PHONE" || ticket.channel === "CHAT") {
    if (ticket.hasAccount) return "PORTAL";
    return ticket.hasMailAddress ? "EMAIL" : "LETTER";
  }
  return ticket.channel;
}

/** Mail subjects carry the registration number so replies thread back to the ticket. */
export function mailSubject(number: string, subject: string): string {
  return `[${number}] ${subject}`;
}
