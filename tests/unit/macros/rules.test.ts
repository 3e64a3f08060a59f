import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillPlaceholders, formatCallbackMoment, formatDueDate, unfilledMarkers, unknownPlaceholders } from "@/lib/macros/rules";

describe("unknownPlaceholders", () => {
  it("accepts the Dutch and English names, in any case and with spaces inside the braces", () => {
    expect(unknownPlaceholders("Beste {naam}, {registratienummer} {uiterlijk} {terugbelmoment}")).toEqual([]);
    expect(unknownPlaceholders("Dear {name}, {number} {due} {callback} { Naam }")).toEqual([]);
  });

  it("lists each unknown placeholder once, as written", () => {
    expect(unknownPlaceholders("Beste {nam}, uw {dossier} en nogmaals {nam}; {}")).toEqual(["{nam}", "{dossier}", "{}"]);
  });

  it("ignores text without braces and a lone brace", () => {
    expect(unknownPlaceholders("Geen sjabloon { hier")).toEqual([]);
  });
});

describe("fillPlaceholders", () => {
  const values = { name: "Anna Jansen", number: "LK-2026-000123", due: "1 december 2026", callback: null };

  it("fills every known placeholder from the ticket", () => {
    expect(fillPlaceholders("Beste {naam}, uw vraag {registratienummer} beantwoorden wij uiterlijk {uiterlijk}. Dear {name} ({number}, {due})", values).text).toBe(
      "Beste Anna Jansen, uw vraag LK-2026-000123 beantwoorden wij uiterlijk 1 december 2026. Dear Anna Jansen (LK-2026-000123, 1 december 2026)",
    );
  });

  it("leaves a placeholder without a value visible as a marker in the name the macro used", () => {
    const filled = fillPlaceholders("Wij bellen u {terugbelmoment}. We call {callback}.", values);
    expect(filled.text).toBe("Wij bellen u [terugbelmoment]. We call [callback].");
    expect(filled.unfilled).toEqual(["[terugbelmoment]", "[callback]"]);
  });

  it("treats an empty or blank value as missing, never as blank text", () => {
    expect(fillPlaceholders("Beste {naam},", { name: "  " }).text).toBe("Beste [naam],");
  });

  it("never leaves a known placeholder in braces, and marks exactly the missing ones", () => {
    const names = ["naam", "registratienummer", "uiterlijk", "terugbelmoment", "name", "number", "due", "callback", "onbekend"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { maxLength: 12 }), fc.boolean(), (picked, withCallback) => {
        const body = picked.map((n) => `{${n}}`).join(" ");
        const { text } = fillPlaceholders(body, { ...values, callback: withCallback ? "morgen" : null });
        expect(/\{(naam|registratienummer|uiterlijk|terugbelmoment|name|number|due|callback)\}/.test(text)).toBe(false);
        const expectMarkers = !withCallback && picked.some((n) => n === "terugbelmoment" || n === "callback");
        expect(unfilledMarkers(text).length > 0).toBe(expectMarkers);
      }),
    );
  });
});

describe("unfilledMarkers", () => {
  it("finds markers of known placeholders only", () => {
    expect(unfilledMarkers("Wij bellen u [terugbelmoment], [Naam] en [bijlage 1].")).toEqual(["[terugbelmoment]", "[naam]"]);
    expect(unfilledMarkers("Niets te vullen.")).toEqual([]);
  });
});

describe("dates in macros (Amsterdam, whatever the server's zone)", () => {
  it("writes the due date as a Dutch reader expects, on the Amsterdam calendar day", () => {
    // 23:30 UTC on 30 November is already 1 December in Amsterdam.
    expect(formatDueDate(new Date("2026-11-30T23:30:00Z"), "nl")).toBe("1 december 2026");
    expect(formatDueDate(new Date("2026-11-30T23:30:00Z"), "en")).toBe("1 December 2026");
  });

  it("writes the callback moment with the day and the slot's hours", () => {
    const window = { startsAt: new Date("2026-11-25T09:00:00Z"), endsAt: new Date("2026-11-25T10:00:00Z") };
    expect(formatCallbackMoment(window, "nl")).toBe("woensdag 25 november 2026 tussen 10:00 en 11:00 uur");
    expect(formatCallbackMoment(window, "en")).toBe("Wednesday 25 November 2026 between 10:00 and 11:00");
  });
});
