import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAttemptTime, DEFAULT_ATTEMPT_TIMING, slotHours, slotLabel, slotWindow } from "@/lib/callbacks/rules";
import { callbackAcknowledgementText, callbackMailText, wrongNumberNoteText } from "@/lib/callbacks/texts";

// Wednesday 25 November 2026: the morning slot runs 10:00-11:00 Amsterdam = 09:00-10:00 UTC.
const date = "2026-11-25";
const at = (iso: string) => new Date(iso);
const base = { date, slot: "MORNING" as const, outcome: "NO_ANSWER" as const, previousAttemptAt: null };

describe("checkAttemptTime", () => {
  it("refuses an attempt days before the slot and accepts it from 15 minutes before (the default)", () => {
    expect(checkAttemptTime({ ...base, now: at("2026-11-23T09:00:00Z") })).toBe("ATTEMPT_TOO_EARLY");
    expect(checkAttemptTime({ ...base, now: at("2026-11-25T08:44:59Z") })).toBe("ATTEMPT_TOO_EARLY");
    expect(checkAttemptTime({ ...base, now: at("2026-11-25T08:45:00Z") })).toBeNull();
  });

  it("refuses a reached call before the slot too: the early limit holds for every outcome", () => {
    expect(checkAttemptTime({ ...base, outcome: "REACHED", now: at("2026-11-24T09:00:00Z") })).toBe("ATTEMPT_TOO_EARLY");
    expect(checkAttemptTime({ ...base, outcome: "WRONG_NUMBER", now: at("2026-11-24T09:00:00Z") })).toBe("ATTEMPT_TOO_EARLY");
  });

  it("keeps attempts possible after the slot has ended: a late call is still a call", () => {
    expect(checkAttemptTime({ ...base, now: at("2026-11-25T10:30:00Z") })).toBeNull();
    expect(checkAttemptTime({ ...base, now: at("2026-11-27T15:00:00Z") })).toBeNull();
  });

  it("refuses a second unsuccessful try within 10 minutes of the first, and accepts it at 10", () => {
    const first = at("2026-11-25T09:05:00Z");
    expect(checkAttemptTime({ ...base, previousAttemptAt: first, now: at("2026-11-25T09:05:03Z") })).toBe("ATTEMPT_TOO_SOON");
    expect(checkAttemptTime({ ...base, outcome: "BUSY", previousAttemptAt: first, now: at("2026-11-25T09:14:59Z") })).toBe("ATTEMPT_TOO_SOON");
    expect(checkAttemptTime({ ...base, outcome: "VOICEMAIL", previousAttemptAt: first, now: at("2026-11-25T09:15:00Z") })).toBeNull();
  });

  it("lets a reached call or a wrong number follow at once: they end the appointment on a fact", () => {
    const first = at("2026-11-25T09:05:00Z");
    expect(checkAttemptTime({ ...base, outcome: "REACHED", previousAttemptAt: first, now: at("2026-11-25T09:06:00Z") })).toBeNull();
    expect(checkAttemptTime({ ...base, outcome: "WRONG_NUMBER", previousAttemptAt: first, now: at("2026-11-25T09:06:00Z") })).toBeNull();
  });

  it("follows the settings", () => {
    const timing = { earlyMinutes: 0, minIntervalMinutes: 30 };
    expect(checkAttemptTime({ ...base, timing, now: at("2026-11-25T08:59:59Z") })).toBe("ATTEMPT_TOO_EARLY");
    expect(checkAttemptTime({ ...base, timing, now: at("2026-11-25T09:00:00Z") })).toBeNull();
    expect(checkAttemptTime({ ...base, timing, previousAttemptAt: at("2026-11-25T09:00:00Z"), now: at("2026-11-25T09:29:00Z") })).toBe("ATTEMPT_TOO_SOON");
    expect(() => checkAttemptTime({ ...base, timing: { earlyMinutes: -1, minIntervalMinutes: 0 }, now: at("2026-11-25T09:00:00Z") })).toThrow();
  });

  it("counts the early limit in Amsterdam time across the summer-time change", () => {
    // Summer: the afternoon slot of 1 July 2026 starts 14:00 Amsterdam = 12:00 UTC.
    const summer = { ...base, date: "2026-07-01", slot: "AFTERNOON" as const };
    expect(checkAttemptTime({ ...summer, now: at("2026-07-01T11:44:00Z") })).toBe("ATTEMPT_TOO_EARLY");
    expect(checkAttemptTime({ ...summer, now: at("2026-07-01T11:45:00Z") })).toBeNull();
  });

  it("never accepts an attempt earlier than the lead time before the slot (property)", () => {
    const start = slotWindow(date, "MORNING").startsAt.getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 180 }), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), (early, offset) => {
        const now = new Date(start + offset);
        const refused = checkAttemptTime({ ...base, now, timing: { ...DEFAULT_ATTEMPT_TIMING, earlyMinutes: early } }) === "ATTEMPT_TOO_EARLY";
        return refused === offset < -early * 60_000;
      }),
    );
  });
});

describe("slot labels", () => {
  it("name each slot by the hours its window really has, in both languages", () => {
    expect(slotHours("MORNING")).toBe("10:00-11:00");
    expect(slotHours("AFTERNOON")).toBe("14:00-16:00");
    expect(slotLabel("MORNING", "nl")).toBe("ochtend (10:00-11:00)");
    expect(slotLabel("AFTERNOON", "en")).toBe("afternoon (14:00-16:00)");
  });
});

describe("wrong-number texts", () => {
  it("writes the contact note with the number, date and slot", () => {
    expect(wrongNumberNoteText("0612345678", "2026-11-25", "AFTERNOON")).toBe("Verkeerd nummer: 0612345678, 25 november 2026, middag (14:00-16:00)");
    expect(wrongNumberNoteText("0612345678", "2026-11-25", "MORNING", "en")).toBe("Wrong number: 0612345678, 25 November 2026, morning (10:00-11:00)");
  });

  it("tells the customer which number failed and asks for a new booking with the right one", () => {
    const mail = callbackMailText("WRONG_NUMBER", { number: "LK-2026-000001", date: "2026-11-25", slot: "MORNING", phone: "0612345678" });
    expect(mail.subject).toBe("[LK-2026-000001] Wij konden u niet bereiken op dit nummer");
    expect(mail.text).toContain("op nummer 0612345678");
    expect(mail.text).toContain("juiste telefoonnummer");
  });
});

describe("a request answered by a call", () => {
  it("states when we call and at which number, and promises no written answer", () => {
    const text = callbackAcknowledgementText({ number: "LK-2026-000009", subject: "Re-integratie", date: "2026-11-25", slot: "AFTERNOON", phone: "020 123 4567", locale: "nl" });
    expect(text).toContain("Een specialist belt u op 25 november 2026, middag (14:00-16:00), op nummer 020 123 4567.");
    expect(text).not.toMatch(/antwoord/);
    const mail = callbackMailText("BOOKED", { number: "LK-2026-000009", date: "2026-11-25", slot: "AFTERNOON", phone: "020 123 4567", selfService: false });
    expect(mail.text).toBe("Wij bellen u terug op 25 november 2026, middag (14:00-16:00) op nummer 020 123 4567.");
  });
});
