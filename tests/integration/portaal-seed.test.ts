import { beforeAll, describe, expect, it } from "vitest";
import { requestOmbudsmanAsBeneficiary } from "@/lib/complaints/commands";
import { listOwnComplaints } from "@/lib/complaints/queries";
import { db } from "@/lib/db/client";
import { seedPortaal } from "@/prisma/seed-portaal";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeAll(async () => {
  await seedDemo(now);
  await db.$transaction((tx) => seedPortaal(tx, now));
});

describe("seedPortaal", () => {
  it("gives Anna an answered stage-1 complaint she can take to the ombudsman", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const [complaint] = await listOwnComplaints(anna);
    expect(complaint).toMatchObject({ stage: "STAGE_1", status: "ANSWERED" });
    expect(await requestOmbudsmanAsBeneficiary.execute(anna, { complaintId: complaint!.id, reason: "Het antwoord lost niets op." }, now)).toMatchObject({ ok: true });
  });
});
