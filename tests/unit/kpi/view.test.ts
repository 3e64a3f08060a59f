import { describe, expect, it } from "vitest";
import type { KpiReport } from "@/lib/kpi/queries";
import { escalationRows, satisfactionRows, summaryRows } from "@/lib/kpi/view";

const report: KpiReport = {
  firstContactResolution: { hit: 9, total: 10 },
  writtenInTime: { hit: 0, total: 0 },
  callbacks: { attemptedInSlot: { hit: 1, total: 2 }, within2Hours: { hit: 1, total: 4 }, within24Hours: { hit: 3, total: 4 }, reached: { hit: 1, total: 1 }, unreachable: { hit: 0, total: 1 }, wrongNumber: { hit: 0, total: 1 }, repeat: { hit: 1, total: 50 } },
  urgentInTime: { hit: 2, total: 2 },
  complaints: { complaints: 3, contacts: 1500, inTimeByStage: { STAGE_1: { hit: 1, total: 2 }, STAGE_2: { hit: 0, total: 0 } } },
  satisfaction: { overall: { hit: 4, total: 5 }, byChannel: { PORTAL: { hit: 4, total: 5 } }, byAudience: { EMPLOYER: { hit: 4, total: 5 } } },
  escalations: { 1: { UNDER_1_DAY: 2, DAYS_1_TO_3: 0, DAYS_3_TO_7: 1, OVER_7_DAYS: 0 }, 2: { UNDER_1_DAY: 0, DAYS_1_TO_3: 0, DAYS_3_TO_7: 0, OVER_7_DAYS: 4 } },
  telephony: { offered: 10, answered: 9, answeredInMinute: { hit: 7, total: 10 }, abandoned: { hit: 1, total: 10 }, reachability: { hit: 9, total: 10 } },
  chat: { offered: 4, answered: 3, abandoned: 1, medianWaitSec: 40, p90WaitSec: 95, answeredShare: { hit: 3, total: 4 }, handledInChat: { hit: 2, total: 3 } },
};

describe("KPI rows", () => {
  it("gives every KPI its value, target and verdict", () => {
    const rows = summaryRows(report);
    const by = (key: string, detail?: string) => rows.find((r) => r.key === key && r.detail === detail)!;
    expect(by("firstContactResolution")).toMatchObject({ value: 0.9, target: 0.85, verdict: "MET" });
    expect(by("writtenInTime")).toMatchObject({ value: null, verdict: "NO_DATA" });
    expect(by("repeatCallbacks")).toMatchObject({ value: 0.02, direction: "atMost", verdict: "MET" });
    expect(by("callbacksWithin2Hours")).toMatchObject({ hit: 1, total: 4, value: 0.25, verdict: "NO_TARGET" });
    expect(by("callbacksWithin24Hours")).toMatchObject({ value: 0.75, verdict: "NO_TARGET" });
    expect(by("callbacksWrongNumber")).toMatchObject({ value: 0, verdict: "NO_TARGET" });
    expect(by("complaintsPerThousand")).toMatchObject({ value: 2, unit: "perThousand", verdict: "NO_TARGET" });
    expect(by("complaintsInTime", "STAGE_1")).toMatchObject({ value: 0.5, verdict: "MISSED" });
    expect(by("satisfaction")).toMatchObject({ value: 0.8, verdict: "MET" });
    // The inspection's norm: 80% within a minute; 7 of 10 offered calls is not enough.
    expect(by("callsAnsweredInMinute")).toMatchObject({ hit: 7, total: 10, value: 0.7, target: 0.8, verdict: "MISSED" });
    expect(by("callsAbandoned")).toMatchObject({ value: 0.1, target: null, verdict: "NO_TARGET" });
    expect(by("reachability")).toMatchObject({ value: 0.9, verdict: "NO_TARGET" });
    expect(by("chatsAnswered")).toMatchObject({ value: 0.75 });
    expect(by("chatsHandledInChat")).toMatchObject({ hit: 2, total: 3 });
  });

  it("breaks satisfaction down and lists escalations by age", () => {
    expect(satisfactionRows(report).map((r) => [r.group, r.name, r.row.value])).toEqual([["channel", "PORTAL", 0.8], ["audience", "EMPLOYER", 0.8]]);
    expect(escalationRows(report)).toEqual([{ tier: 1, counts: [2, 0, 1, 0] }, { tier: 2, counts: [0, 0, 0, 4] }]);
  });
});
