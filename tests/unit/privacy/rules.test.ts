import { describe, expect, it } from "vitest";
import {
  anonymisedEventData,
  ANONYMISED_TEXT,
  ERASED_TEXT,
  cutoffs,
  DEFAULT_RETENTION,
  erasureRefusal,
  isExpired,
  retentionCutoff,
  termProblem,
} from "@/lib/privacy/rules";
import { retentionInputSchema, retentionSettingSchema } from "@/lib/privacy/schema";

const months = (amount: number) => ({ amount, unit: "MONTHS" as const });
const years = (amount: number) => ({ amount, unit: "YEARS" as const });

describe("retentionCutoff", () => {
  it("goes back whole calendar months at the same wall-clock time in Amsterdam", () => {
    // 2026-11-24 11:00 in Amsterdam (CET) minus two years: 2024-11-24 11:00 CET.
    expect(retentionCutoff(years(2), new Date("2026-11-24T10:00:00Z")).toISOString()).toBe("2024-11-24T10:00:00.000Z");
  });

  it("keeps the local time across the change to summer time (the UTC offset moves by an hour)", () => {
    // 1 May 2026 09:00 CEST (07:00Z) minus 3 months = 1 February 2026 09:00 CET (08:00Z), not 07:00Z.
    expect(retentionCutoff(months(3), new Date("2026-05-01T07:00:00Z")).toISOString()).toBe("2026-02-01T08:00:00.000Z");
    // ... and back across the change to winter time: 1 December 09:00 CET minus 3 months = 1 September 09:00 CEST.
    expect(retentionCutoff(months(3), new Date("2026-12-01T08:00:00Z")).toISOString()).toBe("2026-09-01T07:00:00.000Z");
  });

  it("uses the Amsterdam date, not UTC's, near midnight, and clamps to the end of a shorter month", () => {
    // 23:30Z on 31 March is 01:30 on 1 April in Amsterdam (CEST): one month back is 1 March 01:30 CET.
    expect(retentionCutoff(months(1), new Date("2026-03-31T23:30:00Z")).toISOString()).toBe("2026-03-01T00:30:00.000Z");
    // 31 May 12:00 CEST minus 3 months: 28 February 12:00 CET (there is no 31 February).
    expect(retentionCutoff(months(3), new Date("2026-05-31T10:00:00Z")).toISOString()).toBe("2026-02-28T11:00:00.000Z");
  });
});

describe("isExpired", () => {
  const now = new Date("2026-05-01T07:00:00Z"); // 09:00 CEST
  it("expires what started strictly before the cutoff, across the DST change", () => {
    // The cutoff is 2026-02-01 08:00Z (09:00 CET). An hour-naive rule would put it at 07:00Z.
    expect(isExpired(new Date("2026-02-01T07:59:59Z"), months(3), now)).toBe(true);
    expect(isExpired(new Date("2026-02-01T08:00:00Z"), months(3), now)).toBe(false);
    expect(isExpired(new Date("2026-02-01T07:30:00Z"), months(3), now)).toBe(true);
  });
  it("never expires what has no start (an open ticket has no closing time)", () => {
    expect(isExpired(null, months(1), now)).toBe(false);
  });
  it("gives every class its own cutoff from the settings", () => {
    const c = cutoffs(DEFAULT_RETENTION, new Date("2026-11-24T10:00:00Z"));
    expect(c.tickets.toISOString()).toBe("2024-11-24T10:00:00.000Z");
    expect(c.outbox.toISOString()).toBe("2026-08-24T09:00:00.000Z");
    expect(c.audit.toISOString()).toBe("2021-11-24T10:00:00.000Z");
  });
});

describe("terms", () => {
  it("refuses terms below a class's minimum and above 30 years", () => {
    expect(termProblem("audit", months(11))).toBe("TERM_TOO_SHORT");
    expect(termProblem("audit", years(1))).toBeNull();
    expect(termProblem("outbox", months(1))).toBeNull();
    expect(termProblem("tickets", years(31))).toBe("TERM_TOO_LONG");
  });

  it("the admin's form names the field of a term that is too short", () => {
    const input = { ...DEFAULT_RETENTION, audit: months(6) };
    const parsed = retentionInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["audit.amount", "TERM_TOO_SHORT"]]);
    expect(retentionInputSchema.parse({ ...DEFAULT_RETENTION, audit: { amount: "7", unit: "YEARS" } }).audit).toEqual(years(7));
  });

  it("a stored setting is read with defaults for missing or broken classes and never below a minimum", () => {
    expect(retentionSettingSchema.parse({})).toEqual(DEFAULT_RETENTION);
    const read = retentionSettingSchema.parse({ tickets: months(30), calls: "garbage", audit: months(2) });
    expect(read.tickets).toEqual(months(30));
    expect(read.calls).toEqual(DEFAULT_RETENTION.calls);
    expect(read.audit).toEqual(months(12));
  });
});

describe("erasureRefusal", () => {
  const none = { tickets: [], complaints: [], callbacks: [] };
  const customer = { role: "BENEFICIARY", erasedAt: null };
  it("refuses staff, the erased, the held and those with open business, in that order", () => {
    expect(erasureRefusal({ role: "CASE_HANDLER", erasedAt: null }, true, none)).toBe("STAFF_ACCOUNT");
    expect(erasureRefusal({ role: "BENEFICIARY", erasedAt: new Date() }, true, none)).toBe("ALREADY_ERASED");
    expect(erasureRefusal(customer, true, { ...none, tickets: ["LK-2026-000001"] })).toBe("LEGAL_HOLD");
    expect(erasureRefusal(customer, false, { ...none, callbacks: ["2026-11-25 MORNING"] })).toBe("OPEN_TICKETS");
    expect(erasureRefusal({ role: "EMPLOYER_CONTACT", erasedAt: null }, false, none)).toBeNull();
  });
});

describe("anonymisedEventData", () => {
  it("replaces free text and keeps codes; says when nothing changed", () => {
    expect(anonymisedEventData({ complaintId: "c1", reason: "Mevrouw Jansen is boos" })).toEqual({ complaintId: "c1", reason: ANONYMISED_TEXT });
    expect(anonymisedEventData({ from: "RESOLVED", to: "CLOSED", reason: "auto-close" })).toBeNull();
    // An erasure says so; a text an earlier removal left is not replaced again.
    expect(anonymisedEventData({ reason: "Mevrouw Jansen is boos" }, "erasure")).toEqual({ reason: ERASED_TEXT });
    expect(anonymisedEventData({ reason: ANONYMISED_TEXT }, "erasure")).toBeNull();
    expect(anonymisedEventData({ reason: ERASED_TEXT })).toBeNull();
    expect(anonymisedEventData({ from: "OPEN", to: "CLOSED" })).toBeNull();
    expect(anonymisedEventData(null)).toBeNull();
  });
});
