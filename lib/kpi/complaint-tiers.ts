// Complaints answered in time per tier, judged on each stage a complaint went through. Pure.
import type { Ratio } from "./rules";

export type ComplaintTier = "STAGE_1" | "STAGE_2";

/** One stage of one complaint, as its history shows it. */
export interface ComplaintStageRow {
  tier: ComplaintTier;
  startedAt: Date;
  /** The stage's due time as stored; null only for a stage 1 left before that was kept. */
  dueAt: Date | null;
  /** The stage's first substantive answer (sent from the complaints desk), if any. */
  answeredAt: Date | null;
}

/**
 * Per tier: answered on or before that stage's due time, out of the stages that were answered or
 * whose due time has passed (a running stage that is not yet due is left out). A stage without a
 * stored due time gets the same working-day rule from the stage's start.
 */
export function judgeComplaintStages(
  rows: readonly ComplaintStageRow[],
  now: Date,
  dueOf: (startedAt: Date) => Date,
): Record<ComplaintTier, Ratio> {
  const result: Record<ComplaintTier, Ratio> = { STAGE_1: { hit: 0, total: 0 }, STAGE_2: { hit: 0, total: 0 } };
  for (const row of rows) {
    const due = (row.dueAt ?? dueOf(row.startedAt)).getTime();
    const answered = row.answeredAt?.getTime() ?? null;
    if (answered === null && due >= now.getTime()) continue;
    result[row.tier].total += 1;
    if (answered !== null && answered <= due) result[row.tier].hit += 1;
  }
  return result;
}
