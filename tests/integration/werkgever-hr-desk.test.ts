import { beforeEach, describe, expect, it } from "vitest";
import { fileComplaintAsEmployer } from "@/lib/complaints/commands";
import { listTeamSlots } from "@/lib/callbacks/queries";
import { db } from "@/lib/db/client";
import { listHrDeskSlots, listMyHrDeskAppointments, listTicketAppointmentsOfContact, requestHrDeskConversation } from "@/lib/employer/hr-desk";
import { listCallbacks } from "@/lib/workspace/callback-list";
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
    expect(ticket.appointments[0]).toMatchObject({ date: slot.date, slot: slot.kind, personId: eva.id, status: "BOOKED", phone: "0201234567" });
  });

  it("answers with when and at which number the specialist calls, and shows the appointment to the contact and the specialists", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const slot = (await listHrDeskSlots(now)).find((s) => s.date === "2026-11-25" && s.kind === "AFTERNOON")!;
    const result = await requestHrDeskConversation.execute(eva, { subject: "Verzuimbeleid", body: "Wij willen ons verzuimbeleid doorspreken.", phone: "020 123 4567", slot: slot.key }, now);
    if (!result.ok) throw new Error(result.reason);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.data.number }, include: { messages: { where: { automatic: true } }, team: true } });
    expect(ticket.messages).toHaveLength(1);
    expect(ticket.messages[0]!.body).toContain("Een specialist belt u op 25 november 2026, middag (14:00-16:00), op nummer 0201234567.");
    expect(ticket.messages[0]!.body).not.toContain("antwoord");
    // The confirmation mail names the number too, and no portal self-service the employer portal lacks.
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "callback.booked", ticketId: ticket.id } });
    expect(mail.bodyText).toBe("Wij bellen u terug op 25 november 2026, middag (14:00-16:00) op nummer 0201234567.");

    const mine = await listMyHrDeskAppointments(eva, now);
    expect(mine.map((a) => [a.ticket.number, a.date, a.slot, a.phone, a.status])).toContainEqual([ticket.number, "2026-11-25", "AFTERNOON", "0201234567", "BOOKED"]);
    expect(await listTicketAppointmentsOfContact(eva, ticket.id)).toHaveLength(1);
    // A colleague of the same organisation sees no one else's conversation.
    const tom = await sessionFor("tom.visser@vandijk.example");
    expect(await listTicketAppointmentsOfContact(tom, ticket.id)).toEqual([]);

    // The specialists (the HR_DESK category's team) find it on their callback list for that day.
    expect(ticket.team?.key).toBe("werkgevers");
    const handler = await sessionFor("behandelaar@loket.example");
    const list = await listCallbacks(handler, { date: "2026-11-25", teamId: ticket.teamId! });
    expect(list.find((a) => a.ticketId === ticket.id)).toMatchObject({ slot: "AFTERNOON", phone: "0201234567", status: "BOOKED", ticket: { subject: "Verzuimbeleid" } });
  });

  it("offers no slot, and books none, on a day only the HR desk line is closed (its team training, seeded for Friday 27 November)", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const team = await db.team.findUniqueOrThrow({ where: { key: "werkgevers" } });
    // The team's own calendar has the day (so the check below can fail): the line closes it.
    expect((await listTeamSlots(db, team.id, now)).some((s) => s.date === "2026-11-27" && s.bookable)).toBe(true);
    const dates = new Set((await listHrDeskSlots(now)).map((s) => s.date));
    expect(dates.has("2026-11-27")).toBe(false);
    expect(dates.has("2026-11-26") && dates.has("2026-11-30")).toBe(true);

    const tickets = await db.ticket.count();
    const result = await requestHrDeskConversation.execute(eva, { subject: "Re-integratie", body: "Wij willen sparren over een re-integratietraject.", phone: "020 123 4567", slot: "2026-11-27:MORNING" }, now);
    expect(result).toMatchObject({ ok: false, reason: "NOT_A_WORKING_DAY" });
    expect(await db.ticket.count()).toBe(tickets);
  });

  it("refuses a full slot with SLOT_FULL and leaves no ticket behind", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const slot = (await listHrDeskSlots(now))[0]!;
    const team = await db.team.findUniqueOrThrow({ where: { key: "werkgevers" } });
    await db.slotCapacity.update({ where: { teamId_slot: { teamId: team.id, slot: slot.kind } }, data: { capacity: 0 } });
    const [tickets, messages, appointments] = await Promise.all([db.ticket.count(), db.message.count(), db.callbackAppointment.count()]);
    const input = { subject: "Re-integratie", body: "Wij willen sparren over een re-integratietraject.", phone: "020 123 4567", slot: slot.key };
    expect(await requestHrDeskConversation.execute(eva, input, now)).toEqual({ ok: false, reason: "SLOT_FULL" });
    expect([await db.ticket.count(), await db.message.count(), await db.callbackAppointment.count()]).toEqual([tickets, messages, appointments]);
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
    const form = { subjectTicketNumber: own.number, lastContactDate: "2026-11-24", description: "Wij kregen drie keer een ander antwoord." };
    expect(await fileComplaintAsEmployer.execute(tom, form, now)).toMatchObject({ ok: true });
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    expect(await fileComplaintAsEmployer.execute(lisa, form, now)).toMatchObject({ ok: false, reason: "COMPLAINT_TICKET_NOT_FOUND" });
  });
});
