import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { seesAllTeams } from "@/lib/tickets/rules";
import { staffMaySeeContent } from "./scope";

/** Teams whose callback list the user works; managers and admins see all. */
export function callbackTeamScope(user: SessionUser): { teamId?: { in: string[] } } {
  return seesAllTeams(user.role) ? {} : { teamId: { in: user.teamIds } };
}

/** One day's appointments of the user's teams (optionally one team), per slot, with their attempts. */
export async function listCallbacks(user: SessionUser, input: { date: string; teamId?: string }) {
  const rows = await db.callbackAppointment.findMany({
    where: { date: input.date, ...callbackTeamScope(user), ...(input.teamId ? { AND: [{ teamId: input.teamId }] } : {}) },
    orderBy: [{ slotStart: "asc" }, { bookedAt: "asc" }],
    include: {
      person: { select: { name: true, clientNumber: true } },
      team: { select: { name: true } },
      ticket: {
        select: {
          id: true,
          number: true,
          subject: true,
          category: { select: { dossierSensitive: true } },
          complaint: { select: { stage: true, subjectTicket: { select: { category: { select: { dossierSensitive: true } } } } } },
        },
      },
      attempts: { orderBy: { attemptedAt: "asc" }, include: { handler: { select: { name: true } } } },
    },
  });
  // The team sees that an appointment exists; what it is about only when the staff rule lets this
  // person read the ticket (no dossier question for the first line, no complaint outside its stage).
  return rows.map(({ ticket: { complaint, ...ticket }, ...r }) => {
    const facts = { dossierSensitive: ticket.category.dossierSensitive, complaint: complaint ? { stage: complaint.stage, subjectDossierSensitive: complaint.subjectTicket.category.dossierSensitive } : null };
    return { ...r, ticket: { ...ticket, subject: staffMaySeeContent(user, facts) ? ticket.subject : null } };
  });
}
export type CallbackRow = Awaited<ReturnType<typeof listCallbacks>>[number];

/** How many booked appointments the coming days hold, per date, for the overview. */
export async function upcomingCallbackCounts(user: SessionUser, fromDate: string) {
  const rows = await db.callbackAppointment.groupBy({
    by: ["date"],
    where: { date: { gt: fromDate }, status: "BOOKED", ...callbackTeamScope(user) },
    _count: { _all: true },
    orderBy: { date: "asc" },
    take: 10,
  });
  return rows.map((r) => ({ date: r.date, count: r._count._all }));
}
