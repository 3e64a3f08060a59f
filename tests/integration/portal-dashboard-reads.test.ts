// The portal dashboard's three reads are prepared statements (lib/portal/queries.ts). What they give
// must be exactly what Prisma gives for the same rows, for every customer of the demo: the person's
// tickets page by page with the total, their booked appointments, and the last "not reached" note
// unless they booked again since.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { latestUnreachable, listMyAppointments, listMyTickets, myAppointmentSelect, myTicketSelect, PORTAL_PAGE_SIZE } from "@/lib/portal/queries";
import { customerAnswerDue } from "@/lib/sla/lifecycle";
import { seedDemo, sessionFor } from "../support/fixtures";

const TODAY = "2026-11-24";

async function byPrisma(userId: string, page: number) {
  const where = { requesterId: userId };
  const items = await db.ticket.findMany({ where, orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }], skip: page * PORTAL_PAGE_SIZE, take: PORTAL_PAGE_SIZE, select: myTicketSelect });
  return { items: items.map((item) => ({ ...item, answerDueAt: customerAnswerDue(item) })), total: await db.ticket.count({ where }) };
}

async function unreachableByPrisma(userId: string) {
  const note = await db.contactNote.findFirst({ where: { subjectId: userId, kind: { in: ["UNREACHABLE", "WRONG_NUMBER"] } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  if (!note?.appointmentId) return null;
  const appointment = await db.callbackAppointment.findUnique({ where: { id: note.appointmentId }, select: { date: true, slot: true, ticketId: true, phone: true } });
  if (!appointment) return null;
  const newer = await db.callbackAppointment.count({ where: { personId: userId, bookedAt: { gt: note.createdAt } } });
  return newer > 0 ? null : { ...appointment, kind: note.kind, at: note.createdAt };
}

beforeAll(async () => {
  await seedDemo();
});

describe("the portal dashboard's reads", () => {
  it("give every customer exactly what Prisma gives: tickets page by page, appointments, the last unreachable note", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    // Enough of Anna's tickets for a second page, one of them a complaint's; a note about a call
    // that did not reach her, for an appointment she booked before it.
    const category = await db.ticketCategory.findFirstOrThrow({ where: { dossierSensitive: false } });
    await db.ticket.createMany({
      data: Array.from({ length: PORTAL_PAGE_SIZE + 3 }, (_, i) => ({
        number: `LK-2033-${String(i + 1).padStart(6, "0")}`, subject: `Vraag ${i}`, categoryId: category.id, channel: "PORTAL" as const, requesterId: anna.id,
        lastActivityAt: new Date(Date.UTC(2026, 10, 20, 9, i % 4)), slaDueAt: i % 2 ? new Date("2026-11-27T16:00:00Z") : null,
      })),
    });
    const appointment = await db.callbackAppointment.findFirst({ where: { personId: anna.id }, orderBy: { bookedAt: "desc" } });
    if (appointment) {
      await db.contactNote.create({ data: { subjectId: anna.id, kind: "UNREACHABLE", body: "Twee keer gebeld", appointmentId: appointment.id, createdAt: new Date(appointment.bookedAt.getTime() + 60_000) } });
    }

    // The demo's customers all log in, so each has an address.
    const customers = await db.user.findMany({ where: { role: { in: ["BENEFICIARY", "EMPLOYER_CONTACT"] } }, select: { email: true } });
    const met = { pages: 0, complaints: 0, appointments: 0, unreachable: 0 };
    for (const email of customers.map((c) => c.email!)) {
      const user = await sessionFor(email);
      for (const page of [0, 1, 5]) {
        const expected = await byPrisma(user.id, page);
        expect(await listMyTickets(user, page), `${email} page ${page}`).toEqual(expected);
        if (expected.items.length > 0) met.pages += 1;
        met.complaints += expected.items.filter((i) => i.complaint).length;
      }
      const appointments = await db.callbackAppointment.findMany({ where: { personId: user.id, status: "BOOKED", date: { gte: TODAY } }, orderBy: [{ slotStart: "asc" }, { id: "asc" }], take: 20, select: myAppointmentSelect });
      expect(await listMyAppointments(user, TODAY), email).toEqual(appointments);
      met.appointments += appointments.length;
      const note = await unreachableByPrisma(user.id);
      expect(await latestUnreachable(user), email).toEqual(note);
      if (note) met.unreachable += 1;
    }
    expect(met.pages).toBeGreaterThan(customers.length);
    expect(Object.values(met).every((n) => n > 0), JSON.stringify(met)).toBe(true);

    // Booking again takes the invitation up.
    if (appointment) {
      expect(await latestUnreachable(anna)).not.toBeNull();
      await db.callbackAppointment.update({ where: { id: appointment.id }, data: { bookedAt: new Date(Date.now() + 3_600_000) } });
      expect(await latestUnreachable(anna)).toBeNull();
    }
  });
});
