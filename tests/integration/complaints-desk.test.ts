import { beforeEach, describe, expect, it } from "vitest";
import { fileComplaint, requestOmbudsman } from "@/lib/complaints/mutations";
import { addComplaintNoteAction, answerComplaintAction, logComplaintSignalAction, referComplaintAction } from "@/lib/complaints/desk-commands";
import { getDeskComplaint, listDeskComplaints } from "@/lib/complaints/desk-queries";
import { db } from "@/lib/db/client";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const later = (h: number) => new Date(now.getTime() + h * 3_600_000);

beforeEach(async () => {
  await seedDemo(now);
});

async function annasComplaint() {
  const anna = await sessionFor("anna.jansen@burger.example");
  // A subject whose category has no complaint body of its own, so answers carry the default one;
  // ordered, because PostgreSQL returns rows in no fixed order.
  const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED", category: { complaintBodyId: null } }, orderBy: { createdAt: "asc" } });
  const filed = await db.$transaction((tx) =>
    fileComplaint(tx, { complainantId: anna.id, organisationId: null, subjectTicketNumber: subject.number, lastContactDate: "2026-11-24", description: "Ik werd drie keer doorverbonden." }, now),
  );
  return { anna, filed };
}

describe("complaints desk", () => {
  it("answers stage 1 with the way to the ombudsman appended, and resolves the complaint ticket", async () => {
    const { filed } = await annasComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    expect(await answerComplaintAction.execute(coordinator, { complaintId: filed.id, body: "Excuses, wij hebben dit met het team besproken." }, later(2))).toEqual({ ok: true, data: undefined });
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, include: { ticket: { include: { messages: { where: { direction: "OUTBOUND", automatic: false } } } } } });
    expect(complaint).toMatchObject({ status: "ANSWERED", stage: "STAGE_1" });
    expect(complaint.answeredAt?.toISOString()).toBe(later(2).toISOString());
    expect(complaint.ticket!.status).toBe("RESOLVED");
    expect(complaint.ticket!.messages[0]!.body).toContain("interne ombudsman");
  });

  it("keeps each stage with its own handlers", async () => {
    const { filed } = await annasComplaint();
    const ombuds = await sessionFor("ombudsman@loket.example");
    const agent = await sessionFor("agent@loket.example");
    expect(await answerComplaintAction.execute(ombuds, { complaintId: filed.id, body: "Een antwoord van de ombudsman." }, later(1))).toEqual({ ok: false, reason: "NOT_YOUR_STAGE" });
    expect(await answerComplaintAction.execute(agent, { complaintId: filed.id, body: "Een antwoord van een agent." }, later(1))).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect((await listDeskComplaints(agent, "STAGE_1")).items).toEqual([]);
  });

  it("takes stage 2 to the ombudsman, whose working notes the line cannot read", async () => {
    const { anna, filed } = await annasComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    const ombuds = await sessionFor("ombudsman@loket.example");
    await answerComplaintAction.execute(coordinator, { complaintId: filed.id, body: "Excuses voor het doorverbinden." }, later(1));
    await db.$transaction((tx) => requestOmbudsman(tx, { complaintId: filed.id, requesterId: anna.id, organisationId: null, reason: "Niet tevreden" }, later(3)));

    expect(await answerComplaintAction.execute(coordinator, { complaintId: filed.id, body: "Nog een antwoord van de lijn." }, later(4))).toEqual({ ok: false, reason: "NOT_YOUR_STAGE" });
    expect(await addComplaintNoteAction.execute(ombuds, { complaintId: filed.id, body: "Gesprek met teamleider gepland." }, later(4))).toEqual({ ok: true, data: undefined });

    const seenByOmbuds = await getDeskComplaint(ombuds, filed.id);
    expect(seenByOmbuds?.notes.map((n) => n.body)).toEqual(["Gesprek met teamleider gepland."]);
    const seenByCoordinator = await getDeskComplaint(coordinator, filed.id);
    expect(seenByCoordinator?.notes).toEqual([]);
    expect(seenByCoordinator?.hiddenNotes).toBe(1);
  });

  it("refuses the ombudsman's answer while the external body's text is missing, storing nothing", async () => {
    const { anna, filed } = await annasComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    const ombuds = await sessionFor("ombudsman@loket.example");
    await answerComplaintAction.execute(coordinator, { complaintId: filed.id, body: "Excuses voor het doorverbinden." }, later(1));
    await db.$transaction((tx) => requestOmbudsman(tx, { complaintId: filed.id, requesterId: anna.id, organisationId: null, reason: "Niet tevreden" }, later(3)));
    // No body for the subject's category and no active default: no final answer can go out.
    await db.ticketCategory.updateMany({ data: { complaintBodyId: null } });
    await db.complaintBody.updateMany({ data: { active: false } });
    const before = await db.message.count({ where: { ticketId: filed.ticketId } });
    expect(await answerComplaintAction.execute(ombuds, { complaintId: filed.id, body: "Mijn oordeel als ombudsman." }, later(5))).toEqual({ ok: false, reason: "NEXT_STEP_TEXT_MISSING" });
    expect(await db.message.count({ where: { ticketId: filed.ticketId } })).toBe(before);
    expect((await db.complaint.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe("OPEN");
  });

  it("refers to the external body after the ombudsman's answer, closing internal handling", async () => {
    const { anna, filed } = await annasComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    const ombuds = await sessionFor("ombudsman@loket.example");
    await answerComplaintAction.execute(coordinator, { complaintId: filed.id, body: "Excuses voor het doorverbinden." }, later(1));
    await db.$transaction((tx) => requestOmbudsman(tx, { complaintId: filed.id, requesterId: anna.id, organisationId: null, reason: "Niet tevreden" }, later(3)));
    expect(await referComplaintAction.execute(ombuds, { complaintId: filed.id }, later(4))).toEqual({ ok: false, reason: "NOT_ANSWERED_YET" });
    await answerComplaintAction.execute(ombuds, { complaintId: filed.id, body: "Mijn oordeel: de klacht is gegrond." }, later(5));
    const answer = await db.message.findFirstOrThrow({ where: { ticketId: filed.ticketId, direction: "OUTBOUND", automatic: false }, orderBy: { createdAt: "desc" } });
    expect(answer.body).toContain("Nationale ombudsman");

    expect(await referComplaintAction.execute(ombuds, { complaintId: filed.id }, later(6))).toEqual({ ok: true, data: undefined });
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, include: { ticket: true } });
    expect(complaint).toMatchObject({ stage: "STAGE_3", status: "REFERRED" });
    expect(complaint.ticket?.status).toBe("CLOSED");
    expect(await db.outboxMessage.count({ where: { kind: "complaint.referral", toAddress: "anna.jansen@burger.example" } })).toBe(1);
    expect(await answerComplaintAction.execute(ombuds, { complaintId: filed.id, body: "Nog iets na de doorverwijzing." }, later(7))).toEqual({ ok: false, reason: "NOT_YOUR_STAGE" });
  });

  it("logs a complaint signal on the original ticket, within the agent's reach", async () => {
    const agent = await sessionFor("agent@loket.example");
    const general = await db.ticket.findFirstOrThrow({ where: { category: { key: "GENERAL_QUESTION" } } });
    const dossier = await db.ticket.findFirstOrThrow({ where: { category: { key: "DOSSIER_QUESTION" } } });
    expect(await logComplaintSignalAction.execute(agent, { ticketId: general.id, description: "Beller klaagt over wachttijd" }, now)).toEqual({ ok: true, data: undefined });
    expect(await logComplaintSignalAction.execute(agent, { ticketId: dossier.id, description: "Beller klaagt over wachttijd" }, now)).toEqual({ ok: false, reason: "TICKET_NOT_FOUND" });
    const coordinator = await sessionFor("coordinator@loket.example");
    expect((await listDeskComplaints(coordinator, "SIGNAL")).items.map((c) => c.subjectTicket.id)).toEqual([general.id]);
  });
});
