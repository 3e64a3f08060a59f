import { TZDate } from "@date-fns/tz";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { logPhonePreAnnouncement } from "@/lib/phone/commands";
import { updatePreAnnouncementExpiry } from "@/lib/urgent/commands";
import { EXPIRY_SETTING } from "@/lib/urgent/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const ams = (y: number, m: number, d: number, h: number, mi = 0) => new Date(new TZDate(y, m - 1, d, h, mi, 0, "Europe/Amsterdam").getTime());
// Tuesday 8 December 2026, 11:00 in Amsterdam; the seed gives the HR desk a closure day three
// working days out: Friday 11 December.
const now = ams(2026, 12, 8, 11);

beforeEach(async () => {
  await seedDemo(now);
});

const settingRow = () => db.setting.findUnique({ where: { key: EXPIRY_SETTING } });
const auditCount = () => db.auditEvent.count({ where: { entityType: "Setting", entityId: EXPIRY_SETTING } });

async function logAnnouncement(at: Date) {
  const [agent, handler, eva] = await Promise.all([sessionFor("agent@loket.example"), sessionFor("behandelaar@loket.example"), sessionFor("eva.bakker@vandijk.example")]);
  const input = { organisationId: eva.organisationId!, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Salarisrun sluit", forWhom: "1187", handedOverToId: handler.id };
  expect(await logPhonePreAnnouncement.execute(agent, input, at)).toMatchObject({ ok: true });
  return db.preAnnouncement.findFirstOrThrow({ where: { organisationId: eva.organisationId!, createdAt: at } });
}

describe("the admin setting for how long a phone pre-announcement counts", () => {
  it("an admin's choice of line and open days sets the expiry of pre-announcements logged afterwards", async () => {
    const admin = await sessionFor("admin@loket.example");
    const thursday = ams(2026, 12, 10, 15);
    // Default: close of the employer line's next open day, Friday 16:00.
    expect((await logAnnouncement(thursday)).expiresAt).toEqual(ams(2026, 12, 11, 16));

    expect(await updatePreAnnouncementExpiry.execute(admin, { lineKey: "HR_DESK", openDays: 2 }, now)).toEqual({ ok: true, data: undefined });
    expect((await settingRow())?.value).toEqual({ lineKey: "HR_DESK", openDays: 2 });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: EXPIRY_SETTING } })).toMatchObject({ actorId: admin.id, action: "settings.update", data: { lineKey: "HR_DESK", openDays: 2 } });

    // The HR desk is closed on Friday (training), so the second open day is Tuesday; it closes at 17:00.
    const later = ams(2026, 12, 10, 15, 30);
    expect((await logAnnouncement(later)).expiresAt).toEqual(ams(2026, 12, 15, 17));
  });

  it("refuses a case handler FORBIDDEN and writes nothing", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    expect(await updatePreAnnouncementExpiry.execute(handler, { lineKey: "EMPLOYER", openDays: 3 }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await settingRow()).toBeNull();
    expect(await auditCount()).toBe(0);
  });

  it("refuses bad input with a reason per case and writes nothing", async () => {
    const admin = await sessionFor("admin@loket.example");
    const save = (input: unknown) => updatePreAnnouncementExpiry.execute(admin, input, now);
    expect(await save({ lineKey: "EMPLOYER", openDays: 11 })).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { openDays: ["OPEN_DAYS_RANGE"] } });
    expect(await save({ lineKey: "EMPLOYER", openDays: 0 })).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { openDays: ["OPEN_DAYS_RANGE"] } });
    expect(await save({ lineKey: "EMPLOYER", openDays: 1.5 })).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { openDays: ["WHOLE_NUMBER"] } });
    expect(await save({ lineKey: "", openDays: 2 })).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { lineKey: ["REQUIRED"] } });
    expect(await save({ lineKey: "NO_SUCH_LINE", openDays: 2 })).toEqual({ ok: false, reason: "UNKNOWN_LINE" });

    await db.contactLine.update({ where: { key: "AVONDLIJN" }, data: { active: false } });
    expect(await save({ lineKey: "AVONDLIJN", openDays: 2 })).toEqual({ ok: false, reason: "UNKNOWN_LINE" });

    // A line without any opening hours never opens: every logged call would fail to get an expiry.
    await db.contactLine.create({ data: { key: "NOOIT_OPEN", nameNl: "Lijn zonder uren", nameEn: "Line without hours" } });
    expect(await save({ lineKey: "NOOIT_OPEN", openDays: 1 })).toEqual({ ok: false, reason: "LINE_NEVER_OPEN" });

    expect(await settingRow()).toBeNull();
    expect(await auditCount()).toBe(0);
  });
});
