import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import { DEFAULT_OPENING_HOURS } from "@/lib/calendar/opening-hours";
import { announcementMatches, deadlinePhrase, isUrgentSubject, parseUrgentWords, preAnnouncementExpiry, verificationOpen } from "@/lib/urgent/rules";

function ams(y: number, m: number, d: number, h: number, mi = 0): Date {
  return new Date(new TZDate(y, m - 1, d, h, mi, 0, "Europe/Amsterdam").getTime());
}

describe("recognising an urgent mail subject (default word list)", () => {
  it.each([
    ["SPOED: loonbeslag", true],
    ["SPOED!", true],
    ["spoed", true],
    ["Spoedverzoek ontslag medewerker 1187", true],
    ["Urgent: salarisstrook", true],
    ["Dringend - loonbeslag", true],
    ["DRÍNGEND verzoek", true],
    ["Re: [spoed] uitbetaling", true],
    ["Spoed-aanvraag en geen haast met de rest", true],
    ["Graag spoedig antwoord", false],
    ["Spoedige afhandeling gewenst", false],
    ["Geen spoed, wel graag antwoord", false],
    ["niet dringend", false],
    ["Niet urgent: vraag over jaaropgave", false],
    ["urgentie van de zaak", false],
    ["Geen haast", false],
    ["", false],
  ])("%j -> %s", (subject, urgent) => {
    expect(isUrgentSubject(subject)).toBe(urgent);
  });

  it("uses a configured list, phrases included", () => {
    expect(isUrgentSubject("Met voorrang: ontslag", ["met voorrang"])).toBe(true);
    expect(isUrgentSubject("SPOED", ["met voorrang"])).toBe(false);
    expect(isUrgentSubject("voorrang", ["met voorrang"])).toBe(false);
  });
});

describe("the admin's word list", () => {
  it("cleans and de-duplicates it", () => {
    expect(parseUrgentWords("Spoed\nurgent, SPOED ;  met   voorrang")).toEqual({ ok: true, words: ["spoed", "urgent", "met voorrang"] });
  });
  it("refuses empty lists, odd entries and negations with a reason", () => {
    expect(parseUrgentWords(" \n ,")).toEqual({ ok: false, reason: "REQUIRED" });
    expect(parseUrgentWords("spoed\n!!")).toEqual({ ok: false, reason: "INVALID_WORD", word: "!!" });
    expect(parseUrgentWords("sp")).toEqual({ ok: false, reason: "INVALID_WORD", word: "sp" });
    expect(parseUrgentWords("niet dringend")).toEqual({ ok: false, reason: "NEGATION_WORD", word: "niet dringend" });
    expect(parseUrgentWords(Array.from({ length: 31 }, (_, i) => `woord${i}`).join("\n"))).toEqual({ ok: false, reason: "TOO_MANY" });
  });
});

describe("pre-announcement expiry: end of the next working day of the employer line", () => {
  const line = { schedule: DEFAULT_OPENING_HOURS.EMPLOYER, settings: DEFAULT_CALENDAR_SETTINGS };
  it("a Tuesday call expires Wednesday 16:00; a Friday call Monday 16:00", () => {
    expect(preAnnouncementExpiry(ams(2026, 12, 8, 10), line)).toEqual(ams(2026, 12, 9, 16));
    expect(preAnnouncementExpiry(ams(2026, 12, 4, 15, 30), line)).toEqual(ams(2026, 12, 7, 16));
  });
  it("skips holidays and the line's closure days", () => {
    expect(preAnnouncementExpiry(ams(2026, 12, 24, 11), line)).toEqual(ams(2026, 12, 28, 16));
    const closed = { ...line, settings: { ...DEFAULT_CALENDAR_SETTINGS, closureDays: ["2026-12-09"] } };
    expect(preAnnouncementExpiry(ams(2026, 12, 8, 10), closed)).toEqual(ams(2026, 12, 10, 16));
    expect(preAnnouncementExpiry(ams(2026, 12, 8, 10), line, 2)).toEqual(ams(2026, 12, 10, 16));
  });
  it("matches only a mail received after the call and before the expiry", () => {
    const a = { createdAt: ams(2026, 12, 8, 10), expiresAt: ams(2026, 12, 9, 16) };
    expect(announcementMatches(a, ams(2026, 12, 8, 9))).toBe(false);
    expect(announcementMatches(a, ams(2026, 12, 9, 15, 59))).toBe(true);
    expect(announcementMatches(a, ams(2026, 12, 9, 16))).toBe(false);
    expect(announcementMatches({ ...a, expiresAt: null }, ams(2027, 1, 1, 12))).toBe(true);
  });
});

describe("the confirming call and the deadline text", () => {
  it("stays open until confirmed or found not urgent", () => {
    expect(verificationOpen("PENDING")).toBe(true);
    expect(verificationOpen("NOT_REACHED")).toBe(true);
    expect(verificationOpen("CONFIRMED")).toBe(false);
    expect(verificationOpen("NOT_URGENT")).toBe(false);
    expect(verificationOpen(null)).toBe(false);
  });
  it("states the deadline in Dutch time", () => {
    expect(deadlinePhrase(ams(2026, 12, 7, 15), "nl")).toBe("uiterlijk maandag 7 december 15:00");
    expect(deadlinePhrase(ams(2026, 12, 7, 15), "en")).toBe("by Monday 7 December 15:00");
  });
});
