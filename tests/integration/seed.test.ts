import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
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
