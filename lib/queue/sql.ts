import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { momentSql, readRows, wholeNumber } from "@/lib/db/prepared";
import { anyHolds, clientNumberKeySql, likeEscaped, organisationText, pattern, personText, textMatch, WORD_START_BELOW } from "@/lib/db/text-match";
import { plainClientNumber } from "@/lib/people/search";
import type { DbClient } from "@/lib/settings/queries";
import { OPEN_STATUSES, parseTicketNumber } from "@/lib/tickets/rules";
import { staffScopeSql } from "@/lib/workspace/scope";
import { isNumberSearch, searchWords } from "./rules";
import type { QueueFilter } from "./schema";

// The queue page is selected in SQL rather than through Prisma's where builder for one reason:
// Prisma sends enum values as CAST($n AS "TicketStatus") parameters, which the planner cannot
// match against the partial index on open tickets (prisma/migrations/*_queue_covering_order), so it
// sorted every open ticket of the user's teams. With the status written as literals the first
// page is read in index order and stops after 25 rows (npm run bench:queue). The scope is
// staffScopeSql, the SQL form of the one staff rule in lib/workspace/scope.ts;
// tests/integration/scope-staff and queue-claiming check that it agrees with the Prisma form.

const STATUS_LITERALS = new Set(["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"]);

function statusList(statuses: readonly string[]): Prisma.Sql {
  // Whitelisted enum names only, so inlining them is safe.
  const safe = statuses.filter((s) => STATUS_LITERALS.has(s));
  return Prisma.raw(safe.map((s) => `'${s}'`).join(", "));
}

/**
 * How a text search is answered (every word of it: searchWords). "rows": the queue is walked in
 * order and each ticket tested, fast when the text is common, as the first page fills at once
 * (collecting 110,000 tickets for a common name took 550 ms). `{ ids }`: the tickets that hold the
 * text anywhere, collected beforehand from the trigram indexes (searchPlan), and the queue keeps
 * those in its scope, fast while they are few (walking the queue for a text that matched nothing
 * took 2.3 s at 1,000,000). "indexes": the same collected inside the page's own statement, for
 * callers that did not ask searchPlan.
 */
export type SearchPlan = "indexes" | "rows" | { ids: readonly string[] };

/** Up to this many tickets holding the text, the search is answered from the indexes. */
export const RARE_TEXT = 2_000;

// Where a search looks, as the lower-cased expressions the trigram indexes hold, of a row under an
// alias: the ticket's own text (on Ticket, and its copy in TicketSearch, which holds the index), its
// requester's (personText), its organisation's, a message's. Both plans (and the indexes) must look at the same places.
const ticketText = (a: string) => [`lower(${a}.subject)`, `lower(coalesce(${a}."requesterName", ''))`, `lower(coalesce(${a}."requesterEmail", ''))`];
const messageText = (a: string) => [`lower(${a}.body)`];

/**
 * A requester whose client number is this word typed without its signs ("k100232" for K-100232,
 * as the people searches find it: plainClientNumber), by User's plain client number index; or
 * nothing for a word that is no such number.
 */
function requesterNumbered(word: string, requester: Prisma.Sql): Prisma.Sql | null {
  const plain = plainClientNumber(word);
  return plain ? Prisma.sql`${requester} IN (SELECT r.id FROM "User" r WHERE ${clientNumberKeySql('r."clientNumber"')} = ${plain})` : null;
}

/** The ids of every ticket whose own fields, requester, organisation or messages hold the word (any status, any scope). */
function ticketsHolding(word: string): Prisma.Sql {
  const match = textMatch(word);
  const numbered = requesterNumbered(word, Prisma.sql`s."requesterId"`);
  return Prisma.sql`
    SELECT s."ticketId" AS id FROM "TicketSearch" s WHERE ${anyHolds(match, ticketText("s"))}
    UNION ALL
    SELECT s.id FROM "User" r JOIN "Ticket" s ON s."requesterId" = r.id WHERE ${anyHolds(match, personText("r"))}
    UNION ALL
    SELECT s.id FROM "Organisation" o JOIN "Ticket" s ON s."organisationId" = o.id WHERE ${anyHolds(match, organisationText("o"))}
    UNION ALL
    SELECT m."ticketId" FROM "Message" m WHERE ${anyHolds(match, messageText("m"))}
    ${numbered ? Prisma.sql`UNION ALL SELECT s.id FROM "Ticket" s WHERE ${numbered}` : Prisma.empty}`;
}

/** A part of a ticket number, as LIKE reads it on a row's "number" (upper case, as numbers are). */
const numberPattern = (q: string) => pattern(Prisma.sql`${likeEscaped(q.trim().toUpperCase())}`);

/** The ids of the tickets whose number holds the text, from TicketSearch's trigram index. */
const numbersHolding = (q: string) => Prisma.sql`SELECT s."ticketId" AS id FROM "TicketSearch" s WHERE s.number LIKE ${numberPattern(q)}`;

/**
 * Whether ticket t holds the word somewhere, tested on its row. The requesters and organisations
 * holding it are few and looked up once (hashed); a ticket's messages are looked up by ticket, as
 * a common text would match most messages.
 */
function rowHolds(word: string): Prisma.Sql {
  const match = textMatch(word);
  const numbered = requesterNumbered(word, Prisma.sql`t."requesterId"`);
  return Prisma.sql`(
    ${anyHolds(match, ticketText("t"))}
    OR t."requesterId" IN (SELECT r.id FROM "User" r WHERE ${anyHolds(match, personText("r"))})
    OR t."organisationId" IN (SELECT o.id FROM "Organisation" o WHERE ${anyHolds(match, organisationText("o"))})
    OR EXISTS (SELECT 1 FROM "Message" m WHERE m."ticketId" = t.id AND (${anyHolds(match, messageText("m"))}))
    ${numbered ? Prisma.sql`OR ${numbered}` : Prisma.empty}
  )`;
}

/** Ticket t holds every word, each tested on its row. */
const rowHoldsEvery = (words: readonly string[]) => Prisma.join(words.map(rowHolds), " AND ");

function searchSql(q: string, plan: SearchPlan): Prisma.Sql {
  const trimmed = q.trim();
  if (parseTicketNumber(trimmed)) return Prisma.sql`t.number = ${trimmed.toUpperCase()}`;
  // Collected once, as an array: the tickets are then fetched by id, whatever the planner's
  // statistics say (as a join it was at times replanned into a nested loop over the union).
  if (typeof plan === "object") return Prisma.sql`t.id = ANY (${[...plan.ids]}::text[])`;
  if (isNumberSearch(trimmed)) {
    return plan === "rows" ? Prisma.sql`t.number LIKE ${numberPattern(trimmed)}` : Prisma.sql`t.id = ANY (ARRAY(${numbersHolding(trimmed)}))`;
  }
  const words = searchWords(trimmed);
  if (plan === "indexes") return Prisma.join(words.map((word) => Prisma.sql`t.id = ANY (ARRAY(${ticketsHolding(word)}))`), " AND ");
  return rowHoldsEvery(words);
}

/**
 * How a search is best answered (SearchPlan): the tickets holding the text are collected from the
 * trigram indexes, up to RARE_TEXT; past it the text is common and the queue is walked instead.
 * The collected ids are handed on, so the page does not collect them a second time. A short text
 * without a letter or digit has no trigram to look up, and is walked.
 */
export async function searchPlan(client: DbClient, q: string): Promise<SearchPlan> {
  const trimmed = q.trim();
  if (parseTicketNumber(trimmed)) return "indexes";
  if (trimmed.length < WORD_START_BELOW && !/[\p{L}\p{N}]/u.test(trimmed)) return "rows";
  // A part of a number is one word, looked for in the numbers; the words of a text, each in the text (a
  // year among them, "jaaropgave 2025", as searchSql reads it).
  const numberSearch = isNumberSearch(trimmed);
  const words = numberSearch ? [trimmed] : searchWords(trimmed);
  // Every place that holds a word is a row (a ticket may hold it twice): past RARE_TEXT places it is common.
  const places = await Promise.all(
    words.map((word) => {
      const holding = numberSearch ? numbersHolding(word) : ticketsHolding(word);
      return readRows<{ id: string }>(client, Prisma.sql`${holding} LIMIT ${wholeNumber(RARE_TEXT + 1)}`, { planEachTime: true });
    }),
  );
  // The rarest word decides: while it is rare, its tickets are the candidates, and those that hold
  // every other word too are collected; when every word is common the queue is walked.
  const rarest = places.reduce((fewest, found) => (found.length < fewest.length ? found : fewest));
  if (rarest.length > RARE_TEXT) return "rows";
  const ids = [...new Set(rarest.map((row) => row.id))];
  const others = words.filter((_, i) => places[i] !== rarest);
  if (others.length === 0 || ids.length === 0) return { ids };
  const kept = await readRows<{ id: string }>(client, Prisma.sql`SELECT t.id FROM "Ticket" t WHERE t.id = ANY (${ids}::text[]) AND ${rowHoldsEvery(others)}`, { planEachTime: true });
  return { ids: kept.map((row) => row.id) };
}

/** A clock the sweep judges: not answered, not waiting on the customer, not resolved. */
const RUNNING_CLOCK = Prisma.sql`t.status IN ('NEW', 'OPEN') AND t."slaStoppedAt" IS NULL AND t."slaDueAt" IS NOT NULL`;

/**
 * Running clocks in `state` at `now`, judged as the rule judges it (lib/sla/rules.ts): BREACHED
 * after the due time, AT_RISK from the at-risk moment on, ON_TRACK before it. Exact at the moment
 * the queue is read rather than as of the sweep's last run, and from columns the covering indexes
 * carry, so the sweep's write of the state touches no index (the migration *_sla_at_risk_moment).
 */
function slaStateIs(state: NonNullable<QueueFilter["sla"]>, now: Date): Prisma.Sql {
  const at = momentSql(now);
  if (state === "BREACHED") return Prisma.sql`${RUNNING_CLOCK} AND t."slaDueAt" < ${at}`;
  const risk = state === "AT_RISK" ? Prisma.sql`t."slaAtRiskAt" <= ${at}` : Prisma.sql`t."slaAtRiskAt" > ${at}`;
  return Prisma.sql`${RUNNING_CLOCK} AND t."slaDueAt" >= ${at} AND ${risk}`;
}

export function queueConditions(user: SessionUser, filter: Partial<QueueFilter>, now: Date, plan: SearchPlan = "indexes"): Prisma.Sql {
  const parts: Prisma.Sql[] = [staffScopeSql(user)];
  parts.push(Prisma.sql`t.status IN (${statusList(filter.status ? [filter.status] : OPEN_STATUSES)})`);
  if (filter.channel) parts.push(Prisma.sql`t.channel = ${filter.channel}::"Channel"`);
  if (filter.category) parts.push(Prisma.sql`c.key = ${filter.category}`);
  if (filter.team) parts.push(Prisma.sql`t."teamId" = ${filter.team}`);
  if (filter.assignee === "me") parts.push(Prisma.sql`t."assigneeId" = ${user.id}`);
  else if (filter.assignee === "none") parts.push(Prisma.sql`t."assigneeId" IS NULL`);
  else if (filter.assignee) parts.push(Prisma.sql`t."assigneeId" = ${filter.assignee}`);
  // Running clocks only, as queueWhere: not answered, not waiting on the customer.
  if (filter.sla) parts.push(slaStateIs(filter.sla, now));
  if (filter.q) parts.push(searchSql(filter.q, plan));
  if (filter.verify) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "UrgentRequest" u WHERE u."ticketId" = t.id AND u.verification IN ('PENDING', 'NOT_REACHED'))`);
  return Prisma.join(parts, " AND ");
}

/**
 * Counting stops here: past it the pager says "more than 1,000", because counting a million-row
 * queue exactly costs far more than the page itself (npm run bench:queue -- --million).
 */
export const COUNT_CAP = 1_000;

/**
 * A search counts to here: past it the list says "more than 100", and the agent narrows the
 * search. A common text is found by walking the queue and reading each ticket's row (its subject,
 * its requester), and counting to 1,000 read up to 30,000 rows: 0.3-0.6 s at 1,000,000 tickets.
 */
export const SEARCH_COUNT_CAP = 100;

/** Where a queue page's count stops (more than this: "more than"). */
export function countCap(filter: Partial<QueueFilter>): number {
  return filter.q ? SEARCH_COUNT_CAP : COUNT_CAP;
}

/**
 * One queue page as the list shows it, in one statement with its joins: the page is 25 rows,
 * and fetching them again by id through Prisma (one query per relation) cost four more round
 * trips and most of the page's time (npm run bench:queue).
 */
export interface QueueRow {
  id: string;
  number: string;
  subject: string;
  status: string;
  channel: string;
  priority: string;
  isPartner: boolean;
  senderUnverified: boolean;
  slaDueAt: Date | null;
  /** As stored: the list judges a running clock's at the moment of reading (slaStateAt). */
  slaState: string | null;
  slaAtRiskAt: Date | null;
  slaStoppedAt: Date | null;
  lastActivityAt: Date;
  requesterName: string | null;
  updatedAt: Date;
  categoryKey: string;
  categoryNameNl: string;
  categoryNameEn: string;
  teamName: string | null;
  assigneeName: string | null;
  /** Whether the ticket has an urgent request, and where the confirming call stands (null: none needed). */
  urgent: boolean;
  urgentVerification: string | null;
}

const ORDER = Prisma.sql`ORDER BY t.priority DESC, t."isPartner" DESC, t."slaDueAt" ASC NULLS LAST, t."createdAt" ASC, t.id ASC`;

// The LIMIT and the page's bounds are written into the statement (wholeNumber), for the prepared
// statement's generic plan.

const SELECT_ROW = Prisma.sql`
    t.id, t.number, t.subject, t.status::text AS status, t.channel::text AS channel, t.priority::text AS priority,
    t."isPartner", t."senderUnverified", t."slaDueAt", t."slaState"::text AS "slaState", t."slaAtRiskAt", t."slaStoppedAt",
    t."lastActivityAt", t."requesterName", t."updatedAt",
    c.key AS "categoryKey", c."nameNl" AS "categoryNameNl", c."nameEn" AS "categoryNameEn",
    tm.name AS "teamName", a.name AS "assigneeName",
    u."ticketId" IS NOT NULL AS "urgent", u.verification::text AS "urgentVerification"`;

const SELECT_FINGERPRINT = Prisma.sql`t.id, t."updatedAt"`;

/**
 * A queue page and its capped total in one statement. The matching tickets are found in queue
 * order up to the cap (or the page's end, past it), from the queue's covering indexes alone
 * (prisma/migrations/*_queue_covering_order): every column the filters and the staff scope test
 * is carried in the index, so PostgreSQL walks index entries without visiting the table, counts
 * what it found, and reads the table for the page's rows only. Before, a filter that matched one
 * open ticket in a hundred fetched a hundred table rows per hit, and the count walked the same
 * entries again (npm run bench:queue -- --million). The search (q) still reads the rows it tests.
 * Every row carries the total; an empty page carries none.
 */
function pageStatement(where: Prisma.Sql, select: Prisma.Sql, take: number, skip: number, cap: number): Prisma.Sql {
  const reach = Math.max(cap + 1, skip + take);
  return Prisma.sql`
    WITH found AS MATERIALIZED (
      SELECT t.id, row_number() OVER (${ORDER}) AS position
      FROM "Ticket" t JOIN "TicketCategory" c ON c.id = t."categoryId"
      WHERE ${where}
      ${ORDER}
      LIMIT ${wholeNumber(reach)}
    )
    SELECT ${select}, (SELECT least(count(*), ${wholeNumber(cap + 1)}) FROM found) AS total
    FROM found f
      JOIN "Ticket" t ON t.id = f.id
      JOIN "TicketCategory" c ON c.id = t."categoryId"
      LEFT JOIN "Team" tm ON tm.id = t."teamId"
      LEFT JOIN "User" a ON a.id = t."assigneeId"
      LEFT JOIN "UrgentRequest" u ON u."ticketId" = t.id
    WHERE f.position > ${wholeNumber(skip)} AND f.position <= ${wholeNumber(skip + take)}
    ORDER BY f.position`;
}

function countCappedSql(where: Prisma.Sql, cap: number): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*) AS total FROM (SELECT 1 FROM "Ticket" t JOIN "TicketCategory" c ON c.id = t."categoryId" WHERE ${where} LIMIT ${wholeNumber(cap + 1)}) capped`;
}

/** One queue page's statement, exactly as queuePage sends it (bench:queue sends the same over pg). */
export function queuePageStatement(user: SessionUser, filter: Partial<QueueFilter>, take: number, skip: number, now: Date): Prisma.Sql {
  return pageStatement(queueConditions(user, filter, now), SELECT_ROW, take, skip, countCap(filter));
}

// Every page read takes the moment it is read at (`now`): the SLA filter and states are judged at it.
async function readPage<T extends object>(client: DbClient, user: SessionUser, filter: Partial<QueueFilter>, select: Prisma.Sql, take: number, skip: number, now: Date): Promise<{ rows: T[]; total: number }> {
  // A search is planned for its text each time, as how common it is decides the best plan. So is
  // an SLA filter: it compares the clocks' times with the moment of reading, and a plan made for
  // any moment walked the queue's index another way (e-mail + at risk + general at 1,000,000
  // tickets: 186 ms against 10 ms, bench:queue -- --million).
  const planEachTime = Boolean(filter.q || filter.sla);
  const where = queueConditions(user, filter, now, filter.q ? await searchPlan(client, filter.q) : undefined);
  const cap = countCap(filter);
  const found = await readRows<T & { total: bigint }>(client, pageStatement(where, select, take, skip, cap), { planEachTime });
  const rows = found.map((row) => {
    const { total, ...shown } = row;
    void total;
    return shown as unknown as T;
  });
  if (found.length > 0) return { rows, total: Number(found[0]!.total) };
  // Nothing on this page: the first page is then exactly empty; a page past the end asks the count.
  if (skip === 0) return { rows, total: 0 };
  const [row] = await readRows<{ total: bigint }>(client, countCappedSql(where, cap), { planEachTime });
  return { rows, total: Number(row?.total ?? 0) };
}

/** One queue page with everything the list shows, in queue order, and the total (at most countCap + 1: more than the cap). */
export function queuePage(client: DbClient, user: SessionUser, filter: Partial<QueueFilter>, take: number, skip: number, now: Date): Promise<{ rows: QueueRow[]; total: number }> {
  return readPage<QueueRow>(client, user, filter, SELECT_ROW, take, skip, now);
}

interface PageRows {
  rows: { id: string; updatedAt: Date }[];
  total: number;
}

function queuePageRows(client: DbClient, user: SessionUser, filter: Partial<QueueFilter>, take: number, skip: number, now: Date): Promise<PageRows> {
  return readPage<{ id: string; updatedAt: Date }>(client, user, filter, SELECT_FINGERPRINT, take, skip, now);
}

/** Ids of one queue page in queue order, and the total (at most countCap + 1: more than the cap). */
export async function queuePageIds(client: DbClient, user: SessionUser, filter: Partial<QueueFilter>, take: number, skip: number, now: Date): Promise<{ ids: string[]; total: number }> {
  const { rows, total } = await queuePageRows(client, user, filter, take, skip, now);
  return { ids: rows.map((r) => r.id), total };
}

/**
 * The poller's fingerprint of exactly what the agent has on screen: the page's tickets in order
 * with their last change, and the (capped) total. It costs what the page's own id query costs, so
 * it stays cheap on a million-ticket queue, where counting and scanning every open ticket each
 * 10 seconds per agent would not; changes beyond the visible page do not refresh it.
 */
export async function queueFingerprintSql(client: DbClient, user: SessionUser, filter: Partial<QueueFilter>, take: number, skip: number, now: Date): Promise<string> {
  const { rows, total } = await queuePageRows(client, user, filter, take, skip, now);
  return pageFingerprint(rows, total);
}

/** The fingerprint of a queue page as read: by the poller's query, or by the page's own render. */
export function pageFingerprint(rows: readonly { id: string; updatedAt: Date }[], total: number): string {
  const page = rows.map((r) => `${r.id}@${new Date(r.updatedAt).getTime()}`).join(",");
  return `${total}:${createHash("sha1").update(page).digest("base64url")}`;
}
