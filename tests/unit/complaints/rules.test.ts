import { describe, expect, it } from "vitest";
import { complaintBodyChangeRefusal, complaintDueView, customerStatus, lastContactProblem, mayRequestOmbudsman, pickComplaintBody, staffOmbudsReferralRefusal, waitsOnComplainant } from "@/lib/complaints/rules";
import { complaintFormSchema } from "@/lib/complaints/schema";

const now = new Date("2026-11-24T10:00:00Z");

describe("mayRequestOmbudsman", () => {
  it("opens after a stage-1 answer, or when the stage-1 answer is late", () => {
    expect(mayRequestOmbudsman({ stage: "STAGE_1", status: "ANSWERED", dueAt: null }, now)).toBe(true);
    expect(mayRequestOmbudsman({ stage: "STAGE_1", status: "OPEN", dueAt: new Date("2026-11-25T00:00:00Z") }, now)).toBe(false);
    expect(mayRequestOmbudsman({ stage: "STAGE_1", status: "OPEN", dueAt: new Date("2026-11-23T00:00:00Z") }, now)).toBe(true);
    expect(mayRequestOmbudsman({ stage: "STAGE_2", status: "ANSWERED", dueAt: null }, now)).toBe(false);
  });
  it("is not late while the complaint waits on the complainant's reply, and an answered one stays open to it", () => {
    const past = new Date("2026-11-23T00:00:00Z");
    expect(mayRequestOmbudsman({ stage: "STAGE_1", status: "OPEN", dueAt: past, ticket: { slaPausedAt: past } }, now)).toBe(false);
    expect(mayRequestOmbudsman({ stage: "STAGE_1", status: "OPEN", dueAt: past, ticket: { slaPausedAt: null } }, now)).toBe(true);
    expect(mayRequestOmbudsman({ stage: "STAGE_1", status: "ANSWERED", dueAt: past, ticket: { slaPausedAt: past } }, now)).toBe(true);
    expect(waitsOnComplainant({ status: "OPEN", ticket: { slaPausedAt: past } })).toBe(true);
    expect(waitsOnComplainant({ status: "CLOSED", ticket: { slaPausedAt: past } })).toBe(false);
    expect(waitsOnComplainant({ status: "OPEN", ticket: null })).toBe(false);
  });
});

describe("complaint form", () => {
  it("accepts a lower-case number and refuses a malformed one", () => {
    expect(complaintFormSchema.parse({ subjectTicketNumber: " lk-2026-000123 ", lastContactDate: "2026-11-20", description: "Nooit teruggebeld." }).subjectTicketNumber).toBe("LK-2026-000123");
    expect(complaintFormSchema.safeParse({ subjectTicketNumber: "123", lastContactDate: "2026-11-20", description: "Nooit teruggebeld." }).success).toBe(false);
  });
  it("takes a last contact from the day the question began to today, and names what is wrong otherwise", () => {
    const days = { questionBegan: "2026-11-02", today: "2026-11-24" };
    expect(lastContactProblem("2026-11-24", days)).toBeNull();
    expect(lastContactProblem("2026-11-02", days)).toBeNull();
    expect(lastContactProblem("2026-11-25", days)).toBe("LAST_CONTACT_IN_FUTURE");
    expect(lastContactProblem("2026-11-01", days)).toBe("LAST_CONTACT_BEFORE_QUESTION");
    expect(lastContactProblem("1900-01-01", days)).toBe("LAST_CONTACT_BEFORE_QUESTION");
  });
});

describe("staffOmbudsReferralRefusal", () => {
  it("lets the line pass on a stage-1 complaint while internal handling runs", () => {
    expect(staffOmbudsReferralRefusal({ stage: "STAGE_1", status: "OPEN" })).toBeNull();
    expect(staffOmbudsReferralRefusal({ stage: "STAGE_1", status: "ANSWERED" })).toBeNull();
    expect(staffOmbudsReferralRefusal({ stage: "STAGE_2", status: "OPEN" })).toBe("NOT_YOUR_STAGE");
    expect(staffOmbudsReferralRefusal({ stage: "SIGNAL", status: "CLOSED" })).toBe("NOT_YOUR_STAGE");
    expect(staffOmbudsReferralRefusal({ stage: "STAGE_1", status: "CLOSED" })).toBe("COMPLAINT_CLOSED");
  });
});

describe("customerStatus", () => {
  it("speaks of the complaint on a complaint's ticket, of the question otherwise", () => {
    expect(customerStatus({ status: "RESOLVED", complaint: { status: "ANSWERED" } })).toEqual({ kind: "complaint", status: "ANSWERED" });
    expect(customerStatus({ status: "RESOLVED", complaint: null })).toEqual({ kind: "ticket", status: "RESOLVED" });
    expect(customerStatus({ status: "OPEN" })).toEqual({ kind: "ticket", status: "OPEN" });
    expect(customerStatus({ status: "PENDING_CUSTOMER", complaint: { status: "OPEN" } })).toEqual({ kind: "ticket", status: "PENDING_CUSTOMER" });
    expect(customerStatus({ status: "OPEN", complaint: { status: "OPEN" } })).toEqual({ kind: "complaint", status: "OPEN" });
  });
});

describe("complaint bodies", () => {
  const pension = { id: "p", active: true };
  const fallback = { id: "d", active: true };
  it("takes the category's own active body, else the active default, else none", () => {
    expect(pickComplaintBody(pension, fallback)).toBe(pension);
    expect(pickComplaintBody({ ...pension, active: false }, fallback)).toBe(fallback);
    expect(pickComplaintBody(null, fallback)).toBe(fallback);
    expect(pickComplaintBody(null, { ...fallback, active: false })).toBeNull();
  });
  it("keeps exactly one active default", () => {
    expect(complaintBodyChangeRefusal(null, { isDefault: false, active: true })).toBeNull();
    expect(complaintBodyChangeRefusal({ isDefault: false }, { isDefault: true, active: true })).toBeNull();
    expect(complaintBodyChangeRefusal({ isDefault: true }, { isDefault: false, active: true })).toBe("DEFAULT_REQUIRED");
    expect(complaintBodyChangeRefusal({ isDefault: true }, { isDefault: true, active: false })).toBe("DEFAULT_MUST_BE_ACTIVE");
    expect(complaintBodyChangeRefusal({ isDefault: false }, { isDefault: false, active: false })).toBeNull();
  });
});

describe("a complaint's reaction date, on every page", () => {
  const due = new Date("2026-12-10T16:00:00Z");
  const paused = { slaPausedAt: new Date("2026-12-04T09:00:00Z") };
  const running = { slaPausedAt: null };
  it("says it waits on the complainant instead of a date that will move, for everyone", () => {
    for (const audience of ["customer", "staff"] as const) expect(complaintDueView({ status: "OPEN", dueAt: due, ticket: paused }, audience)).toEqual({ kind: "waiting" });
  });
  it("shows the date while open; after the answer only staff keep it (was it in time?)", () => {
    expect(complaintDueView({ status: "OPEN", dueAt: due, ticket: running }, "customer")).toEqual({ kind: "due", at: due });
    expect(complaintDueView({ status: "ANSWERED", dueAt: due, ticket: paused }, "customer")).toEqual({ kind: "none" });
    expect(complaintDueView({ status: "ANSWERED", dueAt: due, ticket: paused }, "staff")).toEqual({ kind: "due", at: due });
    expect(complaintDueView({ status: "REFERRED", dueAt: due }, "staff")).toEqual({ kind: "due", at: due });
    expect(complaintDueView({ status: "OPEN", dueAt: null }, "staff")).toEqual({ kind: "none" });
  });
});
