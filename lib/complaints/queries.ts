import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";

const PAGE = 20;

/** The complaints this person may see: their own, or their organisation's for an employer contact. */
function scope(user: SessionUser) {
  return user.role === "EMPLOYER_CONTACT" && user.organisationId
    ? { organisationId: user.organisationId }
    : { complainantId: user.id, organisationId: null };
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
      subjectTicket: { select: { number: true, subject: true } },
      ticket: { select: { id: true, number: true } },
    },
  });
}

/** One complaint with the answers meant for the complainant (never internal notes). */
export function getOwnComplaint(user: SessionUser, id: string) {
  return db.complaint.findFirst({
    where: { id, ...scope(user) },
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
      subjectTicket: { select: { number: true, subject: true } },
      ticket: {
        select: {
          id: true,
          number: true,
          messages: {
            where: { direction: "OUTBOUND", automatic: false },
            orderBy: { createdAt: "asc" },
            select: { id: true, body: true, createdAt: true, channel: true },
          },
        },
      },
    },
  });
}
