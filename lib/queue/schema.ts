import { z } from "zod";

export const CHANNELS = ["PORTAL", "EMAIL", "PHONE", "CHAT", "LETTER"] as const;
export const STATUSES = ["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"] as const;
export const SLA_STATES = ["ON_TRACK", "AT_RISK", "BREACHED"] as const;

/** The longest search text: the search field takes no more, so a filter is never dropped unseen. */
export const QUEUE_SEARCH_MAX = 200;

// Parsed from the URL: anything unknown is dropped rather than refused, so a stale link still works.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const queueFilterSchema = z.object({
  channel: optional(z.enum(CHANNELS)),
  category: optional(z.string().trim().min(1).max(64)),
  status: optional(z.enum(STATUSES)),
  team: optional(z.string().trim().min(1).max(64)),
  // "me", "none" or a user id.
  assignee: optional(z.string().trim().min(1).max(64)),
  sla: optional(z.enum(SLA_STATES)),
  q: optional(z.string().trim().min(1).max(QUEUE_SEARCH_MAX)),
  // Urgent mails waiting for the confirming call (not announced by phone).
  verify: optional(z.enum(["1"])),
  page: z.coerce.number().int().min(0).max(10_000).catch(0).default(0),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

/** Reads the filter from search params (first value of each key). */
export function parseQueueFilter(params: Record<string, string | string[] | undefined>): QueueFilter {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") flat[key] = first;
  }
  return queueFilterSchema.parse(flat);
}

export const takeNextSchema = z.object({ teamId: z.string().min(1).max(64).optional() });
export const takeTicketSchema = z.object({ ticketId: z.string().min(1).max(64) });
