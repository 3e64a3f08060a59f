// Pure merge of a caller's history lists. No I/O.
import type { AppointmentStatus, ComplaintStage, ComplaintStatus, SlotKind, TicketStatus } from "@prisma/client";

type Ref = { id: string; number: string } | null;

export type HistoryItem =
  | { kind: "TICKET"; id: string; at: Date; number: string; subject: string; status: TicketStatus }
  | { kind: "CALL"; id: string; at: Date; summary: string; agent: string; ticket: Ref }
  | { kind: "APPOINTMENT"; id: string; at: Date; date: string; slot: SlotKind; status: AppointmentStatus; phone: string; ticket: Ref }
  | { kind: "COMPLAINT"; id: string; at: Date; stage: ComplaintStage; status: ComplaintStatus; ticket: Ref };

/**
 * Newest first across the lists, the first `shown` items; `more` when any item is left. Each list
 * must itself be newest first and hold up to shown + 1 items: then the top `shown` of the merge
 * are exact. Ties keep a fixed order (kind, then id) so pages do not shuffle between requests.
 */
export function mergeHistory(lists: readonly (readonly HistoryItem[])[], shown: number): { items: HistoryItem[]; more: boolean } {
  const all = lists.flat().sort((a, b) => b.at.getTime() - a.at.getTime() || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return { items: all.slice(0, shown), more: all.length > shown };
}

/** ?historie=N from the address: 1 to 50 pages, anything else the first page. */
export function historyPages(value: string | undefined): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isInteger(n) && n >= 1 && n <= 50 ? n : 1;
}
