// One employer scope (lib/employer/scope.ts) for every employer read and write: an HR-desk
// conversation is for the organisation's HR professionals only, and another organisation sees nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { fileComplaintAsEmployer } from "@/lib/complaints/commands";
import { listOwnComplaints } from "@/lib/complaints/queries";
import { db } from "@/lib/db/client";
import { fileQuestion, replyToTicket } from "@/lib/employer/commands";
import { listHrDeskSlots, requestHrDeskConversation } from "@/lib/employer/hr-desk";
import { getEmployerTicket, listEmployerTickets } from "@/lib/employer/queries";
import { raiseEmployerEscalation } from "@/lib/escalations/commands";
import { listOrganisationEscalations } from "@/lib/escalations/queries";
import { listOrganisationTickets } from "@/lib/tickets/queries";
import { downloadResponse } from "@/lib/uploads/download";
import { storeUpload } from "@/lib/uploads/storage";
import { seedDemo, sessionFor } from "../support/fixtures";
import { withScratchUploadDir } from "../support/upload-dir";

// Tuesday 24 November 2026, 11:00 in Amsterdam.
const now = new Date("2026-11-24T10:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const reason = "Wij wachten al te lang op de specialist en het gesprek is dringend.";

withScratchUploadDir("scope-employer");
beforeEach(async () => {
  await seedDemo(now);
});

/** Eva (HR professional) asks the HR desk; her message carries a file. */
async function hrDeskTicket() {
  const eva = await sessionFor("eva.bakker@vandijk.example");
  const slot = (await listHrDeskSlots(now))[0]!;
  const result = await requestHrDeskConversation.execute(eva, { subject: "Re-integratie medewerker", body: "Wij willen sparren over een re-integratietraject.", phone: "020 123 4567", slot: slot.key }, now);
  if (!result.ok) throw new Error(result.reason);
  const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.data.number }, include: { messages: true } });
  const stored = await storeUpload({ name: "verzuimdossier.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.7\n% verzuim\n%%EOF") }, now);
  const attachment = await db.attachment.create({ data: { ...stored, messageId: ticket.messages[0]!.id } });
  return { eva, ticket, attachment };
}

describe("an HR-desk conversation", () => {
  it("stays out of reach of a colleague who is not an HR professional: list, page, reply, complaint, escalation, file", async () => {
    const { ticket, attachment } = await hrDeskTicket();
    const tom = await sessionFor("tom.visser@vandijk.example");
    expect(tom.hrProfessional).toBe(false);
    expect(tom.rights).toContain("SUBMIT_REQUESTS");

    const listed = await listEmployerTickets(tom);
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.map((t) => t.number)).not.toContain(ticket.number);
    expect((await listOrganisationTickets(tom)).map((t) => t.number)).not.toContain(ticket.number);
    expect(await getEmployerTicket(tom, ticket.number)).toBeNull();

    const messages = await db.message.count({ where: { ticketId: ticket.id } });
    expect(await replyToTicket.execute(tom, { ticketNumber: ticket.number, body: "Mag ik meelezen?" }, later(1))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(messages);
    expect(await fileComplaintAsEmployer.execute(tom, { subjectTicketNumber: ticket.number, lastContactDate: "2026-11-24", description: "Niemand belde terug over dit gesprek." }, later(1))).toEqual({
      ok: false,
      reason: "COMPLAINT_TICKET_NOT_FOUND",
      fieldErrors: { subjectTicketNumber: ["COMPLAINT_TICKET_NOT_FOUND"] },
    });
    expect(await raiseEmployerEscalation.execute(tom, { ticketNumber: ticket.number, reason }, later(1))).toEqual({ ok: false, reason: "ESCALATION_NOT_FOUND" });
    expect((await downloadResponse(tom, attachment.id)).status).toBe(404);
  });

  it("is open to the HR professional who asked, and to another HR professional of the organisation", async () => {
    const { eva, ticket, attachment } = await hrDeskTicket();
    expect((await listEmployerTickets(eva)).items.map((t) => t.number)).toContain(ticket.number);
    expect(await getEmployerTicket(eva, ticket.number)).toMatchObject({ number: ticket.number });
    expect(await replyToTicket.execute(eva, { ticketNumber: ticket.number, body: "Graag in de ochtend bellen." }, later(1))).toEqual({ ok: true, data: { reopened: false } });
    expect((await downloadResponse(eva, attachment.id)).status).toBe(200);

    await db.membership.updateMany({ where: { user: { email: "tom.visser@vandijk.example" } }, data: { hrProfessional: true } });
    const tom = await sessionFor("tom.visser@vandijk.example");
    expect(await getEmployerTicket(tom, ticket.number)).toMatchObject({ number: ticket.number });
    expect((await downloadResponse(tom, attachment.id)).status).toBe(200);
  });

  it("shows an HR professional without SUBMIT_REQUESTS their HR-desk conversation and no other ticket", async () => {
    const { ticket } = await hrDeskTicket();
    const tom = await sessionFor("tom.visser@vandijk.example");
    const question = await fileQuestion.execute(tom, { categoryKey: "PROCEDURE", subject: "Aanvraag subsidie", body: "Hoe vragen wij loonkostensubsidie aan?" }, now);
    if (!question.ok) throw new Error(question.reason);
    await db.membership.updateMany({ where: { user: { email: "eva.bakker@vandijk.example" } }, data: { rights: ["MANAGE_USERS"] } });
    const eva = await sessionFor("eva.bakker@vandijk.example");
    // Her own HR-desk conversations (this one and the demo's) and nothing else of the organisation.
    const ownHrDesk = await db.ticket.findMany({ where: { requester: { email: "eva.bakker@vandijk.example" }, category: { key: "HR_DESK" } }, select: { number: true } });
    const listed = (await listEmployerTickets(eva)).items.map((t) => t.number);
    expect(listed).toContain(ticket.number);
    expect(listed.sort()).toEqual(ownHrDesk.map((t) => t.number).sort());
    expect(listed).not.toContain(question.data.number);
    expect(await getEmployerTicket(eva, question.data.number)).toBeNull();
    expect(await getEmployerTicket(eva, ticket.number)).toMatchObject({ number: ticket.number });
    // Answering is submitting a request: that takes the right, on any ticket.
    expect(await replyToTicket.execute(eva, { ticketNumber: ticket.number, body: "Graag in de middag bellen." }, later(1))).toEqual({ ok: false, reason: "FORBIDDEN" });
  });

  it("keeps a complaint and an escalation about it with the HR professionals", async () => {
    const { eva, ticket } = await hrDeskTicket();
    const filed = await fileComplaintAsEmployer.execute(eva, { subjectTicketNumber: ticket.number, lastContactDate: "2026-11-24", description: "De specialist belde niet in het afgesproken dagdeel." }, later(1));
    if (!filed.ok) throw new Error(filed.reason);
    const raised = await raiseEmployerEscalation.execute(eva, { ticketNumber: ticket.number, reason }, later(1));
    expect(raised.ok).toBe(true);

    expect((await listOwnComplaints(eva)).map((c) => c.id)).toContain(filed.data.id);
    expect((await listEmployerTickets(eva)).items.map((t) => t.number)).toContain(filed.data.number);
    expect((await listOrganisationEscalations(eva)).items.map((e) => e.ticket?.number)).toContain(ticket.number);

    const tom = await sessionFor("tom.visser@vandijk.example");
    expect((await listOwnComplaints(tom)).map((c) => c.id)).not.toContain(filed.data.id);
    // The complaint's own ticket is about the HR-desk conversation, so it is the HR professionals' too.
    expect((await listEmployerTickets(tom)).items.map((t) => t.number)).not.toContain(filed.data.number);
    expect(await getEmployerTicket(tom, filed.data.number)).toBeNull();
    expect(await replyToTicket.execute(tom, { ticketNumber: filed.data.number, body: "Wat is hier aan de hand?" }, later(2))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await listOrganisationEscalations(tom)).items.map((e) => e.ticket?.number)).not.toContain(ticket.number);
  });
});

describe("another organisation", () => {
  it("sees none of it, HR professional or not", async () => {
    const { ticket, attachment } = await hrDeskTicket();
    await db.membership.updateMany({ where: { user: { email: "lisa.smit@zorggroepnoord.example" } }, data: { hrProfessional: true } });
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    expect((await listEmployerTickets(lisa)).items.map((t) => t.number)).not.toContain(ticket.number);
    expect(await getEmployerTicket(lisa, ticket.number)).toBeNull();
    expect(await replyToTicket.execute(lisa, { ticketNumber: ticket.number, body: "Hallo daar" }, later(1))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await fileComplaintAsEmployer.execute(lisa, { subjectTicketNumber: ticket.number, lastContactDate: "2026-11-24", description: "Een klacht over iets van een ander." }, later(1))).toEqual({
      ok: false,
      reason: "COMPLAINT_TICKET_NOT_FOUND",
      fieldErrors: { subjectTicketNumber: ["COMPLAINT_TICKET_NOT_FOUND"] },
    });
    expect((await downloadResponse(lisa, attachment.id)).status).toBe(404);
  });
});
