import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listEmployerTickets } from "@/lib/employer/queries";
import type { InboundAuth } from "@/lib/mail/auth-results";
import { confirmMailSender } from "@/lib/mail/confirm-sender";
import { processInbound, storeInbound, type InboundDeps } from "@/lib/mail/ingest";
import { unverifiedSenderOf } from "@/lib/mail/queries";
import { listMyTickets } from "@/lib/portal/queries";
import { addStaffReply } from "@/lib/tickets/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const later = new Date("2026-11-24T11:30:00Z");
const deps: InboundDeps = { db, inboundDir: mkdtempSync(path.join(tmpdir(), "loket-confirm-")) };
const FAILED: InboundAuth = {
  verdict: "FAIL",
  details: { source: "smtp", fromDomain: "vandijk.example", spf: "fail", spfDomain: "vandijk.example", dkim: [], dmarc: "fail" },
};

beforeEach(async () => {
  await seedDemo(now);
  await db.inboundMail.deleteMany();
});

/** A mail whose sender could not be verified, received and processed as the intake does. */
async function unverifiedMail(fields: { from: string; to?: string; subject: string; body: string; id: string }) {
  const raw = Buffer.from(
    [`From: ${fields.from}`, `To: ${fields.to ?? "vragen@loket.example"}`, `Subject: ${fields.subject}`, `Message-ID: ${fields.id}`, "Content-Type: text/plain; charset=utf-8", "", fields.body, ""].join("\r\n"),
  );
  const stored = await storeInbound(deps, raw, now, FAILED);
  await processInbound(deps, stored.id, now);
  const row = await db.inboundMail.findUniqueOrThrow({ where: { id: stored.id } });
  const ticket = await db.ticket.findUniqueOrThrow({ where: { id: row.ticketId! } });
  expect(ticket.senderUnverified).toBe(true);
  return { row, ticket };
}

async function counts(ticketId: string) {
  return {
    urgent: await db.urgentRequest.count({ where: { ticketId } }),
    outbox: await db.outboxMessage.count({ where: { ticketId } }),
    audits: await db.auditEvent.count({ where: { action: "mail.sender_confirmed", entityId: ticketId } }),
    messages: await db.message.count({ where: { ticketId } }),
  };
}

describe("confirming the sender of an unverified mail", () => {
  it("makes a 'spoed' mail from an employer contact the urgent request it claimed, acknowledged, exactly once", async () => {
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" }, include: { memberships: true } });
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    const organisationId = eva.memberships[0]!.organisationId;
    const announcement = await db.preAnnouncement.create({
      // Phoned in before the mail arrived: only then does the mail pair with it.
      data: { organisationId, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Salarisrun morgen", forWhom: "Medewerker 2231", loggedById: agent.id, createdAt: new Date(now.getTime() - 600_000) },
    });
    const { ticket } = await unverifiedMail({ from: "Eva Bakker <eva.bakker@vandijk.example>", subject: "SPOED: loonbeslag verwerken", body: "Zie telefonisch gesprek", id: "<confirm-spoed@mail.example>" });
    const evaSession = await sessionFor("eva.bakker@vandijk.example");
    expect((await listEmployerTickets(evaSession)).items.map((i) => i.id)).not.toContain(ticket.id);

    const handler = await sessionFor("behandelaar@loket.example");
    const banner = await unverifiedSenderOf(handler, ticket.id);
    expect(banner).toMatchObject({ fromAddress: "eva.bakker@vandijk.example", verdict: "FAIL", mayConfirm: true, details: { dmarc: "fail", spf: "fail" } });

    const result = await confirmMailSender.execute(handler, { ticketId: ticket.id }, later);
    expect(result).toEqual({ ok: true, data: { outcome: "CONFIRMED", ticketId: ticket.id, linkedAccount: true, urgent: true, acknowledged: true } });
    const confirmed = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: { category: true, urgentRequest: true } });
    expect(confirmed).toMatchObject({ senderUnverified: false, requesterId: eva.id, organisationId, audience: "EMPLOYER", priority: "URGENT", slaPolicyKey: "URGENT_REQUEST" });
    expect(confirmed.category.key).toBe("URGENT_REQUEST");
    // The 24-hour clock runs from the written receipt, not from the confirmation.
    expect(confirmed.slaDueAt?.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    expect(confirmed.urgentRequest).toMatchObject({ organisationId, preAnnouncementId: announcement.id, notPreAnnounced: false, receivedAt: now });
    expect((await db.preAnnouncement.findUniqueOrThrow({ where: { id: announcement.id } })).status).toBe("LINKED");
    const ack = await db.outboxMessage.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(ack).toMatchObject({ kind: "ticket.acknowledgement", toAddress: "eva.bakker@vandijk.example", inReplyTo: "<confirm-spoed@mail.example>" });
    expect(await db.inboundMail.findUniqueOrThrow({ where: { mailMessageId: "<confirm-spoed@mail.example>" } })).toMatchObject({ senderConfirmedAt: later, senderConfirmedById: handler.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "mail.sender_confirmed", entityId: ticket.id } })).toMatchObject({ actorId: handler.id });
    expect(await db.message.count({ where: { ticketId: ticket.id, direction: "INTERNAL", authorId: handler.id, body: { contains: "bevestigd" } } })).toBe(1);
    expect((await listEmployerTickets(evaSession)).items.map((i) => i.id)).toContain(ticket.id);
    expect(await unverifiedSenderOf(handler, ticket.id)).toBeNull();

    // Once: a second confirmation (another tab, a colleague) changes nothing.
    const before = await counts(ticket.id);
    expect(before).toMatchObject({ urgent: 1, outbox: 1, audits: 1 });
    const coordinator = await sessionFor("coordinator@loket.example");
    expect(await confirmMailSender.execute(coordinator, { ticketId: ticket.id }, later)).toEqual({ ok: false, reason: "ALREADY_CONFIRMED" });
    expect(await confirmMailSender.execute(handler, { ticketId: ticket.id }, later)).toEqual({ ok: false, reason: "ALREADY_CONFIRMED" });
    expect(await counts(ticket.id)).toEqual(before);
  });

  it("moves a reply that claimed a customer's ticket onto that ticket and closes the holding ticket", async () => {
    const annas = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" }, status: "OPEN" } });
    const handlerUser = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    await db.$transaction((tx) => addStaffReply(tx, { ticketId: annas.id, authorId: handlerUser.id, body: "Wij hebben uw vraag bekeken.", channel: "EMAIL" }, now));
    await db.ticket.update({ where: { id: annas.id }, data: { status: "PENDING_CUSTOMER" } });
    const { replyToken } = await db.ticket.findUniqueOrThrow({ where: { id: annas.id } });
    const { row, ticket: holding } = await unverifiedMail({
      from: "anna.jansen@burger.example",
      to: `vragen+${replyToken}@loket.example`,
      subject: `Re: [${annas.number}] ${annas.subject}`,
      body: "Hier is het gevraagde formulier",
      id: "<confirm-reply@mail.example>",
    });
    expect(row.claimedTicketId).toBe(annas.id);
    expect(await db.message.count({ where: { ticketId: annas.id, body: "Hier is het gevraagde formulier" } })).toBe(0);

    const handler = await sessionFor("behandelaar@loket.example");
    expect(await confirmMailSender.execute(handler, { ticketId: holding.id }, later)).toEqual({ ok: true, data: { outcome: "JOINED", ticketId: annas.id, number: annas.number } });
    const moved = await db.message.findFirstOrThrow({ where: { body: "Hier is het gevraagde formulier" } });
    expect(moved).toMatchObject({ ticketId: annas.id, direction: "INBOUND", authorId: annas.requesterId, mailMessageId: "<confirm-reply@mail.example>" });
    // The customer's answer re-opens her ticket, as a reply that threaded on arrival would.
    expect((await db.ticket.findUniqueOrThrow({ where: { id: annas.id } })).status).toBe("OPEN");
    const closed = await db.ticket.findUniqueOrThrow({ where: { id: holding.id }, include: { messages: true } });
    expect(closed).toMatchObject({ status: "CLOSED", senderUnverified: false, requesterId: null });
    expect(closed.messages.filter((m) => m.direction === "INTERNAL").map((m) => m.body).join("\n")).toContain(annas.number);
    // A reply gets no acknowledgement, and the holding ticket never reaches Anna's portal.
    expect(await db.outboxMessage.count({ where: { ticketId: holding.id } })).toBe(0);
    const mine = (await listMyTickets(await sessionFor("anna.jansen@burger.example"), 0)).items.map((i) => i.id);
    expect(mine).toContain(annas.id);
    expect(mine).not.toContain(holding.id);

    const before = await counts(annas.id);
    expect(await confirmMailSender.execute(handler, { ticketId: holding.id }, later)).toEqual({ ok: false, reason: "ALREADY_CONFIRMED" });
    expect(await counts(annas.id)).toEqual(before);
  });

  it("refuses the first line, tickets the caller cannot open, and tickets with nothing to confirm", async () => {
    const { ticket } = await unverifiedMail({ from: "eva.bakker@vandijk.example", subject: "spoed", body: "graag snel", id: "<confirm-refuse@mail.example>" });
    const before = await counts(ticket.id);
    expect(await confirmMailSender.execute(null, { ticketId: ticket.id }, later)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    const agent = await sessionFor("agent@loket.example");
    expect(await confirmMailSender.execute(agent, { ticketId: ticket.id }, later)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect((await unverifiedSenderOf(agent, ticket.id))?.mayConfirm).toBe(false);
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await confirmMailSender.execute(eva, { ticketId: ticket.id }, later)).toEqual({ ok: false, reason: "FORBIDDEN" });

    // Another team's ticket is as unknown to a case handler as a missing one.
    const elsewhere = await db.team.create({ data: { key: "elders", name: "Team Elders" } });
    await db.ticket.update({ where: { id: ticket.id }, data: { teamId: elsewhere.id } });
    const handler = await sessionFor("behandelaar@loket.example");
    expect(await confirmMailSender.execute(handler, { ticketId: ticket.id }, later)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await unverifiedSenderOf(handler, ticket.id)).toBeNull();
    expect(await confirmMailSender.execute(handler, { ticketId: "no-such-ticket" }, later)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await counts(ticket.id)).toEqual(before);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).senderUnverified).toBe(true);

    // A ticket that no unverified mail opened has no sender to confirm.
    const annas = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" }, status: "OPEN" } });
    expect(await confirmMailSender.execute(handler, { ticketId: annas.id }, later)).toEqual({ ok: false, reason: "NOT_FOUND" });
    // A manager sees every team and may confirm it.
    const manager = await sessionFor("manager@loket.example");
    expect(await confirmMailSender.execute(manager, { ticketId: ticket.id }, later)).toMatchObject({ ok: true, data: { outcome: "CONFIRMED", urgent: true } });
  });
});
