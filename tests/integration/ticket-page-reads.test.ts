// The ticket page reads its ticket and its timeline in one statement each (lib/workspace/queries.ts).
// What they give must be exactly what Prisma gives for the same rows, read here through Prisma's
// include and one relation at a time: the ticket with its category, team, people, urgent request
// and complaint, for every role's scope; every message with its author and attachments, the events
// (callback ones left to their own rows, the answer that stopped the clock in time or late), calls,
// appointments and attempts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { slaStateAt } from "@/lib/sla/lifecycle";
import { getStaffTicket, getTimeline, staffTicketInclude } from "@/lib/workspace/queries";
import { staffTicketScope } from "@/lib/workspace/scope";
import { sortTimeline, type TimelineEntry } from "@/lib/workspace/timeline";
import { seedDemo, sessionFor } from "../support/fixtures";

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

async function timelineByPrisma(ticketId: string): Promise<TimelineEntry[]> {
  const [messages, events, calls, appointments] = await Promise.all([
    db.message.findMany({ where: { ticketId }, include: { author: true, attachments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } }),
    db.ticketEvent.findMany({ where: { ticketId }, include: {} }),
    db.callRecord.findMany({ where: { ticketId }, include: { agent: true } }),
    db.callbackAppointment.findMany({ where: { ticketId }, include: { attempts: { include: { handler: true } } } }),
  ]);
  const actors = new Map((await db.user.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const entries: TimelineEntry[] = [];
  for (const m of messages) {
    const attachments = m.attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: a.size }));
    entries.push({ kind: "message", at: m.createdAt, id: m.id, direction: m.direction, channel: m.channel, author: m.author?.name ?? null, body: m.body, automatic: m.automatic, attachments });
  }
  for (const e of events) {
    if (e.kind.startsWith("callback.")) continue;
    const data = (e.data ?? {}) as Record<string, unknown>;
    const event = e.kind === "sla.answered" ? (data.state === "BREACHED" ? "sla_answered_late" : "sla_answered") : e.kind;
    entries.push({ kind: "event", at: e.createdAt, id: e.id, event, actor: e.actorId ? (actors.get(e.actorId) ?? null) : null, from: str(data.from), to: str(data.to) });
  }
  for (const c of calls) entries.push({ kind: "call", at: c.startedAt, id: c.id, agent: c.agent.name, summary: c.summary, resolvedFirstContact: c.resolvedFirstContact, direction: c.direction });
  for (const a of appointments) {
    entries.push({ kind: "appointment", at: a.bookedAt, id: a.id, date: a.date, slot: a.slot, status: a.status });
    for (const t of a.attempts) entries.push({ kind: "attempt", at: t.attemptedAt, id: t.id, outcome: t.outcome, note: t.note, handler: t.handler.name });
  }
  return sortTimeline(entries);
}

beforeAll(async () => {
  await seedDemo();
});

describe("a ticket's timeline", () => {
  it("shows exactly what the ticket's own rows hold, for every demo ticket and the odd cases", async () => {
    const manager = await sessionFor("manager@loket.example");
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { messages: { some: {} } }, orderBy: { number: "asc" } });
    // The odd cases: attachments (in upload order), a note without author, event data that is
    // not a string, an answer after the deadline, a callback event (shown from its own row).
    const message = await db.message.create({ data: { ticketId: ticket.id, direction: "INTERNAL", channel: "PORTAL", body: "Notitie met bijlagen", authorId: handler.id } });
    const at = new Date("2026-11-24T09:00:00Z");
    for (const [i, fileName] of ["b.pdf", "a.pdf", "c.pdf"].entries()) {
      // Uploaded one after the other, the last two at the same instant.
      const createdAt = new Date(at.getTime() + Math.min(i, 1) * 60_000);
      await db.attachment.create({ data: { messageId: message.id, fileName, mimeType: "application/pdf", size: 1234 + i, sha256: "x".repeat(64), storageKey: `k-${fileName}`, createdAt } });
    }
    await db.message.create({ data: { ticketId: ticket.id, direction: "OUTBOUND", channel: "EMAIL", body: "Ontvangstbevestiging", automatic: true } });
    await db.ticketEvent.createMany({
      data: [
        { ticketId: ticket.id, kind: "status", data: { from: "NEW", to: "OPEN" }, actorId: handler.id },
        { ticketId: ticket.id, kind: "priority", data: { from: 1, to: ["URGENT"] }, actorId: handler.id },
        { ticketId: ticket.id, kind: "sla.answered", data: { state: "BREACHED" } },
        { ticketId: ticket.id, kind: "sla.answered", data: { state: "ON_TRACK" } },
        { ticketId: ticket.id, kind: "callback.booked", data: {} },
      ],
    });

    const tickets = await db.ticket.findMany({ select: { id: true } });
    const seen = new Set<string>();
    for (const { id } of tickets) {
      const scoped = await getStaffTicket(manager, id);
      if (!scoped) continue;
      const timeline = await getTimeline(scoped);
      expect(timeline, id).toEqual(await timelineByPrisma(id));
      for (const entry of timeline) seen.add(entry.kind === "event" ? `event:${entry.event}` : entry.kind);
    }
    // The comparison met every kind of entry the page shows.
    expect([...seen]).toEqual(expect.arrayContaining(["message", "call", "appointment", "attempt", "event:sla_answered", "event:sla_answered_late", "event:priority"]));

    const odd = await getTimeline((await getStaffTicket(manager, ticket.id))!);
    expect(odd.find((e) => e.kind === "message" && e.id === message.id)).toMatchObject({ author: handler.name });
    const files = odd.flatMap((e) => (e.kind === "message" && e.id === message.id ? e.attachments.map((a) => a.fileName) : []));
    expect(files.slice(0, 1)).toEqual(["b.pdf"]);
    expect(files.toSorted()).toEqual(["a.pdf", "b.pdf", "c.pdf"]);
    expect(odd.find((e) => e.kind === "event" && e.event === "status")).toMatchObject({ from: "NEW", to: "OPEN", actor: handler.name });
    expect(odd.find((e) => e.kind === "event" && e.event === "priority")).toMatchObject({ from: null, to: null, actor: handler.name });
    expect(odd.some((e) => e.kind === "event" && e.event.startsWith("callback."))).toBe(false);
  });

  it("gives each role exactly the tickets, and each ticket exactly as, Prisma's scoped include gives them", async () => {
    const roles = ["agent@loket.example", "behandelaar@loket.example", "coordinator@loket.example", "manager@loket.example", "csm@loket.example", "ombudsman@loket.example", "admin@loket.example"];
    // The odd cases: an urgent request, a complaint about a dossier ticket, no team, no requester.
    const [plain, other] = await db.ticket.findMany({ where: { urgentRequest: null, complaint: null }, orderBy: { number: "asc" }, take: 2 });
    const organisation = await db.organisation.findFirstOrThrow();
    await db.urgentRequest.create({ data: { ticketId: plain!.id, organisationId: organisation.id, reason: "r", forWhom: "w", receivedAt: new Date("2026-11-24T08:00:00Z"), dueAt: new Date("2026-11-25T08:00:00Z"), verification: "PENDING" } });
    await db.ticket.update({ where: { id: other!.id }, data: { teamId: null, requesterId: null, requesterName: "Onbekende beller" } });
    const tickets = await db.ticket.findMany({ select: { id: true } });
    const now = new Date();
    const kinds = { urgent: 0, complaint: 0, teamless: 0, shown: 0, hidden: 0 };
    for (const email of roles) {
      const user = await sessionFor(email);
      for (const { id } of tickets) {
        const byPrisma = await db.ticket.findFirst({ where: { AND: [{ id }, staffTicketScope(user)] }, include: staffTicketInclude });
        const read = await getStaffTicket(user, id, now);
        // The answer clock's state as it stands at the read (the test below), the rest as stored.
        expect(read, `${email} ${id}`).toEqual(byPrisma && { ...byPrisma, slaState: slaStateAt(byPrisma, now) });
        if (!byPrisma) kinds.hidden += 1;
        else {
          kinds.shown += 1;
          if (byPrisma.urgentRequest) kinds.urgent += 1;
          if (byPrisma.complaint) kinds.complaint += 1;
          if (!byPrisma.team) kinds.teamless += 1;
        }
      }
    }
    // Every case was met: in and out of scope, and each optional relation there and not.
    expect(Object.values(kinds).every((n) => n > 0), JSON.stringify(kinds)).toBe(true);
  });

  it("shows the answer clock's state as it stands when read, not as the sweep last wrote it", async () => {
    const manager = await sessionFor("manager@loket.example");
    const { id } = await db.ticket.findFirstOrThrow({ where: { AND: [{ status: "OPEN", slaStoppedAt: null, slaDueAt: { not: null } }, staffTicketScope(manager)] }, orderBy: { number: "desc" } });
    // Written by the sweep while on track; at risk from Tuesday 11:00, due Wednesday 17:00.
    await db.ticket.update({ where: { id }, data: { slaState: "ON_TRACK", slaAtRiskAt: new Date("2026-12-01T10:00:00Z"), slaDueAt: new Date("2026-12-02T16:00:00Z") } });
    const stateAt = async (at: string) => (await getStaffTicket(manager, id, new Date(at)))!.slaState;
    expect(await stateAt("2026-12-01T09:59:59.999Z")).toBe("ON_TRACK");
    expect(await stateAt("2026-12-01T10:00:00Z")).toBe("AT_RISK");
    expect(await stateAt("2026-12-02T16:00:00Z")).toBe("AT_RISK");
    expect(await stateAt("2026-12-02T16:00:00.001Z")).toBe("BREACHED");
    // Answered in time on Tuesday morning: it stays as it was answered, whenever read.
    await db.ticket.update({ where: { id }, data: { slaStoppedAt: new Date("2026-12-01T09:00:00Z") } });
    expect(await stateAt("2026-12-09T09:00:00Z")).toBe("ON_TRACK");
  });
});
