import { describe, expect, it } from "vitest";
import { formatTicketNumber, mayViewDossier, parseTicketNumber } from "@/lib/tickets/rules";

describe("registration numbers", () => {
  it("are LK-year-six digits and parse back, case and space tolerant", () => {
    expect(formatTicketNumber(2026, 123)).toBe("LK-2026-000123");
    expect(formatTicketNumber(2026, 1_234_567)).toBe("LK-2026-1234567");
    expect(parseTicketNumber(" lk-2026-000123 ")).toEqual({ year: 2026, sequence: 123 });
    expect(parseTicketNumber("LK-26-1")).toBeNull();
    expect(parseTicketNumber("2026-000123")).toBeNull();
  });
});

describe("dossier access", () => {
  it("keeps dossier content from first-line agents only", () => {
    expect(mayViewDossier("CALLCENTER_AGENT")).toBe(false);
    expect(mayViewDossier("CASE_HANDLER")).toBe(true);
    expect(mayViewDossier("TEAM_COORDINATOR")).toBe(true);
  });
});
