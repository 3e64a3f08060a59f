import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getCaller } from "@/lib/phone/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
let annaId: string;
let dossierTicketId: string;
let closedTicketId: string;

beforeAll(async () => {
  await seedDemo(now);
  const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
  annaId = anna.id;
  const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
  const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
  const category = (key: string) => db.ticketCategory.findUniqueOrThrow({ where: { key } });
  const make = async (number: string, key: string, status: "CLOSED" | "OPEN", createdAt: Date) =>
    db.ticket.create({
      data: { number, subject: `Historie ${number}`, categoryId: (await category(key)).id, channel: "PHONE", status, requesterId: anna.id, teamId: team.id, createdAt, lastActivityAt: createdAt },
      select: { id: true },
    });
  closedTicketId = (await make("LK-2025-900001", "GENERAL_QUESTION", "CLOSED", new Date("2025-03-01T10:00:00Z"))).id;
  dossierTicketId = (await make("LK-2025-900002", "DOSSIER_QUESTION", "OPEN", new Date("2025-03-02T10:00:00Z"))).id;
  // Twelve calls a year back, the oldest entries of her history, for paging.
  await db.callRecord.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({ agentId: agent.id, callerId: anna.id, summary: `Oud gesprek ${i}`, startedAt: new Date(Date.UTC(2025, 0, 1 + i, 9)) })),
  });
  await db.callRecord.create({ data: { agentId: agent.id, callerId: anna.id, ticketId: dossierTicketId, summary: "Over haar dossier", startedAt: new Date("2025-03-02T10:05:00Z") } });
});

describe("the caller panel's history", () => {
  it("shows closed tickets, calls, appointments with their outcome and complaints, newest first", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const view = await getCaller(coordinator, annaId, 50);
    const items = view!.history.items;
    const times = items.map((x) => x.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(items.map((x) => x.kind))).toEqual(new Set(["TICKET", "CALL", "APPOINTMENT", "COMPLAINT"]));
    expect(items).toContainEqual(expect.objectContaining({ kind: "TICKET", id: closedTicketId, status: "CLOSED" }));
    // The demo's missed callback, with its outcome.
    expect(items).toContainEqual(expect.objectContaining({ kind: "APPOINTMENT", status: "UNREACHABLE", slot: "MORNING" }));
    expect(view!.history.more).toBe(false);
  });

  it("pages ten at a time", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const all = (await getCaller(coordinator, annaId, 50))!.history.items;
    const first = (await getCaller(coordinator, annaId))!.history;
    expect(first.items).toHaveLength(10);
    expect(first.more).toBe(true);
    expect(first.items).toEqual(all.slice(0, 10));
    const two = (await getCaller(coordinator, annaId, 2))!.history;
    expect(two.items).toEqual(all.slice(0, 20));
    // The oldest entries (the calls of January 2025) come last.
    expect(all.at(-1)).toMatchObject({ kind: "CALL", summary: "Oud gesprek 0" });
  });

  it("keeps dossier tickets, calls about them and complaints out of a first-line agent's view", async () => {
    const agent = await sessionFor("agent@loket.example");
    const items = (await getCaller(agent, annaId, 50))!.history.items;
    expect(items.some((x) => x.id === dossierTicketId)).toBe(false);
    expect(items.some((x) => x.kind === "CALL" && x.summary === "Over haar dossier")).toBe(false);
    expect(items.some((x) => x.kind === "COMPLAINT")).toBe(false);
    expect(items).toContainEqual(expect.objectContaining({ kind: "TICKET", id: closedTicketId }));
    const handler = await sessionFor("behandelaar@loket.example");
    const handlerItems = (await getCaller(handler, annaId, 50))!.history.items;
    expect(handlerItems.some((x) => x.id === dossierTicketId)).toBe(true);
    expect(handlerItems.some((x) => x.kind === "CALL" && x.summary === "Over haar dossier")).toBe(true);
  });
});
