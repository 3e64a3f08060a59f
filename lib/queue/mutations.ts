import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import type { Tx } from "@/lib/db/client";
import { changeTicket } from "@/lib/tickets/mutations";
import { staffContentSql } from "@/lib/workspace/scope";
import { mayTakeFromTeam } from "./rules";

export class QueueRuleError extends Error {
  constructor(readonly code: "QUEUE_EMPTY" | "NOT_FOUND" | "TICKET_OTHER_TEAM" | "ALREADY_TAKEN" | "TICKET_CLOSED") {
    super(code);
    this.name = "QueueRuleError";
  }
}

/**
 * Claims the top unassigned ticket of the given teams. The row lock with SKIP LOCKED makes two
 * agents pressing "take next" at the same moment get different tickets instead of the same one.
 */
export async function takeNext(tx: Tx, user: SessionUser, teamIds: string[], now: Date): Promise<{ id: string; number: string }> {
  if (teamIds.length === 0) throw new QueueRuleError("QUEUE_EMPTY");
  // The team part of the staff rule is the teamIds given; the rest (dossier, complaint stages) is the rule's own SQL.
  const rows = await tx.$queryRaw<{ id: string; number: string }[]>`
    SELECT t.id, t.number FROM "Ticket" t
    JOIN "TicketCategory" c ON c.id = t."categoryId"
    WHERE t."teamId" = ANY(${teamIds}::text[])
      AND t."assigneeId" IS NULL
      AND t.status IN ('NEW', 'OPEN')
      AND ${staffContentSql(user)}
    ORDER BY t.priority DESC, t."isPartner" DESC, t."slaDueAt" ASC NULLS LAST, t."createdAt" ASC, t.id ASC
    LIMIT 1
    FOR UPDATE OF t SKIP LOCKED`;
  const top = rows[0];
  if (!top) throw new QueueRuleError("QUEUE_EMPTY");
  await changeTicket(tx, { ticketId: top.id, actorId: user.id, assigneeId: user.id, status: "OPEN" }, now);
  return top;
}

/** Takes one chosen ticket: only from the user's own teams, and not from a colleague. */
export async function takeTicket(tx: Tx, user: SessionUser, ticketId: string, now: Date): Promise<{ id: string }> {
  // Dossier content and complaint stages the user may not work look like a missing ticket; another
  // team's ticket keeps its own refusal below.
  const rows = await tx.$queryRaw<{ id: string; teamId: string | null; assigneeId: string | null; status: string }[]>`
    SELECT t.id, t."teamId", t."assigneeId", t.status::text AS status
    FROM "Ticket" t JOIN "TicketCategory" c ON c.id = t."categoryId"
    WHERE t.id = ${ticketId} AND ${staffContentSql(user)} FOR UPDATE OF t`;
  const ticket = rows[0];
  if (!ticket) throw new QueueRuleError("NOT_FOUND");
  if (!mayTakeFromTeam(user, ticket.teamId)) throw new QueueRuleError("TICKET_OTHER_TEAM");
  if (ticket.status === "CLOSED") throw new QueueRuleError("TICKET_CLOSED");
  if (ticket.assigneeId === user.id) return { id: ticket.id };
  if (ticket.assigneeId !== null) throw new QueueRuleError("ALREADY_TAKEN");
  await changeTicket(tx, { ticketId: ticket.id, actorId: user.id, assigneeId: user.id }, now);
  return { id: ticket.id };
}
