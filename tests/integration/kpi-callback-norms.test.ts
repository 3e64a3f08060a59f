import type { AppointmentStatus, AttemptOutcome, Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { periodFromKeys } from "@/lib/kpi/period";
import { callbackFigures, type CallbackFigures } from "@/lib/kpi/queries";
import { seedDemo } from "../support/fixtures";

// The inspection's norms (first attempt within 2 / 24 hours of the request) next to the booked
// slot, on hand-made appointments in June 2023 (CEST, UTC+2), far from the demo data.
const at = (iso: string) => new Date(iso);
// 30 June 23:30 Amsterdam: the last appointment was booked half an hour ago.
const now = at("2023-06-30T21:30:00Z");
let june: CallbackFigures;
let march: CallbackFigures;

beforeAll(async () => {
  await seedDemo();
  const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
  const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
  const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
  const category = await db.ticketCategory.findUniqueOrThrow({ where: { key: "GENERAL_QUESTION" } });
  const ticket = await db.ticket.create({ data: { number: "LK-2023-990001", subject: "terugbellen", categoryId: category.id, channel: "PHONE", createdAt: at("2023-06-01T08:00:00Z") } });
  const appointment = async (
    bookedAt: string,
    slotStart: string,
    slot: "MORNING" | "AFTERNOON",
    status: AppointmentStatus,
    attempts: [string, AttemptOutcome][] = [],
    extra: Partial<Prisma.CallbackAppointmentUncheckedCreateInput> = {},
  ) => {
    const a = await db.callbackAppointment.create({
      data: { ticketId: ticket.id, personId: anna.id, teamId: team.id, date: slotStart.slice(0, 10), slot, slotStart: at(slotStart), phone: "0612345678", status, bookedById: handler.id, bookedAt: at(bookedAt), ...extra },
    });
    for (const [when, outcome] of attempts) await db.callbackAttempt.create({ data: { appointmentId: a.id, handlerId: handler.id, outcome, attemptedAt: at(when) } });
  };
  // b1 booked Mon 5 Jun 10:00, reached 10:30 in the morning slot: 2 h yes, 24 h yes, slot yes.
  await appointment("2023-06-05T08:00:00Z", "2023-06-05T08:00:00Z", "MORNING", "DONE", [["2023-06-05T08:30:00Z", "REACHED"]]);
  // b2 a repeat request, reached the next afternoon in its slot, 28.5 hours after the request.
  await appointment("2023-06-05T08:00:00Z", "2023-06-06T12:00:00Z", "AFTERNOON", "DONE", [["2023-06-06T12:30:00Z", "REACHED"]], { isRepeat: true });
  // b3 tried exactly 2 hours after the request, before its slot: a wrong number ends it at once.
  await appointment("2023-06-07T09:00:00Z", "2023-06-07T12:00:00Z", "AFTERNOON", "WRONG_NUMBER", [["2023-06-07T11:00:00Z", "WRONG_NUMBER"]]);
  // b4 first tried exactly 24 hours after the request, after its morning slot; unreachable after two.
  await appointment("2023-06-12T10:00:00Z", "2023-06-13T08:00:00Z", "MORNING", "UNREACHABLE", [["2023-06-13T10:00:00Z", "NO_ANSWER"], ["2023-06-13T10:30:00Z", "NO_ANSWER"]]);
  // b5 cancelled: left out of every figure but the count of requests.
  await appointment("2023-06-14T08:00:00Z", "2023-06-15T08:00:00Z", "MORNING", "CANCELLED");
  // b6 never tried, every window long past: a miss everywhere.
  await appointment("2023-06-14T08:00:00Z", "2023-06-15T08:00:00Z", "MORNING", "BOOKED");
  // b7 booked 30 Jun 23:00 Amsterdam (in June), slot in July, not tried yet: neither window has passed.
  await appointment("2023-06-30T21:00:00Z", "2023-07-03T08:00:00Z", "MORNING", "BOOKED");
  // Across the change to summer time: booked Sat 25 Mar 12:00 CET, tried Sun 26 Mar 12:30 CEST.
  // The clock on the wall moved 24.5 hours, but only 23.5 hours passed: within 24 hours.
  await appointment("2023-03-25T11:00:00Z", "2023-03-27T08:00:00Z", "MORNING", "DONE", [["2023-03-26T10:30:00Z", "REACHED"]]);

  june = await callbackFigures(db, periodFromKeys("2023-06-01", "2023-06-30"), now);
  march = await callbackFigures(db, periodFromKeys("2023-03-01", "2023-03-31"), now);
});

describe("callback norms from the request", () => {
  it("counts first attempts within 2 hours of the booking, leaving out cancelled and not-yet-due ones", () => {
    // b1, b3 of b1, b2, b3, b4, b6 (b5 cancelled, b7's two hours still running).
    expect(june.within2Hours).toEqual({ hit: 2, total: 5 });
  });

  it("counts first attempts within 24 hours of the booking, in elapsed time", () => {
    // b1, b3, b4 (exactly 24 hours) of the same five.
    expect(june.within24Hours).toEqual({ hit: 3, total: 5 });
    expect(march.within24Hours).toEqual({ hit: 1, total: 1 });
  });

  it("keeps the booked-slot figure by slot time", () => {
    // b1, b2 of the slots in June that were tried or are over: b1, b2, b3, b4, b6.
    expect(june.attemptedInSlot).toEqual({ hit: 2, total: 5 });
  });

  it("counts a wrong number apart from unreachable after two attempts", () => {
    // Closed in June: b1, b2 reached, b4 unreachable, b3 wrong number.
    expect(june.reached).toEqual({ hit: 2, total: 4 });
    expect(june.unreachable).toEqual({ hit: 1, total: 4 });
    expect(june.wrongNumber).toEqual({ hit: 1, total: 4 });
    expect(june.repeat).toEqual({ hit: 1, total: 7 });
  });
});
