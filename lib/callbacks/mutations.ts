import "server-only";
import type { AttemptOutcome } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import type { Tx } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/mutations";
import { recordAnswer } from "@/lib/tickets/answer-clock";
import { getSlotCapacityUsed, getSlotSettings, settingsForSlot } from "./queries";
import { getAttemptTiming } from "./attempt-settings";
import {
  applyAttempt,
  type AttemptTimeRefusal,
  type BookingRefusal,
  checkAttemptTime,
  checkBooking,
  mayChangeAppointment,
  type SlotKind,
  slotKey,
  slotWindow,
} from "./rules";
import { mailText } from "@/lib/mail-templates/queries";
import { type CallbackMailKind, callbackConfirmationValues, callbackMailText, contactNoteText, wrongNumberNoteText } from "./texts";

export type CallbackRuleCode = BookingRefusal | AttemptTimeRefusal | "NOT_FOUND" | "TEAM_NOT_FOUND" | "APPOINTMENT_NOT_BOOKED" | "CHANGE_CLOSED" | "SAME_SLOT" | "ALREADY_BOOKED";

/** An expected refusal; actions turn the code into a translated message. */
export class CallbackRuleError extends Error {
  constructor(readonly code: CallbackRuleCode) {
    super(code);
    this.name = "CallbackRuleError";
  }
}

export interface BookCallbackInput {
  ticketId: string;
  personId: string | null;
  teamId: string;
  date: string;
  slot: SlotKind;
  phone: string;
  bookedById: string;
  /** The contact line the call is for (the HR desk's): also closed on its own closure days. */
  lineKey?: string;
}

/**
 * Takes a transaction-scoped lock on one team's slot, so the count-then-insert below cannot be
 * interleaved by a second booking of the same slot: the last place goes to exactly one of them.
 */
async function lockSlot(tx: Tx, teamId: string, date: string, slot: SlotKind): Promise<void> {
  const key = `callback-slot:${teamId}:${slotKey(date, slot)}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * A question has one booked appointment at a time (it is moved, not booked again). Under a lock on
 * the ticket until the transaction ends: two bookings at once, from two tabs, would otherwise both
 * find none and both book (their slots differ, so the slot's lock does not hold them apart).
 */
export async function assertNoBookedAppointment(tx: Tx, ticketId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`callback-ticket:${ticketId}`}))`;
  if ((await tx.callbackAppointment.count({ where: { ticketId, status: "BOOKED" } })) > 0) throw new CallbackRuleError("ALREADY_BOOKED");
}

async function assertBookable(tx: Tx, teamId: string, date: string, slot: SlotKind, now: Date, lineKey?: string): Promise<void> {
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true } });
  if (!team) throw new CallbackRuleError("TEAM_NOT_FOUND");
  // A malformed date is refused before it reaches the lock key.
  const settings = settingsForSlot(await getSlotSettings(tx, teamId, lineKey), slot);
  const shape = checkBooking(date, slot, now, new Map(), settings);
  if (!shape.ok) throw new CallbackRuleError(shape.reason);
  await lockSlot(tx, teamId, date, slot);
  const check = checkBooking(date, slot, now, await getSlotCapacityUsed(tx, teamId, date, date), settings);
  if (!check.ok) throw new CallbackRuleError(check.reason);
}

async function mailPerson(
  tx: Tx,
  kind: CallbackMailKind,
  appointment: { personId: string | null; ticketId: string; date: string; slot: SlotKind; phone: string },
  number: string,
  now: Date,
): Promise<void> {
  if (!appointment.personId) return;
  const person = await tx.user.findUnique({ where: { id: appointment.personId }, select: { email: true, locale: true, role: true } });
  if (!person?.email) return;
  // Only beneficiaries move or cancel appointments themselves (the employer portal has no such page).
  const selfService = person.role === "BENEFICIARY";
  // The confirmation is the admin's to word (/agent/beheer/mailteksten); the other notices are fixed texts.
  const mail =
    kind === "BOOKED"
      ? await mailText(tx, "callback.confirmation", person.locale, callbackConfirmationValues({ number, date: appointment.date, slot: appointment.slot, locale: person.locale, phone: appointment.phone, selfService }))
      : callbackMailText(kind, { number, date: appointment.date, slot: appointment.slot, locale: person.locale, phone: appointment.phone, selfService });
  await enqueueMail(tx, {
    kind: `callback.${kind.toLowerCase()}`,
    to: person.email,
    subject: mail.subject,
    text: mail.text,
    locale: person.locale,
    ticketId: appointment.ticketId,
    at: now,
  });
}

async function ticketEvent(tx: Tx, ticketId: string, actorId: string | null, kind: string, data: Record<string, string | null>, now: Date) {
  await tx.ticketEvent.create({ data: { ticketId, actorId, kind, data, createdAt: now } });
}

/** Books a callback slot; refuses full, past, closed, non-working and out-of-horizon slots. */
export async function bookCallback(tx: Tx, input: BookCallbackInput, now: Date): Promise<{ id: string; isRepeat: boolean }> {
  const ticket = await tx.ticket.findUnique({ where: { id: input.ticketId }, select: { id: true, number: true } });
  if (!ticket) throw new CallbackRuleError("NOT_FOUND");
  await assertBookable(tx, input.teamId, input.date, input.slot, now, input.lineKey);
  // DESIGN: a new callback request on a ticket that already had one is a repeat request (KPI).
  const earlier = await tx.callbackAppointment.count({ where: { ticketId: ticket.id } });
  const appointment = await tx.callbackAppointment.create({
    data: {
      ticketId: ticket.id,
      personId: input.personId,
      teamId: input.teamId,
      date: input.date,
      slot: input.slot,
      slotStart: slotWindow(input.date, input.slot).startsAt,
      phone: input.phone,
      isRepeat: earlier > 0,
      bookedById: input.bookedById,
      bookedAt: now,
    },
    select: { id: true, isRepeat: true },
  });
  await ticketEvent(tx, ticket.id, input.bookedById, "callback.booked", { appointmentId: appointment.id, date: input.date, slot: input.slot }, now);
  await mailPerson(tx, "BOOKED", { ...input, ticketId: ticket.id }, ticket.number, now);
  await audit(tx, {
    actorId: input.bookedById,
    action: "callback.book",
    entityType: "CallbackAppointment",
    entityId: appointment.id,
    ticketId: ticket.id,
    data: { ticketId: ticket.id, date: input.date, slot: input.slot, isRepeat: appointment.isRepeat },
  });
  await enqueueWebhookEvent(tx, "appointment.booked", { appointmentId: appointment.id, ticketId: ticket.id, date: input.date, slot: input.slot }, now);
  return appointment;
}

async function loadBooked(tx: Tx, appointmentId: string, now: Date) {
  const appointment = await tx.callbackAppointment.findUnique({ where: { id: appointmentId }, include: { ticket: { select: { number: true } } } });
  if (!appointment) throw new CallbackRuleError("NOT_FOUND");
  if (appointment.status !== "BOOKED") throw new CallbackRuleError("APPOINTMENT_NOT_BOOKED");
  if (!mayChangeAppointment(appointment.date, appointment.slot, now)) throw new CallbackRuleError("CHANGE_CLOSED");
  return appointment;
}

/** Moves a booked appointment to another slot, until the cut-off of the current one. */
export async function moveCallback(
  tx: Tx,
  input: { appointmentId: string; date: string; slot: SlotKind; actorId: string },
  now: Date,
): Promise<{ id: string }> {
  const appointment = await loadBooked(tx, input.appointmentId, now);
  if (appointment.date === input.date && appointment.slot === input.slot) throw new CallbackRuleError("SAME_SLOT");
  await assertBookable(tx, appointment.teamId, input.date, input.slot, now);
  await tx.callbackAppointment.update({
    where: { id: appointment.id },
    data: { date: input.date, slot: input.slot, slotStart: slotWindow(input.date, input.slot).startsAt },
  });
  await ticketEvent(tx, appointment.ticketId, input.actorId, "callback.moved", { appointmentId: appointment.id, from: `${appointment.date}:${appointment.slot}`, to: `${input.date}:${input.slot}` }, now);
  await mailPerson(tx, "MOVED", { ...appointment, date: input.date, slot: input.slot }, appointment.ticket.number, now);
  await audit(tx, { actorId: input.actorId, action: "callback.move", entityType: "CallbackAppointment", entityId: appointment.id, ticketId: appointment.ticketId, data: { date: input.date, slot: input.slot } });
  return { id: appointment.id };
}

/** Cancels a booked appointment, until the cut-off of its slot; the place is free again. */
export async function cancelCallback(tx: Tx, input: { appointmentId: string; actorId: string }, now: Date): Promise<{ id: string }> {
  const appointment = await loadBooked(tx, input.appointmentId, now);
  await tx.callbackAppointment.update({ where: { id: appointment.id }, data: { status: "CANCELLED", cancelledAt: now } });
  await ticketEvent(tx, appointment.ticketId, input.actorId, "callback.cancelled", { appointmentId: appointment.id }, now);
  await mailPerson(tx, "CANCELLED", appointment, appointment.ticket.number, now);
  await audit(tx, { actorId: input.actorId, action: "callback.cancel", entityType: "CallbackAppointment", entityId: appointment.id, ticketId: appointment.ticketId });
  await enqueueWebhookEvent(tx, "appointment.cancelled", { appointmentId: appointment.id, ticketId: appointment.ticketId, date: appointment.date, slot: appointment.slot }, now);
  return { id: appointment.id };
}

/**
 * Logs one call attempt, not too early before the slot and not too soon after the previous try
 * (checkAttemptTime, with the admin's setting). After the second unsuccessful one the appointment
 * ends UNREACHABLE; a WRONG_NUMBER ends it at once. Either way a contact note lands on the person
 * (seen by the call centre on their next call) and they are invited to book again, all in the
 * caller's transaction.
 */
export async function logAttempt(
  tx: Tx,
  input: { appointmentId: string; handlerId: string; outcome: AttemptOutcome; note?: string },
  now: Date,
): Promise<{ status: "BOOKED" | "DONE" | "UNREACHABLE" | "WRONG_NUMBER"; contactNoteId: string | null }> {
  const appointment = await tx.callbackAppointment.findUnique({
    where: { id: input.appointmentId },
    include: { attempts: { orderBy: { attemptedAt: "asc" }, select: { outcome: true, attemptedAt: true } }, ticket: { select: { number: true } } },
  });
  if (!appointment) throw new CallbackRuleError("NOT_FOUND");
  if (appointment.status !== "BOOKED") throw new CallbackRuleError("APPOINTMENT_NOT_BOOKED");
  const refusal = checkAttemptTime({
    date: appointment.date,
    slot: appointment.slot,
    outcome: input.outcome,
    previousAttemptAt: appointment.attempts.at(-1)?.attemptedAt ?? null,
    now,
    timing: await getAttemptTiming(tx),
  });
  if (refusal) throw new CallbackRuleError(refusal);
  const { status, contactNoteDue } = applyAttempt(
    appointment.attempts.map((a) => a.outcome),
    input.outcome,
  );
  await tx.callbackAttempt.create({
    data: { appointmentId: appointment.id, handlerId: input.handlerId, outcome: input.outcome, note: input.note ?? "", attemptedAt: now },
  });
  let contactNoteId: string | null = null;
  if (status !== "PENDING") {
    await tx.callbackAppointment.update({ where: { id: appointment.id }, data: { status, closedAt: now } });
  }
  if (contactNoteDue) {
    const wrongNumber = status === "WRONG_NUMBER";
    const note = await tx.contactNote.create({
      data: {
        subjectId: appointment.personId,
        subjectPhone: appointment.phone,
        kind: wrongNumber ? "WRONG_NUMBER" : "UNREACHABLE",
        body: wrongNumber ? wrongNumberNoteText(appointment.phone, appointment.date, appointment.slot, "nl") : contactNoteText(appointment.date, appointment.slot, "nl"),
        appointmentId: appointment.id,
        authorId: input.handlerId,
        createdAt: now,
      },
      select: { id: true },
    });
    contactNoteId = note.id;
    await mailPerson(tx, wrongNumber ? "WRONG_NUMBER" : "UNREACHABLE", appointment, appointment.ticket.number, now);
  }
  // Reaching the person is the call that answers their question: it stops the answer clock.
  if (input.outcome === "REACHED") await recordAnswer(tx, appointment.ticketId, input.handlerId, now);
  await ticketEvent(tx, appointment.ticketId, input.handlerId, "callback.attempt", { appointmentId: appointment.id, outcome: input.outcome, status }, now);
  await audit(tx, {
    actorId: input.handlerId,
    action: "callback.attempt",
    entityType: "CallbackAppointment",
    entityId: appointment.id,
    ticketId: appointment.ticketId,
    data: { outcome: input.outcome, status },
  });
  return { status: status === "PENDING" ? "BOOKED" : status, contactNoteId };
}
