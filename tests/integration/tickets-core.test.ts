import { beforeEach, describe, expect, it } from "vitest";
import { dueAfterWorkingDays, DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/rules";
import { db } from "@/lib/db/client";
import { addCustomerMessage, addInternalNote, addStaffReply, changeTicket, createTicket, TicketRuleError } from "@/lib/tickets/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";

// Tuesday 24 November 2026, 11:00 in Amsterdam.
const now = new Date("2026-11-24T10:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

beforeEach(async () => {
  await seedDemo(now);
});

async function portalQuestion() {
  const anna = await sessionFor("anna.jansen@burger.example");
  const created = await db.$transaction((tx) =>
    createTicket(tx, { subject: "Hoogte aanvulling", categoryKey: "DOSSIER_QUESTION", channel: "PORTAL", body: "Waarom is het bedrag lager?", requesterId: anna.id, authorId: anna.id }, now),
  );
  return { anna, created };
}

describe("creating a ticket", () => {
  it("gives a portal question a number, a 5-working-day clock and an acknowledgement in the ticket", async () => {
    const { anna, created } = await portalQuestion();
    expect(created.number).toMatch(/^LK-2026-\d{6}$/);
    expect(created.slaDueAt?.toISOString()).toBe(dueAfterWorkingDays(now, 5, DEFAULT_CALENDAR_SETTINGS).toISOString());
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: created.id }, include: { messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, team: true } });
    expect(ticket).toMatchObject({ status: "NEW", channel: "PORTAL", requesterId: anna.id, audience: "BENEFICIARY", slaState: "ON_TRACK" });
    expect(ticket.team?.key).toBe("uitkeringen");
    expect(ticket.messages.map((m) => [m.direction, m.automatic])).toEqual([["INBOUND", false], ["OUTBOUND", true]]);
    expect(ticket.messages[1]!.body).toContain(created.number);
    expect(await db.outboxMessage.count({ where: { ticketId: created.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "ticket.create" } })).toBe(1);
  });

  it("acknowledges a mail question by mail, with the number in the subject", async () => {
    const created = await db.$transaction((tx) =>
      createTicket(tx, { subject: "Jaaropgave", categoryKey: "GENERAL_QUESTION", channel: "EMAIL", body: "Waar vind ik die?", requesterEmail: "onbekend@voorbeeld.example", requesterName: "J. Onbekend", mailMessageId: "<abc@mail.example>" }, now),
    );
    const mails = await db.outboxMessage.findMany({ where: { ticketId: created.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: "onbekend@voorbeeld.example", subject: `[${created.number}] Jaaropgave`, inReplyTo: "<abc@mail.example>", status: "PENDING" });
  });

  it("stores nothing for an unknown category", async () => {
    const before = await db.ticket.count();
    const error = await db
      .$transaction((tx) => createTicket(tx, { subject: "x", categoryKey: "NO_SUCH_THING", channel: "PORTAL", body: "x" }, now))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketRuleError);
    expect((error as TicketRuleError).code).toBe("UNKNOWN_CATEGORY");
    expect(await db.ticket.count()).toBe(before);
  });

  it("records a phone question answered at once as resolved in the first contact", async () => {
    const agent = await sessionFor("agent@loket.example");
    const created = await db.$transaction((tx) =>
      createTicket(tx, { subject: "Openingstijden", categoryKey: "GENERAL_QUESTION", channel: "PHONE", body: "Beller vroeg naar openingstijden", requesterName: "Onbekende beller", authorId: agent.id, firstContactResolution: true }, now),
    );
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: created.id }, include: { messages: true } });
    expect(ticket).toMatchObject({ status: "RESOLVED", firstContactResolution: true });
    expect(ticket.messages.filter((m) => m.automatic)).toHaveLength(0);
  });
});

describe("conversation and status", () => {
  it("pauses the clock while waiting on the customer and moves the due time by the pause", async () => {
    const { anna, created } = await portalQuestion();
    const handler = await sessionFor("behandelaar@loket.example");
    await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, status: "PENDING_CUSTOMER" }, later(1)));
    const paused = await db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(paused.slaPausedAt?.toISOString()).toBe(later(1).toISOString());

    // Anna answers 24 hours later, a full working day (8 working hours) of pause: the ticket
    // re-opens and the due time moves from Tuesday 1 December 17:00 to Wednesday 2 December 17:00.
    const reply = await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: created.id, authorId: anna.id, channel: "PORTAL", body: "Hierbij de beschikking" }, later(25)));
    expect(reply.reopened).toBe(true);
    const reopened = await db.ticket.findUniqueOrThrow({ where: { id: created.id }, include: { pauses: true } });
    expect(reopened.status).toBe("OPEN");
    expect(reopened.slaPausedAt).toBeNull();
    expect(reopened.pauses[0]?.to?.toISOString()).toBe(later(25).toISOString());
    expect(created.slaDueAt?.toISOString()).toBe("2026-12-01T16:00:00.000Z");
    expect(reopened.slaDueAt?.toISOString()).toBe("2026-12-02T16:00:00.000Z");
  });

  it("re-opens a resolved ticket on a customer reply and refuses replies on a closed one", async () => {
    const { anna, created } = await portalQuestion();
    const handler = await sessionFor("behandelaar@loket.example");
    await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, status: "RESOLVED" }, later(2)));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).slaStoppedAt).not.toBeNull();
    await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: created.id, authorId: anna.id, channel: "PORTAL", body: "Toch nog een vraag" }, later(3)));
    const reopened = await db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(reopened).toMatchObject({ status: "OPEN", slaStoppedAt: null, resolvedAt: null });
    expect(reopened.slaStartedAt?.toISOString()).toBe(later(3).toISOString());

    await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, status: "CLOSED" }, later(4)));
    const messages = await db.message.count({ where: { ticketId: created.id } });
    await expect(db.$transaction((tx) => addCustomerMessage(tx, { ticketId: created.id, authorId: anna.id, channel: "PORTAL", body: "?" }, later(5)))).rejects.toMatchObject({ code: "TICKET_CLOSED" });
    await expect(db.$transaction((tx) => addStaffReply(tx, { ticketId: created.id, authorId: handler.id, body: "?" }, later(5)))).rejects.toMatchObject({ code: "TICKET_CLOSED" });
    expect(await db.message.count({ where: { ticketId: created.id } })).toBe(messages);
  });

  it("answers on the channel the question came in on, threading mail replies", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const mailTicket = await db.$transaction((tx) =>
      createTicket(tx, { subject: "Adres", categoryKey: "GENERAL_QUESTION", channel: "EMAIL", body: "Nieuw adres", requesterEmail: "klant@voorbeeld.example", mailMessageId: "<first@mail.example>" }, now),
    );
    const reply = await db.$transaction((tx) => addStaffReply(tx, { ticketId: mailTicket.id, authorId: handler.id, body: "Dank, verwerkt." }, later(1)));
    expect(reply.channel).toBe("EMAIL");
    const mail = await db.outboxMessage.findUniqueOrThrow({ where: { id: reply.outboxId! } });
    expect(mail.references[0]).toBe("<first@mail.example>");
    expect(mail.inReplyTo).toBe(mail.references.at(-1));
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: mailTicket.id } });
    expect(ticket.status).toBe("OPEN");
    expect(ticket.firstResponseAt?.toISOString()).toBe(later(1).toISOString());

    const { created } = await portalQuestion();
    const portalReply = await db.$transaction((tx) => addStaffReply(tx, { ticketId: created.id, authorId: handler.id, body: "Antwoord" }, later(1)));
    expect(portalReply).toMatchObject({ channel: "PORTAL", outboxId: null });
  });

  it("keeps internal notes as internal messages", async () => {
    const { created } = await portalQuestion();
    const handler = await sessionFor("behandelaar@loket.example");
    await db.$transaction((tx) => addInternalNote(tx, { ticketId: created.id, authorId: handler.id, body: "Dossier opgevraagd" }, later(1)));
    expect(await db.message.count({ where: { ticketId: created.id, direction: "INTERNAL" } })).toBe(1);
  });
});
