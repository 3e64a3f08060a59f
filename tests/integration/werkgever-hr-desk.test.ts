import { beforeEach, describe, expect, it } from "vitest";
import { fileComplaintAsEmployer } from "@/lib/complaints/commands";
import { db } from "@/lib/db/client";
import { listHrDeskSlots, requestHrDeskConversation } from "@/lib/employer/hr-desk";
import { seedDemo, sessionFor } from "../support/fixtures";

// Tuesday 24 November 2026, 11:00 in Amsterdam.
const now = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(now);
});

describe("the HR desk", () => {
  it("turns a conversation request into an HR_DESK ticket with a booked callback slot", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const slots = await listHrDeskSlots(now);
    const slot = slots[0]!;
    const result = await requestHrDeskConversation.execute(eva, { subject: "Re-integratie", body: "Wij willen sparren over een re-integratietraject.", phone: "020 123 4567", slot: slot.key }, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.data.number }, include: { category: true, appointments: true } });
    expect(ticket.category.key).toBe("HR_DESK");
    expect(ticket.organisationId).toBe(eva.organisationId);
    expect(ticket.appointments).toHaveLength(1);
    expect(ticket.appointments[0]).toMatchObject({ date: slot.date, slot: slot.kind, personId: eva.id, status: "BOOKED" });
  });

  it("refuses a contact who is not an HR professional, and a bad slot stores nothing", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const slot = (await listHrDeskSlots(now))[0]!;
    const input = { subject: "Re-integratie", body: "Wij willen sparren over een re-integratietraject.", phone: "020 123 4567", slot: slot.key };
    expect(await requestHrDeskConversation.execute(tom, input, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const before = await db.ticket.count();
    expect(await requestHrDeskConversation.execute(eva, { ...input, slot: "2026-11-28:MORNING" }, now)).toMatchObject({ ok: false, reason: "NOT_A_WORKING_DAY" });
    expect(await requestHrDeskConversation.execute(eva, { ...input, phone: "abc" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await db.ticket.count()).toBe(before);
  });
});

describe("an employer complaint", () => {
  it("is accepted about the organisation's own ticket and refused about another organisation's", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const own = await db.ticket.findFirstOrThrow({ where: { organisationId: tom.organisationId, category: { key: "PROCEDURE" } } });
    const form = { subjectTicketNumber: own.number, lastContactDate: "2026-11-20", description: "Wij kregen drie keer een ander antwoord." };
    expect(await fileComplaintAsEmployer.execute(tom, form, now)).toMatchObject({ ok: true });
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    expect(await fileComplaintAsEmployer.execute(lisa, form, now)).toMatchObject({ ok: false, reason: "COMPLAINT_TICKET_NOT_FOUND" });
  });
});
