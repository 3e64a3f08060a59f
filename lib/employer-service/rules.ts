// The overview's filters from the query string, and small pure helpers. No I/O.
import type { TicketStatus } from "@prisma/client";
import { z } from "zod";

export const OVERVIEW_PAGE_SIZE = 25;
/** The CSV holds at most this many questions (newest first); the page says so when cut. */
export const EXPORT_LIMIT = 5_000;

/**
 * How a question's answer time turned out:
 * - IN_TIME: answered (clock stopped) before it was due;
 * - LATE: answered after it was due, or still unanswered past its due time;
 * - OPEN: not answered yet and not late (or waiting on the organisation);
 * - NONE: no answer clock (e.g. a phone call handled at once): not counted.
 */
export const TIMINGS = ["IN_TIME", "LATE", "OPEN"] as const;
export type Timing = (typeof TIMINGS)[number] | "NONE";

const STATUSES = ["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"] as const satisfies readonly TicketStatus[];
export const TICKET_STATUSES: readonly TicketStatus[] = STATUSES;

// Odd values are dropped rather than refused: a filter is a convenience, a stale link still works.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const overviewFilterSchema = z.object({
  zoek: optional(z.string().trim().max(100).transform((v) => v || undefined)),
  categorie: optional(z.string().regex(/^[A-Z0-9_]{1,64}$/)),
  status: optional(z.enum(STATUSES)),
  termijn: optional(z.enum(TIMINGS)),
});

export interface OverviewFilters {
  search?: string;
  categoryKey?: string;
  status?: TicketStatus;
  timing?: (typeof TIMINGS)[number];
}

export function parseFilters(params: Record<string, string | string[] | undefined>): OverviewFilters {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = overviewFilterSchema.parse({ zoek: one(params.zoek), categorie: one(params.categorie), status: one(params.status), termijn: one(params.termijn) });
  return { search: parsed.zoek, categoryKey: parsed.categorie, status: parsed.status, timing: parsed.termijn };
}

/** The query string of a period and filters (for links, paging and the export). */
export function overviewQuery(keys: { from: string; to: string }, filters: OverviewFilters, page = 0): string {
  const q = new URLSearchParams({ van: keys.from, tot: keys.to });
  if (filters.search) q.set("zoek", filters.search);
  if (filters.categoryKey) q.set("categorie", filters.categoryKey);
  if (filters.status) q.set("status", filters.status);
  if (filters.timing) q.set("termijn", filters.timing);
  if (page > 0) q.set("pagina", String(page + 1));
  return q.toString();
}

/** Share as a whole percentage, or null when nothing was counted. */
export function percent(hit: number, total: number): number | null {
  return total === 0 ? null : Math.round((hit / total) * 100);
}

/**
 * The due and answer times a row shows: an urgent request's own 24-hour clock while it counts as
 * urgent, else the ticket's answer clock (its stop is the answer, or the resolution without one).
 */
export function answerTimes(row: {
  slaDueAt: Date | null;
  slaStoppedAt: Date | null;
  urgentRequest: { dueAt: Date; answeredAt: Date | null; verification: string | null } | null;
}): { dueAt: Date | null; answeredAt: Date | null } {
  const u = row.urgentRequest;
  if (u && u.verification !== "NOT_URGENT") return { dueAt: u.dueAt, answeredAt: u.answeredAt };
  return { dueAt: row.slaDueAt, answeredAt: row.slaStoppedAt };
}
