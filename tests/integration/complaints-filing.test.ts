import { beforeEach, describe, expect, it } from "vitest";
import { fileComplaintAsBeneficiary, fileComplaintAsEmployer, requestOmbudsmanAsBeneficiary } from "@/lib/complaints/commands";
import { getOwnComplaint, listOwnComplaints } from "@/lib/complaints/queries";
import { db } from "@/lib/db/client";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(now);
  // The demo has a complaint of its own; these tests count only what they file.
  await db.complaint.deleteMany();
});

async function ticketOf(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return db.ticket.findFirstOrThrow({ where: { requesterId: user.id, status: "RESOLVED" } });
}

const form = (number: string) => ({ subjectTicketNumber: number, lastContactDate: "2026-11-24", handlerName: "Joost", description: "Ik heb drie keer gebeld en nooit antwoord gekregen." });

describe("fileComplaintAsBeneficiary", () => {
  it("files a stage-1 complaint owned by a coordinator with a 5-working-day reaction date", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const subject = await ticketOf(anna.email);
    const result = await fileComplaintAsBeneficiary.execute(anna, form(subject.number.toLowerCase()), now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Tuesday 24 November + 5 working days = Tuesday 1 December.
    expect(result.data.dueAt.toISOString().slice(0, 10)).toBe("2026-12-01");
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: result.data.id }, include: { owner: true, ticket: { include: { category: true } } } });
    expect(complaint).toMatchObject({ stage: "STAGE_1", status: "OPEN", subjectTicketId: subject.id, complainantId: anna.id, handlerName: "Joost" });
    expect(complaint.owner?.role).toBe("TEAM_COORDINATOR");
    expect(complaint.ticket?.category.key).toBe("COMPLAINT");
    expect(complaint.ticket?.subject).toBe(`Klacht over ${subject.number}`);
    expect((await listOwnComplaints(anna)).map((c) => c.id)).toEqual([complaint.id]);
    expect(await db.auditEvent.count({ where: { action: "complaint.file", entityId: complaint.id } })).toBe(1);
  });

  it("names the complaint's ticket in the complainant's language, as their lists show it", async () => {
    const bram = await sessionFor("bram.devries@burger.example");
    await db.user.update({ where: { id: bram.id }, data: { locale: "en" } });
    const subject = await ticketOf(bram.email);
    const filed = await fileComplaintAsBeneficiary.execute(bram, form(subject.number), now);
    if (!filed.ok) throw new Error(filed.reason);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: filed.data.ticketId } })).subject).toBe(`Complaint about ${subject.number}`);
  });

  it("tells someone complaining about their own complaint to ask the ombudsman instead, storing nothing", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const filed = await fileComplaintAsBeneficiary.execute(anna, form((await ticketOf(anna.email)).number), now);
    if (!filed.ok) throw new Error(filed.reason);
    const complaintTicket = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, category: { key: "COMPLAINT" } } });
    expect(await fileComplaintAsBeneficiary.execute(anna, form(complaintTicket.number), now)).toMatchObject({ ok: false, reason: "COMPLAINT_ABOUT_COMPLAINT" });
    expect(await db.complaint.count()).toBe(1);
  });

  it("refuses an unknown number, another person's ticket, a future date and bad input, storing nothing", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const bram = await sessionFor("bram.devries@burger.example");
    const brams = await ticketOf(bram.email);
    const annas = await ticketOf(anna.email);
    expect(await fileComplaintAsBeneficiary.execute(anna, form("LK-2026-999999"), now)).toMatchObject({ ok: false, reason: "COMPLAINT_TICKET_NOT_FOUND" });
    expect(await fileComplaintAsBeneficiary.execute(anna, form(brams.number), now)).toMatchObject({ ok: false, reason: "COMPLAINT_TICKET_NOT_FOUND" });
    expect(await fileComplaintAsBeneficiary.execute(anna, { ...form(annas.number), lastContactDate: "2026-11-30" }, now)).toMatchObject({ ok: false, reason: "LAST_CONTACT_IN_FUTURE", fieldErrors: { lastContactDate: ["LAST_CONTACT_IN_FUTURE"] } });
    // Each refusal names its field, so the form says it there too.
    expect(await fileComplaintAsBeneficiary.execute(anna, form("LK-2026-999999"), now)).toMatchObject({ fieldErrors: { subjectTicketNumber: ["COMPLAINT_TICKET_NOT_FOUND"] } });
    // A last contact before the question began is a typing slip (1900, 0202).
    for (const lastContactDate of ["1900-01-01", "0202-11-20"]) {
      expect(await fileComplaintAsBeneficiary.execute(anna, { ...form(annas.number), lastContactDate }, now)).toMatchObject({ ok: false, reason: "LAST_CONTACT_BEFORE_QUESTION" });
    }
    const bad = await fileComplaintAsBeneficiary.execute(anna, { ...form("12345"), description: "" }, now);
    expect(bad).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { subjectTicketNumber: ["INVALID_NUMBER"], description: ["TOO_SHORT:10"] } });
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await fileComplaintAsBeneficiary.execute(eva, form(annas.number), now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(await db.complaint.count()).toBe(0);
  });
});

describe("fileComplaintAsEmployer", () => {
  it("accepts an organisation's ticket and refuses another organisation's", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const tom = await db.user.findUniqueOrThrow({ where: { email: "tom.visser@vandijk.example" } });
    const colleagues = await db.ticket.findFirstOrThrow({ where: { requesterId: tom.id } });
    const ok = await fileComplaintAsEmployer.execute(eva, form(colleagues.number), now);
    expect(ok).toMatchObject({ ok: true });
    const lisa = await db.user.findUniqueOrThrow({ where: { email: "lisa.smit@zorggroepnoord.example" } });
    const other = await db.ticket.findFirstOrThrow({ where: { requesterId: lisa.id } });
    expect(await fileComplaintAsEmployer.execute(eva, form(other.number), now)).toMatchObject({ ok: false, reason: "COMPLAINT_TICKET_NOT_FOUND" });
    const anna = await sessionFor("anna.jansen@burger.example");
    expect(await fileComplaintAsEmployer.execute(anna, form(colleagues.number), now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
  });
});

describe("requestOmbudsmanAsBeneficiary", () => {
  it("moves an answered stage-1 complaint to the ombudsman; refuses before an answer and for others", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const bram = await sessionFor("bram.devries@burger.example");
    const subject = await ticketOf(anna.email);
    const filed = await fileComplaintAsBeneficiary.execute(anna, form(subject.number), now);
    if (!filed.ok) throw new Error("filing failed");
    const request = { complaintId: filed.data.id, reason: "Het antwoord gaat niet in op mijn klacht." };
    expect(await requestOmbudsmanAsBeneficiary.execute(anna, request, now)).toMatchObject({ ok: false, reason: "OMBUDSMAN_NOT_AVAILABLE" });

    await db.complaint.update({ where: { id: filed.data.id }, data: { status: "ANSWERED", answeredAt: now } });
    expect(await requestOmbudsmanAsBeneficiary.execute(bram, request, now)).toMatchObject({ ok: false, reason: "COMPLAINT_NOT_FOUND" });
    const later = new Date("2026-11-26T10:00:00Z");
    expect(await requestOmbudsmanAsBeneficiary.execute(anna, request, later)).toMatchObject({ ok: true });
    const complaint = await getOwnComplaint(anna, filed.data.id);
    expect(complaint).toMatchObject({ stage: "STAGE_2", status: "OPEN" });
    const owner = await db.complaint.findUniqueOrThrow({ where: { id: filed.data.id }, include: { owner: true } });
    expect(owner.owner?.role).toBe("OMBUDS");
    expect(await getOwnComplaint(bram, filed.data.id)).toBeNull();
    expect(await requestOmbudsmanAsBeneficiary.execute(anna, request, later)).toMatchObject({ ok: false, reason: "OMBUDSMAN_NOT_AVAILABLE" });
  });

  it("is available when the stage-1 answer is late", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const subject = await ticketOf(anna.email);
    const filed = await fileComplaintAsBeneficiary.execute(anna, form(subject.number), now);
    if (!filed.ok) throw new Error("filing failed");
    const late = new Date("2026-12-02T10:00:00Z");
    expect(await requestOmbudsmanAsBeneficiary.execute(anna, { complaintId: filed.data.id, reason: "Ik heb na een week nog niets gehoord." }, late)).toMatchObject({ ok: true });
  });
});
