import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";
import { uploadShape } from "@/lib/portal/schema";

const id = z.string().min(1).max(64);

export const replySchema = z.object({
  ticketId: id,
  body: limitedText(20_000, 2),
  channel: z.enum(["PORTAL", "EMAIL", "LETTER"]).optional(),
  // The macro inserted into this reply: its field changes apply when the reply is sent.
  macroId: id.optional(),
  // Files sent with the reply (the same checks as a customer's uploads; counted by validateUploads).
  files: z.array(uploadShape).max(20).default([]),
});

export const noteSchema = z.object({
  ticketId: id,
  body: limitedText(20_000, 2),
});

const status = z.enum(["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"]);
const categoryKey = z.string().min(1).max(64);
const priority = z.enum(["NORMAL", "HIGH", "URGENT"]);

export const changeSchema = z.object({
  ticketId: id,
  status: status.optional(),
  categoryKey: categoryKey.optional(),
  // Moved to another team, never to none: a ticket without a team is in no team's queue and out
  // of sight of every case handler and coordinator.
  teamId: id.optional(),
  assigneeId: id.nullable().optional(),
  priority: priority.optional(),
  // What the form showed for the fields it changes: refused when the ticket no longer has it
  // (another tab or person changed it meanwhile), so a stale form never undoes their change. As
  // the ticket holds them: its team may be none.
  expected: z.object({ status, categoryKey, teamId: id.nullable(), assigneeId: id.nullable(), priority }).partial().optional(),
});
