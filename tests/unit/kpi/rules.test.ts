import { describe, expect, it } from "vitest";
import { currentQuarter, periodFromKeys } from "@/lib/kpi/period";
import { ageBucket, perThousand, share, verdict } from "@/lib/kpi/rules";

describe("KPI arithmetic", () => {
  it("judges against the target in the right direction", () => {
    expect(verdict("firstContactResolution", 0.85)).toBe("MET");
    expect(verdict("firstContactResolution", 0.849)).toBe("MISSED");
    expect(verdict("repeatCallbacks", 0.05)).toBe("MET");
    expect(verdict("repeatCallbacks", 0.051)).toBe("MISSED");
    expect(verdict("callbacksReached", 0.3)).toBe("NO_TARGET");
    expect(verdict("satisfaction", null)).toBe("NO_DATA");
    expect(share({ hit: 0, total: 0 })).toBeNull();
    expect(perThousand(3, 0)).toBeNull();
  });

  it("buckets escalation ages", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(ageBucket(new Date("2026-11-24T00:00:00Z"), now)).toBe("UNDER_1_DAY");
    expect(ageBucket(new Date("2026-11-22T12:00:00Z"), now)).toBe("DAYS_1_TO_3");
    expect(ageBucket(new Date("2026-11-20T12:00:00Z"), now)).toBe("DAYS_3_TO_7");
    expect(ageBucket(new Date("2026-11-01T12:00:00Z"), now)).toBe("OVER_7_DAYS");
  });
});

describe("reporting periods", () => {
  it("runs from Amsterdam midnight to the midnight after the last day, across DST", () => {
    const p = periodFromKeys("2026-03-01", "2026-03-31");
    expect(p.from.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(p.to.toISOString()).toBe("2026-03-31T22:00:00.000Z");
  });

  it("knows the quarter of a date in Amsterdam", () => {
    expect(currentQuarter(new Date("2026-11-24T10:00:00Z"))).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(currentQuarter(new Date("2026-03-31T22:30:00Z"))).toEqual({ from: "2026-04-01", to: "2026-06-30" });
  });
});
