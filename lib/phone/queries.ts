import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { findPeopleByName } from "@/lib/people/search";
import { staffTicketScope } from "@/lib/workspace/scope";
import { OPEN_STATUSES } from "@/lib/tickets/rules";
import { getCallerHistory } from "./history";
import { HANDOVER_ROLES, orderContactNotes } from "./rules";

/**
 * Beneficiaries and employer contacts by name, mail, phone, client number or employer number (the
 * organisation's name or number), ten by name. Read from the trigram indexes (lib/people/search.ts).
 */
export async function searchCallers(q: string) {
  if (q.trim().length < 2) return [];
  const { rows } = await findPeopleByName(
    db,
    { scope: Prisma.sql`u.role IN ('BENEFICIARY', 'EMPLOYER_CONTACT')`, q, phone: true, organisations: true },
    { take: 10 },
    {
      id: true,
      name: true,
      email: true,
      phone: true,
      role: true,
      clientNumber: true,
      memberships: { take: 1, select: { organisation: { select: { id: true, name: true, externalNumber: true } } } },
    },
  );
  return rows;
}

/**
 * The caller with their contact notes (alerts first), the open tickets this agent may see (for the
 * call form) and their whole history, `historyPages` pages of 10.
 */
export async function getCaller(user: SessionUser, callerId: string, historyPages = 1) {
  const caller = await db.user.findFirst({
    where: { id: callerId, role: { in: ["BENEFICIARY", "EMPLOYER_CONTACT"] } },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      role: true,
      clientNumber: true,
      memberships: { take: 1, select: { organisation: { select: { id: true, name: true, externalNumber: true } } } },
    },
  });
  if (!caller) return null;
  const organisationId = caller.memberships[0]?.organisation.id ?? null;
  const [notes, tickets, appointments, history] = await Promise.all([
    db.contactNote.findMany({
      where: { OR: [{ subjectId: caller.id }, ...(caller.phone ? [{ subjectPhone: caller.phone }] : [])] },
      orderBy: { createdAt: "desc" },
      take: 20,
      include: { author: { select: { name: true } } },
    }),
    db.ticket.findMany({
      where: {
        AND: [
          staffTicketScope(user),
          { status: { in: [...OPEN_STATUSES] } },
          organisationId ? { OR: [{ requesterId: caller.id }, { organisationId }] } : { requesterId: caller.id },
        ],
      },
      orderBy: { lastActivityAt: "desc" },
      take: 20,
      select: { id: true, number: true, subject: true, status: true },
    }),
    db.callbackAppointment.findMany({
      where: { personId: caller.id, status: "BOOKED", ticket: staffTicketScope(user) },
      orderBy: { slotStart: "asc" },
      select: { id: true, date: true, slot: true, ticket: { select: { number: true } } },
    }),
    getCallerHistory(user, { id: caller.id, organisationId }, historyPages),
  ]);
  return { caller, organisationId, notes: orderContactNotes(notes), tickets, appointments, history, historyPages };
}

export function listHandoverStaff() {
  return db.user.findMany({ where: { active: true, role: { in: [...HANDOVER_ROLES] } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export function listOrganisations() {
  return db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, externalNumber: true } });
}

/** Open pre-announcements, newest first, for the phone page (and H5's link to urgent requests). */
export function listOpenPreAnnouncements(organisationId?: string) {
  return db.preAnnouncement.findMany({
    where: { status: "OPEN", ...(organisationId ? { organisationId } : {}) },
    orderBy: { createdAt: "desc" },
    take: 20,
    include: { organisation: { select: { name: true } }, handedOverTo: { select: { name: true } }, loggedBy: { select: { name: true } } },
  });
}

/** Today's calls logged by this agent. */
export function listRecentCalls(user: SessionUser, since: Date) {
  return db.callRecord.findMany({
    where: { agentId: user.id, startedAt: { gte: since } },
    orderBy: { startedAt: "desc" },
    take: 20,
    include: { ticket: { select: { id: true, number: true } }, caller: { select: { name: true } } },
  });
}
