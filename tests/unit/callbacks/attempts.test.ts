import { describe, expect, it } from "vitest";

import { AppointmentClosedError, RuleInputError } from "@/lib/calendar/errors";
import { type AttemptOutcome, appointmentStatus, applyAttempt } from "@/lib/callbacks/rules";
import { contactNoteText } from "@/lib/callbacks/texts";

describe("applyAttempt", () => {
  it("ends DONE when the customer is reached", () => {
    expect(applyAttempt([], "REACHED")).toEqual({ status: "DONE", contactNoteDue: false });
    expect(applyAttempt(["NO_ANSWER"], "REACHED")).toEqual({ status: "DONE", contactNoteDue: false });
  });

  it("stays PENDING after one unsuccessful attempt", () => {
    for (const outcome of ["NO_ANSWER", "VOICEMAIL", "BUSY"] as const) {
      expect(applyAttempt([], outcome)).toEqual({ status: "PENDING", contactNoteDue: false });
    }
  });

  it("ends UNREACHABLE after the second unsuccessful attempt and asks for the contact note once", () => {
    expect(applyAttempt(["NO_ANSWER"], "VOICEMAIL")).toEqual({ status: "UNREACHABLE", contactNoteDue: true });
  });

  it("ends WRONG_NUMBER at once, first or second attempt, with its own contact note", () => {
    expect(applyAttempt([], "WRONG_NUMBER")).toEqual({ status: "WRONG_NUMBER", contactNoteDue: true });
    expect(applyAttempt(["BUSY"], "WRONG_NUMBER")).toEqual({ status: "WRONG_NUMBER", contactNoteDue: true });
    expect(applyAttempt([], "WRONG_NUMBER", 3)).toEqual({ status: "WRONG_NUMBER", contactNoteDue: true });
    expect(appointmentStatus(["WRONG_NUMBER"])).toBe("WRONG_NUMBER");
  });

  it("honours another maximum", () => {
    expect(applyAttempt(["NO_ANSWER"], "BUSY", 3)).toEqual({ status: "PENDING", contactNoteDue: false });
    expect(applyAttempt(["NO_ANSWER", "BUSY"], "BUSY", 3)).toEqual({ status: "UNREACHABLE", contactNoteDue: true });
    expect(() => applyAttempt([], "BUSY", 0)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
  });

  it.each([
    [["REACHED"], "DONE"],
    [["NO_ANSWER", "REACHED"], "DONE"],
    [["NO_ANSWER", "BUSY"], "UNREACHABLE"],
    [["WRONG_NUMBER"], "WRONG_NUMBER"],
  ] as [AttemptOutcome[], string][])("refuses an attempt after %j (%s)", (previous, status) => {
    let error: unknown;
    try {
      applyAttempt(previous, "REACHED");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppointmentClosedError);
    expect(error).toBeInstanceOf(RuleInputError);
    expect(error).toMatchObject({ name: "AppointmentClosedError", code: "APPOINTMENT_CLOSED", status });
  });

  it("refuses unknown outcomes", () => {
    expect(() => applyAttempt([], "HUNG_UP" as AttemptOutcome)).toThrow(expect.objectContaining({ code: "INVALID_OUTCOME" }));
  });

  it("derives the status of a history", () => {
    expect(appointmentStatus([])).toBe("PENDING");
    expect(appointmentStatus(["BUSY"])).toBe("PENDING");
    expect(appointmentStatus(["BUSY", "REACHED"])).toBe("DONE");
    expect(appointmentStatus(["BUSY", "BUSY"])).toBe("UNREACHABLE");
  });
});

describe("contactNoteText", () => {
  it("writes the note in Dutch by default and in English", () => {
    expect(contactNoteText("2026-04-28", "MORNING")).toBe("Niet bereikt na 2 pogingen op 28 april 2026, ochtend (10:00-11:00)");
    expect(contactNoteText("2026-04-28", "AFTERNOON", "en")).toBe(
      "Not reached after 2 attempts on 28 April 2026, afternoon (14:00-16:00)",
    );
    expect(contactNoteText("2026-04-28", "AFTERNOON", "nl", 3)).toBe("Niet bereikt na 3 pogingen op 28 april 2026, middag (14:00-16:00)");
  });

  it("refuses a malformed date", () => {
    expect(() => contactNoteText("28-04-2026", "MORNING")).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });
});
