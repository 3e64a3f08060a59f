import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { assertNoBookedAppointment, bookCallback, logAttempt } from "@/lib/callbacks/mutations";
import { bookPortalCallback, cancelPortalCallback, movePortalCallback } from "@/lib/portal/callback-commands";
import { latestUnreachable } from "@/lib/portal/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(now);
});

async function annasOpenTicket() {
  const anna = await sessionFor("anna.jansen@burger.example");
  const ticket = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "OPEN" } });
  return { anna, ticket };
}

describe("bookPortalCallback", () => {
  it("books for an own ticket, and for a new question as a new PORTAL ticket", async () => {
    const { anna, ticket } = await annasOpenTicket();
    const booked = await bookPortalCallback.execute(anna, { ticketId: ticket.id, date: "2026-11-25", slot: "MORNING", phone: "06 1234 5678" }, now);
    expect(booked).toMatchObject({ ok: true, data: { ticketId: ticket.id } });
    if (!booked.ok) return;
    expect(await db.callbackAppointment.findUniqueOrThrow({ where: { id: booked.data.id } })).toMatchObject({ phone: "0612345678", personId: anna.id, status: "BOOKED" });

    const fresh = await bookPortalCallback.execute(anna, { question: "Ik wil graag iets vragen over mijn jaaropgave", date: "2026-11-26", slot: "AFTERNOON", phone: "0612345678" }, now);
    if (!fresh.ok) throw new Error(fresh.reason);
    expect(await db.ticket.findUniqueOrThrow({ where: { id: fresh.data.ticketId } })).toMatchObject({ requesterId: anna.id, channel: "PORTAL", replyChannel: "PHONE" });
  });

  it.skipIf(inject("databaseKind") === "pglite")("a second tab's booking while the first is being written waits for it, and is told the question has one (needs PostgreSQL: the embedded database runs one transaction at a time)", async () => {
    const { anna, ticket } = await annasOpenTicket();
    const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const bookedNotCommitted = new Promise<void>((resolve) => (written = resolve));
    // The first tab: booked, not yet committed.
    const first = db.$transaction(async (tx) => {
      await assertNoBookedAppointment(tx, ticket.id);
      await bookCallback(tx, { ticketId: ticket.id, personId: anna.id, teamId: team.id, date: "2026-11-25", slot: "MORNING", phone: "0612345678", bookedById: anna.id }, now);
      written();
      await gate;
    });
    await bookedNotCommitted;
    // The second tab, in another slot. Without the lock it finds no booking and books too.
    const second = bookPortalCallback.execute(anna, { ticketId: ticket.id, date: "2026-11-26", slot: "AFTERNOON", phone: "0612345678" }, now);
    await Promise.race([second, new Promise((resolve) => setTimeout(resolve, 1000))]);
    release();
    await first;
    expect(await second).toMatchObject({ ok: false, reason: "ALREADY_BOOKED" });
    expect(await db.callbackAppointment.count({ where: { ticketId: ticket.id, status: "BOOKED" } })).toBe(1);
  });

  it("refuses a second booking on the ticket, bad input and slots the rules refuse, storing nothing", async () => {
    const { anna, ticket } = await annasOpenTicket();
    await bookPortalCallback.execute(anna, { ticketId: ticket.id, date: "2026-11-25", slot: "MORNING", phone: "0612345678" }, now);
    const count = await db.callbackAppointment.count();
    const tickets = await db.ticket.count();
    expect(await bookPortalCallback.execute(anna, { ticketId: ticket.id, date: "2026-11-26", slot: "MORNING", phone: "0612345678" }, now)).toMatchObject({ ok: false, reason: "ALREADY_BOOKED" });
    const other = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "NEW" } });
    const book = (date: string) => bookPortalCallback.execute(anna, { ticketId: other.id, date, slot: "MORNING", phone: "0612345678" }, now);
    expect(await book("2026-11-24")).toMatchObject({ ok: false, reason: "SLOT_IN_PAST" });
    expect(await book("2026-12-25")).toMatchObject({ ok: false, reason: "NOT_A_WORKING_DAY" });
    expect(await book("2027-02-01")).toMatchObject({ ok: false, reason: "BEYOND_HORIZON" });
    expect(await bookPortalCallback.execute(anna, { ticketId: other.id, date: "2026-11-25", slot: "MORNING", phone: "bel me" }, now)).toMatchObject({ ok: false, fieldErrors: { phone: ["INVALID_PHONE"] } });
    expect(await bookPortalCallback.execute(anna, { date: "2026-11-25", slot: "MORNING", phone: "0612345678" }, now)).toMatchObject({ ok: false, fieldErrors: { question: ["QUESTION_REQUIRED"] } });
    // A new question whose slot is refused leaves no ticket behind.
    expect(await bookPortalCallback.execute(anna, { question: "Nieuwe vraag over iets", date: "2026-11-28", slot: "MORNING", phone: "0612345678" }, now)).toMatchObject({ ok: false, reason: "NOT_A_WORKING_DAY" });
    expect(await db.callbackAppointment.count()).toBe(count);
    expect(await db.ticket.count()).toBe(tickets);
  });

  it("refuses booking, moving and cancelling on someone else's ticket or appointment", async () => {
    const { anna, ticket } = await annasOpenTicket();
    const bram = await sessionFor("bram.devries@burger.example");
    expect(await bookPortalCallback.execute(bram, { ticketId: ticket.id, date: "2026-11-25", slot: "MORNING", phone: "0687654321" }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    const booked = await bookPortalCallback.execute(anna, { ticketId: ticket.id, date: "2026-11-25", slot: "MORNING", phone: "0612345678" }, now);
    if (!booked.ok) throw new Error(booked.reason);
    expect(await movePortalCallback.execute(bram, { appointmentId: booked.data.id, date: "2026-11-26", slot: "MORNING" }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    expect(await cancelPortalCallback.execute(bram, { appointmentId: booked.data.id }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    expect(await db.callbackAppointment.findUniqueOrThrow({ where: { id: booked.data.id } })).toMatchObject({ status: "BOOKED", date: "2026-11-25" });
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await cancelPortalCallback.execute(eva, { appointmentId: booked.data.id }, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
  });

  it("moves and cancels an own appointment until the cut-off", async () => {
    const { anna, ticket } = await annasOpenTicket();
    const booked = await bookPortalCallback.execute(anna, { ticketId: ticket.id, date: "2026-11-25", slot: "MORNING", phone: "0612345678" }, now);
    if (!booked.ok) throw new Error(booked.reason);
    expect(await movePortalCallback.execute(anna, { appointmentId: booked.data.id, date: "2026-11-26", slot: "AFTERNOON" }, now)).toMatchObject({ ok: true });
    expect(await movePortalCallback.execute(anna, { appointmentId: booked.data.id, date: "2026-11-29", slot: "AFTERNOON" }, now)).toMatchObject({ ok: false, reason: "NOT_A_WORKING_DAY" });
    const late = new Date("2026-11-26T12:50:00Z");
    expect(await cancelPortalCallback.execute(anna, { appointmentId: booked.data.id }, late)).toMatchObject({ ok: false, reason: "CHANGE_CLOSED" });
    expect(await cancelPortalCallback.execute(anna, { appointmentId: booked.data.id }, now)).toMatchObject({ ok: true });
    expect(await db.callbackAppointment.findUniqueOrThrow({ where: { id: booked.data.id } })).toMatchObject({ status: "CANCELLED" });
  });

  it("shows the not-reached note after two attempts until a new appointment is booked", async () => {
    const { anna, ticket } = await annasOpenTicket();
    const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    const booked = await bookPortalCallback.execute(anna, { ticketId: ticket.id, date: "2026-11-25", slot: "AFTERNOON", phone: "0612345678" }, now);
    if (!booked.ok) throw new Error(booked.reason);
    expect(await latestUnreachable(anna)).toBeNull();
    // Two real tries in the slot, the second at least the minimum interval after the first.
    const tries = [["NO_ANSWER", "2026-11-25T13:05:00Z"], ["BUSY", "2026-11-25T13:20:00Z"]] as const;
    for (const [outcome, at] of tries) {
      await db.$transaction((tx) => logAttempt(tx, { appointmentId: booked.data.id, handlerId: handler.id, outcome, note: "" }, new Date(at)));
    }
    expect(await latestUnreachable(anna)).toMatchObject({ date: "2026-11-25", slot: "AFTERNOON", ticketId: ticket.id });
    expect(await latestUnreachable(await sessionFor("bram.devries@burger.example"))).toBeNull();
    const later = new Date("2026-11-25T16:00:00Z");
    expect(await bookPortalCallback.execute(anna, { ticketId: ticket.id, date: "2026-11-26", slot: "MORNING", phone: "0612345678" }, later)).toMatchObject({ ok: true });
    expect(await latestUnreachable(anna)).toBeNull();
  });
});
