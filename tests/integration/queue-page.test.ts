import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { COUNT_CAP, queuePageIds } from "@/lib/queue/sql";
import { listSelect, PAGE_SIZE, QUEUE_ORDER, queueWhere, searchQueue } from "@/lib/tickets/queries";
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

describe("queue pages past the first", () => {
  // The page and its capped total come from one statement that finds the matches in queue order
  // up to the cap, or to the page's end past it. Prisma's where and order are the independent
  // account of what each page must hold.
  it("pages in queue order, with the total capped past 1,000 and known on a page past the end", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const teamId = handler.teamIds[0]!;
    const category = await db.ticketCategory.findFirstOrThrow({ where: { dossierSensitive: false } });
    const due = Date.parse("2026-12-01T09:00:00Z");
    // Letters in one team, with due times that tie in pairs and some partners and urgent ones, so
    // every key of the order decides somewhere.
    await db.ticket.createMany({
      data: Array.from({ length: COUNT_CAP + 20 }, (_, i) => ({
        number: `LK-2031-${String(i + 1).padStart(6, "0")}`,
        subject: `Brief ${i}`,
        categoryId: category.id,
        channel: "LETTER" as const,
        status: i % 3 === 0 ? ("NEW" as const) : ("OPEN" as const),
        priority: i % 97 === 0 ? ("URGENT" as const) : ("NORMAL" as const),
        isPartner: i % 41 === 0,
        teamId,
        slaDueAt: i % 50 === 0 ? null : new Date(due + Math.floor(i / 2) * 60_000),
        createdAt: new Date(due - (i % 7) * 3_600_000),
      })),
    });
    const filter = { channel: "LETTER" as const, team: teamId };
    const matches = await db.ticket.count({ where: queueWhere(handler, filter) });
    expect(matches).toBeGreaterThan(COUNT_CAP);
    const inOrder = (await db.ticket.findMany({ where: queueWhere(handler, filter), orderBy: QUEUE_ORDER, select: { id: true } })).map((t) => t.id);

    for (const skip of [0, PAGE_SIZE, 500, COUNT_CAP - 10]) {
      const { ids, total } = await queuePageIds(db, handler, filter, PAGE_SIZE, skip);
      expect(ids, `skip ${skip}`).toEqual(inOrder.slice(skip, skip + PAGE_SIZE));
      expect(total, `skip ${skip}`).toBe(COUNT_CAP + 1);
    }
    // The last page and past the end: the rows there are, and the capped total all the same.
    const last = await queuePageIds(db, handler, filter, PAGE_SIZE, matches - 5);
    expect(last).toEqual({ ids: inOrder.slice(matches - 5), total: COUNT_CAP + 1 });
    expect(await queuePageIds(db, handler, filter, PAGE_SIZE, matches + 100)).toEqual({ ids: [], total: COUNT_CAP + 1 });
    // What the agent sees: more than 1,000, and at least 40 pages to go through.
    const page = await searchQueue(handler, { page: 2, ...filter });
    expect(page).toMatchObject({ total: COUNT_CAP, capped: true, page: 2, pageCount: COUNT_CAP / PAGE_SIZE });
    expect(page.items.map((i) => i.id)).toEqual(inOrder.slice(2 * PAGE_SIZE, 3 * PAGE_SIZE));

    // A narrow filter: an exact total on every page, also one past its end.
    const urgent = { ...filter, q: "Brief 9" };
    const few = (await db.ticket.findMany({ where: queueWhere(handler, urgent), orderBy: QUEUE_ORDER, select: { id: true } })).map((t) => t.id);
    expect(few.length).toBeGreaterThan(PAGE_SIZE);
    expect(few.length).toBeLessThan(COUNT_CAP);
    expect(await queuePageIds(db, handler, urgent, PAGE_SIZE, PAGE_SIZE)).toEqual({ ids: few.slice(PAGE_SIZE, 2 * PAGE_SIZE), total: few.length });
    expect(await queuePageIds(db, handler, urgent, PAGE_SIZE, few.length + PAGE_SIZE)).toEqual({ ids: [], total: few.length });
    expect(await queuePageIds(db, handler, { ...filter, q: "geen-brief-zo" }, PAGE_SIZE, 0)).toEqual({ ids: [], total: 0 });
  });
});
