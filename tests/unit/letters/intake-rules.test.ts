import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/rules";
import { checkReceiptDate, letterDueDate } from "@/lib/letters/intake-rules";

// 2026-12-04 21:30 Amsterdam (a Friday evening): "today" is the 4th, even though UTC says 20:30.
const now = new Date("2026-12-04T20:30:00Z");

describe("checkReceiptDate", () => {
  it("accepts today and starts the clock at Amsterdam midnight of the receipt day", () => {
    const r = checkReceiptDate("2026-12-04", now);
    expect(r).toEqual({ ok: true, receivedOn: "2026-12-04", clockStartsAt: new Date("2026-12-03T23:00:00Z") });
  });

  it("refuses tomorrow as in the future, judged by the Amsterdam date", () => {
    expect(checkReceiptDate("2026-12-05", now)).toEqual({ ok: false, code: "RECEIPT_DATE_IN_FUTURE" });
    // 23:30 UTC on the 4th is already the 5th in Amsterdam.
    expect(checkReceiptDate("2026-12-05", new Date("2026-12-04T23:30:00Z")).ok).toBe(true);
  });

  it("accepts exactly 30 days back and refuses 31", () => {
    expect(checkReceiptDate("2026-11-04", now).ok).toBe(true);
    expect(checkReceiptDate("2026-11-03", now)).toEqual({ ok: false, code: "RECEIPT_DATE_TOO_OLD" });
  });

  it("refuses a malformed or impossible date", () => {
    expect(checkReceiptDate("04-12-2026", now)).toEqual({ ok: false, code: "RECEIPT_DATE_INVALID" });
    expect(checkReceiptDate("2026-02-30", now)).toEqual({ ok: false, code: "RECEIPT_DATE_INVALID" });
  });

  it("starts the clock at local midnight across the summer-time change", () => {
    const r = checkReceiptDate("2026-07-01", new Date("2026-07-10T10:00:00Z"));
    expect(r.ok && r.clockStartsAt.toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });
});

describe("letterDueDate", () => {
  it("counts working days from a Friday receipt over the weekend", () => {
    // Friday 2026-11-27 + 5 working days = Friday 2026-12-04.
    expect(letterDueDate("2026-11-27", 5, DEFAULT_CALENDAR_SETTINGS)).toBe("2026-12-04");
  });

  it("skips a Dutch holiday after a Friday receipt (Easter Monday 2026-04-06)", () => {
    // Friday 2026-04-03 + 1 working day: Monday is Easter Monday, so Tuesday the 7th.
    expect(letterDueDate("2026-04-03", 1, DEFAULT_CALENDAR_SETTINGS)).toBe("2026-04-07");
  });
});
