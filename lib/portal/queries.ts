import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { customerAnswerDue } from "@/lib/sla/lifecycle";

export const PORTAL_PAGE_SIZE = 10;

/** The person's own tickets, newest activity first, one page at a time. */
export async function listMyTickets(user: SessionUser, page: number) {
  const where = { requesterId: user.id };
  const [items, total] = await Promise.all([
    db.ticket.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
      skip: page * PORTAL_PAGE_SIZE,
      take: PORTAL_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        subject: true,
        status: true,
        channel: true,
        slaDueAt: true,
        slaStoppedAt: true,
        lastActivityAt: true,
        category: { select: { nameNl: true, nameEn: true } },
        // A complaint's ticket shows the complaint's own status wording.
        complaint: { select: { status: true } },
      },
    }),
    db.ticket.count({ where }),
  ]);
  // "Answer due" only while we owe an answer: not once answered, not while waiting on the person.
  return { items: items.map((item) => ({ ...item, answerDueAt: customerAnswerDue(item) })), total };
}

/** One of the person's tickets with only what is meant for them: no internal notes, no audit data. */
export async function getMyTicket(user: SessionUser, id: string) {
  const ticket = await db.ticket.findFirst({
    where: { id, requesterId: user.id },
    select: {
      id: true,
      number: true,
      subject: true,
      status: true,
      channel: true,
      slaDueAt: true,
      slaState: true,
      slaStoppedAt: true,
      createdAt: true,
      category: { select: { key: true, nameNl: true, nameEn: true } },
      messages: {
        where: { direction: { in: ["INBOUND", "OUTBOUND"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          direction: true,
          channel: true,
          body: true,
          automatic: true,
          createdAt: true,
          author: { select: { name: true, role: true } },
          attachments: { select: { id: true, fileName: true, size: true } },
        },
      },
      satisfaction: { select: { score: true } },
      complaint: { select: { id: true, status: true } },
      // Every appointment, not only the open one: a question with a cancelled or missed call and a new
      // booking must show both, each with its status, or the two look like a mistake.
      appointments: { orderBy: { slotStart: "asc" }, select: { id: true, date: true, slot: true, status: true } },
    },
  });
  return ticket ? { ...ticket, answerDueAt: customerAnswerDue(ticket), answeredAt: ticket.slaStoppedAt } : null;
}
export type MyTicket = NonNullable<Awaited<ReturnType<typeof getMyTicket>>>;

/** Booked appointments from today on, and the phone number last used. */
export async function listMyAppointments(user: SessionUser, today: string) {
  return db.callbackAppointment.findMany({
    where: { personId: user.id, status: "BOOKED", date: { gte: today } },
    orderBy: { slotStart: "asc" },
    take: 20,
    select: { id: true, date: true, slot: true, slotStart: true, phone: true, ticket: { select: { id: true, number: true, subject: true } } },
  });
}

/**
 * The latest "not reached after 2 attempts" or "wrong number" note, unless the person has booked
 * a new appointment since: then the invitation has been taken up.
 */
export async function latestUnreachable(user: SessionUser) {
  const note = await db.contactNote.findFirst({
    where: { subjectId: user.id, kind: { in: ["UNREACHABLE", "WRONG_NUMBER"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, appointmentId: true, kind: true },
  });
  if (!note?.appointmentId) return null;
  const appointment = await db.callbackAppointment.findUnique({ where: { id: note.appointmentId }, select: { date: true, slot: true, ticketId: true, phone: true } });
  if (!appointment) return null;
  const newer = await db.callbackAppointment.count({ where: { personId: user.id, bookedAt: { gt: note.createdAt } } });
  return newer > 0 ? null : { ...appointment, kind: note.kind, at: note.createdAt };
}

/** The person's own tickets that can carry a callback or a complaint (for pickers). */
export function listMyOpenTickets(user: SessionUser) {
  return db.ticket.findMany({
    where: { requesterId: user.id, status: { not: "CLOSED" }, category: { key: { not: "COMPLAINT" } } },
    orderBy: { lastActivityAt: "desc" },
    take: 50,
    select: { id: true, number: true, subject: true },
  });
}
