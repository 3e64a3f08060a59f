// The API's ticket inputs, built from the schemas the workspace forms and the queue use, so a
// field means and refuses the same in both places; `.meta` feeds the OpenAPI document.
import { z } from "zod";
import { CHANNELS, QUEUE_SEARCH_MAX, SLA_STATES, STATUSES } from "@/lib/queue/schema";
import { changeSchema, replySchema } from "@/lib/workspace/schema";

const id = z.string().trim().min(1).max(64);

export const ticketRefParam = z.object({
  id: z.string().min(1).max(64).meta({ description: "The ticket's id or its number (LK-2026-000010).", example: "LK-2026-000010" }),
});

// The queue's filters, strict: the workspace drops an unknown value so a stale link still works,
// but an integrator who sends status=FOO is told, not handed every ticket.
export const ticketListQuery = z.object({
  channel: z.enum(CHANNELS).optional(),
  category: id.optional(),
  status: z.enum(STATUSES).optional(),
  team: id.optional(),
  assignee: id.optional().meta({ description: '"me", "none" or a staff member\'s id.' }),
  sla: z.enum(SLA_STATES).optional(),
  verify: z.enum(["1"]).optional(),
  q: z.string().trim().min(1).max(QUEUE_SEARCH_MAX).optional().meta({
    description: "A ticket number, or text in the ticket's subject, requester, organisation or messages (any case). Several words: each must occur somewhere in the ticket. One or two characters match the start of a word.",
  }),
  cursor: z.string().max(200).optional().meta({ description: "The nextCursor of the previous page." }),
  limit: z.coerce.number().int("INTEGER").min(1, "TOO_SMALL").max(100, "TOO_LARGE").default(25),
});

/** A page of a ticket's messages, oldest first (the conversation's order). */
export const messageListQuery = z.object({
  cursor: z.string().max(200).optional().meta({ description: "The nextCursor of the previous page." }),
  limit: z.coerce.number().int("INTEGER").min(1, "TOO_SMALL").max(100, "TOO_LARGE").default(50),
});

export const createTicketSchema = z.object({
  subject: z.string().trim().min(2, "TOO_SHORT").max(200, "TOO_LONG"),
  body: z.string().trim().min(2, "TOO_SHORT").max(20_000, "TOO_LONG"),
  categoryKey: z.string().min(1).max(64).meta({ example: "GENERAL_QUESTION" }),
  channel: z.enum(["PORTAL", "EMAIL", "PHONE", "CHAT", "LETTER"]).default("EMAIL"),
  // A known person (see /people), or a name and address for someone without an account.
  requesterId: id.optional(),
  requesterName: z.string().trim().min(2, "TOO_SHORT").max(120, "TOO_LONG").optional(),
  requesterEmail: z.email("INVALID_EMAIL").max(254, "TOO_LONG").optional(),
  organisationId: id.optional(),
  teamId: id.optional(),
  priority: z.enum(["NORMAL", "HIGH", "URGENT"]).optional(),
});
export type CreateTicketInput = z.output<typeof createTicketSchema>;

export const apiReplySchema = replySchema.pick({ body: true, channel: true });
export const apiChangeSchema = changeSchema.omit({ ticketId: true });
