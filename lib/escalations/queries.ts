import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { employerTicketScope } from "@/lib/employer/scope";

export const ESCALATION_PAGE_SIZE = 20;

/**
 * The organisation's escalations (tier, owner, due time, outcome), newest first: general concerns
 * and those about a ticket the contact may see (an HR-desk one only for HR professionals).
 */
export async function listOrganisationEscalations(user: SessionUser, page = 0) {
  if (user.role !== "EMPLOYER_CONTACT" || !user.organisationId) return { items: [], total: 0 };
  const where = { organisationId: user.organisationId, OR: [{ ticketId: null }, { ticket: employerTicketScope(user) }] };
  const [items, total] = await Promise.all([
    db.escalation.findMany({
      where,
      orderBy: [{ raisedAt: "desc" }, { tier: "desc" }],
      take: ESCALATION_PAGE_SIZE,
      skip: Math.max(0, page) * ESCALATION_PAGE_SIZE,
      select: {
        id: true,
        tier: true,
        status: true,
        reason: true,
        raisedAt: true,
        dueAt: true,
        outcome: true,
        closedAt: true,
        answers: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
        owner: { select: { name: true } },
        raisedBy: { select: { name: true } },
        ticket: { select: { number: true, subject: true } },
        next: { select: { id: true } },
      },
    }),
    db.escalation.count({ where }),
  ]);
  return { items, total };
}

export type EscalationItem = Awaited<ReturnType<typeof listOrganisationEscalations>>["items"][number];
