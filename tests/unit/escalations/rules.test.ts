import { describe, expect, it } from "vitest";
import { checkRaise, checkTier2 } from "@/lib/escalations/rules";

const now = new Date("2026-11-24T10:00:00Z");
const before = new Date(now.getTime() - 60_000);
const after = new Date(now.getTime() + 60_000);
const tier1 = { tier: 1, status: "OPEN" as const, dueAt: after, unsatisfied: false, ticketStatus: "OPEN" as const, hasNext: false };

describe("raising an escalation", () => {
  it("is allowed on an open ticket or a general concern", () => {
    expect(checkRaise({ ticketStatus: "OPEN", runningTier: null })).toBeNull();
    expect(checkRaise({ ticketStatus: null, runningTier: null })).toBeNull();
    expect(checkRaise({ ticketStatus: "RESOLVED", runningTier: null })).toBeNull();
  });
  it("is refused on a closed ticket and while one runs", () => {
    expect(checkRaise({ ticketStatus: "CLOSED", runningTier: null })).toBe("TICKET_CLOSED");
    expect(checkRaise({ ticketStatus: "OPEN", runningTier: 1 })).toBe("ALREADY_ESCALATED");
    expect(checkRaise({ ticketStatus: "OPEN", runningTier: 2 })).toBe("ALREADY_TIER_2");
  });
});

describe("moving up to tier 2", () => {
  it("needs tier 1 overdue or declared unsatisfactory", () => {
    expect(checkTier2(tier1, now)).toBe("TIER_1_NOT_DUE");
    expect(checkTier2({ ...tier1, dueAt: before }, now)).toBeNull();
    expect(checkTier2({ ...tier1, dueAt: now }, now)).toBeNull();
    expect(checkTier2({ ...tier1, unsatisfied: true }, now)).toBeNull();
  });
  it("does not count a resolved tier 1 as overdue", () => {
    expect(checkTier2({ ...tier1, status: "RESOLVED", dueAt: before }, now)).toBe("TIER_1_NOT_DUE");
    expect(checkTier2({ ...tier1, status: "RESOLVED", dueAt: before, unsatisfied: true }, now)).toBeNull();
  });
  it("refuses a tier 2, a moved-up tier 1 and a closed ticket", () => {
    expect(checkTier2({ ...tier1, tier: 2, unsatisfied: true }, now)).toBe("ALREADY_TIER_2");
    expect(checkTier2({ ...tier1, status: "MOVED_UP", unsatisfied: true }, now)).toBe("ALREADY_TIER_2");
    expect(checkTier2({ ...tier1, hasNext: true, unsatisfied: true }, now)).toBe("ALREADY_TIER_2");
    expect(checkTier2({ ...tier1, ticketStatus: "CLOSED", unsatisfied: true }, now)).toBe("TICKET_CLOSED");
  });
});
