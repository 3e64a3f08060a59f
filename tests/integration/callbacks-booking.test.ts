import { beforeEach, describe, expect, it } from "vitest";
import { bookCallback, CallbackRuleError, cancelCallback, logAttempt, moveCallback } from "@/lib/callbacks/mutations";
import { getSlotCapacityUsed, listTeamSlots } from "@/lib/callbacks/queries";
import { db } from "@/lib/db/client";
import { seedDemo } from "../support/fixtures";

// Tuesday 24 November 2026, 11:00 in Amsterdam: this morning's slot has begun, tomorrow is open.
const now = new Date("2026-11-24T10:00:00Z");
const TOMORROW = "2026-11-25";

async function fixture() {
  const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
  const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
  const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
  const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
  const ticket = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "OPEN" } });
  return { anna, agent, handler, team, ticket };
}

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CallbackRuleError) return error.code;
    throw error;
  }
  return "NO_REFUSAL";
}

async function fillSlot(teamId: string, ticketId: string, bookedById: string, date: string, slot: "MORNING" | "AFTERNOON", count: number) {
  for (let i = 0; i < count; i++) {
    await db.$transaction((tx) => bookCallback(tx, { ticketId, personId: null, teamId, date, slot, phone: "0612345678", bookedById }, now));
  }
}

beforeEach(async () => {
  await seedDemo(now);
  // The demo books callbacks of its own; these tests count places from an empty schedule.
  await db.callbackAppointment.deleteMany();
  await db.contactNote.deleteMany();
});

describe("bookCallback", () => {
  it("books a slot, mails a confirmation and marks a second request on the ticket as a repeat", async () => {
    const { anna, agent, team, ticket } = await fixture();
    const first = await db.$transaction((tx) =>
      bookCallback(tx, { ticketId: ticket.id, personId: anna.id, teamId: team.id, date: TOMORROW, slot: "MORNING", phone: "0612345678", bookedById: agent.id }, now),
    );
    const stored = await db.callbackAppointment.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({ status: "BOOKED", date: TOMORROW, slot: "MORNING", isRepeat: false });
    expect(stored.slotStart.toISOString()).toBe("2026-11-25T09:00:00.000Z");
    const mails = await db.outboxMessage.findMany({ where: { ticketId: ticket.id, kind: "callback.booked" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.toAddress).toBe(anna.email);
    expect(mails[0]!.bodyText).toContain("25 november 2026");

    await db.$transaction((tx) => cancelCallback(tx, { appointmentId: first.id, actorId: anna.id }, now));
    const second = await db.$transaction((tx) =>
      bookCallback(tx, { ticketId: ticket.id, personId: anna.id, teamId: team.id, date: TOMORROW, slot: "AFTERNOON", phone: "0612345678", bookedById: anna.id }, now),
    );
    expect(second.isRepeat).toBe(true);
  });

  it("refuses past, closed, non-working, out-of-horizon and full slots and stores nothing", async () => {
    const { agent, team, ticket } = await fixture();
    const book = (date: string, slot: "MORNING" | "AFTERNOON") =>
      db.$transaction((tx) => bookCallback(tx, { ticketId: ticket.id, personId: null, teamId: team.id, date, slot, phone: "0612345678", bookedById: agent.id }, now));
    expect(await refusalOf(book("2026-11-24", "MORNING"))).toBe("SLOT_IN_PAST");
    expect(await refusalOf(book("2026-11-28", "MORNING"))).toBe("NOT_A_WORKING_DAY");
    expect(await refusalOf(book("2026-12-25", "MORNING"))).toBe("NOT_A_WORKING_DAY");
    expect(await refusalOf(book("2027-01-20", "MORNING"))).toBe("BEYOND_HORIZON");
    expect(await refusalOf(book("2026-13-45", "MORNING"))).toBe("INVALID_SLOT");
    const closedAt = new Date("2026-11-25T08:45:00Z"); // 09:45 Amsterdam, inside the 30-minute cut-off
    expect(await refusalOf(db.$transaction((tx) => bookCallback(tx, { ticketId: ticket.id, personId: null, teamId: team.id, date: TOMORROW, slot: "MORNING", phone: "0612345678", bookedById: agent.id }, closedAt)))).toBe("BOOKING_CLOSED");
    await fillSlot(team.id, ticket.id, agent.id, TOMORROW, "MORNING", 6);
    expect(await refusalOf(book(TOMORROW, "MORNING"))).toBe("SLOT_FULL");
    expect(await db.callbackAppointment.count({ where: { teamId: team.id, date: TOMORROW } })).toBe(6);
    const slots = await listTeamSlots(db, team.id, now);
    expect(slots.find((s) => s.key === `${TOMORROW}:MORNING`)).toMatchObject({ bookable: false, reason: "SLOT_FULL", remaining: 0 });
    expect(slots.find((s) => s.key === `${TOMORROW}:AFTERNOON`)).toMatchObject({ bookable: true, remaining: 10 });
  });

  it("gives the last place to exactly one of three concurrent bookings", async () => {
    const { anna, agent, team, ticket } = await fixture();
    await fillSlot(team.id, ticket.id, agent.id, TOMORROW, "MORNING", 5);
    const race = () =>
      db.$transaction((tx) =>
        bookCallback(tx, { ticketId: ticket.id, personId: anna.id, teamId: team.id, date: TOMORROW, slot: "MORNING", phone: "0612345678", bookedById: anna.id }, now),
      );
    const results = await Promise.allSettled([race(), race(), race()]);
    const booked = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected").map((r) => ((r as PromiseRejectedResult).reason as CallbackRuleError).code);
    expect(booked).toHaveLength(1);
    expect(refused).toEqual(["SLOT_FULL", "SLOT_FULL"]);
    const used = await getSlotCapacityUsed(db, team.id, TOMORROW, TOMORROW);
    expect(used.get(`${TOMORROW}:MORNING`)).toBe(6);
  });
});

describe("moveCallback and cancelCallback", () => {
  it("moves to a free slot and frees the old place; refuses a full target and after the cut-off", async () => {
    const { anna, agent, team, ticket } = await fixture();
    const { id } = await db.$transaction((tx) =>
      bookCallback(tx, { ticketId: ticket.id, personId: anna.id, teamId: team.id, date: TOMORROW, slot: "MORNING", phone: "0612345678", bookedById: anna.id }, now),
    );
    await db.$transaction((tx) => moveCallback(tx, { appointmentId: id, date: "2026-11-26", slot: "AFTERNOON", actorId: anna.id }, now));
    expect(await db.callbackAppointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ date: "2026-11-26", slot: "AFTERNOON", status: "BOOKED" });
    expect(await db.outboxMessage.count({ where: { kind: "callback.moved" } })).toBe(1);

    await fillSlot(team.id, ticket.id, agent.id, "2026-11-27", "MORNING", 6);
    expect(await refusalOf(db.$transaction((tx) => moveCallback(tx, { appointmentId: id, date: "2026-11-27", slot: "MORNING", actorId: anna.id }, now)))).toBe("SLOT_FULL");
    expect(await refusalOf(db.$transaction((tx) => moveCallback(tx, { appointmentId: id, date: "2026-11-26", slot: "AFTERNOON", actorId: anna.id }, now)))).toBe("SAME_SLOT");
    const late = new Date("2026-11-26T12:45:00Z"); // 13:45 Amsterdam, 15 minutes before the slot
    expect(await refusalOf(db.$transaction((tx) => cancelCallback(tx, { appointmentId: id, actorId: anna.id }, late)))).toBe("CHANGE_CLOSED");

    await db.$transaction((tx) => cancelCallback(tx, { appointmentId: id, actorId: anna.id }, now));
    expect(await db.callbackAppointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CANCELLED" });
    expect(await refusalOf(db.$transaction((tx) => cancelCallback(tx, { appointmentId: id, actorId: anna.id }, now)))).toBe("APPOINTMENT_NOT_BOOKED");
  });
});

describe("logAttempt", () => {
  it("ends UNREACHABLE after two unsuccessful attempts with a contact note and a re-booking invitation", async () => {
    const { anna, handler, team, ticket } = await fixture();
    const { id } = await db.$transaction((tx) =>
      bookCallback(tx, { ticketId: ticket.id, personId: anna.id, teamId: team.id, date: TOMORROW, slot: "AFTERNOON", phone: "0612345678", bookedById: anna.id }, now),
    );
    const inSlot = new Date("2026-11-25T13:10:00Z");
    const first = await db.$transaction((tx) => logAttempt(tx, { appointmentId: id, handlerId: handler.id, outcome: "NO_ANSWER", note: "" }, inSlot));
    expect(first).toEqual({ status: "BOOKED", contactNoteId: null });
    const second = await db.$transaction((tx) => logAttempt(tx, { appointmentId: id, handlerId: handler.id, outcome: "VOICEMAIL", note: "ingesproken" }, new Date(inSlot.getTime() + 1_800_000)));
    expect(second.status).toBe("UNREACHABLE");
    const note = await db.contactNote.findUniqueOrThrow({ where: { id: second.contactNoteId! } });
    expect(note).toMatchObject({ subjectId: anna.id, kind: "UNREACHABLE", appointmentId: id });
    expect(note.body).toBe("Niet bereikt na 2 pogingen op 25 november 2026, middag (14:00-16:00)");
    expect(await db.outboxMessage.count({ where: { kind: "callback.unreachable", toAddress: anna.email! } })).toBe(1);
    expect(await refusalOf(db.$transaction((tx) => logAttempt(tx, { appointmentId: id, handlerId: handler.id, outcome: "REACHED", note: "" }, inSlot)))).toBe("APPOINTMENT_NOT_BOOKED");
  });

  it("ends DONE when reached", async () => {
    const { anna, handler, team, ticket } = await fixture();
    const { id } = await db.$transaction((tx) =>
      bookCallback(tx, { ticketId: ticket.id, personId: anna.id, teamId: team.id, date: TOMORROW, slot: "AFTERNOON", phone: "0612345678", bookedById: anna.id }, now),
    );
    const result = await db.$transaction((tx) => logAttempt(tx, { appointmentId: id, handlerId: handler.id, outcome: "REACHED", note: "" }, new Date("2026-11-25T13:05:00Z")));
    expect(result).toEqual({ status: "DONE", contactNoteId: null });
    expect(await db.contactNote.count()).toBe(0);
  });
});
