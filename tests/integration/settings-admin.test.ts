import { beforeEach, describe, expect, it } from "vitest";
import { isWorkingDate } from "@/lib/calendar/rules";
import { isOpen } from "@/lib/calendar/opening-hours";
import { db } from "@/lib/db/client";
import { createClosureDay, deleteClosureDay, updateHolidaySettings, updateOpeningHours, updateSlaPolicy, updateSlotCapacity } from "@/lib/settings/admin";
import { getCalendarSettings, getOpeningHours, getSlaPolicies } from "@/lib/settings/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const week = (opens: string, closes: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, hours: weekday > 5 ? "" : `${opens}-${closes}` }));

beforeEach(async () => {
  await seedDemo(now);
});

describe("configuration by an admin", () => {
  it("adds and removes closure days, which the calendar then honours", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect(isWorkingDate("2026-12-24", await getCalendarSettings(db))).toBe(true);
    expect(await createClosureDay.execute(admin, { date: "2026-12-24", reasonNl: "Kerstavond", reasonEn: "Christmas Eve" }, now)).toEqual({ ok: true, data: undefined });
    expect(isWorkingDate("2026-12-24", await getCalendarSettings(db))).toBe(false);
    expect(await createClosureDay.execute(admin, { date: "2026-12-24", reasonNl: "x", reasonEn: "x" }, now)).toEqual({ ok: false, reason: "CLOSURE_DAY_EXISTS" });
    // Christmas is a public holiday: closed already, so an extra closure day there closes nothing.
    expect(await createClosureDay.execute(admin, { date: "2026-12-25", reasonNl: "Kerst", reasonEn: "Christmas" }, now)).toEqual({ ok: false, reason: "DATE_IS_HOLIDAY" });
    expect(await db.closureDay.count({ where: { date: "2026-12-25" } })).toBe(0);
    expect(await deleteClosureDay.execute(admin, { date: "2026-12-24" }, now)).toEqual({ ok: true, data: undefined });
    expect(await deleteClosureDay.execute(admin, { date: "2026-12-24" }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { actorId: admin.id, action: { startsWith: "settings.closure_day" } } })).toBe(2);
  });

  it("switches Bevrijdingsdag to every year", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect(isWorkingDate("2027-05-05", await getCalendarSettings(db))).toBe(true);
    await updateHolidaySettings.execute(admin, { goodFriday: "NEVER", liberationDay: "EVERY_YEAR" }, now);
    expect(isWorkingDate("2027-05-05", await getCalendarSettings(db))).toBe(false);
  });

  it("changes a line's opening hours and refuses closing before opening", async () => {
    const admin = await sessionFor("admin@loket.example");
    const result = await updateOpeningHours.execute(admin, { line: "EMPLOYER", days: week("16:00", "09:00") }, now);
    expect(result).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { "days.0.hours": ["OPENS_BEFORE_CLOSES"] } });
    expect(await db.openingHours.count({ where: { line: "EMPLOYER" } })).toBe(5);

    await updateOpeningHours.execute(admin, { line: "EMPLOYER", days: week("08:00", "18:00") }, now);
    const hours = await getOpeningHours(db);
    // Tuesday 24 November 2026, 17:30 Amsterdam: open under the new hours.
    expect(isOpen(hours.EMPLOYER!, new Date("2026-11-24T16:30:00Z"), await getCalendarSettings(db))).toBe(true);
  });

  it("changes SLA targets and slot capacity, with whole working days only", async () => {
    const admin = await sessionFor("admin@loket.example");
    // A policy is a whole number of days or hours, whatever its unit (a half was stored cut off).
    expect(await updateSlaPolicy.execute(admin, { key: "WRITTEN_QUESTION", amount: 3.5, atRiskShare: 0.2, targetShare: 0.9 }, now)).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { amount: ["WHOLE_NUMBER"] } });
    expect(await updateSlaPolicy.execute(admin, { key: "URGENT_REQUEST", amount: 2.5, atRiskShare: 0.2, targetShare: 0.9 }, now)).toMatchObject({ ok: false, fieldErrors: { amount: ["WHOLE_NUMBER"] } });
    expect(await updateSlaPolicy.execute(admin, { key: "URGENT_REQUEST", amount: 0.01, atRiskShare: 0.2, targetShare: 0.9 }, now)).toMatchObject({ ok: false, fieldErrors: { amount: ["WHOLE_NUMBER"] } });
    expect((await getSlaPolicies(db)).URGENT_REQUEST).toMatchObject({ amount: 7 });
    // Each bad field is named with a code that carries its bounds; nothing is stored.
    expect(await updateSlaPolicy.execute(admin, { key: "WRITTEN_QUESTION", amount: 1001, atRiskShare: 0.8, targetShare: 0.3 }, now)).toEqual({
      ok: false,
      reason: "INVALID_INPUT",
      fieldErrors: { amount: ["AMOUNT_MAX"], atRiskShare: ["AT_RISK_RANGE"], targetShare: ["TARGET_RANGE"] },
    });
    expect((await getSlaPolicies(db)).WRITTEN_QUESTION).toMatchObject({ amount: 5, atRiskShare: 0.2 });
    await updateSlaPolicy.execute(admin, { key: "WRITTEN_QUESTION", amount: 4, atRiskShare: 0.25, targetShare: 0.95 }, now);
    expect((await getSlaPolicies(db)).WRITTEN_QUESTION).toMatchObject({ amount: 4, atRiskShare: 0.25 });

    const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
    expect(await updateSlotCapacity.execute(admin, { teamId: team.id, morning: -1, afternoon: 201 }, now)).toEqual({
      ok: false,
      reason: "INVALID_INPUT",
      fieldErrors: { morning: ["NOT_NEGATIVE"], afternoon: ["CAPACITY_MAX"] },
    });
    // An emptied field is not 0 (which would close every slot of that part of the day).
    expect(await updateSlotCapacity.execute(admin, { teamId: team.id, morning: "", afternoon: "3" }, now)).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { morning: ["REQUIRED"] } });
    await updateSlotCapacity.execute(admin, { teamId: team.id, morning: 2, afternoon: 3 }, now);
    expect((await db.slotCapacity.findMany({ where: { teamId: team.id }, orderBy: { slot: "asc" } })).map((s) => s.capacity)).toEqual([2, 3]);
  });

  it("refuses every change to anyone but an admin", async () => {
    const manager = await sessionFor("manager@loket.example");
    const coordinator = await sessionFor("coordinator@loket.example");
    for (const user of [manager, coordinator]) {
      expect(await createClosureDay.execute(user, { date: "2026-12-31", reasonNl: "x", reasonEn: "x" }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
      expect(await updateHolidaySettings.execute(user, { goodFriday: "EVERY_YEAR", liberationDay: "EVERY_YEAR" }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    expect(await db.closureDay.count()).toBe(0);
  });
});
