// A complaint's stage and an urgent request are judged by their own due time: it follows their
// ticket's answer clock when that moves (a pause on the customer, a closure day), and nothing is
// late or due while the complaint waits on the complainant.
import { beforeEach, describe, expect, it } from "vitest";
import { requestOmbudsmanAsBeneficiary } from "@/lib/complaints/commands";
import { fileComplaint } from "@/lib/complaints/mutations";
import { getOwnComplaint } from "@/lib/complaints/queries";
import { mayRequestOmbudsman } from "@/lib/complaints/rules";
import { db } from "@/lib/db/client";
import { listRunningUrgentRequests } from "@/lib/employer/queries";
import { sweepComplaintStageDue } from "@/lib/notifications/sweeps";
import { addClosureDay } from "@/lib/settings/mutations";
import { sweepSlaStates } from "@/lib/sweeps/sweeps";
import { addCustomerMessage, addStaffReply, changeTicket } from "@/lib/tickets/mutations";
import { submitUrgentRequest } from "@/lib/urgent/commands";
import { seedDemo, sessionFor } from "../support/fixtures";

// Monday 7 December 2026, 09:00 Amsterdam.
const monday = new Date("2026-12-07T08:00:00Z");
const at = (day: number, hourAmsterdam: number) => new Date(monday.getTime() + (day * 24 + hourAmsterdam - 9) * 3_600_000);

beforeEach(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
});

async function annasComplaint() {
  const anna = await sessionFor("anna.jansen@burger.example");
  const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED", category: { key: { not: "COMPLAINT" } } } });
  const filed = await db.$transaction((tx) =>
    fileComplaint(tx, { complainantId: anna.id, organisationId: null, subjectTicketNumber: subject.number, lastContactDate: "2026-12-07", description: "Ik kreeg twee keer een ander antwoord." }, monday),
  );
  return { anna, filed };
}

const complaintOf = (id: string) => db.complaint.findUniqueOrThrow({ where: { id }, include: { ticket: { select: { slaDueAt: true, slaPausedAt: true } } } });

async function recheck(now: Date) {
  await db.setting.upsert({ where: { key: "sla.recheck" }, create: { key: "sla.recheck", value: { version: 99 } }, update: { value: { version: 99 } } });
  return sweepSlaStates(db, now);
}

describe("a complaint's due time follows its ticket's clock", () => {
  it("moves by the working days the complaint waited on the complainant", async () => {
    const { anna, filed } = await annasComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    // Tuesday 09:00 we ask Anna something; she answers Thursday 09:00: two working days paused.
    await db.$transaction((tx) => changeTicket(tx, { ticketId: filed.ticketId, actorId: coordinator.id, status: "PENDING_CUSTOMER" }, at(1, 9)));
    await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: filed.ticketId, authorId: anna.id, channel: "PORTAL", body: "Hier is het." }, at(3, 9)));

    const complaint = await complaintOf(filed.id);
    expect(complaint.ticket!.slaPausedAt).toBeNull();
    expect(complaint.dueAt).toEqual(complaint.ticket!.slaDueAt);
    expect(complaint.dueAt!.getTime() - filed.dueAt.getTime()).toBe(2 * 24 * 3_600_000);
    // What Anna reads on her complaint.
    expect((await getOwnComplaint(anna, filed.id))?.dueAt).toEqual(complaint.dueAt);
  });

  it("is neither due nor late while it waits on the complainant: no warning, no ombudsman for lateness", async () => {
    const { anna, filed } = await annasComplaint();
    const other = await annasComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    await db.$transaction((tx) => changeTicket(tx, { ticketId: filed.ticketId, actorId: coordinator.id, status: "PENDING_CUSTOMER" }, at(1, 9)));
    // A week past the stage's due time; the other complaint, not waiting, is late.
    const late = new Date(filed.dueAt.getTime() + 7 * 24 * 3_600_000);

    await sweepComplaintStageDue(db, late);
    const warned = await db.notification.findMany({ where: { kind: "complaint.stage_due" }, select: { entityId: true } });
    expect(warned.map((n) => n.entityId)).toContain(other.filed.id);
    expect(warned.map((n) => n.entityId)).not.toContain(filed.id);

    const waiting = await getOwnComplaint(anna, filed.id);
    expect(mayRequestOmbudsman(waiting!, late)).toBe(false);
    expect(mayRequestOmbudsman((await getOwnComplaint(anna, other.filed.id))!, late)).toBe(true);
    const refused = await requestOmbudsmanAsBeneficiary.execute(anna, { complaintId: filed.id, reason: "Het duurt te lang, ik wil de ombudsman." }, late);
    expect(refused).toMatchObject({ ok: false, reason: "OMBUDSMAN_NOT_AVAILABLE" });
    expect((await complaintOf(filed.id)).stage).toBe("STAGE_1");
  });

  it("moves a working day later after a closure day, with the sweep's recheck", async () => {
    const { filed } = await annasComplaint();
    const admin = await sessionFor("admin@loket.example");
    await db.$transaction((tx) => addClosureDay(tx, { date: "2026-12-09", reasonNl: "Sluiting", reasonEn: "Closure" }, admin.id, at(1, 9)));
    expect(await recheck(at(1, 9))).toMatchObject({ failed: 0 });
    const complaint = await complaintOf(filed.id);
    expect(complaint.dueAt).toEqual(complaint.ticket!.slaDueAt);
    expect(complaint.dueAt!.getTime() - filed.dueAt.getTime()).toBe(24 * 3_600_000);
  });
});

describe("an urgent request's due time follows its ticket's clock", () => {
  const request = { subject: "Loonbeslag verwerken", reason: "De salarisrun sluit morgen om 9 uur", forWhom: "Medewerker met personeelsnummer 1187" };

  it("moves past a closure day on the employer line, where the employer reads it", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    // Monday 15:00: seven opening hours run into Tuesday, which the admin then closes.
    const filed = await submitUrgentRequest.execute(eva, request, at(0, 15));
    if (!filed.ok) throw new Error(filed.reason);
    const before = new Date(filed.data.dueAt);
    expect(before.toISOString().slice(0, 10)).toBe("2026-12-08");
    const admin = await sessionFor("admin@loket.example");
    await db.$transaction((tx) => addClosureDay(tx, { date: "2026-12-08", reasonNl: "Sluiting", reasonEn: "Closure" }, admin.id, at(0, 16)));
    expect(await recheck(at(0, 16))).toMatchObject({ failed: 0 });

    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: filed.data.number }, include: { urgentRequest: true } });
    expect(ticket.slaDueAt!.getTime() - before.getTime()).toBe(24 * 3_600_000);
    expect(ticket.urgentRequest!.dueAt).toEqual(ticket.slaDueAt);
    const running = await listRunningUrgentRequests(eva);
    expect(running.find((r) => r.ticket.number === filed.data.number)?.dueAt).toEqual(ticket.slaDueAt);
  });

  it("moves by the opening hours it waited on the employer", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const agent = await sessionFor("agent@loket.example");
    // Monday 10:00: seven opening hours, due Tuesday 10:00; waiting on Eva from 11:00 to Tuesday 11:00.
    const filed = await submitUrgentRequest.execute(eva, request, at(0, 10));
    if (!filed.ok) throw new Error(filed.reason);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: filed.data.number } });
    await db.$transaction((tx) => changeTicket(tx, { ticketId: ticket.id, actorId: agent.id, status: "PENDING_CUSTOMER" }, at(0, 11)));
    await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: ticket.id, authorId: eva.id, channel: "PORTAL", body: "Het personeelsnummer is 1187." }, at(1, 11)));
    const resumed = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: { urgentRequest: true } });
    expect(resumed.slaDueAt!.getTime()).toBeGreaterThan(new Date(filed.data.dueAt).getTime());
    expect(resumed.urgentRequest!.dueAt).toEqual(resumed.slaDueAt);
    const running = await listRunningUrgentRequests(eva);
    expect(running.find((r) => r.ticket.number === filed.data.number)?.dueAt).toEqual(resumed.slaDueAt);
  });

  it("keeps the due time it was answered by when the employer writes again and a new clock starts", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const agent = await sessionFor("agent@loket.example");
    const filed = await submitUrgentRequest.execute(eva, request, at(0, 15));
    if (!filed.ok) throw new Error(filed.reason);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: filed.data.number } });
    await db.$transaction((tx) => addStaffReply(tx, { ticketId: ticket.id, authorId: agent.id, body: "Verwerkt." }, at(0, 16)));
    await db.$transaction((tx) => changeTicket(tx, { ticketId: ticket.id, actorId: agent.id, status: "RESOLVED" }, at(0, 16)));
    await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: ticket.id, authorId: eva.id, channel: "PORTAL", body: "Nog een vraag hierover." }, at(1, 10)));
    const reopened = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: { urgentRequest: true } });
    expect(reopened.slaStoppedAt).toBeNull();
    expect(reopened.slaDueAt!.getTime()).toBeGreaterThan(new Date(filed.data.dueAt).getTime());
    expect(reopened.urgentRequest).toMatchObject({ answeredAt: at(0, 16), dueAt: new Date(filed.data.dueAt) });
  });
});
