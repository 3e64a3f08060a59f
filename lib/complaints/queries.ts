import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { employerComplaintScope } from "@/lib/employer/scope";

const PAGE = 20;

/**
 * The complaints this person may see: their own, or for an employer contact the organisation's
 * about tickets in their scope (a complaint about an HR-desk conversation only for HR professionals).
 */
function scope(user: SessionUser): Prisma.ComplaintWhereInput {
  return user.role === "EMPLOYER_CONTACT" ? employerComplaintScope(user) : { complainantId: user.id, organisationId: null };
}

export function listOwnComplaints(user: SessionUser, page = 0) {
  return db.complaint.findMany({
    where: scope(user),
    orderBy: { receivedAt: "desc" },
    skip: page * PAGE,
    take: PAGE,
    select: {
      id: true,
      stage: true,
      status: true,
      dueAt: true,
      receivedAt: true,
      ombudsReason: true,
      subjectTicket: { select: { number: true, subject: true } },
      ticket: { select: { id: true, number: true, slaPausedAt: true } },
    },
  });
}

/** The complaint whose own ticket this is, if the person may see it (the employer's ticket page). */
export function getOwnComplaintByTicket(user: SessionUser, ticketId: string) {
  return db.complaint.findFirst({
    where: { AND: [scope(user), { ticketId }] },
    select: { id: true, stage: true, status: true, dueAt: true, ombudsRequestedAt: true, ombudsReason: true, subjectTicket: { select: { number: true } }, ticket: { select: { slaPausedAt: true } } },
  });
}

/** One complaint with the answers meant for the complainant (never internal notes). */
export function getOwnComplaint(user: SessionUser, id: string) {
  return db.complaint.findFirst({
    where: { AND: [scope(user), { id }] },
    select: {
      id: true,
      stage: true,
      status: true,
      dueAt: true,
      receivedAt: true,
      lastContactDate: true,
      handlerName: true,
      description: true,
      ombudsRequestedAt: true,
      // Set when staff passed the complaint to the ombudsman: the complainant reads why.
      ombudsReason: true,
      subjectTicket: { select: { number: true, subject: true } },
      ticket: {
        select: {
          id: true,
          number: true,
          slaPausedAt: true,
          messages: {
            where: { direction: "OUTBOUND", automatic: false },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true, body: true, createdAt: true, channel: true },
          },
        },
      },
    },
  });
}
