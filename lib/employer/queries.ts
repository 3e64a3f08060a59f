import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { customerAnswerDue } from "@/lib/sla/lifecycle";
import { employerTicketScope } from "./scope";

export const EMPLOYER_PAGE_SIZE = 20;

const listSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  channel: true,
  priority: true,
  lastActivityAt: true,
  createdAt: true,
  category: { select: { key: true, nameNl: true, nameEn: true } },
  requester: { select: { name: true } },
  urgentRequest: { select: { dueAt: true, answeredAt: true, verification: true } },
  // A complaint's ticket shows the complaint's own status wording.
  complaint: { select: { status: true } },
} satisfies Prisma.TicketSelect;

export type EmployerTicketItem = Prisma.TicketGetPayload<{ select: typeof listSelect }>;

export async function listEmployerTickets(user: SessionUser, page = 0): Promise<{ items: EmployerTicketItem[]; total: number }> {
  const where = employerTicketScope(user);
  const [items, total] = await Promise.all([
    db.ticket.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
      select: listSelect,
      take: EMPLOYER_PAGE_SIZE,
      skip: Math.max(0, page) * EMPLOYER_PAGE_SIZE,
    }),
    db.ticket.count({ where }),
  ]);
  return { items, total };
}

/** The organisation's urgent requests still running, soonest due first (dashboard countdowns). */
export function listRunningUrgentRequests(user: SessionUser) {
  return db.urgentRequest.findMany({
    where: { answeredAt: null, ticket: { AND: [employerTicketScope(user), { status: { in: ["NEW", "OPEN", "PENDING_CUSTOMER"] } }] } },
    orderBy: { dueAt: "asc" },
    take: 10,
    select: { dueAt: true, receivedAt: true, ticket: { select: { number: true, subject: true } } },
  });
}

/** One ticket of the organisation by its number, with what an employer may see; null otherwise. */
export async function getEmployerTicket(user: SessionUser, number: string) {
  const ticket = await db.ticket.findFirst({
    where: { AND: [employerTicketScope(user), { number }] },
    select: {
      ...listSelect,
      slaDueAt: true,
      slaStoppedAt: true,
      messages: {
        where: { direction: { not: "INTERNAL" } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          direction: true,
          channel: true,
          body: true,
          createdAt: true,
          automatic: true,
          author: { select: { name: true, role: true } },
          attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
        },
      },
      urgentRequest: { select: { reason: true, forWhom: true, dueAt: true, receivedAt: true, answeredAt: true, preAnnouncementId: true, verification: true, verifiedAt: true } },
      escalations: {
        orderBy: { raisedAt: "asc" },
        select: { id: true, tier: true, status: true, reason: true, dueAt: true, outcome: true, raisedAt: true, closedAt: true, owner: { select: { name: true } }, raisedBy: { select: { name: true } }, answers: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } } },
      },
    },
  });
  // "Answer due" only while the organisation is owed an answer (lib/sla/lifecycle.ts).
  return ticket ? { ...ticket, answerDueAt: customerAnswerDue(ticket), answeredAt: ticket.slaStoppedAt } : null;
}

export type EmployerTicket = NonNullable<Awaited<ReturnType<typeof getEmployerTicket>>>;

/** The organisation's open pre-announcement, if an agent logged one (shown on the urgent form). */
export function findOpenPreAnnouncement(user: SessionUser) {
  if (!user.organisationId) return Promise.resolve(null);
  return db.preAnnouncement.findFirst({
    // The one the request would pair with (lib/urgent/mutations.ts): the oldest not yet expired.
    where: { organisationId: user.organisationId, status: "OPEN", OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, subject: true, createdAt: true, callerName: true },
  });
}
