import type { Channel } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { contactReasonReport } from "@/lib/kpi/contact-reason-queries";
import { foldTicketDayDeltas, ticketDayTotals } from "@/lib/kpi/day-stats";
import { periodFromKeys } from "@/lib/kpi/period";
import { complaintFigures, firstContactResolution } from "@/lib/kpi/queries";
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

async function direct() {
  const [row] = await db.$queryRaw<{ phone: bigint; phone_fcr: bigint; not_complaint: bigint; questions: bigint }[]>`
    SELECT count(*) FILTER (WHERE t."channel" = 'PHONE') AS phone,
           count(*) FILTER (WHERE t."channel" = 'PHONE' AND t."firstContactResolution") AS phone_fcr,
           count(*) FILTER (WHERE c."key" <> 'COMPLAINT') AS not_complaint,
           count(*) FILTER (WHERE c."key" <> 'COMPLAINT' AND NOT t."senderUnverified") AS questions
    FROM "Ticket" t JOIN "TicketCategory" c ON c."id" = t."categoryId"
    WHERE t."createdAt" >= ${period.from} AND t."createdAt" < ${period.to}`;
  return { phone: Number(row!.phone), phoneResolved: Number(row!.phone_fcr), notComplaint: Number(row!.not_complaint), questions: Number(row!.questions) };
}

async function fromRollup() {
  const totals = await ticketDayTotals(db, period);
  const report = (await contactReasonReport(db, MARCH))!;
  return { ...totals, questions: report.total.total };
}

const pendingDeltas = () => db.ticketDayDelta.count();

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

  it("agrees with the tickets themselves over the demo data's whole history", async () => {
    const [range] = await db.$queryRaw<{ first: Date; last: Date }[]>`SELECT min("createdAt") AS first, max("createdAt") AS last FROM "Ticket"`;
    const whole = periodFromKeys(range!.first.toISOString().slice(0, 10), new Date(range!.last.getTime() + 2 * 86_400_000).toISOString().slice(0, 10));
    const [row] = await db.$queryRaw<{ phone: bigint; fcr: bigint; not_complaint: bigint }[]>`
      SELECT count(*) FILTER (WHERE t."channel" = 'PHONE') AS phone, count(*) FILTER (WHERE t."channel" = 'PHONE' AND t."firstContactResolution") AS fcr,
             count(*) FILTER (WHERE c."key" <> 'COMPLAINT') AS not_complaint
      FROM "Ticket" t JOIN "TicketCategory" c ON c."id" = t."categoryId" WHERE t."createdAt" >= ${whole.from} AND t."createdAt" < ${whole.to}`;
    expect(Number(row!.not_complaint)).toBeGreaterThan(10);
    expect(await ticketDayTotals(db, whole)).toEqual({ phone: Number(row!.phone), phoneResolved: Number(row!.fcr), notComplaint: Number(row!.not_complaint) });
  });
});
