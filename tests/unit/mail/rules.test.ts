import { describe, expect, it } from "vitest";
import { afterFailedDelivery, classifyAutomatic, cleanSubject, isUrgentSubject, MAX_DELIVERY_ATTEMPTS, messageIdsIn, normaliseAddress, registrationNumberIn, retryDelayMs } from "@/lib/mail/rules";

const plain = { from: "piet@elders.example", contentType: "text/plain", autoSubmitted: null, precedence: null, xAutoreply: null, subject: "Vraag" };

describe("delivery retries", () => {
  it("doubles the wait from 30 seconds up to six hours, then gives up", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
    const now = new Date("2026-11-24T10:00:00Z");
    expect(afterFailedDelivery(1, now)).toEqual({ status: "PENDING", nextAttemptAt: new Date("2026-11-24T10:00:30Z") });
    expect(afterFailedDelivery(MAX_DELIVERY_ATTEMPTS, now).status).toBe("FAILED");
  });
});

describe("reading subjects", () => {
  it("finds the registration number and the word spoed", () => {
    expect(registrationNumberIn("Re: [lk-2026-000123] Uw vraag")).toBe("LK-2026-000123");
    expect(registrationNumberIn("LK-2026-12 te kort")).toBeNull();
    expect(isUrgentSubject("SPOED: loonbeslag")).toBe(true);
    expect(isUrgentSubject("Spoedverzoek ontslag")).toBe(true);
    expect(isUrgentSubject("Geen haast")).toBe(false);
  });

  it("keeps subjects on one bounded line", () => {
    expect(cleanSubject("Vraag\r\nBcc: x@y.example")).toBe("Vraag Bcc: x@y.example");
    expect(cleanSubject("")).toBe("(geen onderwerp)");
    expect(cleanSubject("a".repeat(500))).toHaveLength(300);
  });

  it("normalises addresses and message ids", () => {
    expect(normaliseAddress(" Anna@Burger.Example ")).toBe("anna@burger.example");
    expect(normaliseAddress("geen adres")).toBeNull();
    expect(messageIdsIn("<a@x> <b@y>\r\n <c@z>")).toEqual(["<a@x>", "<b@y>", "<c@z>"]);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
});

describe("automatic mail", () => {
  it("recognises bounces and auto-replies but not ordinary mail", () => {
    expect(classifyAutomatic(plain)).toBeNull();
    expect(classifyAutomatic({ ...plain, autoSubmitted: "no" })).toBeNull();
    expect(classifyAutomatic({ ...plain, from: "MAILER-DAEMON@mx.example" })).toBe("BOUNCE");
    expect(classifyAutomatic({ ...plain, contentType: "multipart/report; report-type=delivery-status" })).toBe("BOUNCE");
    expect(classifyAutomatic({ ...plain, autoSubmitted: "auto-replied" })).toBe("AUTO_REPLY");
    expect(classifyAutomatic({ ...plain, precedence: "bulk" })).toBe("AUTO_REPLY");
    expect(classifyAutomatic({ ...plain, subject: "Automatisch antwoord: Vraag" })).toBe("AUTO_REPLY");
    expect(classifyAutomatic({ ...plain, subject: "Afwezig tot maandag" })).toBe("AUTO_REPLY");
  });
});
