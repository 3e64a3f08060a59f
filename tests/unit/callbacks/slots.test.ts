import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import {
  DEFAULT_SLOT_SETTINGS,
  type SlotKind,
  type SlotSettings,
  availableSlots,
  checkBooking,
  slotKey,
  slotWindow,
} from "@/lib/callbacks/rules";

const SETTINGS: SlotSettings = { ...DEFAULT_SLOT_SETTINGS, capacity: 2 };
const NONE = new Map<string, number>();

function ams(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`bad test time ${local}`);
  const [, y, mo, d, h = "0", mi = "0"] = m;
  return new Date(new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), "Europe/Amsterdam").getTime());
}

function check(date: string, kind: SlotKind, now: string, used = NONE, settings = SETTINGS) {
  return checkBooking(date, kind, ams(now), used, settings);
}

describe("slot windows", () => {
  it("builds keys and Amsterdam windows", () => {
    expect(slotKey("2026-06-08", "MORNING")).toBe("2026-06-08:MORNING");
    expect(slotWindow("2026-06-08", "MORNING")).toEqual({ startsAt: ams("2026-06-08 10:00"), endsAt: ams("2026-06-08 11:00") });
    expect(slotWindow("2026-06-08", "AFTERNOON")).toEqual({ startsAt: ams("2026-06-08 14:00"), endsAt: ams("2026-06-08 16:00") });
  });

  it("uses the right offset on the Mondays after both DST changes", () => {
    expect(slotWindow("2026-03-30", "MORNING").startsAt).toEqual(new Date("2026-03-30T08:00:00Z"));
    expect(slotWindow("2026-10-26", "MORNING").startsAt).toEqual(new Date("2026-10-26T09:00:00Z"));
    expect(slotWindow("2026-10-26", "AFTERNOON").endsAt).toEqual(new Date("2026-10-26T15:00:00Z"));
  });

  it("refuses malformed dates and kinds", () => {
    expect(() => slotKey("2026-02-30", "MORNING")).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
    expect(() => slotWindow("2026-06-08", "EVENING" as SlotKind)).toThrow(expect.objectContaining({ code: "INVALID_SLOT" }));
  });
});

describe("checkBooking", () => {
  it.each([
    ["09:29", { ok: true }],
    ["09:30", { ok: false, reason: "BOOKING_CLOSED" }],
    ["09:31", { ok: false, reason: "BOOKING_CLOSED" }],
    ["10:00", { ok: false, reason: "SLOT_IN_PAST" }],
    ["10:30", { ok: false, reason: "SLOT_IN_PAST" }],
  ])("morning slot today at %s", (time, expected) => {
    expect(check("2026-06-08", "MORNING", `2026-06-08 ${time}`)).toEqual(expected);
  });

  it.each([
    ["13:29", { ok: true }],
    ["13:30", { ok: false, reason: "BOOKING_CLOSED" }],
    ["14:00", { ok: false, reason: "SLOT_IN_PAST" }],
  ])("afternoon slot today at %s", (time, expected) => {
    expect(check("2026-06-08", "AFTERNOON", `2026-06-08 ${time}`)).toEqual(expected);
  });

  it("honours another cut-off", () => {
    expect(check("2026-06-08", "MORNING", "2026-06-08 09:30", NONE, { ...SETTINGS, cutoffMinutes: 15 })).toEqual({ ok: true });
    expect(check("2026-06-08", "MORNING", "2026-06-08 09:45", NONE, { ...SETTINGS, cutoffMinutes: 15 })).toEqual({
      ok: false,
      reason: "BOOKING_CLOSED",
    });
  });

  it("refuses a full slot and accepts one with a place left", () => {
    const used = new Map([["2026-06-09:MORNING", 2], ["2026-06-09:AFTERNOON", 1]]);
    expect(check("2026-06-09", "MORNING", "2026-06-08 12:00", used)).toEqual({ ok: false, reason: "SLOT_FULL" });
    expect(check("2026-06-09", "AFTERNOON", "2026-06-08 12:00", used)).toEqual({ ok: true });
    expect(check("2026-06-09", "AFTERNOON", "2026-06-08 12:00", used, { ...SETTINGS, capacity: 0 })).toEqual({
      ok: false,
      reason: "SLOT_FULL",
    });
  });

  it("closes the horizon after the 10th working day from today", () => {
    // Monday 8 June: today plus 10 working days runs to Monday 22 June.
    expect(check("2026-06-22", "AFTERNOON", "2026-06-08 12:00")).toEqual({ ok: true });
    expect(check("2026-06-23", "MORNING", "2026-06-08 12:00")).toEqual({ ok: false, reason: "BEYOND_HORIZON" });
    // Friday 24 April 2026: Koningsdag is skipped, so the horizon ends on Monday 11 May.
    expect(check("2026-05-11", "MORNING", "2026-04-24 12:00")).toEqual({ ok: true });
    expect(check("2026-05-12", "MORNING", "2026-04-24 12:00")).toEqual({ ok: false, reason: "BEYOND_HORIZON" });
  });

  it("refuses weekends, holidays and closure days", () => {
    expect(check("2026-06-13", "MORNING", "2026-06-08 12:00")).toEqual({ ok: false, reason: "NOT_A_WORKING_DAY" });
    expect(check("2026-04-27", "MORNING", "2026-04-24 12:00")).toEqual({ ok: false, reason: "NOT_A_WORKING_DAY" });
    const closed = { ...SETTINGS, calendar: { ...DEFAULT_CALENDAR_SETTINGS, closureDays: ["2026-06-10"] } };
    expect(check("2026-06-10", "MORNING", "2026-06-08 12:00", NONE, closed)).toEqual({ ok: false, reason: "NOT_A_WORKING_DAY" });
    const goodFriday = { ...SETTINGS, calendar: { ...DEFAULT_CALENDAR_SETTINGS, goodFriday: "EVERY_YEAR" as const } };
    expect(check("2026-04-03", "MORNING", "2026-04-01 12:00")).toEqual({ ok: true });
    expect(check("2026-04-03", "MORNING", "2026-04-01 12:00", NONE, goodFriday)).toEqual({ ok: false, reason: "NOT_A_WORKING_DAY" });
  });

  it("refuses past days and malformed slots as expected outcomes", () => {
    expect(check("2026-06-05", "AFTERNOON", "2026-06-08 08:00")).toEqual({ ok: false, reason: "SLOT_IN_PAST" });
    expect(check("2026-02-30", "MORNING", "2026-02-02 08:00")).toEqual({ ok: false, reason: "INVALID_SLOT" });
    expect(check("2026-06-09", "EVENING" as SlotKind, "2026-06-08 08:00")).toEqual({ ok: false, reason: "INVALID_SLOT" });
    expect(check("2150-06-09", "MORNING", "2026-06-08 08:00")).toEqual({ ok: false, reason: "INVALID_SLOT" });
  });

  it("books the Monday after the spring DST change from the Sunday", () => {
    expect(check("2026-03-30", "MORNING", "2026-03-29 23:00")).toEqual({ ok: true });
  });

  it("throws on broken settings or counts rather than guessing", () => {
    const now = "2026-06-08 08:00";
    expect(() => check("2026-06-09", "MORNING", now, NONE, { ...SETTINGS, capacity: -1 })).toThrow(
      expect.objectContaining({ code: "INVALID_CAPACITY" }),
    );
    expect(() => check("2026-06-09", "MORNING", now, NONE, { ...SETTINGS, capacity: 1.5 })).toThrow(
      expect.objectContaining({ code: "INVALID_CAPACITY" }),
    );
    expect(() => check("2026-06-09", "MORNING", now, new Map([["2026-06-09:MORNING", -1]]))).toThrow(
      expect.objectContaining({ code: "INVALID_CAPACITY" }),
    );
    expect(() => check("2026-06-09", "MORNING", now, NONE, { ...SETTINGS, horizonWorkingDays: 2.5 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => checkBooking("2026-06-09", "MORNING", new Date(Number.NaN), NONE, SETTINGS)).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
  });
});

describe("availableSlots", () => {
  it("lists both slots of today and the next 10 working days", () => {
    const slots = availableSlots(ams("2026-06-08 08:00"), ams("2026-06-08 08:00"), NONE, SETTINGS);
    expect(slots).toHaveLength(22);
    expect(slots.every((s) => s.bookable && s.remaining === 2)).toBe(true);
    expect(slots[0]).toEqual({
      date: "2026-06-08",
      kind: "MORNING",
      key: "2026-06-08:MORNING",
      startsAt: ams("2026-06-08 10:00"),
      endsAt: ams("2026-06-08 11:00"),
      remaining: 2,
      bookable: true,
    });
    expect(slots.at(-1)?.key).toBe("2026-06-22:AFTERNOON");
  });

  it("marks closed, past and full slots as not bookable with the reason", () => {
    const used = new Map([["2026-06-09:MORNING", 2], ["2026-06-09:AFTERNOON", 5]]);
    const slots = availableSlots(ams("2026-06-08 09:45"), ams("2026-06-08 09:45"), used, SETTINGS);
    const byKey = new Map(slots.map((s) => [s.key, s]));
    expect(byKey.get("2026-06-08:MORNING")).toMatchObject({ bookable: false, reason: "BOOKING_CLOSED" });
    expect(byKey.get("2026-06-08:AFTERNOON")).toMatchObject({ bookable: true });
    expect(byKey.get("2026-06-09:MORNING")).toMatchObject({ bookable: false, reason: "SLOT_FULL", remaining: 0 });
    expect(byKey.get("2026-06-09:AFTERNOON")).toMatchObject({ bookable: false, reason: "SLOT_FULL", remaining: 0 });
  });

  it("starts at `from` but never before today, and skips non-working days", () => {
    const slots = availableSlots(ams("2026-04-24 00:00"), ams("2026-04-24 18:00"), NONE, SETTINGS);
    expect(slots[0]).toMatchObject({ key: "2026-04-24:MORNING", reason: "SLOT_IN_PAST" });
    expect(slots.some((s) => s.date === "2026-04-27")).toBe(false);
    expect(slots.find((s) => s.bookable)?.key).toBe("2026-04-28:MORNING");
    const later = availableSlots(ams("2026-05-08 00:00"), ams("2026-04-24 18:00"), NONE, SETTINGS);
    expect(later.map((s) => s.date)).toEqual(["2026-05-08", "2026-05-08", "2026-05-11", "2026-05-11"]);
  });

  it("offers the Monday after a DST change with the right instants", () => {
    const slots = availableSlots(ams("2026-10-25 12:00"), ams("2026-10-25 12:00"), NONE, SETTINGS);
    expect(slots[0]).toMatchObject({ key: "2026-10-26:MORNING", startsAt: new Date("2026-10-26T09:00:00Z"), bookable: true });
  });

  it("never offers a full, past or closed slot, and agrees with checkBooking", () => {
    const nowArb = fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2027, 0, 1) / 60_000 }).map((m) => new Date(m * 60_000));
    fc.assert(
      fc.property(nowArb, fc.integer({ min: 0, max: 3 }), fc.array(fc.tuple(fc.nat(30), fc.boolean(), fc.nat(4))), (now, capacity, usage) => {
        const settings = { ...SETTINGS, capacity };
        const all = availableSlots(now, now, NONE, settings);
        const used = new Map<string, number>();
        for (const [index, morning, count] of usage) {
          const slot = all[index % Math.max(1, all.length)];
          if (slot) used.set(`${slot.date}:${morning ? "MORNING" : "AFTERNOON"}`, count);
        }
        for (const offer of availableSlots(now, now, used, settings)) {
          const check = checkBooking(offer.date, offer.kind, now, used, settings);
          expect(check.ok).toBe(offer.bookable);
          if (offer.bookable) {
            expect(offer.startsAt.getTime() - 30 * 60_000).toBeGreaterThan(now.getTime());
            expect(used.get(offer.key) ?? 0).toBeLessThan(capacity);
            expect(offer.remaining).toBeGreaterThan(0);
          } else {
            expect(check).toEqual({ ok: false, reason: offer.reason });
          }
        }
      }),
    );
  });
});
