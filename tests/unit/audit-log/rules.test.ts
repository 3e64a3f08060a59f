import { describe, expect, it } from "vitest";
import { amsterdamTimestamp, decodeCursor, encodeCursor, normaliseTicketNumber, parseAuditFilter, periodBounds, summariseData } from "@/lib/audit-log/rules";

describe("audit filter", () => {
  it("periods are whole Amsterdam days, in winter and summer time", () => {
    expect(periodBounds({ from: "2026-11-24", to: "2026-11-24" })).toEqual({ gte: new Date("2026-11-23T23:00:00Z"), lt: new Date("2026-11-24T23:00:00Z") });
    expect(periodBounds({ from: "2026-07-01" })).toEqual({ gte: new Date("2026-06-30T22:00:00Z") });
    // The day the clocks go back is 25 hours long.
    expect(periodBounds({ from: "2026-10-25", to: "2026-10-25" })).toEqual({ gte: new Date("2026-10-24T22:00:00Z"), lt: new Date("2026-10-25T23:00:00Z") });
  });

  it("refuses a start after the end and a date that does not exist, each with its code", () => {
    expect(parseAuditFilter({ from: "2026-11-25", to: "2026-11-24" })).toMatchObject({ ok: false, reason: "FROM_AFTER_TO" });
    expect(parseAuditFilter({ from: "2026-02-29" })).toMatchObject({ ok: false, reason: "INVALID_DATE" });
    expect(parseAuditFilter({ to: "gisteren" })).toMatchObject({ ok: false, reason: "INVALID_DATE" });
    expect(parseAuditFilter({ person: "x".repeat(201) })).toMatchObject({ ok: false, reason: "INVALID_FILTER" });
    expect(parseAuditFilter({ from: "2028-02-29", to: "2028-02-29", person: "  ", action: ["ticket.reply", "x"] })).toEqual({ ok: true, filter: { from: "2028-02-29", to: "2028-02-29", person: undefined, action: "ticket.reply", ticket: undefined, organisation: undefined } });
  });

  it("ticket numbers as people type them", () => {
    expect(normaliseTicketNumber("lk-2026-123")).toBe("LK-2026-000123");
    expect(normaliseTicketNumber(" LK-2026-000123 ")).toBe("LK-2026-000123");
    expect(normaliseTicketNumber("LK-2026-1234567")).toBe("LK-2026-1234567");
    expect(normaliseTicketNumber("abc")).toBe("ABC");
  });
});

describe("cursor and display", () => {
  it("a cursor round-trips; anything else is no cursor", () => {
    const cursor = { at: new Date("2026-11-24T10:00:00.123Z"), id: "cmabc123" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("2026-11-24T10:00:00.123Z_")).toBeNull();
    expect(decodeCursor("2026-11-24_x")).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  it("summarises data as key=value, shortened", () => {
    expect(summariseData({ from: "OPEN", to: "CLOSED", rights: ["A", "B"] })).toBe('from=OPEN, to=CLOSED, rights=["A","B"]');
    expect(summariseData({ long: "x".repeat(300) }, 20)).toHaveLength(20);
    expect(summariseData({})).toBe("");
  });

  it("Amsterdam wall-clock time for the CSV", () => {
    expect(amsterdamTimestamp(new Date("2026-11-24T10:00:05Z"))).toBe("2026-11-24 11:00:05");
    expect(amsterdamTimestamp(new Date("2026-07-01T22:30:00Z"))).toBe("2026-07-02 00:30:00");
  });
});
