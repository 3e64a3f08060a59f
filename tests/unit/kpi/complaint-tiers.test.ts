import { describe, expect, it } from "vitest";
import { judgeComplaintStages, type ComplaintStageRow } from "@/lib/kpi/complaint-tiers";

const at = (iso: string) => new Date(iso);
const now = at("2025-09-30T10:00:00Z");
// Stand-in for the working-day rule: a stage it left is due 7 days after it began.
const dueOf = (startedAt: Date) => new Date(startedAt.getTime() + 7 * 86_400_000);

describe("judgeComplaintStages", () => {
  it("judges a stage on its own due time, stored or given by the rule", () => {
    const rows: ComplaintStageRow[] = [
      // Stage 1 the complaint has left: due 8 Sep by the rule, answered 10 Sep -> late.
      { tier: "STAGE_1", startedAt: at("2025-09-01T08:00:00Z"), dueAt: null, answeredAt: at("2025-09-10T08:00:00Z") },
      // Its stage 2 with the stored due time, answered before it.
      { tier: "STAGE_2", startedAt: at("2025-09-11T08:00:00Z"), dueAt: at("2025-09-18T15:00:00Z"), answeredAt: at("2025-09-16T08:00:00Z") },
      // Answered exactly at the due time counts as in time.
      { tier: "STAGE_1", startedAt: at("2025-09-02T08:00:00Z"), dueAt: at("2025-09-09T15:00:00Z"), answeredAt: at("2025-09-09T15:00:00Z") },
    ];
    expect(judgeComplaintStages(rows, now, dueOf)).toEqual({ STAGE_1: { hit: 1, total: 2 }, STAGE_2: { hit: 1, total: 1 } });
  });

  it("counts an unanswered stage once its due time has passed, and leaves a running one out", () => {
    const rows: ComplaintStageRow[] = [
      { tier: "STAGE_1", startedAt: at("2025-09-17T08:00:00Z"), dueAt: null, answeredAt: null },
      { tier: "STAGE_2", startedAt: at("2025-09-25T08:00:00Z"), dueAt: at("2025-10-02T15:00:00Z"), answeredAt: null },
      { tier: "STAGE_2", startedAt: at("2025-09-01T08:00:00Z"), dueAt: at("2025-09-30T10:00:00Z"), answeredAt: null },
    ];
    expect(judgeComplaintStages(rows, now, dueOf)).toEqual({ STAGE_1: { hit: 0, total: 1 }, STAGE_2: { hit: 0, total: 0 } });
  });

  it("asks the rule only for stages without a stored due time", () => {
    let asked = 0;
    const rows: ComplaintStageRow[] = [{ tier: "STAGE_2", startedAt: now, dueAt: at("2025-10-07T15:00:00Z"), answeredAt: now }];
    expect(judgeComplaintStages(rows, now, (d) => (asked++, dueOf(d)))).toEqual({ STAGE_1: { hit: 0, total: 0 }, STAGE_2: { hit: 1, total: 1 } });
    expect(asked).toBe(0);
  });
});
