import { beforeEach, describe, expect, it } from "vitest";
import { updateAttemptTiming } from "@/lib/callbacks/attempt-settings";
import { bookCallback } from "@/lib/callbacks/mutations";
import { db } from "@/lib/db/client";
import { getCaller } from "@/lib/phone/queries";
import { latestUnreachable } from "@/lib/portal/queries";
import { logCallbackAttempt } from "@/lib/workspace/attempt";
import { seedDemo, sessionFor } from "../support/fixtures";

// Tuesday 24 November 2026, 11:00 in Amsterdam. The appointment is tomorrow, 14:00-16:00
// Amsterdam (13:00-15:00 UTC).
const now = new Date("2026-11-24T10:00:00Z");
const at = (iso: string) => new Date(iso);

beforeEach(async () => {
  await seedDemo(now);
});

async function booked() {
  const handler = await sessionFor("behandelaar@loket.example");
  const agent = await sessionFor("agent@loket.example");
  const bram = await sessionFor("bram.devries@burger.example");
  const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
  const ticket = await db.ticket.findFirstOrThrow({ where: { requesterId: bram.id } });
  const { id } = await db.$transaction((tx) =>
    bookCallback(tx, { ticketId: ticket.id, personId: bram.id, teamId: team.id, date: "2026-11-25", slot: "AFTERNOON", phone: "0687654321", bookedById: agent.id }, now),
  );
  return { id, handler, agent, bram };
}

async function footprint(appointmentId: string) {
  const [attempts, notes, mails, audits, appointment] = await Promise.all([
    db.callbackAttempt.count({ where: { appointmentId } }),
    db.contactNote.count(),
    db.outboxMessage.count(),
    db.auditEvent.count({ where: { action: "callback.attempt" } }),
    db.callbackAppointment.findUniqueOrThrow({ where: { id: appointmentId }, select: { status: true } }),
  ]);
  return { attempts, notes, mails, audits, status: appointment.status };
}

describe("a wrong number", () => {
  it("ends the appointment at once with a contact note the caller panel shows first, a mail and a dashboard notice", async () => {
    const { id, handler, agent, bram } = await booked();
    const result = await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "WRONG_NUMBER", note: "Een bakkerij nam op" }, at("2026-11-25T13:05:00Z"));
    expect(result).toMatchObject({ ok: true, data: { status: "WRONG_NUMBER" } });
    expect(await db.callbackAppointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "WRONG_NUMBER", closedAt: at("2026-11-25T13:05:00Z") });

    const view = await getCaller(agent, bram.id);
    expect(view?.notes[0]).toMatchObject({ kind: "WRONG_NUMBER", body: "Verkeerd nummer: 0687654321, 25 november 2026, middag (14:00-16:00)" });

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "callback.wrong_number" } });
    expect(mail.toAddress).toBe("bram.devries@burger.example");
    expect(mail.subject).toContain("Wij konden u niet bereiken op dit nummer");
    expect(mail.bodyText).toContain("op nummer 0687654321");
    // No "not reached after two attempts" for a wrong number: that is another KPI.
    expect(await db.contactNote.count({ where: { appointmentId: id, kind: "UNREACHABLE" } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: "callback.unreachable" } })).toBe(0);

    expect(await latestUnreachable(bram)).toMatchObject({ kind: "WRONG_NUMBER", phone: "0687654321", date: "2026-11-25", slot: "AFTERNOON" });
    // No second dial of a known wrong number.
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "NO_ANSWER" }, at("2026-11-25T13:30:00Z"))).toEqual({ ok: false, reason: "APPOINTMENT_NOT_BOOKED" });
  });

  it("after one unanswered try still ends WRONG_NUMBER, not UNREACHABLE", async () => {
    const { id, handler } = await booked();
    await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "BUSY" }, at("2026-11-25T13:00:00Z"));
    const second = await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "WRONG_NUMBER" }, at("2026-11-25T13:02:00Z"));
    expect(second).toMatchObject({ ok: true, data: { status: "WRONG_NUMBER" } });
  });
});

describe("when an attempt may be logged", () => {
  it("refuses an attempt two days before the slot, writing nothing", async () => {
    const { id, handler } = await booked();
    const before = await footprint(id);
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "NO_ANSWER" }, at("2026-11-23T09:00:00Z"))).toEqual({ ok: false, reason: "ATTEMPT_TOO_EARLY" });
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "NO_ANSWER" }, at("2026-11-25T12:44:00Z"))).toEqual({ ok: false, reason: "ATTEMPT_TOO_EARLY" });
    expect(await footprint(id)).toEqual(before);
    // 15 minutes before the slot begins is soon enough.
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "NO_ANSWER" }, at("2026-11-25T12:45:00Z"))).toMatchObject({ ok: true, data: { status: "BOOKED" } });
  });

  it("refuses a second failed try three seconds after the first; accepts it ten minutes later, and after the slot", async () => {
    const { id, handler } = await booked();
    await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "NO_ANSWER" }, at("2026-11-25T14:55:00Z"));
    const before = await footprint(id);
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "NO_ANSWER" }, at("2026-11-25T14:55:03Z"))).toEqual({ ok: false, reason: "ATTEMPT_TOO_SOON" });
    expect(await footprint(id)).toEqual({ ...before, status: "BOOKED" });
    // 15:05 UTC is 16:05 in Amsterdam: the slot has ended, a late call still counts.
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "VOICEMAIL" }, at("2026-11-25T15:05:00Z"))).toMatchObject({ ok: true, data: { status: "UNREACHABLE" } });
  });

  it("follows the administrator's settings, saved with an audit event; bad values are refused with a field error", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect(await updateAttemptTiming.execute(admin, { earlyMinutes: "60", minIntervalMinutes: "30" }, now)).toEqual({ ok: true, data: undefined });
    expect(await db.auditEvent.count({ where: { action: "settings.update", entityId: "callbackAttempts", actorId: admin.id } })).toBe(1);
    const refused = await updateAttemptTiming.execute(admin, { earlyMinutes: "-5", minIntervalMinutes: "999" }, now);
    expect(refused).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { earlyMinutes: ["NOT_NEGATIVE"], minIntervalMinutes: ["ATTEMPT_MINUTES_RANGE"] } });
    const handler = await sessionFor("behandelaar@loket.example");
    expect(await updateAttemptTiming.execute(handler, { earlyMinutes: 0, minIntervalMinutes: 0 }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });

    const { id } = await booked();
    // 12:00 UTC is 13:00 Amsterdam, an hour before the slot: accepted with 60 minutes.
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "BUSY" }, at("2026-11-25T12:00:00Z"))).toMatchObject({ ok: true });
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "BUSY" }, at("2026-11-25T12:20:00Z"))).toEqual({ ok: false, reason: "ATTEMPT_TOO_SOON" });
    expect(await logCallbackAttempt.execute(handler, { appointmentId: id, outcome: "BUSY" }, at("2026-11-25T12:30:00Z"))).toMatchObject({ ok: true, data: { status: "UNREACHABLE" } });
  });
});
