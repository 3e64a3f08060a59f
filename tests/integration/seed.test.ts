import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { escalationPolicyKey } from "@/lib/escalations/rules";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { computeClock, policyByKey } from "@/lib/sla/rules";
import { DEMO_PEOPLE, seedDatabase } from "@/prisma/seed";
import { seedDemo } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

describe("demo seed", () => {
  it("writes every role, two teams, two employers and a partner, and tickets in every status on every channel", async () => {
    await seedDemo(now);
    const roles = new Set((await db.user.findMany({ select: { role: true } })).map((u) => u.role));
    expect([...roles].sort()).toEqual(
      ["ADMIN", "BENEFICIARY", "CALLCENTER_AGENT", "CASE_HANDLER", "CUSTOMER_SUCCESS_MANAGER", "EMPLOYER_CONTACT", "MANAGER", "OMBUDS", "TEAM_COORDINATOR"],
    );
    expect(await db.team.count()).toBe(2);
    const organisations = await db.organisation.findMany({ orderBy: { name: "asc" } });
    expect(organisations.filter((o) => o.kind === "EMPLOYER" && o.customerSuccessManagerId).length).toBe(2);
    expect(organisations.some((o) => o.isPartner)).toBe(true);

    const combos = await db.ticket.groupBy({ by: ["status", "channel"], _count: true });
    const seen = new Set(combos.map((c) => `${c.status}/${c.channel}`));
    for (const status of ["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"]) {
      for (const channel of ["PORTAL", "EMAIL", "PHONE", "LETTER"]) expect(seen).toContain(`${status}/${channel}`);
    }
    const numbers = (await db.ticket.findMany({ select: { number: true } })).map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((n) => /^LK-\d{4}-\d{6}$/.test(n))).toBe(true);
  });

  // The demo holds what the app itself would write, on any weekday it starts: a Monday, a Friday
  // before a holiday weekend, and a Tuesday.
  it.each(["2026-11-30T08:30:00Z", "2026-12-24T15:00:00Z", "2026-11-24T10:00:00Z"])("keeps the app's own rules when seeded at %s", async (iso) => {
    const at = new Date(iso);
    await seedDemo(at);
    // A question has one booked callback at a time (the portal and the API refuse a second).
    const booked = await db.callbackAppointment.groupBy({ by: ["ticketId"], where: { status: "BOOKED" }, _count: true });
    expect(booked.length).toBeGreaterThan(1);
    expect(booked.filter((b) => b._count > 1)).toEqual([]);
    // The seeded escalation is due when its tier's policy says, and overdue, so tier 2 can be shown.
    const [settings, policies] = await Promise.all([getCalendarSettings(db), getSlaPolicies(db)]);
    const escalations = await db.escalation.findMany();
    expect(escalations.length).toBeGreaterThan(0);
    for (const e of escalations) {
      const clock = computeClock({ policy: policyByKey(escalationPolicyKey(e.tier, policies), policies), startedAt: e.raisedAt, pauses: [], now: at, settings });
      expect(e.dueAt).toEqual(clock.dueAt);
      expect(e.dueAt.getTime()).toBeLessThan(at.getTime());
    }
  });

  it("skips a database that already has users when asked to seed only an empty one", async () => {
    await seedDemo(now);
    const before = await db.ticket.count();
    expect(await seedDatabase({ onlyIfEmpty: true, now })).toBe("SKIPPED");
    expect(await db.ticket.count()).toBe(before);
  });

  it("refuses to wipe a database with real users unless forced", async () => {
    await seedDemo(now);
    await db.user.create({ data: { email: "echte.klant@gmail.com", name: "Echte Klant", role: "BENEFICIARY", passwordHash: "x" } });
    expect(await seedDatabase({ now })).toBe("REFUSED");
    expect(await db.user.count({ where: { email: "echte.klant@gmail.com" } })).toBe(1);

    expect(await seedDatabase({ now, force: true })).toBe("SEEDED");
    expect(await db.user.count({ where: { email: "echte.klant@gmail.com" } })).toBe(0);
    expect(await db.user.count()).toBe(DEMO_PEOPLE.length);
  });
});
