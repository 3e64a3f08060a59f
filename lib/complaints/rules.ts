import type { ComplaintStage, ComplaintStatus } from "@prisma/client";

/** The last contact cannot lie in the future (Amsterdam date keys compare as strings). */
export function lastContactValid(lastContactDate: string, today: string): boolean {
  return lastContactDate <= today;
}

/**
 * The complainant may ask for the internal ombudsman in stage 1 when the answer did not satisfy
 * them (ANSWERED) or when the answer is late (an internal conflict delays it).
 */
export function mayRequestOmbudsman(
  complaint: { stage: ComplaintStage; status: ComplaintStatus; dueAt: Date | null },
  now: Date,
): boolean {
  if (complaint.stage !== "STAGE_1") return false;
  if (complaint.status === "ANSWERED") return true;
  return complaint.status === "OPEN" && complaint.dueAt !== null && complaint.dueAt.getTime() < now.getTime();
}
