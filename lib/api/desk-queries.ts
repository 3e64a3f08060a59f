// Complaints, escalations and KPIs for the API: the lead desk's own reads and rules, narrowed to
// the token's organisation where one is set.
import "server-only";
import type { ComplaintStage, ComplaintStatus } from "@prisma/client";
import { getDeskComplaint } from "@/lib/complaints/desk-queries";
import { mayUseComplaintDesk } from "@/lib/complaints/desk-rules";
import { db } from "@/lib/db/client";
import { getBoardEscalation, listEscalationBoard } from "@/lib/escalations/desk-queries";
import type { ApiCaller } from "./token-auth";

export async function listApiComplaints(caller: ApiCaller, query: { stage?: ComplaintStage; status?: ComplaintStatus; page: number }, pageSize: number) {
  if (!mayUseComplaintDesk(caller.user.role)) return { data: [], total: 0 };
  const where = { ...(query.stage ? { stage: query.stage } : {}), ...(query.status ? { status: query.status } : {}), ...(caller.organisationId ? { organisationId: caller.organisationId } : {}) };
  const [data, total] = await Promise.all([
    db.complaint.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: pageSize,
      skip: query.page * pageSize,
      select: {
        id: true, stage: true, status: true, dueAt: true, receivedAt: true, answeredAt: true,
        subjectTicket: { select: { id: true, number: true } },
        ticket: { select: { id: true, number: true } },
        organisation: { select: { id: true, name: true } },
        complainant: { select: { id: true, name: true } },
        owner: { select: { id: true, name: true } },
      },
    }),
    db.complaint.count({ where }),
  ]);
  return { data, total };
}

/** One complaint as the desk reads it (notes of the stages this role may read), or null. */
export async function apiComplaint(caller: ApiCaller, id: string) {
  if (caller.organisationId && !(await db.complaint.findFirst({ where: { id, organisationId: caller.organisationId }, select: { id: true } }))) return null;
  return getDeskComplaint(caller.user, id);
}

/** The escalation board of a tier (the desk's rule: a CSM sees their organisations' only). */
export async function listApiEscalations(caller: ApiCaller, tier: 1 | 2) {
  const board = await listEscalationBoard(caller.user, tier);
  if (!caller.organisationId) return board;
  const mine = new Set((await db.escalation.findMany({ where: { id: { in: board.map((e) => e.id) }, organisationId: caller.organisationId }, select: { id: true } })).map((e) => e.id));
  return board.filter((e) => mine.has(e.id));
}

/** One escalation as the board shows it, within the token's organisation when it has one; or null. */
export function apiEscalation(caller: ApiCaller, id: string) {
  return getBoardEscalation(caller.user, id, caller.organisationId);
}
