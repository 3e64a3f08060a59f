import { describe, expect, it } from "vitest";
import { mayChangeAppointment } from "@/lib/callbacks/rules";
import { callbackMailText } from "@/lib/callbacks/texts";

describe("mayChangeAppointment", () => {
  it("allows changes until 30 minutes before the slot starts (Amsterdam time)", () => {
    // 25 November 2026: the morning slot starts at 10:00 Amsterdam = 09:00 UTC.
    expect(mayChangeAppointment("2026-11-25", "MORNING", new Date("2026-11-25T08:29:00Z"))).toBe(true);
    expect(mayChangeAppointment("2026-11-25", "MORNING", new Date("2026-11-25T08:30:00Z"))).toBe(false);
    // Summer time: 14:00 Amsterdam = 12:00 UTC.
    expect(mayChangeAppointment("2026-07-01", "AFTERNOON", new Date("2026-07-01T11:29:00Z"))).toBe(true);
    expect(mayChangeAppointment("2026-07-01", "AFTERNOON", new Date("2026-07-01T11:31:00Z"))).toBe(false);
  });
});

describe("callbackMailText", () => {
  it("writes the registration number, date and slot in the person's language", () => {
    const nl = callbackMailText("BOOKED", { number: "LK-2026-000001", date: "2026-11-25", slot: "MORNING", locale: "nl" });
    expect(nl.subject).toBe("[LK-2026-000001] Terugbelafspraak bevestigd");
    expect(nl.text).toContain("25 november 2026, ochtend (10:00-11:00)");
    const en = callbackMailText("UNREACHABLE", { number: "LK-2026-000001", date: "2026-11-25", slot: "AFTERNOON", locale: "en" });
    expect(en.subject).toBe("[LK-2026-000001] We could not reach you");
    expect(en.text).toContain("25 November 2026, afternoon (14:00-16:00)");
    expect(en.text).toContain("book a new appointment");
  });
});
