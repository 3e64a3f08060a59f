import "server-only";
import { mayHandleStage } from "@/lib/complaints/desk-rules";
import type { Db } from "@/lib/db/client";
import { notify } from "./mutations";
import { complaintHandlers } from "./recipients";
import { COMPLAINT_WARNING_MS, complaintDueState } from "./rules";

// An overdue complaint older than this was told about long ago; the sweep need not look at it again.
const LOOKBACK_MS = 30 * 86_400_000;

/**
 * Complaints whose stage is due within a day, or overdue, and not waiting on the complainant: their owner is told, or when nobody
 * owns one yet, everyone who handles that stage. Once per complaint, stage and state (the
 * notification's key), so running every minute tells nobody twice.
 */
export async function sweepComplaintStageDue(db: Db, now: Date): Promise<number> {
  const complaints = await db.complaint.findMany({
    where: {
      status: "OPEN",
      stage: { in: ["STAGE_1", "STAGE_2"] },
      dueAt: { lte: new Date(now.getTime() + COMPLAINT_WARNING_MS), gte: new Date(now.getTime() - LOOKBACK_MS) },
      // Waiting on the complainant: nothing is due or late (the ticket's clock is paused).
      NOT: { ticket: { is: { slaPausedAt: { not: null } } } },
    },
    select: { id: true, stage: true, dueAt: true, owner: { select: { id: true, active: true, role: true } }, ticket: { select: { number: true } }, subjectTicket: { select: { number: true } } },
    orderBy: { dueAt: "asc" },
    take: 500,
  });
  let notified = 0;
  for (const complaint of complaints) {
    const state = complaintDueState(complaint.dueAt!, now);
    if (!state) continue;
    notified += await db.$transaction(async (tx) => {
      // An owner from an earlier stage (a coordinator, once the ombudsman has it) is not told.
      const owner = complaint.owner?.active && mayHandleStage(complaint.owner.role, complaint.stage) ? complaint.owner.id : null;
      const recipients = owner ? [owner] : await complaintHandlers(tx, complaint.stage);
      return notify(tx, {
        recipients,
        kind: "complaint.stage_due",
        entityType: "Complaint",
        entityId: complaint.id,
        data: { number: complaint.ticket?.number ?? complaint.subjectTicket.number, stage: complaint.stage, state, dueAt: complaint.dueAt!.toISOString() },
        dedupeKey: `complaint:${complaint.id}:${complaint.stage}:${state}`,
        now,
      });
    });
  }
  return notified;
}
