import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { cachedReference } from "@/lib/reference/cache";
import { employerTicketScope } from "@/lib/employer/scope";
import type { QueueFilter } from "@/lib/queue/schema";
import { isNumberSearch, searchWords } from "@/lib/queue/rules";
import { likeEscaped, WORD_START_BELOW } from "@/lib/db/text-match";
import { countCap, pageFingerprint, queueFingerprintSql, queuePage, type QueueRow } from "@/lib/queue/sql";
import { staffTicketScope } from "@/lib/workspace/scope";
import { slaStateAt } from "@/lib/sla/lifecycle";
import { OPEN_STATUSES, mayViewDossier, parseTicketNumber, seesAllTeams } from "./rules";

export const listSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  channel: true,
  priority: true,
  isPartner: true,
  // The queue marks tickets whose mail sender is not verified (lib/mail/ingest.ts).
  senderUnverified: true,
  slaDueAt: true,
  slaState: true,
  slaAtRiskAt: true,
  slaStoppedAt: true,
  lastActivityAt: true,
  requesterName: true,
  category: { select: { key: true, nameNl: true, nameEn: true } },
  team: { select: { name: true } },
  assignee: { select: { name: true } },
  // The queue flags an urgent mail nobody announced by phone until the confirming call is done.
  urgentRequest: { select: { verification: true } },
} satisfies Prisma.TicketSelect;

export type TicketListItem = Prisma.TicketGetPayload<{ select: typeof listSelect }>;

export const PAGE_SIZE = 25;

/** A beneficiary's own tickets, newest activity first. */
export function listOwnTickets(user: SessionUser, page = 0): Promise<TicketListItem[]> {
  return db.ticket.findMany({
    where: { requesterId: user.id },
    orderBy: { lastActivityAt: "desc" },
    select: listSelect,
    take: PAGE_SIZE,
    skip: page * PAGE_SIZE,
  });
}

/** An employer contact's tickets of their organisation, by the one employer scope. */
export function listOrganisationTickets(user: SessionUser, page = 0): Promise<TicketListItem[]> {
  return db.ticket.findMany({
    where: employerTicketScope(user),
    orderBy: { lastActivityAt: "desc" },
    select: listSelect,
    take: PAGE_SIZE,
    skip: page * PAGE_SIZE,
  });
}

export const QUEUE_ORDER: Prisma.TicketOrderByWithRelationInput[] = [
  { priority: "desc" },
  { isPartner: "desc" },
  { slaDueAt: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
  { id: "asc" },
];

// The page reads through lib/queue/sql.ts; this form is the tests' independent account of its search.
function searchWhere(q: string): Prisma.TicketWhereInput {
  const number = parseTicketNumber(q);
  if (number) return { number: q.trim().toUpperCase() };
  // A partial registration number ("000123" or "LK-2026-0001") matches on the number alone.
  if (isNumberSearch(q)) return { number: { contains: q.trim().toUpperCase() } };
  // Every word somewhere in the ticket (lib/queue/rules.ts).
  return { AND: searchWords(q).map(textWhere) };
}

// What may come before a word (lib/db/text-match.ts).
const BEFORE_A_WORD = [..." \n\r\t.,;:!?()<>{}[]/\\|_@'\"&+*#=~%$^`-"];

/**
 * Where one text is: contains it; under three characters (WORD_START_BELOW), at the start of a word,
 * which Prisma, without regular expressions, says as "starts with it, or holds a sign and then it".
 * Prisma hands the text to LIKE as it is, so LIKE's own signs (%, _ and \) are escaped here.
 */
function textWhere(q: string): Prisma.TicketWhereInput {
  const trimmed = likeEscaped(q.trim());
  const filters =
    q.trim().length < WORD_START_BELOW
      ? [{ startsWith: trimmed }, ...BEFORE_A_WORD.map((sign) => ({ contains: likeEscaped(sign) + trimmed }))]
      : [{ contains: trimmed }];
  const holds = (field: string) => filters.map((filter) => ({ [field]: { ...filter, mode: "insensitive" as const } }));
  return {
    OR: [
      ...holds("subject"),
      ...holds("requesterName"),
      ...holds("requesterEmail"),
      { requester: { OR: [...holds("name"), ...holds("email"), ...holds("clientNumber")] } },
      { organisation: { OR: [...holds("name"), ...holds("externalNumber")] } },
      { messages: { some: { OR: holds("body") } } },
    ],
  };
}

/**
 * The queue's where clause: the user's scope plus the filters. Open tickets unless a status is
 * chosen. SLA states are judged at `now`, as the queue's SQL judges them (lib/queue/sql.ts).
 */
export function queueWhere(user: SessionUser, filter: Partial<QueueFilter>, now: Date): Prisma.TicketWhereInput {
  const and: Prisma.TicketWhereInput[] = [staffTicketScope(user)];
  and.push(filter.status ? { status: filter.status } : { status: { in: [...OPEN_STATUSES] } });
  if (filter.channel) and.push({ channel: filter.channel });
  if (filter.category) and.push({ category: { key: filter.category } });
  if (filter.team) and.push({ teamId: filter.team });
  if (filter.assignee === "me") and.push({ assigneeId: user.id });
  else if (filter.assignee === "none") and.push({ assigneeId: null });
  else if (filter.assignee) and.push({ assigneeId: filter.assignee });
  // An SLA state asks about clocks that run: not answered ones, not ones waiting on the customer.
  if (filter.sla) {
    const running: Prisma.TicketWhereInput = { status: { in: ["NEW", "OPEN"] }, slaStoppedAt: null };
    if (filter.sla === "BREACHED") and.push({ ...running, slaDueAt: { lt: now } });
    else and.push({ ...running, slaDueAt: { gte: now }, slaAtRiskAt: filter.sla === "AT_RISK" ? { lte: now } : { gt: now } });
  }
  if (filter.q) and.push(searchWhere(filter.q));
  if (filter.verify) and.push({ urgentRequest: { verification: { in: ["PENDING", "NOT_REACHED"] } } });
  return { AND: and };
}

/** A queue row in the shape of the list's items (the same fields listSelect gives), its SLA state as at `now`. */
function listItemOf(row: QueueRow, now: Date): TicketListItem {
  const clock = { status: row.status as TicketListItem["status"], slaState: row.slaState as TicketListItem["slaState"], slaDueAt: row.slaDueAt, slaAtRiskAt: row.slaAtRiskAt, slaStoppedAt: row.slaStoppedAt };
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    status: row.status as TicketListItem["status"],
    channel: row.channel as TicketListItem["channel"],
    priority: row.priority as TicketListItem["priority"],
    isPartner: row.isPartner,
    senderUnverified: row.senderUnverified,
    slaDueAt: row.slaDueAt,
    slaState: slaStateAt(clock, now),
    slaAtRiskAt: row.slaAtRiskAt,
    slaStoppedAt: row.slaStoppedAt,
    lastActivityAt: row.lastActivityAt,
    requesterName: row.requesterName,
    category: { key: row.categoryKey, nameNl: row.categoryNameNl, nameEn: row.categoryNameEn },
    team: row.teamName === null ? null : { name: row.teamName },
    assignee: row.assigneeName === null ? null : { name: row.assigneeName },
    urgentRequest: !row.urgent ? null : { verification: row.urgentVerification as NonNullable<TicketListItem["urgentRequest"]>["verification"] },
  };
}

/** The queue: open tickets of the user's teams, urgent first, partners next, then by due time. */
export async function listQueue(user: SessionUser, page = 0, now = new Date()): Promise<TicketListItem[]> {
  const { rows } = await queuePage(db, user, {}, PAGE_SIZE, page * PAGE_SIZE, now);
  return rows.map((row) => listItemOf(row, now));
}

export interface QueuePage {
  items: TicketListItem[];
  /** Exact up to countCap (1,000; 100 for a search); `capped` says there are more. */
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
  /** What the queue poller compares against (queueFingerprint), as of this read. */
  fingerprint: string;
}

/** One page of the filtered queue, with the total for the pager; SLA states as they stand at `now`. */
export async function searchQueue(user: SessionUser, filter: QueueFilter, now = new Date()): Promise<QueuePage> {
  const { rows, total } = await queuePage(db, user, filter, PAGE_SIZE, filter.page * PAGE_SIZE, now);
  const cap = countCap(filter);
  const capped = total > cap;
  const counted = capped ? cap : total;
  // Past the cap the pager keeps offering "next" while pages are full.
  const pageCount = capped ? Math.max(Math.ceil(counted / PAGE_SIZE), filter.page + (rows.length === PAGE_SIZE ? 2 : 1)) : Math.max(1, Math.ceil(counted / PAGE_SIZE));
  return { items: rows.map((row) => listItemOf(row, now)), total: counted, capped, page: filter.page, pageCount, fingerprint: pageFingerprint(rows, total) };
}

/**
 * A cheap fingerprint of the queue page this user has open (same filter and page): the client
 * polls it and refreshes the page only when it changed.
 */
export function queueFingerprint(user: SessionUser, filter: Partial<QueueFilter> = {}, page = 0, now = new Date()): Promise<string> {
  return queueFingerprintSql(db, user, filter, PAGE_SIZE, page * PAGE_SIZE, now);
}

/** Every team, by name (reference data: cached until an admin changes a team). */
export function cachedTeams(): Promise<{ id: string; name: string }[]> {
  return cachedReference(db, "teams", (c) => c.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }));
}

/** Teams, categories and colleagues for the filter and change forms. */
export async function queueOptions(user: SessionUser) {
  const [allTeams, categories, staff] = await Promise.all([
    cachedTeams(),
    cachedReference(db, "activeCategories", (c) =>
      c.ticketCategory.findMany({
        where: { active: true },
        orderBy: [{ sortOrder: "asc" }, { nameNl: "asc" }],
        select: { key: true, nameNl: true, nameEn: true, dossierSensitive: true },
      }),
    ).then((all) => (mayViewDossier(user.role) ? all : all.filter((c) => !c.dossierSensitive))),
    // Reference data since migration 20261206162500: changes to staff bump the version.
    cachedReference(db, "queueStaff", (c) =>
      c.user
        .findMany({
          where: { active: true, role: { in: ["CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER"] } },
          orderBy: { name: "asc" },
          select: { id: true, name: true, teams: { select: { teamId: true } } },
        })
        .then((all) => all.map((s) => ({ id: s.id, name: s.name, teamIds: s.teams.map((t) => t.teamId) }))),
    ),
  ]);
  const teams = seesAllTeams(user.role) ? allTeams : allTeams.filter((t) => user.teamIds.includes(t.id));
  return { teams, allTeams, categories, staff };
}
