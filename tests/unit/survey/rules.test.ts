import { describe, expect, it } from "vitest";
import { isComplaintTicket, surveyOpen } from "@/lib/survey/rules";
import { surveySchema } from "@/lib/survey/schema";

describe("surveyOpen", () => {
  it("is open once a ticket is resolved and not yet answered", () => {
    expect(surveyOpen("RESOLVED", false)).toBe(true);
    expect(surveyOpen("CLOSED", false)).toBe(true);
    expect(surveyOpen("RESOLVED", true)).toBe(false);
    expect(surveyOpen("OPEN", false)).toBe(false);
  });
  it("is never open for a complaint, recognised by its link or its category", () => {
    expect(surveyOpen("RESOLVED", false, true)).toBe(false);
    expect(isComplaintTicket({ category: { key: "COMPLAINT" }, complaint: null })).toBe(true);
    expect(isComplaintTicket({ category: { key: "GENERAL_QUESTION" }, complaint: { id: "c" } })).toBe(true);
    expect(isComplaintTicket({ category: { key: "GENERAL_QUESTION" }, complaint: null })).toBe(false);
  });
  it("accepts scores 1 to 5 only", () => {
    expect(surveySchema.safeParse({ ticketId: "t", score: 5 }).success).toBe(true);
    expect(surveySchema.safeParse({ ticketId: "t", score: 0 }).success).toBe(false);
    expect(surveySchema.safeParse({ ticketId: "t", score: 2.5 }).success).toBe(false);
  });
});
