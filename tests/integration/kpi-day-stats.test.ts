import type { Channel } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { contactReasonReport } from "@/lib/kpi/contact-reason-queries";
import { foldTicketDayDeltas, ticketDayTotals } from "@/lib/kpi/day-stats";
import { periodFromKeys } from "@/lib/kpi/period";
import type { Period } from "@/lib/kpi/rules";
import { callbackFigures, complaintFigures, firstContactResolution, writtenInTime } from "@/lib/kpi/queries";
import { runSweeps } from "@/lib/sweeps/run";
import { seedDemo } from "../support/fixtures";

// The KPI page counts tickets from a per-day rollup the Ticket triggers keep. Whatever happens to
// tickets (one by one, in bulk, recategorised, moved to another channel, a sender confirmed, a
// ticket deleted), the rollup must give exactly what counting the tickets themselves gives, for
// Amsterdam days, before and after the sweep folds the deltas in. The direct counts below are the
// oracle: the SQL the page ran before the rollup.

const MARCH = { from: "2025-03-24", to: "2025-04-06" }; // summer time began Sun 30 Mar 2025 02:00
const period = periodFromKeys(MARCH.from, MARCH.to);
let seq = 0;
let categories: Record<string, string>;

const ticketData = (iso: string, channel: Channel, categoryKey = "GENERAL_QUESTION", extra: { senderUnverified?: boolean; firstContactResolution?: boolean } = {}) => {
  seq += 1;
  return { number: `LK-2025-${String(880000 + seq)}`, subject: `rollup ${seq}`, categoryId: categories[categoryKey]!, channel, createdAt: new Date(iso), ...extra };
};

async function direct(p: Period = period) {
  const [row] = await db.$queryRaw<{ phone: bigint; phone_fcr: bigint; not_complaint: bigint; questions: bigint }[]>`
    SELECT count(*) FILTER (WHERE t."channel" = 'PHONE') AS phone,
           count(*) FILTER (WHERE t."channel" = 'PHONE' AND t."firstContactResolution") AS phone_fcr,
           count(*) FILTER (WHERE c."key" <> 'COMPLAINT') AS not_complaint,
           count(*) FILTER (WHERE c."key" <> 'COMPLAINT' AND NOT t."senderUnverified") AS questions
    FROM "Ticket" t JOIN "TicketCategory" c ON c."id" = t."categoryId"
    WHERE t."createdAt" >= ${p.from} AND t."createdAt" < ${p.to}`;
  return { phone: Number(row!.phone), phoneResolved: Number(row!.phone_fcr), notComplaint: Number(row!.not_complaint), questions: Number(row!.questions) };
}

async function fromRollup() {
  const totals = await ticketDayTotals(db, period);
  const report = (await contactReasonReport(db, MARCH))!;
  return { ...totals, questions: report.total.total };
}

const pendingDeltas = () => db.ticketDayDelta.count();

/** The query the page ran before the rollup: each ticket's first sla.answered event, looked up per ticket. */
async function writtenDirect(now: Date, p: Period = period) {
  const [row] = await db.$queryRaw<{ hit: bigint; total: bigint }[]>`
    SELECT count(*) FILTER (WHERE t."firstResponseAt" IS NOT NULL AND t."firstResponseAt" <= COALESCE(a.due_at, t."slaDueAt")) AS hit,
           count(*) FILTER (WHERE t."firstResponseAt" IS NOT NULL OR t."slaDueAt" < ${now}) AS total
    FROM "Ticket" t
    LEFT JOIN LATERAL (
      SELECT (e."data"->>'dueAt')::timestamp AS due_at FROM "TicketEvent" e
      WHERE e."ticketId" = t."id" AND e."kind" = 'sla.answered' ORDER BY e."createdAt" LIMIT 1
    ) a ON true
    WHERE t."createdAt" >= ${p.from} AND t."createdAt" < ${p.to}
      AND t."channel" IN ('PORTAL', 'EMAIL', 'LETTER') AND t."slaPolicyKey" = 'WRITTEN_QUESTION'`;
  return { hit: Number(row!.hit), total: Number(row!.total) };
}

const answeredEvent = (ticketId: string, atIso: string, dueIso: string | null) =>
  db.ticketEvent.create({ data: { ticketId, kind: "sla.answered", data: { startedAt: null, dueAt: dueIso, state: "ON_TRACK" }, createdAt: new Date(atIso) } });

beforeAll(async () => {
  await seedDemo();
  categories = Object.fromEntries((await db.ticketCategory.findMany({ select: { key: true, id: true } })).map((c) => [c.key, c.id]));
});

describe("the per-day ticket rollup behind the KPI page", () => {
  it("counts tickets made one by one and in bulk, by the Amsterdam day, across the start of summer time", async () => {
    await db.ticket.create({ data: ticketData("2025-03-23T23:30:00Z", "PHONE", "GENERAL_QUESTION", { firstContactResolution: true }) }); // Mon 24 Mar 00:30 CET: in
    await db.ticket.create({ data: ticketData("2025-03-23T22:59:00Z", "PHONE") }); // Sun 23 Mar 23:59 CET: the day before
    await db.ticket.createMany({
      data: [
        ticketData("2025-03-30T21:30:00Z", "PHONE"), // Sun 30 Mar 23:30 CEST
        ticketData("2025-03-30T22:30:00Z", "EMAIL", "GENERAL_QUESTION", { senderUnverified: true }), // Mon 31 Mar 00:30 CEST
        ticketData("2025-04-01T09:00:00Z", "PORTAL", "COMPLAINT"),
        ticketData("2025-04-06T21:59:00Z", "PHONE", "DOSSIER_QUESTION", { firstContactResolution: true }), // Sun 6 Apr 23:59 CEST: last minute in
        ticketData("2025-04-06T22:00:00Z", "PHONE"), // Mon 7 Apr 00:00 CEST: after
      ],
    });
    const expected = await direct();
    expect(expected).toEqual({ phone: 3, phoneResolved: 2, notComplaint: 4, questions: 3 });
    expect(await fromRollup()).toEqual(expected);
    expect(await firstContactResolution(db, period)).toEqual({ hit: 2, total: 3 });
  });

  it("follows a ticket recategorised, moved to another channel, its sender confirmed, resolved at first contact, or deleted", async () => {
    const moved = await db.ticket.create({ data: ticketData("2025-03-26T10:00:00Z", "EMAIL", "GENERAL_QUESTION", { senderUnverified: true }) });
    const before = await fromRollup();
    await db.ticket.update({ where: { id: moved.id }, data: { senderUnverified: false } });
    await db.ticket.update({ where: { id: moved.id }, data: { categoryId: categories.COMPLAINT } });
    await db.ticket.update({ where: { id: moved.id }, data: { categoryId: categories.DOSSIER_QUESTION, channel: "PHONE", firstContactResolution: true } });
    const after = await fromRollup();
    expect(after).toEqual(await direct());
    expect(after.phone - before.phone).toBe(1);
    expect(after.phoneResolved - before.phoneResolved).toBe(1);
    expect(after.questions - before.questions).toBe(1);

    // Moved out of the period by its date, then deleted: counted nowhere.
    await db.ticket.update({ where: { id: moved.id }, data: { createdAt: new Date("2025-05-01T10:00:00Z") } });
    expect(await fromRollup()).toEqual(await direct());
    await db.ticket.deleteMany({ where: { subject: { startsWith: "rollup" }, channel: "PORTAL" } });
    await db.ticket.delete({ where: { id: moved.id } });
    const last = await fromRollup();
    expect(last).toEqual(await direct());
    expect(last.notComplaint).toBe(before.notComplaint - 1); // the unverified mail became a question, then left the period
  });

  it("writes no delta for a change the figures do not depend on", async () => {
    const ticket = await db.ticket.findFirstOrThrow({ where: { subject: { startsWith: "rollup" } } });
    const pending = await pendingDeltas();
    await db.ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED", subject: "rollup, closed", lastActivityAt: new Date() } });
    expect(await pendingDeltas()).toBe(pending);
  });

  it("gives the same figures after the sweep folds the deltas in, and after a second fold with nothing new", async () => {
    const before = await fromRollup();
    const complaintsBefore = await complaintFigures(db, period, new Date("2025-06-01T10:00:00Z"));
    expect(await pendingDeltas()).toBeGreaterThan(0);
    const report = await runSweeps(db, new Date("2025-06-01T10:00:00Z"));
    expect(report.kpiRollup).toBeGreaterThan(0);
    expect(await pendingDeltas()).toBe(0);
    expect(await fromRollup()).toEqual(before);
    expect((await complaintFigures(db, period, new Date("2025-06-01T10:00:00Z"))).contacts).toBe(complaintsBefore.contacts);
    expect(await foldTicketDayDeltas(db)).toBe(0);
    expect(await fromRollup()).toEqual(await direct());

    // And keeps counting on top of the folded rows.
    await db.ticket.create({ data: ticketData("2025-04-02T08:00:00Z", "PHONE", "GENERAL_QUESTION", { firstContactResolution: true }) });
    expect(await fromRollup()).toEqual({ ...before, phone: before.phone + 1, phoneResolved: before.phoneResolved + 1, notComplaint: before.notComplaint + 1, questions: before.questions + 1 });
  });

  it("judges written questions by the due time of the clock their first answer stopped, and counts the unanswered once past due", async () => {
    const now = new Date("2025-04-04T12:00:00Z");
    const written = (iso: string, channel: Channel, due: string) =>
      db.ticket.create({ data: { ...ticketData(iso, channel), slaPolicyKey: "WRITTEN_QUESTION", slaStartedAt: new Date(iso), slaDueAt: new Date(due) } });
    const before = await writtenInTime(db, period, now);
    expect(before).toEqual(await writtenDirect(now));

    // Answered within its first clock.
    const onTime = await written("2025-03-25T09:00:00Z", "PORTAL", "2025-03-31T09:00:00Z");
    await answeredEvent(onTime.id, "2025-03-26T09:00:00Z", "2025-03-31T09:00:00Z");
    await db.ticket.update({ where: { id: onTime.id }, data: { firstResponseAt: new Date("2025-03-26T09:00:00Z") } });
    // Answered late; a later customer message then started a new clock far ahead: still late.
    const late = await written("2025-03-25T09:00:00Z", "EMAIL", "2025-03-31T09:00:00Z");
    await db.ticket.update({ where: { id: late.id }, data: { firstResponseAt: new Date("2025-04-01T09:00:00Z") } });
    await answeredEvent(late.id, "2025-04-01T09:00:00Z", "2025-03-31T09:00:00Z");
    await db.ticket.update({ where: { id: late.id }, data: { slaDueAt: new Date("2025-04-20T09:00:00Z") } });
    // No answer event (answered before such events were kept): judged by its own due time, which then moves before the answer.
    const legacy = await written("2025-03-27T09:00:00Z", "LETTER", "2025-04-03T09:00:00Z");
    await db.ticket.update({ where: { id: legacy.id }, data: { firstResponseAt: new Date("2025-04-02T09:00:00Z") } });
    expect(await writtenInTime(db, period, now)).toEqual({ hit: before.hit + 2, total: before.total + 3 });
    await db.ticket.update({ where: { id: legacy.id }, data: { slaDueAt: new Date("2025-04-01T09:00:00Z") } });
    // Two answer events written out of order: the earlier one counts.
    const reordered = await written("2025-03-28T09:00:00Z", "PORTAL", "2025-04-02T09:00:00Z");
    await db.ticket.update({ where: { id: reordered.id }, data: { firstResponseAt: new Date("2025-04-01T09:00:00Z") } });
    await answeredEvent(reordered.id, "2025-04-03T09:00:00Z", "2025-03-30T09:00:00Z");
    await answeredEvent(reordered.id, "2025-04-01T09:00:00Z", "2025-04-02T09:00:00Z");
    // Not answered: past due at `now` counts against, not yet due does not count.
    await written("2025-03-26T09:00:00Z", "EMAIL", "2025-04-02T09:00:00Z");
    await written("2025-04-03T09:00:00Z", "PORTAL", "2025-04-10T09:00:00Z");
    // Not a written question.
    const phone = await written("2025-03-26T09:00:00Z", "PHONE", "2025-04-02T09:00:00Z");
    await db.ticket.update({ where: { id: phone.id }, data: { firstResponseAt: new Date("2025-03-26T10:00:00Z") } });

    const after = await writtenInTime(db, period, now);
    expect(after).toEqual({ hit: before.hit + 2, total: before.total + 5 });
    expect(after).toEqual(await writtenDirect(now));
    // A week later the second unanswered one is past due too.
    const later = new Date("2025-04-11T12:00:00Z");
    expect(await writtenInTime(db, period, later)).toEqual({ hit: before.hit + 2, total: before.total + 6 });
    await foldTicketDayDeltas(db);
    expect(await writtenInTime(db, period, later)).toEqual(await writtenDirect(later));
  });

  it("agrees with the tickets themselves over the demo data's whole history", async () => {
    const [range] = await db.$queryRaw<{ first: Date; last: Date }[]>`SELECT min("createdAt") AS first, max("createdAt") AS last FROM "Ticket"`;
    const whole = periodFromKeys(range!.first.toISOString().slice(0, 10), new Date(range!.last.getTime() + 2 * 86_400_000).toISOString().slice(0, 10));
    const counted = await direct(whole);
    expect(counted.notComplaint).toBeGreaterThan(10);
    expect(await ticketDayTotals(db, whole)).toEqual({ phone: counted.phone, phoneResolved: counted.phoneResolved, notComplaint: counted.notComplaint });
    const now = new Date("2026-11-24T10:00:00Z");
    const written = await writtenDirect(now, whole);
    expect(written.total).toBeGreaterThan(5);
    expect(await writtenInTime(db, whole, now)).toEqual(written);
  });

  it("judges callbacks by each appointment's first attempt, however attempts are added, moved or removed", async () => {
    const whole = periodFromKeys("2026-01-01", "2026-12-31");
    const now = new Date("2026-11-24T10:00:00Z");
    // The query the page ran before: each appointment's attempts looked up one by one.
    const direct = async () => {
      const [row] = await db.$queryRaw<{ in_slot: bigint; in_2h: bigint; in_24h: bigint; attempted: bigint }[]>`
        SELECT count(*) FILTER (WHERE f.first_at >= a."slotStart" AND f.first_at <= a."slotStart" + (CASE WHEN a."slot" = 'MORNING' THEN interval '1 hour' ELSE interval '2 hours' END)) AS in_slot,
               count(*) FILTER (WHERE f.first_at <= a."bookedAt" + interval '2 hours') AS in_2h,
               count(*) FILTER (WHERE f.first_at <= a."bookedAt" + interval '24 hours') AS in_24h,
               count(f.first_at) AS attempted
        FROM "CallbackAppointment" a
        LEFT JOIN LATERAL (SELECT min("attemptedAt") AS first_at FROM "CallbackAttempt" WHERE "appointmentId" = a."id") f ON true
        WHERE a."status" <> 'CANCELLED'`;
      return { inSlot: Number(row!.in_slot), in2h: Number(row!.in_2h), in24h: Number(row!.in_24h), attempted: Number(row!.attempted) };
    };
    const [viaColumn] = await db.$queryRaw<{ n: bigint }[]>`SELECT count("firstAttemptAt") AS n FROM "CallbackAppointment" WHERE "status" <> 'CANCELLED'`;
    const first = await direct();
    expect(first.attempted).toBeGreaterThan(0);
    expect(Number(viaColumn!.n)).toBe(first.attempted);
    const figures = async () => {
      const f = await callbackFigures(db, whole, now);
      return { inSlot: f.attemptedInSlot.hit, in2h: f.within2Hours.hit, in24h: f.within24Hours.hit };
    };
    expect(await figures()).toEqual({ inSlot: first.inSlot, in2h: first.in2h, in24h: first.in24h });

    // An appointment of the demo data gets an earlier attempt, inside its slot; then that attempt is moved out and removed.
    const appointment = await db.callbackAppointment.findFirstOrThrow({ where: { status: { not: "CANCELLED" }, slotStart: { gte: whole.from, lt: whole.to }, attempts: { none: {} } } });
    const handler = await db.user.findFirstOrThrow({ where: { role: "CASE_HANDLER" } });
    const attempt = await db.callbackAttempt.create({ data: { appointmentId: appointment.id, handlerId: handler.id, outcome: "NO_ANSWER", attemptedAt: new Date(appointment.slotStart.getTime() + 10 * 60_000) } });
    await db.callbackAttempt.create({ data: { appointmentId: appointment.id, handlerId: handler.id, outcome: "REACHED", attemptedAt: new Date(appointment.slotStart.getTime() + 5 * 86_400_000) } });
    const added = await direct();
    expect(added.inSlot).toBe(first.inSlot + 1);
    expect(await figures()).toEqual({ inSlot: added.inSlot, in2h: added.in2h, in24h: added.in24h });
    await db.callbackAttempt.update({ where: { id: attempt.id }, data: { attemptedAt: new Date(appointment.slotStart.getTime() + 4 * 86_400_000) } });
    expect((await direct()).inSlot).toBe(first.inSlot);
    expect((await figures()).inSlot).toBe(first.inSlot);
    await db.callbackAttempt.delete({ where: { id: attempt.id } });
    const [row] = await db.$queryRaw<{ first: Date }[]>`SELECT "firstAttemptAt" AS first FROM "CallbackAppointment" WHERE "id" = ${appointment.id}`;
    expect(row!.first.toISOString()).toBe(new Date(appointment.slotStart.getTime() + 5 * 86_400_000).toISOString());
  });
});
