import { describe, expect, it } from "vitest";
import { verdict } from "@/lib/kpi/rules";
import { DEFAULT_KPI_TARGETS, kpiTargetsInputSchema, kpiTargetsSettingSchema, targetFormValue, targetsFromValues } from "@/lib/kpi/targets";
import { summaryRows } from "@/lib/kpi/view";

const form = { firstContactResolution: "85", writtenInTime: "90", callbacksAttemptedInSlot: "100", callbacksWithin2Hours: "", callbacksWithin24Hours: "", callbacksReached: "", callbacksUnreachable: "", callbacksWrongNumber: "", repeatCallbacks: "5", urgentInTime: "100", complaintsPerThousand: "", complaintsInTime: "100", satisfaction: "80", callsAnsweredInMinute: "80", callsAbandoned: "", reachability: "", chatsAnswered: "", chatsHandledInChat: "" };

describe("KPI targets", () => {
  it("default to the values that were fixed in code (DESIGN.md)", () => {
    expect(DEFAULT_KPI_TARGETS).toEqual({
      firstContactResolution: { value: 0.85, direction: "atLeast" },
      writtenInTime: { value: 0.9, direction: "atLeast" },
      callbacksAttemptedInSlot: { value: 1, direction: "atLeast" },
      callbacksWithin2Hours: null,
      callbacksWithin24Hours: null,
      callbacksReached: null,
      callbacksUnreachable: null,
      callbacksWrongNumber: null,
      repeatCallbacks: { value: 0.05, direction: "atMost" },
      urgentInTime: { value: 1, direction: "atLeast" },
      complaintsPerThousand: null,
      complaintsInTime: { value: 1, direction: "atLeast" },
      satisfaction: { value: 0.8, direction: "atLeast" },
      // The inspection's telephony norm; the other telephony and chat figures are for insight.
      callsAnsweredInMinute: { value: 0.8, direction: "atLeast" },
      callsAbandoned: null,
      reachability: null,
      chatsAnswered: null,
      chatsHandledInChat: null,
    });
    // An empty stored row reads as the defaults too.
    expect(targetsFromValues(kpiTargetsSettingSchema.parse({}))).toEqual(DEFAULT_KPI_TARGETS);
  });

  it("turn the form's percentages into shares, and back", () => {
    const values = kpiTargetsInputSchema.parse({ ...form, firstContactResolution: "57", satisfaction: "85,5", complaintsPerThousand: "3" });
    expect(values).toMatchObject({ firstContactResolution: 0.57, satisfaction: 0.855, complaintsPerThousand: 3, callbacksReached: null });
    expect(targetFormValue("firstContactResolution", { value: 0.57, direction: "atLeast" })).toBe("57");
    expect(targetFormValue("complaintsPerThousand", { value: 3, direction: "atMost" })).toBe("3");
    expect(kpiTargetsInputSchema.parse(form)).toEqual(Object.fromEntries(Object.entries(DEFAULT_KPI_TARGETS).map(([k, t]) => [k, t?.value ?? null])));
  });

  it("refuse out-of-range and non-numeric values per field", () => {
    const result = kpiTargetsInputSchema.safeParse({ ...form, writtenInTime: "101", satisfaction: "veel", complaintsPerThousand: "1001" });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toEqual({ writtenInTime: "TARGET_RANGE", satisfaction: "TARGET_NUMBER", complaintsPerThousand: "TARGET_RANGE" });
  });

  it("drive the verdicts: a changed target flips one, a new one judges a KPI that had none", () => {
    expect(verdict("firstContactResolution", 0.8)).toBe("MISSED");
    const lower = targetsFromValues({ ...kpiTargetsInputSchema.parse(form), firstContactResolution: 0.75, complaintsPerThousand: 2 });
    expect(verdict("firstContactResolution", 0.8, lower)).toBe("MET");
    expect(verdict("complaintsPerThousand", 3, lower)).toBe("MISSED");
    const report = {
      firstContactResolution: { hit: 8, total: 10 }, writtenInTime: { hit: 0, total: 0 },
      callbacks: { attemptedInSlot: { hit: 0, total: 0 }, within2Hours: { hit: 0, total: 0 }, within24Hours: { hit: 0, total: 0 }, reached: { hit: 0, total: 0 }, unreachable: { hit: 0, total: 0 }, wrongNumber: { hit: 0, total: 0 }, repeat: { hit: 0, total: 0 } },
      urgentInTime: { hit: 0, total: 0 },
      complaints: { complaints: 3, contacts: 1000, inTimeByStage: { STAGE_1: { hit: 0, total: 0 }, STAGE_2: { hit: 0, total: 0 } } },
      satisfaction: { overall: { hit: 0, total: 0 }, byChannel: {}, byAudience: {} },
      escalations: { 1: { UNDER_1_DAY: 0, DAYS_1_TO_3: 0, DAYS_3_TO_7: 0, OVER_7_DAYS: 0 }, 2: { UNDER_1_DAY: 0, DAYS_1_TO_3: 0, DAYS_3_TO_7: 0, OVER_7_DAYS: 0 } },
      telephony: { offered: 0, answered: 0, answeredInMinute: { hit: 0, total: 0 }, abandoned: { hit: 0, total: 0 }, reachability: { hit: 0, total: 0 } },
      chat: { offered: 0, answered: 0, abandoned: 0, medianWaitSec: null, p90WaitSec: null, answeredShare: { hit: 0, total: 0 }, handledInChat: { hit: 0, total: 0 } },
    };
    const row = (key: string) => summaryRows(report, lower).find((r) => r.key === key)!;
    expect(row("firstContactResolution")).toMatchObject({ target: 0.75, verdict: "MET" });
    expect(row("complaintsPerThousand")).toMatchObject({ value: 3, target: 2, direction: "atMost", verdict: "MISSED" });
  });
});
