import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { Prisma, type ContactNoteKind, type SlotKind } from "@prisma/client";
import { db } from "@/lib/db/client";
import { readRows, wholeNumber } from "@/lib/db/prepared";
import { customerAnswerDue } from "@/lib/sla/lifecycle";

export const PORTAL_PAGE_SIZE = 10;

// The dashboard's three reads (the person's tickets, appointments and the last unreachable note)
// are prepared statements (lib/db/prepared.ts): through Prisma they cost 6.9 ms of the server's
// CPU per dashboard, a fifth of the page. Their shapes stay Prisma's (the selects below), and
// tests/integration/portal-dashboard-reads.test.ts holds each to what Prisma gives.

/** The fields of the person's ticket list, as a Prisma select: the shape listMyTickets returns. */
export const myTicketSelect = {
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
} satisfies Prisma.TicketSelect;
type MyTicketRow = Prisma.TicketGetPayload<{ select: typeof myTicketSelect }>;

/** The person's own tickets, newest activity first, one page at a time. */
export async function listMyTickets(user: SessionUser, page: number) {
  const [rows, [count]] = await Promise.all([
    readRows<Omit<MyTicketRow, "category" | "complaint"> & { categoryNameNl: string; categoryNameEn: string; complaintStatus: string | null }>(
      db,
      Prisma.sql`
        SELECT t.id, t.number, t.subject, t.status::text AS status, t.channel::text AS channel, t."slaDueAt", t."slaStoppedAt", t."lastActivityAt",
               c."nameNl" AS "categoryNameNl", c."nameEn" AS "categoryNameEn", k.status::text AS "complaintStatus"
        FROM "Ticket" t JOIN "TicketCategory" c ON c.id = t."categoryId" LEFT JOIN "Complaint" k ON k."ticketId" = t.id
        WHERE t."requesterId" = ${user.id}
        ORDER BY t."lastActivityAt" DESC, t.id ASC
        LIMIT ${wholeNumber(PORTAL_PAGE_SIZE)} OFFSET ${wholeNumber(Math.trunc(page) * PORTAL_PAGE_SIZE)}`,
    ),
    readRows<{ total: bigint }>(db, Prisma.sql`SELECT count(*) AS total FROM "Ticket" WHERE "requesterId" = ${user.id}`),
  ]);
  const items = rows.map(({ categoryNameNl, categoryNameEn, complaintStatus, ...ticket }): MyTicketRow => ({
    ...ticket,
    category: { nameNl: categoryNameNl, nameEn: categoryNameEn },
    complaint: complaintStatus === null ? null : { status: complaintStatus as NonNullable<MyTicketRow["complaint"]>["status"] },
  }));
  // "Answer due" only while we owe an answer: not once answered, not while waiting on the person.
  return { items: items.map((item) => ({ ...item, answerDueAt: customerAnswerDue(item) })), total: Number(count?.total ?? 0) };
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

/** The fields of the person's booked appointments, as a Prisma select: the shape listMyAppointments returns. */
export const myAppointmentSelect = {
  id: true,
  date: true,
  slot: true,
  slotStart: true,
  phone: true,
  ticket: { select: { id: true, number: true, subject: true } },
} satisfies Prisma.CallbackAppointmentSelect;
type MyAppointmentRow = Prisma.CallbackAppointmentGetPayload<{ select: typeof myAppointmentSelect }>;

/** Booked appointments from today on, and the phone number last used. */
export async function listMyAppointments(user: SessionUser, today: string): Promise<MyAppointmentRow[]> {
  const rows = await readRows<Omit<MyAppointmentRow, "ticket"> & { ticketId: string; ticketNumber: string; ticketSubject: string }>(
    db,
    Prisma.sql`
      SELECT a.id, a.date, a.slot::text AS slot, a."slotStart", a.phone, t.id AS "ticketId", t.number AS "ticketNumber", t.subject AS "ticketSubject"
      FROM "CallbackAppointment" a JOIN "Ticket" t ON t.id = a."ticketId"
      WHERE a."personId" = ${user.id} AND a.status = 'BOOKED' AND a.date >= ${today}
      ORDER BY a."slotStart" ASC, a.id ASC
      LIMIT 20`,
  );
  return rows.map(({ ticketId, ticketNumber, ticketSubject, ...appointment }) => ({ ...appointment, ticket: { id: ticketId, number: ticketNumber, subject: ticketSubject } }));
}

/**
 * The latest "not reached after 2 attempts" or "wrong number" note, unless the person has booked
 * a new appointment since: then the invitation has been taken up.
 */
export async function latestUnreachable(user: SessionUser) {
  const [row] = await readRows<{ date: string; slot: SlotKind; ticketId: string; phone: string; kind: ContactNoteKind; at: Date }>(
    db,
    Prisma.sql`
      SELECT a.date, a.slot::text AS slot, a."ticketId", a.phone, n.kind::text AS kind, n."createdAt" AS at
      FROM (SELECT id, kind, "createdAt", "appointmentId" FROM "ContactNote"
            WHERE "subjectId" = ${user.id} AND kind IN ('UNREACHABLE', 'WRONG_NUMBER')
            ORDER BY "createdAt" DESC, id DESC LIMIT 1) n
        JOIN "CallbackAppointment" a ON a.id = n."appointmentId"
      WHERE NOT EXISTS (SELECT 1 FROM "CallbackAppointment" b WHERE b."personId" = ${user.id} AND b."bookedAt" > n."createdAt")`,
  );
  return row ?? null;
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
