import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { queuePageIds } from "@/lib/queue/sql";
import { listSelect, PAGE_SIZE, searchQueue } from "@/lib/tickets/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

// The queue page reads its 25 rows with their category, team, assignee and urgent request in one
// statement. What the agent sees must be exactly what Prisma's own select gives for those tickets,
// in queue order, whatever the filter: no field lost or mistyped, no relation empty that is not.

const STAFF = ["agent@loket.example", "behandelaar@loket.example", "coordinator@loket.example", "manager@loket.example"];

beforeAll(async () => {
  await seedDemo();
  // The edge cases of the joins: no team and no assignee; an urgent request with and without a confirming call due.
  const [first, second] = await db.ticket.findMany({ where: { status: "OPEN", teamId: { not: null } }, orderBy: { number: "asc" }, take: 2 });
  const organisation = await db.organisation.findFirstOrThrow();
  await db.ticket.update({ where: { id: first!.id }, data: { assigneeId: null, priority: "URGENT" } });
  await db.urgentRequest.deleteMany({ where: { ticketId: { in: [first!.id, second!.id] } } });
  const dueAt = new Date("2026-11-25T10:00:00Z");
  await db.urgentRequest.create({ data: { ticketId: first!.id, organisationId: organisation.id, reason: "r", forWhom: "w", receivedAt: dueAt, dueAt, verification: null } });
  await db.urgentRequest.create({ data: { ticketId: second!.id, organisationId: organisation.id, reason: "r", forWhom: "w", receivedAt: dueAt, dueAt, verification: "PENDING" } });
  const team = await db.ticket.findFirstOrThrow({ where: { status: "NEW" } });
  await db.ticket.update({ where: { id: team.id }, data: { teamId: null, assigneeId: (await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } })).id } });
});

describe("queue page", () => {
  it("shows each row exactly as Prisma's select of that ticket gives it, in queue order, for every staff role and filter", async () => {
    const filters = [{}, { status: "OPEN" as const }, { assignee: "none" as const }, { assignee: "me" as const }, { channel: "EMAIL" as const }, { q: "a" }, { verify: "1" as const }];
    let rows = 0;
    let urgent = 0;
    let teamless = 0;
    for (const email of STAFF) {
      const user = await sessionFor(email);
      for (const filter of filters) {
        const page = await searchQueue(user, { page: 0, ...filter });
        const { ids, total } = await queuePageIds(db, user, filter, PAGE_SIZE, 0);
        expect(page.items.map((i) => i.id)).toEqual(ids);
        expect(page.total).toBe(Math.min(total, 1000));
        const byPrisma = await db.ticket.findMany({ where: { id: { in: ids } }, select: listSelect });
        const byId = new Map(byPrisma.map((t) => [t.id, t]));
        expect(page.items).toEqual(ids.map((id) => byId.get(id)));
        rows += page.items.length;
        urgent += page.items.filter((i) => i.urgentRequest).length;
        teamless += page.items.filter((i) => i.team === null).length;
      }
    }
    // The comparison covered real rows and the joins' edge cases.
    expect(rows).toBeGreaterThan(50);
    expect(urgent).toBeGreaterThan(0);
    expect(teamless).toBeGreaterThan(0);
  });
});
