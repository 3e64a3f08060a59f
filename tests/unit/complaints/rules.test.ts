import { describe, expect, it } from "vitest";
import { lastContactValid, mayRequestOmbudsman } from "@/lib/complaints/rules";
import { complaintFormSchema } from "@/lib/complaints/schema";

const now = new Date("2026-11-24T10:00:00Z");

describe("mayRequestOmbudsman", () => {
  it("opens after a stage-1 answer, or when the stage-1 answer is late", () => {
    expect(mayRequestOmbudsman({ stage: "STAGE_1", status: "ANSWERED", dueAt: null }, now)).toBe(true);
    expect(mayRequestOmbudsman({ stage: "STAGE_1", status: "OPEN", dueAt: new Date("2026-11-25T00:00:00Z") }, now)).toBe(false);
    expect(mayRequestOmbudsman({ stage: "STAGE_1", status: "OPEN", dueAt: new Date("2026-11-23T00:00:00Z") }, now)).toBe(true);
    expect(mayRequestOmbudsman({ stage: "STAGE_2", status: "ANSWERED", dueAt: null }, now)).toBe(false);
  });
});

describe("complaint form", () => {
  it("accepts a lower-case number and refuses a malformed one", () => {
    expect(complaintFormSchema.parse({ subjectTicketNumber: " lk-2026-000123 ", lastContactDate: "2026-11-20", description: "Nooit teruggebeld." }).subjectTicketNumber).toBe("LK-2026-000123");
    expect(complaintFormSchema.safeParse({ subjectTicketNumber: "123", lastContactDate: "2026-11-20", description: "Nooit teruggebeld." }).success).toBe(false);
  });
  it("refuses a last contact in the future", () => {
    expect(lastContactValid("2026-11-24", "2026-11-24")).toBe(true);
    expect(lastContactValid("2026-11-25", "2026-11-24")).toBe(false);
  });
});
