import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { OPEN_STATUSES, mayViewDossier, seesAllTeams } from "./rules";

const listSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  channel: true,
  priority: true,
  isPartner: true,
  slaDueAt: true,
  slaState: true,
  lastActivityAt: true,
  category: { select: { key: true, nameNl: true, nameEn: true } },
  team: { select: { name: true } },
  assignee: { select: { name: true } },
} satisfies Prisma.TicketSelect;

export type TicketListItem = Prisma.TicketGetPayload<{ select: typeof listSelect }>;

export const PAGE_SIZE = 25;

/** A beneficiary's own tickets, newest activity first. */
export function listOwnTickets(user: SessionUser, page = 0): Promise<TicketListItem[]> {
  return db.ticket.findMany({
    where: { requesterId: user.id },
    orderBy: { lastActivityAt: "desc" },
    select: listSelect,
    take: PAGE_SIZE,
    skip: page * PAGE_SIZE,
  });
}

/** An employer contact sees the tickets of their own organisation only. */
export function listOrganisationTickets(user: SessionUser, page = 0): Promise<TicketListItem[]> {
  if (!user.organisationId) return Promise.resolve([]);
  return db.ticket.findMany({
    where: { organisationId: user.organisationId },
    orderBy: { lastActivityAt: "desc" },
    select: listSelect,
    take: PAGE_SIZE,
    skip: page * PAGE_SIZE,
  });
}

/** The queue: open tickets of the user's teams, urgent first, partners next, then by due time. */
export function listQueue(user: SessionUser, page = 0): Promise<TicketListItem[]> {
  const where: Prisma.TicketWhereInput = { status: { in: [...OPEN_STATUSES] } };
  if (!seesAllTeams(user.role)) where.teamId = { in: user.teamIds };
  if (!mayViewDossier(user.role)) where.category = { dossierSensitive: false };
  return db.ticket.findMany({
    where,
    orderBy: [{ priority: "desc" }, { isPartner: "desc" }, { slaDueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: listSelect,
    take: PAGE_SIZE,
    skip: page * PAGE_SIZE,
  });
}
