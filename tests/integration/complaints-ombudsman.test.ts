// Issue 18, items 11, 12, 11d: the line hands a complaint to the ombudsman itself; employers ask
// for the ombudsman from their portal; complaints are not surveyed and read as complaints.
import { beforeEach, describe, expect, it } from "vitest";
import { requestOmbudsmanAsEmployer } from "@/lib/complaints/commands";
import { answerComplaintAction, askComplainantAction, referToOmbudsmanAction } from "@/lib/complaints/desk-commands";
import { waitsOnComplainant } from "@/lib/complaints/rules";
import { fileComplaint } from "@/lib/complaints/mutations";
import { getOwnComplaint, getOwnComplaintByTicket, listOwnComplaints } from "@/lib/complaints/queries";
import { db } from "@/lib/db/client";
import { listEmployerTickets } from "@/lib/employer/queries";
import { listMyTickets } from "@/lib/portal/queries";
import { addCustomerMessage, addStaffReply, changeTicket } from "@/lib/tickets/mutations";
import { answerSurveyAsBeneficiary } from "@/lib/survey/commands";
import { answerClockView } from "@/lib/sla/lifecycle";
import { sweepSlaStates, sweepSurveyInvitations } from "@/lib/sweeps/sweeps";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z"); // a Tuesday
const later = (h: number) => new Date(now.getTime() + h * 3_600_000);
const REASON = "De teams komen er samen niet uit; de ombudsman beoordeelt dit onafhankelijk.";

beforeEach(async () => {
  await seedDemo(now);
});

/**
 * The complaint ticket's answer clock is the ombudsman's: started at the referral, due when the
 * complaint is, shown as due; a sweep at `sweptAt` that reads every clock (a recheck) keeps it
 * so, and warns nobody before the ombudsman's last fifth.
 */
async function expectOmbudsClock(ticketId: string, dueAt: Date, referredAt: Date, sweptAt: Date) {
  const clock = () => db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { status: true, slaStartedAt: true, slaStoppedAt: true, slaDueAt: true, slaState: true } });
  expect(await clock()).toMatchObject({ slaStartedAt: referredAt, slaStoppedAt: null, slaDueAt: dueAt, slaState: "ON_TRACK" });
  await db.setting.upsert({ where: { key: "sla.recheck" }, create: { key: "sla.recheck", value: { version: 99 } }, update: { value: { version: 99 } } });
  await sweepSlaStates(db, sweptAt);
  const swept = await clock();
  expect(swept).toMatchObject({ slaStoppedAt: null, slaDueAt: dueAt, slaState: "ON_TRACK" });
  expect(answerClockView(swept)).toEqual({ kind: "DUE", state: "ON_TRACK", dueAt });
  expect(await db.notification.count({ where: { entityId: ticketId, kind: { startsWith: "sla." } } })).toBe(0);
}

async function annasNewComplaint() {
  const anna = await sessionFor("anna.jansen@burger.example");
  const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED", category: { key: { not: "COMPLAINT" } } } });
  const filed = await db.$transaction((tx) =>
    fileComplaint(tx, { complainantId: anna.id, organisationId: null, subjectTicketNumber: subject.number, lastContactDate: "2026-11-24", description: "Ik werd drie keer doorverbonden." }, now),
  );
  return { anna, filed };
}

describe("the line hands a complaint to the ombudsman (item 11)", () => {
  it("moves an answered stage-1 complaint to stage 2 with the ombudsman's clock; the complainant reads the reason and gets a mail", async () => {
    const { anna, filed } = await annasNewComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    await answerComplaintAction.execute(coordinator, { complaintId: filed.id, body: "Excuses, wij zoeken dit uit." }, later(1));

    expect(await referToOmbudsmanAction.execute(coordinator, { complaintId: filed.id, reason: REASON }, later(2))).toEqual({ ok: true, data: undefined });

    const ombuds = await db.user.findFirstOrThrow({ where: { role: "OMBUDS" } });
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, include: { ticket: true } });
    expect(complaint).toMatchObject({ stage: "STAGE_2", status: "OPEN", ownerId: ombuds.id, ombudsRequestedById: coordinator.id, ombudsReason: REASON });
    // Stage 1's due time is kept for the KPI; the ombudsman's clock runs 5 working days from now.
    expect(complaint.firstStageDueAt?.toISOString()).toBe(filed.dueAt.toISOString());
    expect(complaint.dueAt?.toISOString().slice(0, 10)).toBe("2026-12-01");
    expect(complaint.ticket).toMatchObject({ status: "OPEN", assigneeId: ombuds.id });
    expect(complaint.ticket!.slaDueAt?.toISOString()).toBe(complaint.dueAt?.toISOString());
    // The ombudsman owes an answer: the ticket's clock runs again, from the referral, and the sweep
    // keeps it (it no longer shows stage 1's answer, nor goes back to stage 1's due time).
    // Friday 27 November, 16:00 Amsterdam: stage 1's answer no longer counts.
    await expectOmbudsClock(filed.ticketId!, complaint.dueAt!, later(2), new Date("2026-11-27T15:00:00Z"));

    expect((await getOwnComplaint(anna, filed.id))?.ombudsReason).toBe(REASON);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "complaint.ombudsman_referral", toAddress: anna.email } });
    expect(mail.bodyText).toContain(REASON);
    expect(mail.bodyText).toContain("1 december 2026");
    expect(await db.ticketEvent.count({ where: { ticketId: filed.ticketId, kind: "complaint_ombudsman", actorId: coordinator.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "complaint.ombudsman_referral", entityId: filed.id, actorId: coordinator.id } })).toBe(1);
  });

  it("also takes an open complaint not yet answered, and the manager may do it too", async () => {
    const { filed } = await annasNewComplaint();
    const manager = await sessionFor("manager@loket.example");
    // Friday 27 November, 11:00 Amsterdam.
    const friday = later(72);
    expect(await referToOmbudsmanAction.execute(manager, { complaintId: filed.id, reason: REASON }, friday)).toEqual({ ok: true, data: undefined });
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: filed.id } });
    expect(complaint.stage).toBe("STAGE_2");
    expect(complaint.dueAt?.toISOString().slice(0, 10)).toBe("2026-12-04");
    // Stage 1's clock was still running: the ombudsman's replaces it. Tuesday 1 December, 17:30
    // Amsterdam: past stage 1's due time, 22 of the ombudsman's 48 working hours used.
    await expectOmbudsClock(filed.ticketId!, complaint.dueAt!, friday, new Date("2026-12-01T16:30:00Z"));
  });

  it("runs the ombudsman's clock from the referral when the line still waited on the complainant: the ombudsman's term is not the line's question", async () => {
    const { anna, filed } = await annasNewComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    await db.$transaction((tx) => changeTicket(tx, { ticketId: filed.ticketId!, actorId: coordinator.id, status: "PENDING_CUSTOMER" }, later(1)));
    expect(await referToOmbudsmanAction.execute(coordinator, { complaintId: filed.id, reason: REASON }, later(2))).toEqual({ ok: true, data: undefined });
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: filed.id } });
    const running = await db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId! } });
    expect(running).toMatchObject({ status: "OPEN", slaStartedAt: later(2), slaStoppedAt: null, slaPausedAt: null, slaDueAt: complaint.dueAt });
    expect(answerClockView(running)).toMatchObject({ kind: "DUE", dueAt: complaint.dueAt });
    expect(await db.slaCheck.findUnique({ where: { ticketId: filed.ticketId! } })).not.toBeNull();
    // Anna is told the ombudsman's date, on her complaint as in the referral mail, not that we wait on her.
    const own = await getOwnComplaint(anna, filed.id);
    expect(own).toMatchObject({ stage: "STAGE_2", status: "OPEN", dueAt: complaint.dueAt, ticket: { slaPausedAt: null } });
  });

  it("keeps a complaint's term running through a question back on its ticket, paused while the complainant owes the reply", async () => {
    const { anna, filed } = await annasNewComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    // Tuesday 11:00 we ask Anna something on the complaint's ticket and wait on her.
    await db.$transaction((tx) => addStaffReply(tx, { ticketId: filed.ticketId!, authorId: coordinator.id, body: "Welke datum bedoelt u?" }, later(1)));
    await db.$transaction((tx) => changeTicket(tx, { ticketId: filed.ticketId!, actorId: coordinator.id, status: "PENDING_CUSTOMER" }, later(1)));
    const waiting = await db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId! } });
    // The question is not the complaint's answer: the clock still runs, paused on her.
    expect(waiting).toMatchObject({ slaStoppedAt: null, slaPausedAt: later(1) });
    expect(answerClockView(waiting)).toEqual({ kind: "WAITING" });
    expect((await getOwnComplaint(anna, filed.id))?.ticket?.slaPausedAt).toEqual(later(1));
    // Her reply a day later ends the pause: the same term, a working day later, not a fresh one.
    await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: filed.ticketId!, authorId: anna.id, channel: "PORTAL", body: "De brief van 3 november." }, later(25)));
    const resumed = await db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId! } });
    expect(resumed).toMatchObject({ slaStartedAt: now, slaStoppedAt: null, slaPausedAt: null });
    expect(resumed.slaDueAt!.getTime() - filed.dueAt.getTime()).toBe(24 * 3_600_000);
    expect((await db.complaint.findUniqueOrThrow({ where: { id: filed.id } })).dueAt).toEqual(resumed.slaDueAt);
    // The complaint's answer stops it, answered in time.
    await answerComplaintAction.execute(coordinator, { complaintId: filed.id, body: "Excuses, de brief was onjuist." }, later(26));
    const answered = await db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId! } });
    expect(answered).toMatchObject({ status: "RESOLVED", slaStoppedAt: later(26) });
    expect(answerClockView(answered)).toMatchObject({ kind: "ANSWERED", late: false });
    expect(await db.ticketEvent.count({ where: { ticketId: filed.ticketId!, kind: "sla.answered" } })).toBe(1);
  });

  it("lets the ombudsman ask the complainant a question in stage 2: the term waits on the reply, then runs on", async () => {
    const { anna, filed } = await annasNewComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    const ombuds = await sessionFor("ombudsman@loket.example");
    await referToOmbudsmanAction.execute(coordinator, { complaintId: filed.id, reason: REASON }, later(1));
    const referred = await db.complaint.findUniqueOrThrow({ where: { id: filed.id } });
    // The line may not ask in the ombudsman's stage.
    expect(await askComplainantAction.execute(coordinator, { complaintId: filed.id, body: "Wat bedoelt u precies?" }, later(2))).toMatchObject({ ok: false, reason: "NOT_YOUR_STAGE" });
    expect(await askComplainantAction.execute(ombuds, { complaintId: filed.id, body: "Kunt u de brief van 3 november sturen?" }, later(2))).toMatchObject({ ok: true });
    const waiting = await db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId! } });
    expect(waiting).toMatchObject({ status: "PENDING_CUSTOMER", slaStoppedAt: null, slaPausedAt: later(2) });
    expect(await db.message.count({ where: { ticketId: filed.ticketId!, direction: "OUTBOUND", authorId: ombuds.id, body: "Kunt u de brief van 3 november sturen?" } })).toBe(1);
    expect(waitsOnComplainant((await getOwnComplaint(anna, filed.id))!)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "complaint.ask", entityId: filed.id, actorId: ombuds.id } })).toBe(1);
    // Her reply a working day later: the ombudsman's term runs on, a working day later.
    await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: filed.ticketId!, authorId: anna.id, channel: "PORTAL", body: "Hierbij de brief." }, later(26)));
    const running = await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, include: { ticket: true } });
    expect(running.ticket).toMatchObject({ status: "OPEN", slaPausedAt: null, slaStoppedAt: null });
    expect(running.dueAt!.getTime() - referred.dueAt!.getTime()).toBe(24 * 3_600_000);
    // Once the stage is answered there is nothing left to ask.
    await answerComplaintAction.execute(ombuds, { complaintId: filed.id, body: "Ik heb uw klacht beoordeeld." }, later(27));
    expect(await askComplainantAction.execute(ombuds, { complaintId: filed.id, body: "Nog een vraag." }, later(28))).toMatchObject({ ok: false, reason: "COMPLAINT_ANSWERED" });
  });

  it("refuses others, a complaint already with the ombudsman, and a reason too short, changing nothing", async () => {
    const { filed } = await annasNewComplaint();
    const [agent, ombuds, coordinator] = await Promise.all([sessionFor("agent@loket.example"), sessionFor("ombudsman@loket.example"), sessionFor("coordinator@loket.example")]);
    expect(await referToOmbudsmanAction.execute(agent, { complaintId: filed.id, reason: REASON }, later(1))).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await referToOmbudsmanAction.execute(ombuds, { complaintId: filed.id, reason: REASON }, later(1))).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await referToOmbudsmanAction.execute(coordinator, { complaintId: filed.id, reason: "Kort" }, later(1))).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { reason: ["TOO_SHORT:10"] } });
    expect(await referToOmbudsmanAction.execute(coordinator, { complaintId: "no-such-complaint", reason: REASON }, later(1))).toEqual({ ok: false, reason: "COMPLAINT_NOT_FOUND" });
    expect(await db.complaint.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ stage: "STAGE_1", ombudsReason: null });

    await referToOmbudsmanAction.execute(coordinator, { complaintId: filed.id, reason: REASON }, later(2));
    const mails = await db.outboxMessage.count({ where: { kind: "complaint.ombudsman_referral" } });
    expect(await referToOmbudsmanAction.execute(coordinator, { complaintId: filed.id, reason: REASON }, later(3))).toEqual({ ok: false, reason: "NOT_YOUR_STAGE" });
    expect(await db.outboxMessage.count({ where: { kind: "complaint.ombudsman_referral" } })).toBe(mails);
  });

  it("shows the seeded referral to Bram with its reason", async () => {
    const bram = await sessionFor("bram.devries@burger.example");
    const [complaint] = await listOwnComplaints(bram);
    expect(complaint).toMatchObject({ stage: "STAGE_2", status: "OPEN" });
    expect(complaint!.ombudsReason).toMatch(/onafhankelijke ombudsman/);
    // Its ticket runs the ombudsman's clock, from the referral a day before the demo's moment.
    const stored = await db.complaint.findUniqueOrThrow({ where: { id: complaint!.id } });
    await expectOmbudsClock(stored.ticketId!, stored.dueAt!, stored.stageStartedAt!, later(1));
  });
});

describe("employers ask for the ombudsman (item 12)", () => {
  it("lets a contact of the organisation ask for the seeded answered complaint, once", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const [seeded] = await listOwnComplaints(eva);
    expect(seeded).toMatchObject({ stage: "STAGE_1", status: "ANSWERED" });
    const result = await requestOmbudsmanAsEmployer.execute(eva, { complaintId: seeded!.id, reason: "Het antwoord lost ons probleem niet op." }, now);
    expect(result).toMatchObject({ ok: true });
    expect(await getOwnComplaintByTicket(eva, seeded!.ticket!.id)).toMatchObject({ stage: "STAGE_2", status: "OPEN" });
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: seeded!.id } });
    await expectOmbudsClock(seeded!.ticket!.id, complaint.dueAt!, now, new Date("2026-11-27T15:00:00Z"));
    // A second request: the complaint is no longer in stage 1.
    expect(await requestOmbudsmanAsEmployer.execute(eva, { complaintId: seeded!.id, reason: "Het antwoord lost ons probleem niet op." }, now)).toEqual({ ok: false, reason: "OMBUDSMAN_NOT_AVAILABLE" });
  });

  it("refuses another employer's complaint as not found, changing nothing", async () => {
    const [eva, lisa] = await Promise.all([sessionFor("eva.bakker@vandijk.example"), sessionFor("lisa.smit@zorggroepnoord.example")]);
    const [seeded] = await listOwnComplaints(eva);
    expect(await requestOmbudsmanAsEmployer.execute(lisa, { complaintId: seeded!.id, reason: "Wij willen de ombudsman spreken." }, now)).toEqual({ ok: false, reason: "COMPLAINT_NOT_FOUND" });
    expect(await getOwnComplaintByTicket(lisa, seeded!.ticket!.id)).toBeNull();
    expect(await db.complaint.findUniqueOrThrow({ where: { id: seeded!.id } })).toMatchObject({ stage: "STAGE_1", status: "ANSWERED" });
  });
});

describe("complaints are no questions (item 11d)", () => {
  it("sends no survey for an answered complaint, and refuses an answer to one", async () => {
    const { anna, filed } = await annasNewComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    await answerComplaintAction.execute(coordinator, { complaintId: filed.id, body: "Excuses, wij hebben dit besproken." }, later(1));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId } })).status).toBe("RESOLVED");
    await sweepSurveyInvitations(db, later(2));
    expect(await db.outboxMessage.count({ where: { kind: "survey.invitation", ticketId: filed.ticketId } })).toBe(0);
    expect(await db.notification.count({ where: { kind: "survey.invitation", entityId: filed.ticketId } })).toBe(0);
    expect(await answerSurveyAsBeneficiary.execute(anna, { ticketId: filed.ticketId, score: 5 }, later(3))).toEqual({ ok: false, reason: "NO_SURVEY" });
    expect(await db.satisfactionResponse.count({ where: { ticketId: filed.ticketId } })).toBe(0);
  });

  it("still surveys a resolved question", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const question = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "OPEN", category: { key: { not: "COMPLAINT" } } } });
    await db.ticket.update({ where: { id: question.id }, data: { status: "RESOLVED", resolvedAt: later(1) } });
    await sweepSurveyInvitations(db, later(2));
    expect(await db.outboxMessage.count({ where: { kind: "survey.invitation", ticketId: question.id } })).toBe(1);
  });

  it("gives the complaint's ticket the complaint's status in the beneficiary's and the employer's lists", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const mine = await listMyTickets(anna, 0);
    const complaintRow = mine.items.find((t) => t.complaint !== null);
    expect(complaintRow).toMatchObject({ status: "RESOLVED", complaint: { status: "ANSWERED" } });
    expect(mine.items.filter((t) => t.complaint === null).length).toBeGreaterThan(0);

    const eva = await sessionFor("eva.bakker@vandijk.example");
    const theirs = await listEmployerTickets(eva, 0);
    expect(theirs.items.find((t) => t.category.key === "COMPLAINT")).toMatchObject({ status: "RESOLVED", complaint: { status: "ANSWERED" } });
  });
});
