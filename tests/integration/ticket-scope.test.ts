import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listOrganisationTickets, listOwnTickets, listQueue } from "@/lib/tickets/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

beforeAll(async () => {
  await seedDemo();
});

describe("who sees which tickets", () => {
  it("shows a beneficiary only their own tickets, newest activity first", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const tickets = await listOwnTickets(anna);
    expect(tickets.length).toBeGreaterThan(0);
    const owners = await db.ticket.findMany({ where: { id: { in: tickets.map((t) => t.id) } }, select: { requesterId: true } });
    expect(owners.every((o) => o.requesterId === anna.id)).toBe(true);
    const times = tickets.map((t) => t.lastActivityAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("shows an employer contact the tickets of their organisation, including colleagues', and nobody else's", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const tickets = await listOrganisationTickets(tom);
    const rows = await db.ticket.findMany({ where: { id: { in: tickets.map((t) => t.id) } }, include: { requester: true } });
    expect(rows.every((r) => r.organisationId === tom.organisationId)).toBe(true);
    expect(rows.some((r) => r.requester?.email === "eva.bakker@vandijk.example")).toBe(true);

    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    const other = await listOrganisationTickets(lisa);
    expect(other.some((t) => tickets.some((mine) => mine.id === t.id))).toBe(false);
  });

  it("orders the queue urgent first, then chain partners, then by due time, open tickets only", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const queue = await listQueue(handler);
    expect(queue[0]?.priority).toBe("URGENT");
    expect(queue.every((t) => ["NEW", "OPEN", "PENDING_CUSTOMER"].includes(t.status))).toBe(true);
    const normal = queue.filter((t) => t.priority === "NORMAL");
    const firstNonPartner = normal.findIndex((t) => !t.isPartner);
    expect(normal.slice(firstNonPartner).some((t) => t.isPartner)).toBe(false);
    const due = normal.slice(firstNonPartner).map((t) => t.slaDueAt?.getTime() ?? Infinity);
    expect([...due].sort((a, b) => a - b)).toEqual(due);
  });

  it("hides dossier-sensitive tickets from a first-line agent", async () => {
    const agent = await sessionFor("agent@loket.example");
    const queue = await listQueue(agent);
    expect(queue.length).toBeGreaterThan(0);
    const categories = await db.ticket.findMany({ where: { id: { in: queue.map((t) => t.id) } }, include: { category: true } });
    expect(categories.some((t) => t.category.dossierSensitive)).toBe(false);
    const handler = await sessionFor("behandelaar@loket.example");
    const handlerQueue = await listQueue(handler);
    expect(handlerQueue.some((t) => t.category.key === "DOSSIER_QUESTION")).toBe(true);
  });
});
