import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadSlaMonitor } from "@/lib/sla/monitor";
import { seedDemo, sessionFor } from "../support/fixtures";

// Wednesday 25 November 2026, 10:30 Amsterdam.
const now = new Date("2026-11-25T09:30:00Z");

beforeAll(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
  // Only the clocks made below: the demo's own tickets, escalations and appointments are set aside.
  await db.ticket.updateMany({ data: { slaState: "ON_TRACK", slaDueAt: new Date("2026-12-31T16:00:00Z"), slaAtRiskAt: new Date("2026-12-30T16:00:00Z") } });
  await db.escalation.deleteMany();
  await db.callbackAppointment.deleteMany();
  const [anna, handler, eva, team] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } }),
    db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } }),
    db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" }, include: { memberships: true } }),
    db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } }),
  ]);
  const open = await db.ticket.findMany({ where: { status: "OPEN" }, orderBy: { number: "asc" }, take: 5 });
  expect(open).toHaveLength(5);
  // Both as the sweep last left them, before it came round to their new state: the monitor judges
  // the state from the times at its moment, as the queue does.
  await db.ticket.update({ where: { id: open[0]!.id }, data: { slaState: "AT_RISK", slaDueAt: new Date("2026-11-24T16:00:00Z"), slaAtRiskAt: new Date("2026-11-23T16:00:00Z") } });
  await db.ticket.update({ where: { id: open[1]!.id }, data: { status: "NEW", slaState: "ON_TRACK", slaDueAt: new Date("2026-11-25T16:00:00Z"), slaAtRiskAt: new Date("2026-11-25T09:00:00Z") } });
  // Past both moments, but no clock runs: waiting on the customer, and answered.
  const overdue = { slaState: "BREACHED" as const, slaDueAt: new Date("2026-11-20T16:00:00Z"), slaAtRiskAt: new Date("2026-11-19T16:00:00Z") };
  await db.ticket.update({ where: { id: open[3]!.id }, data: { ...overdue, status: "PENDING_CUSTOMER" } });
  await db.ticket.update({ where: { id: open[4]!.id }, data: { ...overdue, slaStoppedAt: new Date("2026-11-21T09:00:00Z") } });
  // An escalation raised Monday morning: one working day, so overdue by Wednesday.
  await db.escalation.create({ data: { organisationId: eva.memberships[0]!.organisationId, tier: 1, reason: "Geen antwoord", raisedById: eva.id, raisedAt: new Date("2026-11-23T08:00:00Z"), dueAt: new Date("2026-11-24T16:00:00Z") } });
  // Today's morning slot began at 10:00 without an attempt: at risk; one ending later with an attempt: not listed.
  await db.callbackAppointment.create({ data: { ticketId: open[2]!.id, personId: anna.id, teamId: team.id, date: "2026-11-25", slot: "MORNING", slotStart: new Date("2026-11-25T09:00:00Z"), phone: "0612345678", bookedById: handler.id } });
});

describe("SLA monitor", () => {
  it("lists every clock at risk or overdue, overdue first, with a link target", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const items = await loadSlaMonitor(coordinator, now);
    expect(items.map((i) => [i.kind, i.state])).toEqual([
      ["WRITTEN_QUESTION", "BREACHED"],
      ["ESCALATION", "BREACHED"],
      ["CALLBACK", "AT_RISK"],
      ["WRITTEN_QUESTION", "AT_RISK"],
    ]);
    expect(items.every((i) => i.reference.length > 0)).toBe(true);
    // Half an hour earlier the second question was still on track: not listed.
    const earlier = await loadSlaMonitor(coordinator, new Date("2026-11-25T08:59:59Z"));
    expect(earlier.filter((i) => i.kind === "WRITTEN_QUESTION").map((i) => i.state)).toEqual(["BREACHED"]);
    expect(items.find((i) => i.kind === "CALLBACK")?.ticketId).toBeTruthy();
  });

  it("judges an escalation by the due time it was given, not a clock recomputed from when it was raised", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" }, include: { memberships: true } });
    // Raised Tuesday 09:00 with a due time that evening (as the employer's board shows it). Tier 1's
    // working-day clock from the raise would be due Wednesday 16:00: not late yet at 10:30.
    const due = new Date("2026-11-24T19:00:00Z");
    await db.escalation.create({ data: { organisationId: eva.memberships[0]!.organisationId, tier: 2, reason: "Nog steeds geen antwoord", raisedById: eva.id, raisedAt: new Date("2026-11-24T08:00:00Z"), dueAt: due } });
    const item = (await loadSlaMonitor(coordinator, now)).find((i) => i.label.endsWith("Nog steeds geen antwoord"));
    expect(item).toMatchObject({ kind: "ESCALATION", state: "BREACHED", dueAt: due });
    // An hour before that due time it is not yet late.
    const before = (await loadSlaMonitor(coordinator, new Date("2026-11-24T18:00:00Z"))).find((i) => i.label.endsWith("Nog steeds geen antwoord"));
    expect(before?.state ?? "ON_TRACK").not.toBe("BREACHED");
  });

  it("is not for first-line staff or case handlers", async () => {
    expect(await loadSlaMonitor(await sessionFor("agent@loket.example"), now)).toEqual([]);
    expect(await loadSlaMonitor(await sessionFor("behandelaar@loket.example"), now)).toEqual([]);
  });
});
