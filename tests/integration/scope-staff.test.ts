// One staff ticket-visibility rule (lib/workspace/scope.ts) for the workspace: complaint tickets
// follow the complaints desk's stages and the dossier sensitivity of the ticket complained about,
// on the page, in every action, the queue, the letter and the download; dossier reads and
// downloads leave audit events.
import { beforeEach, describe, expect, it } from "vitest";
import { answerComplaintAction, logComplaintSignalAction } from "@/lib/complaints/desk-commands";
import { getDeskComplaint } from "@/lib/complaints/desk-queries";
import { fileComplaint, requestOmbudsman } from "@/lib/complaints/mutations";
import { db } from "@/lib/db/client";
import { getLetter } from "@/lib/letters/queries";
import { logPhoneCall } from "@/lib/phone/commands";
import { getCaller } from "@/lib/phone/queries";
import { takeTicketAction } from "@/lib/queue/commands";
import { parseQueueFilter } from "@/lib/queue/schema";
import { queuePageIds } from "@/lib/queue/sql";
import { searchQueue } from "@/lib/tickets/queries";
import { downloadResponse } from "@/lib/uploads/download";
import { storeUpload } from "@/lib/uploads/storage";
import { logCallbackAttempt } from "@/lib/workspace/attempt";
import { listCallbacks } from "@/lib/workspace/callback-list";
import { addNote, changeTicketFields, replyToTicket } from "@/lib/workspace/commands";
import { getStaffTicket, getTimeline } from "@/lib/workspace/queries";
import { staffMaySeeTicket, staffTicketScope } from "@/lib/workspace/scope";
import { seedDemo, sessionFor } from "../support/fixtures";
import { withScratchUploadDir } from "../support/upload-dir";

const now = new Date("2026-11-24T10:00:00Z");
const later = (h: number) => new Date(now.getTime() + h * 3_600_000);

withScratchUploadDir("scope-staff");
beforeEach(async () => {
  await seedDemo(now);
});

/** A file and a printed letter on a ticket, so downloads and the letter route have something to refuse. */
async function withFileAndLetter(ticketId: string) {
  const first = await db.message.findFirstOrThrow({ where: { ticketId }, orderBy: { createdAt: "asc" } });
  const stored = await storeUpload({ name: "bewijs.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.7\n% bewijs\n%%EOF") }, now);
  const attachment = await db.attachment.create({ data: { ...stored, messageId: first.id } });
  const letter = await db.message.create({ data: { ticketId, direction: "OUTBOUND", channel: "LETTER", body: "Geachte mevrouw Jansen, ...", createdAt: later(1) } });
  return { attachmentId: attachment.id, letterId: letter.id };
}

/** Anna's complaint about a general ticket, answered in stage 1 and taken to the ombudsman. */
async function stageTwoComplaint() {
  const anna = await sessionFor("anna.jansen@burger.example");
  const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED", category: { dossierSensitive: false } } });
  const filed = await db.$transaction((tx) =>
    fileComplaint(tx, { complainantId: anna.id, organisationId: null, subjectTicketNumber: subject.number, lastContactDate: "2026-11-24", description: "Ik werd drie keer doorverbonden." }, now),
  );
  const answered = await answerComplaintAction.execute(await sessionFor("coordinator@loket.example"), { complaintId: filed.id, body: "Excuses, wij hebben dit besproken." }, later(1));
  if (!answered.ok) throw new Error(answered.reason);
  await db.$transaction((tx) => requestOmbudsman(tx, { complaintId: filed.id, requesterId: anna.id, organisationId: null, reason: "Niet tevreden met het antwoord" }, later(2)));
  return { filed, ...(await withFileAndLetter(filed.ticketId)) };
}

/** Anna's stage-1 complaint about her dossier question. */
async function dossierComplaint() {
  const anna = await sessionFor("anna.jansen@burger.example");
  const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, category: { key: "DOSSIER_QUESTION" } } });
  const filed = await db.$transaction((tx) =>
    fileComplaint(tx, { complainantId: anna.id, organisationId: null, subjectTicketNumber: subject.number, lastContactDate: "2026-11-24", description: "Mijn uitkering is te laat en niemand belt terug." }, now),
  );
  return { subject, filed, ...(await withFileAndLetter(filed.ticketId)) };
}

describe("a first-line agent and complaint tickets", () => {
  it("gets NOT_FOUND for a stage-2 complaint ticket of their own team: page, reply, note, replayed status change, take, call log, file, letter, queue", async () => {
    const { filed, attachmentId, letterId } = await stageTwoComplaint();
    const agent = await sessionFor("agent@loket.example");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId } });
    // Without the stage rule the team alone would let the agent in.
    expect(agent.teamIds).toContain(ticket.teamId);

    expect(await getStaffTicket(agent, ticket.id)).toBeNull();
    // The caller panel lists Anna's open tickets for the agent on the phone: not this one.
    expect((await getCaller(agent, ticket.requesterId!))!.tickets.map((t) => t.id)).not.toContain(ticket.id);
    expect((await getCaller(await sessionFor("ombudsman@loket.example"), ticket.requesterId!))!.tickets.map((t) => t.id)).toContain(ticket.id);
    expect(await replyToTicket.execute(agent, { ticketId: ticket.id, body: "Antwoord van de eerste lijn" }, later(3))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await addNote.execute(agent, { ticketId: ticket.id, body: "Notitie" }, later(3))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await changeTicketFields.execute(agent, { ticketId: ticket.id, status: "CLOSED" }, later(3))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await takeTicketAction.execute(agent, { ticketId: ticket.id }, later(3))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(
      await logPhoneCall.execute(agent, { ticketId: ticket.id, categoryKey: "COMPLAINT", teamId: ticket.teamId!, summary: "Beller vraagt naar de klacht", outcome: "OPEN" }, later(3)),
    ).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await downloadResponse(agent, attachmentId)).status).toBe(404);
    expect(await getLetter(agent, ticket.id, letterId)).toBeNull();
    expect((await searchQueue(agent, parseQueueFilter({ q: ticket.number }))).total).toBe(0);

    const after = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.status).toBe(ticket.status);
    expect(after.assigneeId).toBe(ticket.assigneeId);
    expect(await db.message.count({ where: { ticketId: ticket.id, authorId: agent.id } })).toBe(0);
  });

  it("gets NOT_FOUND for a complaint about a dossier ticket, and so does a case handler, who keeps the dossier ticket itself", async () => {
    const { subject, filed, attachmentId, letterId } = await dossierComplaint();
    const agent = await sessionFor("agent@loket.example");
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId } });
    expect(agent.teamIds).toContain(ticket.teamId);
    expect(handler.teamIds).toContain(ticket.teamId);

    for (const user of [agent, handler]) {
      expect(await getStaffTicket(user, ticket.id)).toBeNull();
      expect(await replyToTicket.execute(user, { ticketId: ticket.id, body: "Een antwoord" }, later(1))).toEqual({ ok: false, reason: "NOT_FOUND" });
      expect(await changeTicketFields.execute(user, { ticketId: ticket.id, status: "RESOLVED" }, later(1))).toEqual({ ok: false, reason: "NOT_FOUND" });
      expect((await downloadResponse(user, attachmentId)).status).toBe(404);
      expect(await getLetter(user, ticket.id, letterId)).toBeNull();
    }
    expect(await getStaffTicket(handler, subject.id)).toMatchObject({ id: subject.id });
    // Nor does the complaints desk give it to them; the coordinator has it there and in the workspace.
    expect(await getDeskComplaint(handler, filed.id)).toBeNull();
    expect(await getDeskComplaint(await sessionFor("coordinator@loket.example"), filed.id)).toMatchObject({ id: filed.id });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe(ticket.status);
  });
});

describe("the other workspace actions on a ticket", () => {
  it("refuse a complaint signal on a ticket outside the workspace scope: a stage-2 complaint ticket, another team's ticket", async () => {
    const { filed } = await stageTwoComplaint();
    const agent = await sessionFor("agent@loket.example");
    const signal = { description: "Beller klaagt over de wachttijd" };
    expect(await logComplaintSignalAction.execute(agent, { ...signal, ticketId: filed.ticketId }, later(3))).toEqual({ ok: false, reason: "TICKET_NOT_FOUND" });
    const other = await db.team.create({ data: { key: "pensioen", name: "Team Pensioen" } });
    const foreign = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", category: { key: "GENERAL_QUESTION" }, assigneeId: { not: agent.id } } });
    await db.ticket.update({ where: { id: foreign.id }, data: { teamId: other.id } });
    expect(await logComplaintSignalAction.execute(agent, { ...signal, ticketId: foreign.id }, later(3))).toEqual({ ok: false, reason: "TICKET_NOT_FOUND" });
    expect(await db.complaint.count({ where: { stage: "SIGNAL", subjectTicketId: { in: [filed.ticketId, foreign.id] } } })).toBe(0);
  });

  it("refuse a callback attempt on an appointment of a complaint ticket the handler may not open", async () => {
    const { filed } = await stageTwoComplaint();
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId } });
    const ombuds = await sessionFor("ombudsman@loket.example");
    const appointment = await db.callbackAppointment.create({
      data: { ticketId: ticket.id, teamId: ticket.teamId!, date: "2026-11-25", slot: "MORNING", slotStart: new Date("2026-11-25T09:00:00Z"), phone: "0612345678", bookedById: ombuds.id },
    });
    const handler = await sessionFor("behandelaar@loket.example");
    expect(handler.teamIds).toContain(ticket.teamId);
    expect(await logCallbackAttempt.execute(handler, { appointmentId: appointment.id, outcome: "NO_ANSWER" }, later(3))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await db.callbackAttempt.count({ where: { appointmentId: appointment.id } })).toBe(0);
    // The team's call-back list shows that the appointment exists, not what the complaint is about.
    const row = (await listCallbacks(handler, { date: "2026-11-25" })).find((r) => r.id === appointment.id);
    expect(row?.ticket).toMatchObject({ number: ticket.number, subject: null });
    expect((await listCallbacks(await sessionFor("manager@loket.example"), { date: "2026-11-25" })).find((r) => r.id === appointment.id)?.ticket.subject).toBeNull();
  });
});

describe("the complaint handlers", () => {
  it("give the ombudsman the stage-2 ticket and keep the coordinator and manager out of it", async () => {
    const { filed, attachmentId, letterId } = await stageTwoComplaint();
    const ombuds = await sessionFor("ombudsman@loket.example");
    expect(await getStaffTicket(ombuds, filed.ticketId)).toMatchObject({ id: filed.ticketId });
    expect(await getLetter(ombuds, filed.ticketId, letterId)).not.toBeNull();
    expect((await downloadResponse(ombuds, attachmentId)).status).toBe(200);
    // The ombudsman answers on the complaints desk, which adds where the customer can go next.
    expect(await replyToTicket.execute(ombuds, { ticketId: filed.ticketId, body: "Ik bekijk uw klacht." }, later(3))).toEqual({ ok: false, reason: "FORBIDDEN" });

    for (const email of ["coordinator@loket.example", "manager@loket.example"]) {
      const lead = await sessionFor(email);
      expect(await getStaffTicket(lead, filed.ticketId)).toBeNull();
      expect(await addNote.execute(lead, { ticketId: filed.ticketId, body: "Even meekijken" }, later(3))).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
  });

  it("give the coordinator a stage-1 complaint about a dossier ticket, not the ombudsman", async () => {
    const { filed } = await dossierComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    expect(await getStaffTicket(coordinator, filed.ticketId)).toMatchObject({ id: filed.ticketId });
    expect((await replyToTicket.execute(coordinator, { ticketId: filed.ticketId, body: "Wij nemen contact met u op." }, later(1))).ok).toBe(true);
    // Assigned to nobody but the coordinator, and not in stage 2: nothing for the ombudsman yet.
    await db.ticket.update({ where: { id: filed.ticketId }, data: { assigneeId: (await sessionFor("ombudsman@loket.example")).id } });
    expect(await getStaffTicket(await sessionFor("ombudsman@loket.example"), filed.ticketId)).toBeNull();
  });
});

describe("audit of dossier reads and downloads", () => {
  it("writes ticket.dossier_viewed when staff open a dossier ticket, a complaint about one included, and nothing for a general ticket", async () => {
    const { subject, filed } = await dossierComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    const handler = await sessionFor("behandelaar@loket.example");
    const general = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", category: { key: "GENERAL_QUESTION" }, complaint: { is: null } } });
    await db.auditEvent.deleteMany({ where: { action: "ticket.dossier_viewed" } });

    await getStaffTicket(handler, subject.id);
    await getStaffTicket(coordinator, filed.ticketId);
    await getStaffTicket(handler, general.id);
    await getStaffTicket(await sessionFor("agent@loket.example"), subject.id);
    const events = await db.auditEvent.findMany({ where: { action: "ticket.dossier_viewed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => ({ actorId: e.actorId, entityType: e.entityType, entityId: e.entityId, data: e.data }))).toEqual([
      { actorId: handler.id, entityType: "Ticket", entityId: subject.id, data: {} },
      { actorId: coordinator.id, entityType: "Ticket", entityId: filed.ticketId, data: {} },
    ]);
  });

  it("writes ticket.dossier_viewed with the letter when staff print a letter of a dossier ticket", async () => {
    const { filed, letterId } = await dossierComplaint();
    const coordinator = await sessionFor("coordinator@loket.example");
    await db.auditEvent.deleteMany({ where: { action: "ticket.dossier_viewed" } });
    expect(await getLetter(coordinator, filed.ticketId, letterId)).not.toBeNull();
    expect(await getLetter(await sessionFor("agent@loket.example"), filed.ticketId, letterId)).toBeNull();
    const events = await db.auditEvent.findMany({ where: { action: "ticket.dossier_viewed" } });
    expect(events.map((e) => ({ actorId: e.actorId, entityId: e.entityId, data: e.data }))).toEqual([{ actorId: coordinator.id, entityId: filed.ticketId, data: { letterId } }]);
  });

  it("writes attachment.downloaded for each download with the ticket, and nothing for a refused one", async () => {
    const { filed, attachmentId } = await stageTwoComplaint();
    const ombuds = await sessionFor("ombudsman@loket.example");
    const anna = await sessionFor("anna.jansen@burger.example");
    expect((await downloadResponse(ombuds, attachmentId)).status).toBe(200);
    expect((await downloadResponse(anna, attachmentId)).status).toBe(200);
    expect((await downloadResponse(await sessionFor("agent@loket.example"), attachmentId)).status).toBe(404);
    const events = await db.auditEvent.findMany({ where: { action: "attachment.downloaded" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => ({ actorId: e.actorId, entityType: e.entityType, entityId: e.entityId, data: e.data }))).toEqual([
      { actorId: ombuds.id, entityType: "Attachment", entityId: attachmentId, data: { ticketId: filed.ticketId } },
      { actorId: anna.id, entityType: "Attachment", entityId: attachmentId, data: { ticketId: filed.ticketId } },
    ]);
  });
});

describe("the page, the timeline and the queue use the same rule", () => {
  it("agree, for every staff role, on every ticket: the rule itself, the Prisma scope and the queue's SQL", async () => {
    await stageTwoComplaint();
    await dossierComplaint();
    const tickets = await db.ticket.findMany({
      select: {
        id: true,
        teamId: true,
        assigneeId: true,
        category: { select: { dossierSensitive: true } },
        organisation: { select: { customerSuccessManagerId: true } },
        complaint: { select: { stage: true, subjectTicket: { select: { category: { select: { dossierSensitive: true } } } } } },
      },
    });
    const facts = tickets.map((t) => ({
      id: t.id,
      teamId: t.teamId,
      assigneeId: t.assigneeId,
      organisationCsmId: t.organisation?.customerSuccessManagerId ?? null,
      dossierSensitive: t.category.dossierSensitive,
      complaint: t.complaint ? { stage: t.complaint.stage, subjectDossierSensitive: t.complaint.subjectTicket.category.dossierSensitive } : null,
    }));
    // The fixture must hold complaints in both stages the rule distinguishes.
    expect(new Set(facts.filter((f) => f.complaint).map((f) => f.complaint!.stage))).toEqual(new Set(["STAGE_1", "STAGE_2"]));

    const emails = ["agent@loket.example", "behandelaar@loket.example", "coordinator@loket.example", "manager@loket.example", "csm@loket.example", "ombudsman@loket.example", "admin@loket.example"];
    const seen = new Map<string, string[]>();
    for (const email of emails) {
      const user = await sessionFor(email);
      const byRule = facts.filter((f) => staffMaySeeTicket(user, f)).map((f) => f.id).sort();
      const byPrisma = (await db.ticket.findMany({ where: staffTicketScope(user), select: { id: true } })).map((t) => t.id).sort();
      const bySql: string[] = [];
      for (const status of ["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"] as const) {
        bySql.push(...(await queuePageIds(db, user, { status }, 10_000, 0, new Date())).ids);
      }
      expect(byPrisma, email).toEqual(byRule);
      expect(bySql.sort(), email).toEqual(byRule);
      // The page agrees too: a ticket it opens is one the rule allows, and the other way round.
      const sample = [...facts.filter((f) => f.complaint), ...facts.filter((f) => !f.complaint).slice(0, 3)];
      for (const f of sample) expect(((await getStaffTicket(user, f.id)) !== null), `${email} ${f.id}`).toBe(byRule.includes(f.id));
      seen.set(email, byRule);
    }
    const complaintIds = facts.filter((f) => f.complaint).map((f) => f.id);
    expect(complaintIds.filter((id) => seen.get("agent@loket.example")!.includes(id))).toEqual([]);
    // Stage 2 is the ombudsman's alone, stage 1 the line's (coordinator), whatever the seed holds.
    const inStage = (stage: string) => facts.filter((f) => f.complaint?.stage === stage).map((f) => f.id).sort();
    expect(complaintIds.filter((id) => seen.get("ombudsman@loket.example")!.includes(id)).sort()).toEqual(inStage("STAGE_2"));
    expect(complaintIds.filter((id) => seen.get("coordinator@loket.example")!.includes(id)).sort()).toEqual(inStage("STAGE_1"));
    expect(seen.get("behandelaar@loket.example")!.length).toBeGreaterThan(0);
  });

  it("shows the timeline only of a ticket the page may open", async () => {
    const { filed } = await stageTwoComplaint();
    const ombuds = await sessionFor("ombudsman@loket.example");
    const ticket = await getStaffTicket(ombuds, filed.ticketId);
    const timeline = await getTimeline(ticket!);
    expect(timeline.some((e) => e.kind === "message" && e.body === "Niet tevreden met het antwoord")).toBe(true);
  });
});
