import { describe, expect, it } from "vitest";
import { checkCall, orderContactNotes } from "@/lib/phone/rules";
import { logCallSchema } from "@/lib/phone/schema";

describe("checkCall", () => {
  it("refuses an unknown caller's dossier question and callback", () => {
    expect(checkCall({ knownCaller: false, dossierSensitive: true, outcome: "OPEN" })).toBe("UNKNOWN_CALLER_DOSSIER");
    expect(checkCall({ knownCaller: false, dossierSensitive: false, outcome: "CALLBACK" })).toBe("CALLBACK_NEEDS_CALLER");
  });

  it("allows an unknown caller's general question and a known caller's dossier question", () => {
    expect(checkCall({ knownCaller: false, dossierSensitive: false, outcome: "RESOLVED" })).toBeNull();
    expect(checkCall({ knownCaller: true, dossierSensitive: true, outcome: "CALLBACK" })).toBeNull();
  });
});

describe("orderContactNotes", () => {
  it("puts 'not reached' notes first, newest first within each kind", () => {
    const at = (d: string) => new Date(`2026-11-${d}T10:00:00Z`);
    const notes = [
      { id: "g1", kind: "GENERAL" as const, createdAt: at("20") },
      { id: "u1", kind: "UNREACHABLE" as const, createdAt: at("10") },
      { id: "g2", kind: "GENERAL" as const, createdAt: at("22") },
      { id: "u2", kind: "UNREACHABLE" as const, createdAt: at("12") },
    ];
    expect(orderContactNotes(notes).map((n) => n.id)).toEqual(["u2", "u1", "g2", "g1"]);
  });
});

describe("logCallSchema", () => {
  const base = { categoryKey: "GENERAL_QUESTION", teamId: "t", summary: "Vraag over iets", outcome: "RESOLVED" };
  it("needs a subject for a new ticket, and a date, slot and phone for a callback", () => {
    expect(logCallSchema.safeParse(base).success).toBe(false);
    expect(logCallSchema.safeParse({ ...base, subject: "Adres" }).success).toBe(true);
    expect(logCallSchema.safeParse({ ...base, ticketId: "x" }).success).toBe(true);
    const callback = logCallSchema.safeParse({ ...base, subject: "Adres", outcome: "CALLBACK" });
    expect(callback.success).toBe(false);
    expect(callback.error?.issues.map((i) => i.path.join("."))).toEqual(["callbackDate", "callbackSlot", "phone"]);
  });

  it("refuses a phone number with letters", () => {
    expect(logCallSchema.safeParse({ ...base, subject: "Adres", phone: "06-abc" }).success).toBe(false);
  });
});
