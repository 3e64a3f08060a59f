import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getCaller } from "@/lib/phone/queries";
import { listCallbacks } from "@/lib/workspace/callback-list";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeAll(async () => {
  // prisma/seed.ts runs seedAgent as part of the demo data.
  await seedDemo(now);
});

describe("agent demo data", () => {
  it("gives Anna a 'not reached' note the call centre sees first, and Bram callbacks tomorrow", async () => {
    const agent = await sessionFor("agent@loket.example");
    const anna = await sessionFor("anna.jansen@burger.example");
    expect((await getCaller(agent, anna.id))?.notes[0]?.kind).toBe("UNREACHABLE");
    const handler = await sessionFor("behandelaar@loket.example");
    const bram = await db.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } });
    const tomorrow = await listCallbacks(handler, { date: "2026-11-25" });
    expect(tomorrow.filter((a) => a.personId === bram.id && a.status === "BOOKED").length).toBeGreaterThanOrEqual(2);
  });

  it("shows Bram's earlier wrong number as an alert in the caller panel", async () => {
    const agent = await sessionFor("agent@loket.example");
    const bram = await db.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } });
    const note = (await getCaller(agent, bram.id))?.notes[0];
    expect(note?.kind).toBe("WRONG_NUMBER");
    expect(note?.body).toMatch(/^Verkeerd nummer: 0201234567, \d+ november 2026, middag \(14:00-16:00\)$/);
  });
});
