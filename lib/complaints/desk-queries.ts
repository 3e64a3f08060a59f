import "server-only";
import type { ComplaintStage } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { mayReadNotesOf, mayUseComplaintDesk } from "./desk-rules";

export const DESK_PAGE_SIZE = 25;

export async function listDeskComplaints(user: SessionUser, stage: ComplaintStage, page = 0) {
  if (!mayUseComplaintDesk(user.role)) return { items: [], total: 0 };
  const where = { stage };
  const [items, total] = await Promise.all([
    db.complaint.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { receivedAt: "desc" }],
      take: DESK_PAGE_SIZE,
      skip: Math.max(0, page) * DESK_PAGE_SIZE,
      select: {
        id: true,
        stage: true,
        status: true,
        dueAt: true,
        receivedAt: true,
        description: true,
        subjectTicket: { select: { id: true, number: true } },
        complainant: { select: { name: true } },
        organisation: { select: { name: true } },
        owner: { select: { name: true } },
        ticket: { select: { slaPausedAt: true } },
      },
    }),
    db.complaint.count({ where }),
  ]);
  return { items, total };
}

/** One complaint for the desk; working notes only of the stages this role may read. */
export async function getDeskComplaint(user: SessionUser, id: string) {
  if (!mayUseComplaintDesk(user.role)) return null;
  const complaint = await db.complaint.findUnique({
    where: { id },
    select: {
      id: true,
      stage: true,
      status: true,
      dueAt: true,
      receivedAt: true,
      answeredAt: true,
      referredAt: true,
      ombudsRequestedAt: true,
      ombudsReason: true,
      ombudsRequestedBy: { select: { name: true } },
      lastContactDate: true,
      handlerName: true,
      description: true,
      subjectTicket: { select: { id: true, number: true, subject: true } },
      complainant: { select: { name: true, email: true } },
      organisation: { select: { name: true } },
      owner: { select: { name: true } },
      ticket: {
        select: {
          id: true,
          number: true,
          slaPausedAt: true,
          messages: { where: { automatic: false, direction: { in: ["INBOUND", "OUTBOUND"] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, direction: true, body: true, createdAt: true } },
        },
      },
      notes: { orderBy: { createdAt: "asc" }, select: { id: true, stage: true, body: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  if (!complaint) return null;
  const notes = complaint.notes.filter((note) => mayReadNotesOf(user.role, note.stage));
  return { ...complaint, notes, hiddenNotes: complaint.notes.length - notes.length };
}
