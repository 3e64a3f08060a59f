import { describe, expect, it } from "vitest";
import { countdown, urgentBody } from "@/lib/urgent/rules";

const due = new Date("2026-11-25T10:00:00Z");

describe("the urgent countdown", () => {
  it("shows hours and minutes left", () => {
    expect(countdown(due, new Date("2026-11-24T10:00:00Z"))).toMatchObject({ overdue: false, hours: 24, minutes: 0 });
    expect(countdown(due, new Date("2026-11-25T08:29:30Z"))).toMatchObject({ overdue: false, hours: 1, minutes: 30 });
  });
  it("shows how late once overdue", () => {
    expect(countdown(due, new Date("2026-11-25T12:15:00Z"))).toMatchObject({ overdue: true, hours: 2, minutes: 15 });
  });
});

describe("the confirmation text", () => {
  it("carries the reason and for whom, and the details when given", () => {
    const text = urgentBody({ reason: "Salarisrun", forWhom: "Nr 1187", details: "" }, { reason: "Reden", forWhom: "Voor wie" });
    expect(text).toBe("Reden: Salarisrun\nVoor wie: Nr 1187");
    expect(urgentBody({ reason: "a", forWhom: "b", details: "c" }, { reason: "R", forWhom: "W" })).toContain("\n\nc");
  });
});
