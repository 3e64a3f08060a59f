import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { loadKpisFor } from "@/lib/kpi/load";
import { DEFAULT_KPI_TARGETS } from "@/lib/kpi/targets";
import { updateKpiTargets } from "@/lib/kpi/targets-settings";
import { summaryRows } from "@/lib/kpi/view";
import { seedDemo, sessionFor } from "../support/fixtures";

// A quarter far from the demo data: 4 phone questions, 3 solved in the first contact (75 %).
const now = new Date("2025-04-15T10:00:00Z");
const PERIOD = { from: "2025-01-01", to: "2025-03-31" };
const form = { firstContactResolution: "85", writtenInTime: "90", callbacksAttemptedInSlot: "100", callbacksWithin2Hours: "", callbacksWithin24Hours: "", callbacksReached: "", callbacksUnreachable: "", callbacksWrongNumber: "", repeatCallbacks: "5", urgentInTime: "100", complaintsPerThousand: "", complaintsInTime: "100", satisfaction: "80" };
let admin: SessionUser;
let coordinator: SessionUser;

beforeEach(async () => {
  await seedDemo();
  admin = await sessionFor("admin@loket.example");
  coordinator = await sessionFor("coordinator@loket.example");
  const category = await db.ticketCategory.findUniqueOrThrow({ where: { key: "GENERAL_QUESTION" } });
  let seq = 0;
  for (const fcr of [true, true, true, false]) {
    seq += 1;
    await db.ticket.create({ data: { number: `LK-2025-${900100 + seq}`, subject: `fixture ${seq}`, categoryId: category.id, channel: "PHONE", firstContactResolution: fcr, createdAt: new Date("2025-01-10T09:00:00Z") } });
  }
});

/** The KPI page's rows for the quarter, as the coordinator sees them. */
async function rowOf(key: string) {
  const data = await loadKpisFor(coordinator, PERIOD, now);
  if (!data.ok) throw new Error(data.reason);
  return summaryRows(data.report, data.targets).find((row) => row.key === key)!;
}

describe("KPI targets the admin owns", () => {
  it("start at DESIGN's values", async () => {
    const data = await loadKpisFor(coordinator, PERIOD, now);
    expect(data.ok && data.targets).toEqual(DEFAULT_KPI_TARGETS);
    expect(await rowOf("firstContactResolution")).toMatchObject({ value: 0.75, target: 0.85, verdict: "MISSED" });
  });

  it("flip a verdict when the admin changes a target, and give a KPI without one a verdict", async () => {
    expect(await updateKpiTargets.execute(admin, { ...form, firstContactResolution: "75", callbacksReached: "60" }, now)).toEqual({ ok: true, data: undefined });
    expect(await rowOf("firstContactResolution")).toMatchObject({ value: 0.75, target: 0.75, direction: "atLeast", verdict: "MET" });
    expect(await rowOf("callbacksReached")).toMatchObject({ target: 0.6, verdict: "NO_DATA" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.update", entityId: "kpi.targets" } });
    expect(audit).toMatchObject({ actorId: admin.id, data: expect.objectContaining({ firstContactResolution: 0.75, callbacksReached: 0.6 }) });
    // Back up: missed again.
    await updateKpiTargets.execute(admin, { ...form, firstContactResolution: "75,1" }, now);
    expect(await rowOf("firstContactResolution")).toMatchObject({ target: 0.751, verdict: "MISSED" });
  });

  it("refuse a value out of range with a message per field, and keep the targets as they were", async () => {
    await updateKpiTargets.execute(admin, { ...form, satisfaction: "70" }, now);
    const before = await db.setting.findUniqueOrThrow({ where: { key: "kpi.targets" } });
    const result = await updateKpiTargets.execute(admin, { ...form, firstContactResolution: "150", complaintsPerThousand: "-1", repeatCallbacks: "vijf" }, now);
    expect(result).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { firstContactResolution: ["TARGET_RANGE"], repeatCallbacks: ["TARGET_NUMBER"], complaintsPerThousand: ["TARGET_RANGE"] } });
    expect((await db.setting.findUniqueOrThrow({ where: { key: "kpi.targets" } })).value).toEqual(before.value);
    expect(await db.auditEvent.count({ where: { entityId: "kpi.targets" } })).toBe(1);
  });

  it("are the admin's: others are refused and nothing is stored", async () => {
    for (const user of [coordinator, await sessionFor("manager@loket.example")]) {
      expect(await updateKpiTargets.execute(user, form, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    expect(await updateKpiTargets.execute(null, form, now)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await db.setting.findUnique({ where: { key: "kpi.targets" } })).toBeNull();
  });
});
