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
