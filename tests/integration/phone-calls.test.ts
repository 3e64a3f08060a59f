import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { logPhoneCall, logPhonePreAnnouncement } from "@/lib/phone/commands";
import { getCaller } from "@/lib/phone/queries";
import { logCallbackAttempt } from "@/lib/workspace/attempt";
import { listCallbacks } from "@/lib/workspace/callback-list";
import { seedDemo, sessionFor } from "../support/fixtures";

// Tuesday 24 November 2026, 11:00 in Amsterdam: tomorrow morning's slot is bookable.
const now = new Date("2026-11-24T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

beforeEach(async () => {
  await seedDemo(now);
});

async function setup() {
  const agent = await sessionFor("agent@loket.example");
  const handler = await sessionFor("behandelaar@loket.example");
  const bram = await sessionFor("bram.devries@burger.example");
  const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
  return { agent, handler, bram, team };
}

describe("logging a phone call", () => {
  it("registers a question resolved in the first contact on a new phone ticket", async () => {
    const { agent, bram, team } = await setup();
    const result = await logPhoneCall.execute(agent, { callerId: bram.id, subject: "Jaaropgave", categoryKey: "PORTAL_HELP", teamId: team.id, summary: "Uitgelegd waar de jaaropgave staat.", outcome: "RESOLVED" }, now);
    if (!result.ok) throw new Error(result.reason);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: result.data.ticketId }, include: { calls: true } });
    expect(ticket).toMatchObject({ channel: "PHONE", status: "RESOLVED", firstContactResolution: true, requesterId: bram.id });
    expect(ticket.calls).toHaveLength(1);
    expect(ticket.calls[0]).toMatchObject({ resolvedFirstContact: true, agentId: agent.id });
  });

  it("refuses an unknown caller's dossier question and writes nothing", async () => {
    const { agent, team } = await setup();
    const [tickets, calls] = await Promise.all([db.ticket.count(), db.callRecord.count()]);
    const result = await logPhoneCall.execute(agent, { callerName: "Onbekend", subject: "Mijn uitkering", categoryKey: "DOSSIER_QUESTION", teamId: team.id, summary: "Vraagt naar de hoogte van zijn uitkering.", outcome: "OPEN" }, now);
    expect(result).toEqual({ ok: false, reason: "UNKNOWN_CALLER_DOSSIER" });
    expect(await db.ticket.count()).toBe(tickets);
    expect(await db.callRecord.count()).toBe(calls);
  });

  it("takes an unknown caller's general question", async () => {
    const { agent, team } = await setup();
    const result = await logPhoneCall.execute(agent, { callerName: "Mevrouw Peters", phone: "0201234567", subject: "Openingstijden", categoryKey: "GENERAL_QUESTION", teamId: team.id, summary: "Vraagt naar openingstijden.", outcome: "RESOLVED" }, now);
    if (!result.ok) throw new Error(result.reason);
    expect(await db.ticket.findUniqueOrThrow({ where: { id: result.data.ticketId } })).toMatchObject({ requesterId: null, requesterName: "Mevrouw Peters" });
  });

  it("adds the call to an existing ticket of the caller, but not to someone else's", async () => {
    const { agent, bram, team } = await setup();
    const own = await db.ticket.findFirstOrThrow({ where: { requesterId: bram.id, status: "OPEN", category: { key: "MALFUNCTION" } } });
    const result = await logPhoneCall.execute(agent, { callerId: bram.id, ticketId: own.id, categoryKey: "MALFUNCTION", teamId: team.id, summary: "Belt over de foutmelding.", outcome: "OPEN" }, now);
    expect(result.ok).toBe(true);
    const messages = await db.message.findMany({ where: { ticketId: own.id, channel: "PHONE" } });
    expect(messages.some((m) => m.body === "Belt over de foutmelding.")).toBe(true);
    const annas = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" }, status: "OPEN", category: { key: "GENERAL_QUESTION" } } });
    const refused = await logPhoneCall.execute(agent, { callerId: bram.id, ticketId: annas.id, categoryKey: "GENERAL_QUESTION", teamId: team.id, summary: "Belt over iets anders.", outcome: "OPEN" }, now);
    expect(refused).toEqual({ ok: false, reason: "TICKET_NOT_OF_CALLER" });
  });

  it("books a callback with the caller and shows it on the team's list", async () => {
    const { agent, bram, team } = await setup();
    const result = await logPhoneCall.execute(agent, { callerId: bram.id, phone: "0687654321", subject: "Hoogte uitkering", categoryKey: "DOSSIER_QUESTION", teamId: team.id, summary: "Wil teruggebeld worden door een behandelaar.", outcome: "CALLBACK", callbackDate: "2026-11-25", callbackSlot: "MORNING" }, now);
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.appointmentId).not.toBeNull();
    const handler = await sessionFor("behandelaar@loket.example");
    const list = await listCallbacks(handler, { date: "2026-11-25" });
    expect(list.map((a) => a.id)).toContain(result.data.appointmentId);
  });

  it("refuses a callback in a slot that is closed for booking, writing nothing", async () => {
    const { agent, bram, team } = await setup();
    const tickets = await db.ticket.count();
    const result = await logPhoneCall.execute(agent, { callerId: bram.id, phone: "0687654321", subject: "Hoogte", categoryKey: "GENERAL_QUESTION", teamId: team.id, summary: "Terugbellen graag.", outcome: "CALLBACK", callbackDate: "2026-11-24", callbackSlot: "MORNING" }, now);
    expect(result.ok).toBe(false);
    expect(await db.ticket.count()).toBe(tickets);
  });

  it("refuses a callback without a date, with a field error", async () => {
    const { agent, bram, team } = await setup();
    const result = await logPhoneCall.execute(agent, { callerId: bram.id, phone: "0687654321", subject: "Hoogte", categoryKey: "GENERAL_QUESTION", teamId: team.id, summary: "Terugbellen graag.", outcome: "CALLBACK" }, now);
    expect(result.ok === false && result.fieldErrors?.callbackDate).toEqual(["CHOOSE_MOMENT"]);
  });

  it("refuses a number no one can be called back on (\"1\", \"+\", brackets), writing nothing; a number with spaces is stored as digits", async () => {
    const { agent, bram, team } = await setup();
    const tickets = await db.ticket.count();
    const call = (phone: string) =>
      logPhoneCall.execute(agent, { callerId: bram.id, phone, subject: "Hoogte", categoryKey: "GENERAL_QUESTION", teamId: team.id, summary: "Terugbellen graag.", outcome: "CALLBACK", callbackDate: "2026-11-25", callbackSlot: "MORNING" }, now);
    for (const phone of ["1", "+", "((((", "06 123"]) expect({ phone, result: await call(phone) }).toMatchObject({ phone, result: { ok: false, fieldErrors: { phone: ["INVALID_PHONE"] } } });
    expect(await db.ticket.count()).toBe(tickets);
    const booked = await call("(06) 8765-4321");
    if (!booked.ok) throw new Error(booked.reason);
    expect(await db.callbackAppointment.findUniqueOrThrow({ where: { id: booked.data.appointmentId! } })).toMatchObject({ phone: "0687654321" });
  });
});

describe("pre-announcements", () => {
  it("logs an employer's urgent pre-announcement and hands it over warm to a case handler", async () => {
    const { agent, handler } = await setup();
    const org = await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } });
    const result = await logPhonePreAnnouncement.execute(agent, { organisationId: org.id, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Moet voor de salarisrun", forWhom: "Medewerker 2231", handedOverToId: handler.id }, now);
    if (!result.ok) throw new Error(result.reason);
    expect(await db.preAnnouncement.findUniqueOrThrow({ where: { id: result.data.id } })).toMatchObject({ status: "OPEN", organisationId: org.id, handedOverToId: handler.id });
    expect(await db.notification.count({ where: { userId: handler.id, entityId: result.data.id } })).toBe(1);
  });

  it("refuses a handover to a first-line agent", async () => {
    const { agent } = await setup();
    const org = await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } });
    const before = await db.preAnnouncement.count();
    const result = await logPhonePreAnnouncement.execute(agent, { organisationId: org.id, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Moet snel", forWhom: "Medewerker", handedOverToId: agent.id }, now);
    expect(result).toEqual({ ok: false, reason: "HANDOVER_NOT_ALLOWED" });
    expect(await db.preAnnouncement.count()).toBe(before);
  });
});

describe("the callback work list and the attempt rule", () => {
  async function booked() {
    const { agent, bram, team } = await setup();
    const result = await logPhoneCall.execute(agent, { callerId: bram.id, phone: "0687654321", subject: "Terugbellen", categoryKey: "GENERAL_QUESTION", teamId: team.id, summary: "Graag terugbellen.", outcome: "CALLBACK", callbackDate: "2026-11-25", callbackSlot: "MORNING" }, now);
    if (!result.ok || !result.data.appointmentId) throw new Error("not booked");
    return result.data.appointmentId;
  }

  it("after two unsuccessful attempts: UNREACHABLE, a contact note the next call shows first, and a re-booking invitation", async () => {
    const id = await booked();
    const { handler, agent, bram } = await setup();
    const first = await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "NO_ANSWER", note: "Geen gehoor" }, later(60 * 23));
    expect(first.ok && first.data.status).toBe("BOOKED");
    const second = await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "VOICEMAIL", note: "Ingesproken" }, later(60 * 23 + 20));
    expect(second.ok && second.data.status).toBe("UNREACHABLE");
    expect((await db.callbackAppointment.findUniqueOrThrow({ where: { id } })).status).toBe("UNREACHABLE");
    expect(await db.outboxMessage.count({ where: { toAddress: "bram.devries@burger.example", kind: { contains: "unreachable" } } })).toBe(1);
    const view = await getCaller(agent, bram.id);
    expect(view?.notes[0]?.kind).toBe("UNREACHABLE");
  });

  it("refuses an attempt on an appointment that is already done, writing nothing", async () => {
    const id = await booked();
    const { handler } = await setup();
    expect((await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "REACHED", note: "" }, later(60 * 23))).ok).toBe(true);
    const attempts = await db.callbackAttempt.count({ where: { appointmentId: id } });
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "NO_ANSWER" }, later(60 * 24))).toEqual({ ok: false, reason: "APPOINTMENT_NOT_BOOKED" });
    expect(await db.callbackAttempt.count({ where: { appointmentId: id } })).toBe(attempts);
  });

  it("keeps first-line agents and other teams from logging attempts", async () => {
    const id = await booked();
    const { agent } = await setup();
    expect(await logCallbackAttempt.execute(agent, { appointmentId: id, outcome: "NO_ANSWER" }, later(60 * 23))).toEqual({ ok: false, reason: "FORBIDDEN" });
    const outsider = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    await db.teamMember.deleteMany({ where: { userId: outsider.id } });
    const session = await sessionFor("behandelaar@loket.example");
    expect(await logCallbackAttempt.execute(session, { appointmentId: id, outcome: "NO_ANSWER" }, later(60 * 23))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await listCallbacks(session, { date: "2026-11-25" })).toEqual([]);
  });
});
