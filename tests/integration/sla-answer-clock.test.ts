import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { logAttempt } from "@/lib/callbacks/mutations";
import { db } from "@/lib/db/client";
import { getEmployerTicket, listRunningUrgentRequests } from "@/lib/employer/queries";
import { urgentInTime, writtenInTime } from "@/lib/kpi/queries";
import { getMyTicket, listMyTickets } from "@/lib/portal/queries";
import { parseQueueFilter } from "@/lib/queue/schema";
import { searchQueue } from "@/lib/tickets/queries";
import { answerClockView } from "@/lib/sla/lifecycle";
import { loadAnsweredLate, loadSlaMonitor } from "@/lib/sla/monitor";
import { sweepSlaStates } from "@/lib/sweeps/sweeps";
import { addCustomerMessage, addInternalNote, addStaffReply, changeTicket, createTicket } from "@/lib/tickets/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";

// Monday 30 November 2026, 10:00 Amsterdam: a written question is due Monday 7 December 17:00.
const T0 = new Date("2026-11-30T09:00:00Z");
const H = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * H);

let anna: SessionUser;
let eva: SessionUser;
let coordinator: SessionUser;
let handlerId: string;

beforeAll(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
  [anna, eva, coordinator] = await Promise.all([
    sessionFor("anna.jansen@burger.example"),
    sessionFor("eva.bakker@vandijk.example"),
    sessionFor("coordinator@loket.example"),
  ]);
  handlerId = (await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } })).id;
});

function question(subject: string, when: Date, extra: { organisationId?: string; requesterId?: string; policyKey?: string } = {}) {
  return db.$transaction((tx) =>
    createTicket(tx, { subject, categoryKey: "GENERAL_QUESTION", channel: "PORTAL", body: "Mijn vraag", requesterId: extra.requesterId ?? anna.id, authorId: extra.requesterId ?? anna.id, ...extra }, when),
  );
}
const reply = (ticketId: string, when: Date) => db.$transaction((tx) => addStaffReply(tx, { ticketId, authorId: handlerId, body: "Ons antwoord" }, when));
const setStatus = (ticketId: string, status: "OPEN" | "PENDING_CUSTOMER" | "RESOLVED", when: Date) =>
  db.$transaction((tx) => changeTicket(tx, { ticketId, actorId: handlerId, status }, when));
const customerWrites = (ticketId: string, when: Date) =>
  db.$transaction((tx) => addCustomerMessage(tx, { ticketId, authorId: anna.id, channel: "PORTAL", body: "Nog een vraag" }, when));
const load = (id: string) => db.ticket.findUniqueOrThrow({ where: { id } });
const monitorRefs = async (now: Date) => (await loadSlaMonitor(coordinator, now)).map((i) => i.reference);

describe("the demo", () => {
  it("has answered tickets waiting on the customer, shown as answered in time and not in the monitor", async () => {
    const waiting = await db.ticket.findMany({ where: { status: "PENDING_CUSTOMER" } });
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.map((t) => answerClockView(t).kind)).toEqual(waiting.map(() => "ANSWERED"));
    expect(waiting.filter((t) => t.slaState === "BREACHED").map((t) => t.number)).toEqual([]);
    const listed = await monitorRefs(new Date("2026-12-24T10:00:00Z"));
    expect(listed.filter((ref) => waiting.some((t) => t.number === ref))).toEqual([]);
  });
});

describe("the answer clock", () => {
  let ticket: { id: string; number: string };

  it("keeps running through the acknowledgement and an internal note, and stops at the first answer, judged then", async () => {
    ticket = await question("Wanneer wordt mijn uitkering betaald?", T0);
    await db.$transaction((tx) => addInternalNote(tx, { ticketId: ticket.id, authorId: handlerId, body: "Even nakijken" }, at(1)));
    expect((await load(ticket.id)).slaStoppedAt).toBeNull();

    await reply(ticket.id, at(2));
    const answered = await load(ticket.id);
    expect(answered.slaStoppedAt).toEqual(at(2));
    expect(answered.slaState).toBe("ON_TRACK");
    expect(answered.slaDueAt).toEqual(new Date("2026-12-07T16:00:00Z"));
    const event = await db.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "sla.answered" } });
    expect(event.data).toEqual({ startedAt: T0.toISOString(), dueAt: "2026-12-07T16:00:00.000Z", state: "ON_TRACK" });

    // A second answer changes nothing.
    await reply(ticket.id, at(3));
    expect((await load(ticket.id)).slaStoppedAt).toEqual(at(2));
  });

  it("shows an answered ticket that waits on the customer as answered in time, nowhere late or due, long after its due time", async () => {
    await setStatus(ticket.id, "PENDING_CUSTOMER", at(2));
    const later = new Date("2026-12-09T09:00:00Z");
    await sweepSlaStates(db, later);
    const row = await load(ticket.id);
    expect(row.slaState).toBe("ON_TRACK");
    expect(answerClockView(row)).toEqual({ kind: "ANSWERED", late: false, at: at(2) });
    expect(await monitorRefs(later)).not.toContain(ticket.number);

    const mine = await getMyTicket(anna, ticket.id);
    expect(mine?.answerDueAt).toBeNull();
    expect(mine?.answeredAt).toEqual(at(2));
    const list = await listMyTickets(anna, 0);
    expect(list.items.find((i) => i.id === ticket.id)?.answerDueAt).toBeNull();
  });

  it("starts the next clock from the customer's new message, without the old pause", async () => {
    const written = new Date("2026-12-10T09:00:00Z"); // Thursday 10:00
    await customerWrites(ticket.id, written);
    const row = await load(ticket.id);
    expect(row.status).toBe("OPEN");
    expect(row.slaStartedAt).toEqual(written);
    expect(row.slaStoppedAt).toBeNull();
    expect(row.slaPausedAt).toBeNull();
    // Five working days after Thursday 10 December: Thursday 17 December 17:00.
    expect(row.slaDueAt).toEqual(new Date("2026-12-17T16:00:00Z"));
    expect((await getMyTicket(anna, ticket.id))?.answerDueAt).toEqual(new Date("2026-12-17T16:00:00Z"));
  });

  it("lists the new clock in the monitor once it runs late, and an answer after the deadline only where that is asked", async () => {
    const late = new Date("2026-12-17T17:00:00Z");
    await sweepSlaStates(db, late);
    expect((await load(ticket.id)).slaState).toBe("BREACHED");
    expect(await monitorRefs(late)).toContain(ticket.number);
    const handler = await sessionFor("behandelaar@loket.example");
    const lateInQueue = async () => (await searchQueue(handler, parseQueueFilter({ sla: "BREACHED", q: ticket.number }), late)).items.map((i) => i.number);
    expect(await lateInQueue()).toEqual([ticket.number]);

    await reply(ticket.id, late);
    expect(await lateInQueue()).toEqual([]);
    const row = await load(ticket.id);
    expect(answerClockView(row)).toEqual({ kind: "ANSWERED", late: true, at: late });
    expect(await monitorRefs(late)).not.toContain(ticket.number);
    expect((await loadAnsweredLate(coordinator, late)).map((i) => i.reference)).toContain(ticket.number);
  });

  it("shows a clock paused on the customer before any answer as waiting: not in the monitor, no due time for the customer", async () => {
    const waiting = await question("Formulier ontbreekt", T0);
    const due = new Date("2026-12-07T16:00:00Z");
    await sweepSlaStates(db, new Date(due.getTime() + H));
    expect(await monitorRefs(new Date(due.getTime() + H))).toContain(waiting.number);
    await setStatus(waiting.id, "PENDING_CUSTOMER", new Date(due.getTime() + 2 * H));
    const row = await load(waiting.id);
    expect(answerClockView(row)).toEqual({ kind: "WAITING" });
    expect(await monitorRefs(new Date(due.getTime() + 3 * H))).not.toContain(waiting.number);
    expect((await getMyTicket(anna, waiting.id))?.answerDueAt).toBeNull();
  });

  it("on re-opening by staff keeps an answered question answered, and gives one resolved without an answer a fresh clock", async () => {
    const answered = await question("Adres gewijzigd", T0);
    await reply(answered.id, at(1));
    await setStatus(answered.id, "RESOLVED", at(2));
    await setStatus(answered.id, "OPEN", at(5));
    const a = await load(answered.id);
    expect([a.slaStartedAt, a.slaStoppedAt, a.slaState]).toEqual([T0, at(1), "ON_TRACK"]);

    const unanswered = await question("Vraag per ongeluk opgelost", T0);
    await setStatus(unanswered.id, "RESOLVED", at(1));
    expect((await load(unanswered.id)).slaStoppedAt).toEqual(at(1));
    await setStatus(unanswered.id, "OPEN", at(5));
    const u = await load(unanswered.id);
    expect([u.slaStartedAt, u.slaStoppedAt]).toEqual([at(5), null]);
  });
});

describe("a callback that reaches the person", () => {
  it("answers the question: the clock stops at the attempt, a failed attempt does not stop it", async () => {
    const asked = await question("Bel mij terug over mijn jaaropgave", T0);
    const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
    // Tuesday 1 December, morning slot 10:00-11:00.
    const slotStart = new Date("2026-12-01T09:00:00Z");
    const book = () =>
      db.callbackAppointment.create({ data: { ticketId: asked.id, personId: anna.id, teamId: team.id, date: "2026-12-01", slot: "MORNING", slotStart, phone: "0612345678", bookedById: handlerId } });
    const first = await book();
    await db.$transaction((tx) => logAttempt(tx, { appointmentId: first.id, handlerId, outcome: "NO_ANSWER" }, new Date(slotStart.getTime() + 5 * 60_000)));
    expect((await load(asked.id)).slaStoppedAt).toBeNull();
    const reachedAt = new Date(slotStart.getTime() + 30 * 60_000);
    await db.$transaction((tx) => logAttempt(tx, { appointmentId: first.id, handlerId, outcome: "REACHED" }, reachedAt));
    const row = await load(asked.id);
    expect([row.slaStoppedAt, row.slaState]).toEqual([reachedAt, "ON_TRACK"]);
  });
});

describe("urgent requests", () => {
  it("stop the employer's countdown at the first answer, and the KPI counts that moment against the due time", async () => {
    const organisationId = eva.organisationId!;
    const received = new Date("2026-12-02T09:00:00Z");
    const urgent = async (subject: string) => {
      const t = await question(subject, received, { organisationId, requesterId: eva.id, policyKey: "URGENT_REQUEST" });
      await db.urgentRequest.create({ data: { ticketId: t.id, organisationId, reason: "Salaris blokkeert", forWhom: "J. de Boer", receivedAt: received, dueAt: new Date(received.getTime() + 24 * H) } });
      return t;
    };
    const inTime = await urgent("Spoed: loonbeslag");
    const late = await urgent("Spoed: ontslag");
    expect((await listRunningUrgentRequests(eva)).map((u) => u.ticket.number)).toEqual(expect.arrayContaining([inTime.number, late.number]));

    await reply(inTime.id, new Date(received.getTime() + 3 * H));
    await reply(late.id, new Date(received.getTime() + 30 * H));
    const shown = await getEmployerTicket(eva, inTime.number);
    expect(shown?.urgentRequest?.answeredAt).toEqual(new Date(received.getTime() + 3 * H));
    expect(shown?.answerDueAt).toBeNull();
    const running = (await listRunningUrgentRequests(eva)).map((u) => u.ticket.number);
    expect(running).not.toContain(inTime.number);
    expect(running).not.toContain(late.number);

    const day = { from: new Date("2026-12-01T23:00:00Z"), to: new Date("2026-12-02T23:00:00Z") };
    expect(await urgentInTime(db, day, new Date("2026-12-10T09:00:00Z"))).toEqual({ hit: 1, total: 2 });
  });
});

describe("KPI written questions answered within 5 working days", () => {
  it("judges the first answer against the first clock, not a later clock's due time", async () => {
    // Tuesday 1 December 10:00: due Tuesday 8 December 17:00.
    const received = new Date("2026-12-01T09:00:00Z");
    const late = await question("Eerste antwoord te laat", received);
    await reply(late.id, new Date("2026-12-09T09:00:00Z"));
    await customerWrites(late.id, new Date("2026-12-10T09:00:00Z"));
    await reply(late.id, new Date("2026-12-10T10:00:00Z"));
    const inTime = await question("Eerste antwoord op tijd", received);
    await reply(inTime.id, new Date("2026-12-02T09:00:00Z"));
    // The late one's current clock (from 10 December) was met; its first answer was not.
    expect((await load(late.id)).slaState).toBe("ON_TRACK");

    const day = { from: new Date("2026-11-30T23:00:00Z"), to: new Date("2026-12-01T23:00:00Z") };
    expect(await writtenInTime(db, day, new Date("2026-12-20T09:00:00Z"))).toEqual({ hit: 1, total: 2 });
  });
});
