import "server-only";
import { Prisma } from "@prisma/client";
import type { Db } from "@/lib/db/client";
import { findPeopleByName } from "@/lib/people/search";
import { AUDIT_PAGE_SIZE, type AuditFilter, type Cursor, normaliseTicketNumber, periodBounds } from "./rules";

// The audit log is read in SQL rather than through Prisma's where builder: the organisation filter
// needs "events on the organisation's tickets" as a sub-select (an organisation may have tens of
// thousands of tickets, too many to pass as ids), and the pages are a keyset on (createdAt, id).

const MATCH_LIMIT = 20;

export interface PersonMatch {
  id: string;
  name: string;
  email: string | null;
}

export interface OrganisationMatch {
  id: string;
  name: string;
  externalNumber: string;
}

/** The filter with its free-text parts turned into ids. A part that matched nothing selects no events. */
export interface ResolvedAuditFilter {
  filter: AuditFilter;
  /** null: no person filter. */
  people: PersonMatch[] | null;
  /** Only the first MATCH_LIMIT people are used; the page asks for a narrower search. */
  peopleTruncated: boolean;
  /** undefined: no ticket filter; null: no such ticket. */
  ticket: { id: string; number: string } | null | undefined;
  organisations: OrganisationMatch[] | null;
  organisationsTruncated: boolean;
}

export async function resolveAuditFilter(db: Db, filter: AuditFilter): Promise<ResolvedAuditFilter> {
  const [people, ticket, organisations] = await Promise.all([
    filter.person ? findPeople(db, filter.person) : null,
    filter.ticket ? db.ticket.findUnique({ where: { number: normaliseTicketNumber(filter.ticket) }, select: { id: true, number: true } }) : undefined,
    filter.organisation ? findOrganisations(db, filter.organisation) : null,
  ]);
  return {
    filter,
    people: people && people.slice(0, MATCH_LIMIT),
    peopleTruncated: (people?.length ?? 0) > MATCH_LIMIT,
    ticket,
    organisations: organisations && organisations.slice(0, MATCH_LIMIT),
    organisationsTruncated: (organisations?.length ?? 0) > MATCH_LIMIT,
  };
}

/** An exact e-mail address is that one person; otherwise a part of the name, the address or the client number. */
async function findPeople(db: Db, query: string): Promise<PersonMatch[]> {
  const select = { id: true, name: true, email: true } as const;
  const exact = await db.user.findUnique({ where: { email: query.toLowerCase() }, select });
  if (exact) return [exact];
  // From the trigram indexes (lib/people/search.ts).
  return (await findPeopleByName(db, { scope: Prisma.sql`true`, q: query }, { take: MATCH_LIMIT + 1 }, select)).rows;
}

/** An exact external number is that organisation; otherwise a part of the name. */
async function findOrganisations(db: Db, query: string): Promise<OrganisationMatch[]> {
  const select = { id: true, name: true, externalNumber: true } as const;
  const exact = await db.organisation.findFirst({ where: { externalNumber: { equals: query, mode: "insensitive" } }, select });
  if (exact) return [exact];
  return db.organisation.findMany({
    where: { name: { contains: query, mode: "insensitive" } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MATCH_LIMIT + 1,
    select,
  });
}

const ids = (values: string[]) => Prisma.join(values);

/** The WHERE of the filter (without the cursor). */
export function auditWhereSql(resolved: ResolvedAuditFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const { filter } = resolved;
  if (resolved.people) {
    const personIds = resolved.people.map((p) => p.id);
    parts.push(
      personIds.length === 0
        ? Prisma.sql`FALSE`
        : Prisma.sql`(a."actorId" IN (${ids(personIds)}) OR (a."entityType" = 'User' AND a."entityId" IN (${ids(personIds)})))`,
    );
  }
  if (resolved.ticket !== undefined) parts.push(resolved.ticket ? Prisma.sql`a."ticketId" = ${resolved.ticket.id}` : Prisma.sql`FALSE`);
  if (resolved.organisations) {
    const orgIds = resolved.organisations.map((o) => o.id);
    parts.push(
      orgIds.length === 0
        ? Prisma.sql`FALSE`
        : Prisma.sql`(a."organisationId" IN (${ids(orgIds)}) OR a."ticketId" IN (SELECT t.id FROM "Ticket" t WHERE t."organisationId" IN (${ids(orgIds)})))`,
    );
  }
  if (filter.action) parts.push(Prisma.sql`a.action = ${filter.action}`);
  const bounds = periodBounds(filter);
  if (bounds.gte) parts.push(Prisma.sql`a."createdAt" >= ${bounds.gte}`);
  if (bounds.lt) parts.push(Prisma.sql`a."createdAt" < ${bounds.lt}`);
  return parts.length > 0 ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

interface EventRow {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ticketId: string | null;
  organisationId: string | null;
  data: unknown;
  createdAt: Date;
}

export interface AuditRow extends EventRow {
  actor: PersonMatch | null;
  /** The person the event is about, when its entity is a User. */
  entityPerson: PersonMatch | null;
  ticketNumber: string | null;
  organisation: OrganisationMatch | null;
}

/**
 * One batch in keyset order: "older" (newest first, after the cursor) or "newer" (the rows just
 * above the cursor, returned newest first as well). Asks one row more than `limit` to know whether
 * there is more.
 */
async function selectEvents(db: Db, where: Prisma.Sql, cursor: Cursor | null, direction: "older" | "newer", limit: number): Promise<EventRow[]> {
  const keyset = !cursor
    ? Prisma.sql`TRUE`
    : direction === "older"
      ? Prisma.sql`(a."createdAt", a.id) < (${cursor.at}, ${cursor.id})`
      : Prisma.sql`(a."createdAt", a.id) > (${cursor.at}, ${cursor.id})`;
  const order = direction === "older" ? Prisma.sql`a."createdAt" DESC, a.id DESC` : Prisma.sql`a."createdAt" ASC, a.id ASC`;
  return db.$queryRaw<EventRow[]>`
    SELECT a.id, a."actorId", a.action, a."entityType", a."entityId", a."ticketId", a."organisationId", a.data, a."createdAt"
    FROM "AuditEvent" a
    WHERE ${where} AND ${keyset}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

/** Names for the ids of a batch: actors, people the events are about, ticket numbers, organisations. */
async function enrich(db: Db, rows: EventRow[]): Promise<AuditRow[]> {
  const userIds = new Set<string>();
  for (const r of rows) {
    if (r.actorId) userIds.add(r.actorId);
    if (r.entityType === "User" && r.entityId) userIds.add(r.entityId);
  }
  const ticketIds = [...new Set(rows.map((r) => r.ticketId).filter((v): v is string => v !== null))];
  const orgIds = [...new Set(rows.map((r) => r.organisationId).filter((v): v is string => v !== null))];
  const [users, tickets, organisations] = await Promise.all([
    userIds.size ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, email: true } }) : [],
    ticketIds.length ? db.ticket.findMany({ where: { id: { in: ticketIds } }, select: { id: true, number: true } }) : [],
    orgIds.length ? db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true, externalNumber: true } }) : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const numberById = new Map(tickets.map((t) => [t.id, t.number]));
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  return rows.map((r) => ({
    ...r,
    actor: r.actorId ? (userById.get(r.actorId) ?? null) : null,
    entityPerson: r.entityType === "User" && r.entityId ? (userById.get(r.entityId) ?? null) : null,
    ticketNumber: r.ticketId ? (numberById.get(r.ticketId) ?? null) : null,
    organisation: r.organisationId ? (orgById.get(r.organisationId) ?? null) : null,
  }));
}

export interface AuditPage {
  rows: AuditRow[];
  /** Cursor for the next (older) page, when there is one. */
  older: Cursor | null;
  /** Cursor for the previous (newer) page, when there is one. */
  newer: Cursor | null;
}

/** One page of 50 events, newest first, before (`older`) or after (`newer`) the cursor. */
export async function listAuditEvents(db: Db, resolved: ResolvedAuditFilter, page: { cursor: Cursor | null; direction: "older" | "newer" }, size = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const where = auditWhereSql(resolved);
  const direction = page.cursor ? page.direction : "older";
  const fetched = await selectEvents(db, where, page.cursor, direction, size + 1);
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (direction === "newer") rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const cursorOf = (r: EventRow | undefined) => (r ? { at: r.createdAt, id: r.id } : null);
  return {
    rows: await enrich(db, rows),
    older: direction === "older" ? (more ? cursorOf(last) : null) : cursorOf(last),
    newer: direction === "newer" ? (more ? cursorOf(first) : null) : page.cursor ? cursorOf(first) : null,
  };
}

/**
 * Every event of the filter, newest first, in batches: the CSV export streams these, so no more
 * than one batch is in memory however long the log is.
 */
export async function* auditEventBatches(db: Db, resolved: ResolvedAuditFilter, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  const where = auditWhereSql(resolved);
  let cursor: Cursor | null = null;
  for (;;) {
    const rows = await selectEvents(db, where, cursor, "older", batchSize);
    if (rows.length === 0) return;
    yield await enrich(db, rows);
    if (rows.length < batchSize) return;
    const last = rows.at(-1)!;
    cursor = { at: last.createdAt, id: last.id };
  }
}

/**
 * The distinct action codes in the log, for the action filter. A loose index scan over
 * AuditEvent(action, createdAt): one index probe per code instead of reading every event.
 */
export async function listActionCodes(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ action: string }[]>`
    WITH RECURSIVE codes AS (
      SELECT min(action) AS action FROM "AuditEvent"
      UNION ALL
      SELECT (SELECT min(e.action) FROM "AuditEvent" e WHERE e.action > codes.action) FROM codes WHERE codes.action IS NOT NULL
    )
    SELECT action FROM codes WHERE action IS NOT NULL`;
  return rows.map((r) => r.action);
}
