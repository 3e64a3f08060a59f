// The sweep keeps the login tables from growing with every login: old sessions, expired
// challenges and spent codes go; anything that can still matter stays.
import { beforeEach, describe, expect, it } from "vitest";
import { sweepLoginRecords } from "@/lib/auth/login-records";
import { db } from "@/lib/db/client";
import { runSweeps } from "@/lib/sweeps/run";
import { seedDemo } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3_600_000);

beforeEach(async () => {
  await seedDemo(now);
  await db.authSession.deleteMany();
  await db.loginChallenge.deleteMany();
  await db.twoFactorUse.deleteMany();
});

describe("sweeping login records", () => {
  it("deletes sessions older than a month and challenges and spent codes older than a day, keeps the rest, and finds nothing the second time", async () => {
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    const sessions = await Promise.all(
      [40, 32, 30, 0].map((days) => db.authSession.create({ data: { userId: anna.id, createdAt: daysAgo(days), endedAt: days > 0 ? daysAgo(days) : null } })),
    );
    const challenges = await Promise.all(
      [3, 1.5, 0.5].map((days) => db.loginChallenge.create({ data: { userId: anna.id, method: "TOTP", createdAt: daysAgo(days), expiresAt: daysAgo(days) } })),
    );
    await db.twoFactorUse.create({ data: { userId: anna.id, marker: "totp:1", usedAt: daysAgo(2) } });
    const recentCode = await db.twoFactorUse.create({ data: { userId: anna.id, marker: "totp:2", usedAt: daysAgo(0.1) } });

    expect(await sweepLoginRecords(db, now)).toBe(2 + 2 + 1);
    expect((await db.authSession.findMany({ select: { id: true } })).map((s) => s.id).sort()).toEqual([sessions[2]!.id, sessions[3]!.id].sort());
    expect((await db.loginChallenge.findMany({ select: { id: true } })).map((c) => c.id)).toEqual([challenges[2]!.id]);
    expect((await db.twoFactorUse.findMany({ select: { id: true } })).map((u) => u.id)).toEqual([recentCode.id]);

    expect(await sweepLoginRecords(db, now)).toBe(0);
  });

  it("runs with the other sweeps", async () => {
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    await db.authSession.create({ data: { userId: anna.id, createdAt: daysAgo(60) } });
    expect((await runSweeps(db, now)).loginRecords).toBe(1);
    expect(await db.authSession.count()).toBe(0);
  });
});
