import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { addContactLineClosureDay, createContactLine, removeContactLine, removeContactLineClosureDay, updateContactLine } from "@/lib/lines/admin";
import { isLineOpenAt, listContactLines } from "@/lib/lines/queries";
import { createClosureDay, updateOpeningHours } from "@/lib/settings/admin";
import { getLineCalendar } from "@/lib/settings/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

// Tuesday 24 November 2026, 11:00 in Amsterdam (UTC+1).
const NOW = new Date("2026-11-24T10:00:00Z");
const EVENING = new Date("2026-11-24T17:30:00Z"); // 18:30 Amsterdam
const week = (hours: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, hours: weekday > 5 ? "" : hours }));
const fields = { nameNl: "Pensioenlijn", nameEn: "Pension line", phone: "088 - 123 45 70", audience: "BENEFICIARY", channels: ["PHONE", "EMAIL"], active: true };

let admin: SessionUser;
beforeAll(async () => {
  await seedDemo(NOW);
  admin = await sessionFor("admin@loket.example");
});

describe("contact lines by an admin", () => {
  it("adds a line with its hours, audited, and the beneficiaries' contact page shows it", async () => {
    expect(await createContactLine.execute(admin, { ...fields, days: week("08:00-12:00, 12:30-20:00") }, NOW)).toEqual({ ok: true, data: undefined });
    const row = await db.contactLine.findUniqueOrThrow({ where: { key: "PENSIOENLIJN" }, include: { hours: true } });
    expect(row).toMatchObject({ nameEn: "Pension line", phone: "088 - 123 45 70", audience: "BENEFICIARY", channels: ["PHONE", "EMAIL"], active: true });
    expect(row.hours).toHaveLength(10);
    expect(await db.auditEvent.count({ where: { actorId: admin.id, action: "lines.create", entityId: "PENSIOENLIJN" } })).toBe(1);

    const beneficiary = await listContactLines(db, "BENEFICIARY", EVENING, "nl");
    const pension = beneficiary.find((l) => l.key === "PENSIOENLIJN")!;
    expect(pension).toMatchObject({ name: "Pensioenlijn", phone: "088 - 123 45 70", open: true, status: "Nu open tot 20:00", channels: ["PHONE", "EMAIL"] });
    expect((await listContactLines(db, "EMPLOYER", EVENING, "nl")).map((l) => l.key)).not.toContain("PENSIOENLIJN");
  });

  it("edits a line: another portal, inactive lines leave the contact page", async () => {
    expect(await updateContactLine.execute(admin, { key: "PENSIOENLIJN", ...fields, audience: "BOTH", nameEn: "Pensions" }, NOW)).toEqual({ ok: true, data: undefined });
    expect((await listContactLines(db, "EMPLOYER", NOW, "en")).find((l) => l.key === "PENSIOENLIJN")?.name).toBe("Pensions");
    await updateContactLine.execute(admin, { key: "PENSIOENLIJN", ...fields, active: false }, NOW);
    expect((await listContactLines(db, "BENEFICIARY", NOW, "nl")).map((l) => l.key)).not.toContain("PENSIOENLIJN");
    expect(await updateContactLine.execute(admin, { key: "BESTAAT_NIET", ...fields }, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
    // Another line's name, in either language and any case, is refused on create and edit; its own stays allowed.
    const lines = await db.contactLine.count();
    expect(await createContactLine.execute(admin, { ...fields, nameNl: "WERKGEVERSLIJN", nameEn: "Another line" }, NOW)).toEqual({ ok: false, reason: "LINE_NAME_IN_USE" });
    expect(await createContactLine.execute(admin, { ...fields, nameNl: "Nog een lijn", nameEn: "PENSION LINE" }, NOW)).toEqual({ ok: false, reason: "LINE_NAME_IN_USE" });
    expect(await db.contactLine.count()).toBe(lines);
    expect(await updateContactLine.execute(admin, { key: "PENSIOENLIJN", ...fields, nameNl: "Werkgeverslijn" }, NOW)).toEqual({ ok: false, reason: "LINE_NAME_IN_USE" });
    expect(await updateContactLine.execute(admin, { key: "PENSIOENLIJN", ...fields, nameNl: "PENSIOENLIJN", nameEn: "Pensions" }, NOW)).toEqual({ ok: true, data: undefined });
    expect(await updateContactLine.execute(admin, { key: "PENSIOENLIJN", ...fields, phone: "bel ons", channels: [] }, NOW)).toEqual({
      ok: false,
      reason: "INVALID_INPUT",
      fieldErrors: { phone: ["INVALID_PHONE"], channels: ["CHANNEL_REQUIRED"] },
    });
  });

  it("sets several periods a day and refuses overlapping or reversed ones without changing anything", async () => {
    const before = await db.openingHours.findMany({ where: { line: "HR_DESK" }, orderBy: [{ weekday: "asc" }, { opens: "asc" }] });
    const overlap = await updateOpeningHours.execute(admin, { line: "HR_DESK", days: week("09:00-13:00, 12:00-17:00") }, NOW);
    expect(overlap).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { "days.0.hours": ["INTERVALS_OVERLAP"] } });
    const reversed = await updateOpeningHours.execute(admin, { line: "HR_DESK", days: week("17:00-09:00") }, NOW);
    expect(reversed).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { "days.0.hours": ["OPENS_BEFORE_CLOSES"] } });
    expect(await updateOpeningHours.execute(admin, { line: "NIEUWE_LIJN", days: week("09:00-17:00") }, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
    // An empty week would read as DESIGN's default hours for a fixed line: refused, the line can be made inactive instead.
    expect(await updateOpeningHours.execute(admin, { line: "BENEFICIARY", days: week("") }, NOW)).toEqual({ ok: false, reason: "NO_HOURS" });
    expect(await db.openingHours.findMany({ where: { line: "HR_DESK" }, orderBy: [{ weekday: "asc" }, { opens: "asc" }] })).toEqual(before);

    expect(await updateOpeningHours.execute(admin, { line: "HR_DESK", days: week("08:30-12:00, 13:00-16:30") }, NOW)).toEqual({ ok: true, data: undefined });
    const { schedule } = await getLineCalendar(db, "HR_DESK");
    expect(schedule[2]).toEqual([{ open: "08:30", close: "12:00" }, { open: "13:00", close: "16:30" }]);
  });

  it("refuses closure days in the past, impossible dates, doubles, and removing the fixed lines or a line an SLA clock counts", async () => {
    const day = (date: string) => ({ lineKey: "HR_DESK", date, reasonNl: "Training", reasonEn: "Training" });
    expect(await addContactLineClosureDay.execute(admin, day("2026-11-23"), NOW)).toEqual({ ok: false, reason: "DATE_IN_PAST" });
    expect(await addContactLineClosureDay.execute(admin, day("2026-02-30"), NOW)).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { date: ["INVALID_DATE"] } });
    expect(await addContactLineClosureDay.execute(admin, { ...day("2026-12-01"), lineKey: "GEEN_LIJN" }, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await addContactLineClosureDay.execute(admin, day("2026-11-24"), NOW)).toEqual({ ok: true, data: undefined });
    expect(await addContactLineClosureDay.execute(admin, day("2026-11-24"), NOW)).toEqual({ ok: false, reason: "LINE_CLOSURE_DAY_EXISTS" });
    expect(await removeContactLineClosureDay.execute(admin, { lineKey: "HR_DESK", date: "2026-11-24" }, NOW)).toEqual({ ok: true, data: undefined });
    expect(await removeContactLineClosureDay.execute(admin, { lineKey: "HR_DESK", date: "2026-11-24" }, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
    // A Saturday is no closure day of a weekday line (it is shut then), and nothing is written.
    const lineDays = await db.lineClosureDay.count();
    expect(await addContactLineClosureDay.execute(admin, day("2026-11-28"), NOW)).toEqual({ ok: false, reason: "LINE_CLOSED_THAT_DAY" });
    expect(await db.lineClosureDay.count()).toBe(lineDays);
    // The centre's own closure days follow the same rules; the centre works Monday to Friday.
    expect(await createClosureDay.execute(admin, { date: "2026-11-20", reasonNl: "x", reasonEn: "x" }, NOW)).toEqual({ ok: false, reason: "DATE_IN_PAST" });
    const centreDays = await db.closureDay.count();
    expect(await createClosureDay.execute(admin, { date: "2026-11-29", reasonNl: "Zondag", reasonEn: "Sunday" }, NOW)).toEqual({ ok: false, reason: "DATE_ON_WEEKEND" });
    expect(await db.closureDay.count()).toBe(centreDays);
    expect(await createClosureDay.execute(admin, { date: "2026-02-29", reasonNl: "x", reasonEn: "x" }, NOW)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });

    expect(await removeContactLine.execute(admin, { key: "BENEFICIARY" }, NOW)).toEqual({ ok: false, reason: "LINE_PERMANENT" });
    expect(await removeContactLine.execute(admin, { key: "EMPLOYER" }, NOW)).toEqual({ ok: false, reason: "LINE_PERMANENT" });
    await db.slaPolicy.create({ data: { key: "HR_CALLBACK", nameNl: "HR", nameEn: "HR", unit: "OPENING_HOURS", amount: 4, lineKey: "HR_DESK" } });
    expect(await removeContactLine.execute(admin, { key: "HR_DESK" }, NOW)).toEqual({ ok: false, reason: "LINE_IN_USE" });
    expect(await db.contactLine.count({ where: { key: { in: ["BENEFICIARY", "EMPLOYER", "HR_DESK"] } } })).toBe(3);

    expect(await removeContactLine.execute(admin, { key: "PENSIOENLIJN" }, NOW)).toEqual({ ok: true, data: undefined });
    expect(await db.openingHours.count({ where: { line: "PENSIOENLIJN" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "lines.remove", entityId: "PENSIOENLIJN" } })).toBe(1);
  });

  it("refuses every line change to staff without settings.manage", async () => {
    const manager = await sessionFor("manager@loket.example");
    expect(await createContactLine.execute(manager, fields, NOW)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await addContactLineClosureDay.execute(manager, { lineKey: "HR_DESK", date: "2026-12-01", reasonNl: "x", reasonEn: "x" }, NOW)).toEqual({ ok: false, reason: "FORBIDDEN" });
  });
});

describe("contact pages and open now", () => {
  it("lists each portal's lines with number, hours, status and coming closed days", async () => {
    const beneficiary = await listContactLines(db, "BENEFICIARY", EVENING, "nl");
    expect(beneficiary.map((l) => [l.key, l.phone, l.open, l.status])).toEqual([
      ["BENEFICIARY", "088 - 123 45 67", false, "Opent morgen om 09:00"],
      ["AVONDLIJN", "088 - 123 45 90", true, "Nu open tot 22:00"],
    ]);
    const employer = await listContactLines(db, "EMPLOYER", NOW, "nl");
    expect(employer.map((l) => l.key)).toEqual(["EMPLOYER", "HR_DESK"]);
    const hrDesk = employer.find((l) => l.key === "HR_DESK")!;
    // The seed's training day (three working days on), then Christmas: own and national closed days together.
    expect(hrDesk.closedDays.slice(0, 2).map((d) => [d.date, d.reasonNl])).toEqual([
      ["2026-11-27", "Teamtraining HR-desk"],
      ["2026-12-25", "Eerste Kerstdag"],
    ]);
    expect(employer.find((l) => l.key === "EMPLOYER")!.closedDays[0]!.date).toBe("2026-12-25");
  });

  it("a line's own closure day closes that line only", async () => {
    expect(await isLineOpenAt(db, "AVONDLIJN", EVENING)).toBe(true);
    await addContactLineClosureDay.execute(admin, { lineKey: "AVONDLIJN", date: "2026-11-24", reasonNl: "Storing telefooncentrale", reasonEn: "Phone system failure" }, NOW);
    expect(await isLineOpenAt(db, "AVONDLIJN", EVENING)).toBe(false);
    expect(await isLineOpenAt(db, "BENEFICIARY", NOW)).toBe(true);
    const evening = (await listContactLines(db, "BENEFICIARY", EVENING, "nl")).find((l) => l.key === "AVONDLIJN")!;
    expect(evening).toMatchObject({ open: false, status: "Opent morgen om 08:00" });
    expect(evening.closedDays[0]).toEqual({ date: "2026-11-24", reasonNl: "Storing telefooncentrale", reasonEn: "Phone system failure" });
  });
});
