// The API's ticket reads: the staff scope of the acting account (lib/workspace/scope.ts, the same
// rule as the queue and the ticket page), narrowed to the token's organisation when it has one.
import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { queueConditions, searchPlan } from "@/lib/queue/sql";
import { slaStateAt } from "@/lib/sla/lifecycle";
import { parseTicketNumber } from "@/lib/tickets/rules";
import { getStaffTicket } from "@/lib/workspace/queries";
import { staffTicketScope } from "@/lib/workspace/scope";
import { ApiProblem } from "./problem";
import type { ApiCaller } from "./token-auth";
import type { z } from "zod";
import type { messageListQuery, ticketListQuery } from "./ticket-schema";

const summarySelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  channel: true,
  slaState: true,
  slaDueAt: true,
  slaAtRiskAt: true,
  slaStoppedAt: true,
  createdAt: true,
  updatedAt: true,
  organisationId: true,
  category: { select: { key: true } },
  team: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  requester: { select: { id: true, name: true, email: true } },
  organisation: { select: { id: true, name: true, externalNumber: true } },
} satisfies Prisma.TicketSelect;

type SummaryRow = Prisma.TicketGetPayload<{ select: typeof summarySelect }>;

/** A ticket as the API lists it; its SLA state as it stands at `now`, as the queue's filter judges it. */
export function ticketSummary(t: SummaryRow, now: Date) {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    category: t.category.key,
    slaState: slaStateAt(t, now),
    slaDueAt: t.slaDueAt,
    team: t.team,
    assignee: t.assignee,
    requester: t.requester,
    organisation: t.organisation,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** Where the token's organisation limit applies to a ticket. */
export function organisationWhere(caller: ApiCaller): Prisma.TicketWhereInput {
  return caller.organisationId ? { organisationId: caller.organisationId } : {};
}

/** The ticket's id when this caller may see it (by id or number); a 404 problem otherwise. */
export async function requireApiTicket(caller: ApiCaller, ref: string): Promise<string> {
  const number = parseTicketNumber(ref.trim()) ? ref.trim().toUpperCase() : null;
  const found = await db.ticket.findFirst({
    where: { AND: [number ? { number } : { id: ref }, staffTicketScope(caller.user), organisationWhere(caller)] },
    select: { id: true },
  });
  if (!found) throw new ApiProblem(404, "NOT_FOUND", "No such ticket, or not one this token may see.");
  return found.id;
}

interface Cursor {
  createdAt: Date;
  id: string;
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  const [at, id] = Buffer.from(text, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new ApiProblem(422, "INVALID_INPUT", "The cursor is not one this API gave out.", [{ pointer: "#/cursor", detail: "INVALID_CURSOR" }]);
  return { createdAt, id };
}

/**
 * One page of the queue's selection (its filters and the staff scope, queueConditions), newest
 * first: the queue's own order moves as priorities and deadlines change, a cursor needs a fixed one.
 */
export async function listApiTickets(caller: ApiCaller, query: z.output<typeof ticketListQuery>, now = new Date()) {
  const { cursor, limit, ...filter } = query;
  // A search is answered as the queue answers it: from the trigram indexes while its text is rare.
  const plan = filter.q ? await searchPlan(db, filter.q) : undefined;
  const parts: Prisma.Sql[] = [queueConditions(caller.user, { ...filter, page: 0 }, now, plan)];
  if (caller.organisationId) parts.push(Prisma.sql`t."organisationId" = ${caller.organisationId}`);
  if (cursor) {
    const after = decodeCursor(cursor);
    parts.push(Prisma.sql`(t."createdAt", t.id) < (${after.createdAt}, ${after.id})`);
  }
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "Ticket" t JOIN "TicketCategory" c ON c.id = t."categoryId"
    WHERE ${Prisma.join(parts, " AND ")}
    ORDER BY t."createdAt" DESC, t.id DESC
    LIMIT ${limit + 1}`;
  const ids = rows.slice(0, limit).map((r) => r.id);
  const found = await db.ticket.findMany({ where: { id: { in: ids } }, select: summarySelect });
  const byId = new Map(found.map((t) => [t.id, t]));
  const page = ids.map((id) => byId.get(id)).filter((t): t is SummaryRow => t !== undefined);
  const last = page.at(-1);
  return { data: page.map((t) => ticketSummary(t, now)), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

const messageSelect = {
  id: true, direction: true, channel: true, body: true, automatic: true, createdAt: true,
  author: { select: { id: true, name: true } },
  attachments: { select: { id: true, fileName: true, size: true } },
} satisfies Prisma.MessageSelect;

/**
 * One page of a ticket's messages, oldest first, by cursor. Read as the ticket page reads it, so
 * opening a dossier ticket's messages is recorded as a view of it, as reading the ticket is.
 */
export async function listApiMessages(caller: ApiCaller, ticketId: string, query: z.output<typeof messageListQuery>) {
  if (!(await getStaffTicket(caller.user, ticketId))) throw new ApiProblem(404, "NOT_FOUND", "No such ticket, or not one this token may see.");
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.message.findMany({
    where: { ticketId, ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: messageSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

/** A ticket with its messages, read as the ticket page reads it (a dossier ticket's view is audited). */
export async function apiTicketDetail(caller: ApiCaller, ticketId: string, now = new Date()) {
  const ticket = await getStaffTicket(caller.user, ticketId, now);
  if (!ticket) throw new ApiProblem(404, "NOT_FOUND", "No such ticket, or not one this token may see.");
  const [summary, messages] = await Promise.all([
    db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: summarySelect }),
    db.message.findMany({
      where: { ticketId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: messageSelect,
    }),
  ]);
  return { ...ticketSummary(summary, now), messages };
}
