import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import type { Prisma, TicketStatus } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/calendar/opening-hours";
import { employerTicketScope } from "@/lib/employer/scope";
import type { Period } from "@/lib/kpi/rules";
import { type ContactLineView, listContactLines } from "@/lib/lines/queries";
import { isComplaintTicket, surveyOpen } from "@/lib/survey/rules";
import { EXPORT_LIMIT, OVERVIEW_PAGE_SIZE, type OverviewFilters, type Timing, TIMINGS } from "./rules";

// Every read here starts from employerTicketScope (lib/employer/scope.ts): the contact's own
// organisation, HR-desk conversations only for HR professionals. Nothing else decides visibility.

/** The organisation's customer success manager as the employer may see them; null when none. */
export async function getCustomerSuccessManager(user: SessionUser): Promise<{ name: string; email: string; phone: string | null } | null> {
  if (user.role !== "EMPLOYER_CONTACT" || !user.organisationId) return null;
  const organisation = await db.organisation.findUnique({
    where: { id: user.organisationId },
    select: { customerSuccessManager: { select: { name: true, email: true, phone: true, active: true, erasedAt: true } } },
  });
  const csm = organisation?.customerSuccessManager;
  // A manager who left (deactivated, erased) is nobody's contact any more.
  if (!csm || !csm.active || csm.erasedAt) return null;
  return { name: csm.name, email: accountEmail(csm), phone: csm.phone || null };
}

/** The employer line (key EMPLOYER, which always exists), else the first line employers see. */
export async function employerLine(now: Date, locale: Locale): Promise<ContactLineView | null> {
  const lines = await listContactLines(db, "EMPLOYER", now, locale);
  return lines.find((l) => l.key === "EMPLOYER") ?? lines[0] ?? null;
}

/**
 * The survey on an employer's question: offered to the contact who asked it once it is resolved
 * (lib/survey/rules.ts), or the score they gave. Null when the ticket is not theirs to rate.
 */
export async function employerSurveyState(user: SessionUser, ticketId: string): Promise<{ open: boolean; score: number | null } | null> {
  const ticket = await db.ticket.findFirst({
    where: { AND: [employerTicketScope(user), { id: ticketId, requesterId: user.id }] },
    select: { status: true, category: { select: { key: true } }, complaint: { select: { id: true } }, satisfaction: { select: { score: true } } },
  });
  if (!ticket) return null;
  return { open: surveyOpen(ticket.status, ticket.satisfaction !== null, isComplaintTicket(ticket)), score: ticket.satisfaction?.score ?? null };
}

// ───────────────────────────── answered in time ─────────────────────────────

// An urgent request is judged on its own 24-hour clock (UrgentRequest.dueAt / answeredAt), unless
// the confirming call found it not urgent: then it is a written question like any other (as the KPI).
const stillUrgent: Prisma.UrgentRequestWhereInput = { OR: [{ verification: null }, { verification: { not: "NOT_URGENT" } }] };
const urgentClock: Prisma.TicketWhereInput = { urgentRequest: { is: stillUrgent } };
const writtenClock: Prisma.TicketWhereInput = { OR: [{ urgentRequest: { is: null } }, { urgentRequest: { is: { verification: "NOT_URGENT" } } }] };
const notBreached: Prisma.TicketWhereInput = { OR: [{ slaState: null }, { slaState: { not: "BREACHED" } }] };

/**
 * The filter for one outcome (see Timing in rules.ts). Written questions follow the answer clock
 * (lib/sla/lifecycle.ts): a stopped clock was answered in time when it stopped before its due time
 * and was not judged BREACHED; a running clock paused on the organisation is open, never late.
 * The three filters are disjoint; a ticket matching none has no clock (NONE).
 */
export function timingWhere(timing: (typeof TIMINGS)[number], now: Date): Prisma.TicketWhereInput {
  const T = db.ticket.fields;
  const U = db.urgentRequest.fields;
  switch (timing) {
    case "IN_TIME":
      return {
        OR: [
          { urgentRequest: { is: { AND: [stillUrgent, { answeredAt: { lte: U.dueAt } }] } } },
          { AND: [writtenClock, { slaStoppedAt: { lte: T.slaDueAt } }, notBreached] },
        ],
      };
    case "LATE":
      return {
        OR: [
          { urgentRequest: { is: { AND: [stillUrgent, { OR: [{ answeredAt: { gt: U.dueAt } }, { answeredAt: null, dueAt: { lt: now } }] }] } } },
          {
            AND: [
              writtenClock,
              { slaStartedAt: { not: null }, slaDueAt: { not: null } },
              {
                OR: [
                  { slaStoppedAt: { not: null }, OR: [{ slaStoppedAt: { gt: T.slaDueAt } }, { slaState: "BREACHED" }] },
                  { slaStoppedAt: null, status: { not: "PENDING_CUSTOMER" }, OR: [{ slaState: "BREACHED" }, { slaDueAt: { lt: now } }] },
                ],
              },
            ],
          },
        ],
      };
    case "OPEN":
      return {
        OR: [
          { urgentRequest: { is: { AND: [stillUrgent, { answeredAt: null, dueAt: { gte: now } }] } } },
          {
            AND: [
              writtenClock,
              { slaStartedAt: { not: null }, slaDueAt: { not: null }, slaStoppedAt: null },
              { OR: [{ status: "PENDING_CUSTOMER" }, { AND: [notBreached, { slaDueAt: { gte: now } }] }] },
            ],
          },
        ],
      };
  }
}

function periodWhere(period: Period): Prisma.TicketWhereInput {
  return { createdAt: { gte: period.from, lt: period.to } };
}

function filterWhere(filters: OverviewFilters, now: Date): Prisma.TicketWhereInput[] {
  const parts: Prisma.TicketWhereInput[] = [];
  if (filters.search) {
    parts.push({ OR: [{ number: { contains: filters.search, mode: "insensitive" } }, { subject: { contains: filters.search, mode: "insensitive" } }] });
  }
  if (filters.categoryKey) parts.push({ category: { key: filters.categoryKey } });
  if (filters.status) parts.push({ status: filters.status });
  if (filters.timing) parts.push(timingWhere(filters.timing, now));
  return parts;
}

/** The contact's questions in the period, narrowed by the filters. */
export function overviewWhere(user: SessionUser, period: Period, filters: OverviewFilters, now: Date): Prisma.TicketWhereInput {
  return { AND: [employerTicketScope(user), periodWhere(period), ...filterWhere(filters, now)] };
}

// ───────────────────────────── figures ─────────────────────────────

export interface Ratio {
  hit: number;
  total: number;
}

export interface CategoryFigure {
  key: string;
  nameNl: string;
  nameEn: string;
  total: number;
  inTime: number;
  late: number;
  open: number;
}

export interface OverviewFigures {
  total: number;
  byStatus: { status: TicketStatus; count: number }[];
  byCategory: CategoryFigure[];
  /** Answered in time out of those answered or past due: written questions and urgent requests. */
  written: Ratio;
  urgent: Ratio;
}

const STATUS_ORDER: TicketStatus[] = ["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"];

/** The period's figures (the list's filters do not narrow them). A handful of grouped counts. */
export async function overviewFigures(user: SessionUser, period: Period, now: Date): Promise<OverviewFigures> {
  const base: Prisma.TicketWhereInput = { AND: [employerTicketScope(user), periodWhere(period)] };
  const and = (...parts: Prisma.TicketWhereInput[]): Prisma.TicketWhereInput => ({ AND: [base, ...parts] });
  const perCategory = (where: Prisma.TicketWhereInput) => db.ticket.groupBy({ by: ["categoryId"], where, _count: { _all: true } });
  const [statuses, all, inTime, late, open, urgentInTime, urgentLate] = await Promise.all([
    db.ticket.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
    perCategory(base),
    perCategory(and(timingWhere("IN_TIME", now))),
    perCategory(and(timingWhere("LATE", now))),
    perCategory(and(timingWhere("OPEN", now))),
    db.ticket.count({ where: and(urgentClock, timingWhere("IN_TIME", now)) }),
    db.ticket.count({ where: and(urgentClock, timingWhere("LATE", now)) }),
  ]);
  const countOf = (rows: { categoryId: string; _count: { _all: number } }[], id: string) => rows.find((r) => r.categoryId === id)?._count._all ?? 0;
  const categories = await db.ticketCategory.findMany({
    where: { id: { in: all.map((r) => r.categoryId) } },
    select: { id: true, key: true, nameNl: true, nameEn: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
  });
  const byCategory = categories.map((c) => ({
    key: c.key,
    nameNl: c.nameNl,
    nameEn: c.nameEn,
    total: countOf(all, c.id),
    inTime: countOf(inTime, c.id),
    late: countOf(late, c.id),
    open: countOf(open, c.id),
  }));
  const sum = (rows: { _count: { _all: number } }[]) => rows.reduce((s, r) => s + r._count._all, 0);
  const allInTime = sum(inTime);
  const allLate = sum(late);
  return {
    total: sum(statuses),
    byStatus: STATUS_ORDER.map((status) => ({ status, count: statuses.find((s) => s.status === status)?._count._all ?? 0 })),
    byCategory,
    written: { hit: allInTime - urgentInTime, total: allInTime - urgentInTime + allLate - urgentLate },
    urgent: { hit: urgentInTime, total: urgentInTime + urgentLate },
  };
}

// ───────────────────────────── the list ─────────────────────────────

const rowSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  createdAt: true,
  slaDueAt: true,
  slaStoppedAt: true,
  category: { select: { key: true, nameNl: true, nameEn: true } },
  requester: { select: { name: true } },
  urgentRequest: { select: { dueAt: true, answeredAt: true, verification: true } },
  complaint: { select: { status: true } },
} satisfies Prisma.TicketSelect;

export type OverviewRow = Prisma.TicketGetPayload<{ select: typeof rowSelect }> & { timing: Timing };

/** Which of these tickets are in time, late or open, by the same filters the figures use. */
async function withTimings<T extends { id: string }>(rows: T[], now: Date): Promise<(T & { timing: Timing })[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const hits = await Promise.all(
    TIMINGS.map(async (timing) => ({ timing, ids: new Set((await db.ticket.findMany({ where: { AND: [{ id: { in: ids } }, timingWhere(timing, now)] }, select: { id: true } })).map((t) => t.id)) })),
  );
  return rows.map((r) => ({ ...r, timing: hits.find((h) => h.ids.has(r.id))?.timing ?? "NONE" }));
}

const ORDER: Prisma.TicketOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "asc" }];

export async function overviewList(user: SessionUser, period: Period, filters: OverviewFilters, page: number, now: Date): Promise<{ items: OverviewRow[]; total: number }> {
  const where = overviewWhere(user, period, filters, now);
  const [rows, total] = await Promise.all([
    db.ticket.findMany({ where, orderBy: ORDER, select: rowSelect, take: OVERVIEW_PAGE_SIZE, skip: Math.max(0, page) * OVERVIEW_PAGE_SIZE }),
    db.ticket.count({ where }),
  ]);
  return { items: await withTimings(rows, now), total };
}

/** The filtered list for the CSV, newest first, at most EXPORT_LIMIT rows (`cut` when more). */
export async function overviewExport(user: SessionUser, period: Period, filters: OverviewFilters, now: Date): Promise<{ rows: OverviewRow[]; cut: boolean }> {
  const rows = await db.ticket.findMany({ where: overviewWhere(user, period, filters, now), orderBy: ORDER, select: rowSelect, take: EXPORT_LIMIT + 1 });
  return { rows: await withTimings(rows.slice(0, EXPORT_LIMIT), now), cut: rows.length > EXPORT_LIMIT };
}

/** The categories the filter offers: those in the contact's scope that have tickets at all. */
export function overviewCategories(user: SessionUser) {
  return db.ticketCategory.findMany({
    where: { tickets: { some: employerTicketScope(user) } },
    select: { key: true, nameNl: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
  });
}
