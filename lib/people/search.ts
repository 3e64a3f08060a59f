// Finding people by a part of their name, e-mail address, client number or phone number: the
// phone desk's caller search, the beneficiaries list, the privacy desk and the audit reader.
// Through Prisma's `contains` (ILIKE on the bare columns) PostgreSQL could use no index and read
// every account: 1.0-1.5 s a search with 1,000,000 people. Here the text is tested as the queue's
// search tests it (lib/db/text-match.ts), on the lower-cased columns User's trigram index holds.
import "server-only";
import { Prisma } from "@prisma/client";
import { readRows, wholeNumber } from "@/lib/db/prepared";
import type { Db } from "@/lib/db/client";
import { phoneDigitsOf } from "@/lib/callbacks/schema";
import { clientNumberKey } from "./client-number";
import { anyHolds, clientNumberKeySql, likeEscaped, organisationText, pattern, personText, textMatch } from "@/lib/db/text-match";

export interface PeopleSearch {
  /** Which accounts, as SQL on the alias u (role, state): the caller's, with fixed values only. */
  scope: Prisma.Sql;
  /** The searched text; empty: every account in scope. */
  q: string;
  /** Also a phone number holding the text's digits (three or more, typed with or without spaces, dashes or brackets). */
  phone?: boolean;
  /** Also the contacts of an organisation whose name or number holds the text. */
  organisations?: boolean;
}

/** The digits a phone search looks for in stored numbers; none when the text is no phone number. */
export function phoneDigits(q: string): string[] {
  const typed = phoneDigitsOf(q.trim());
  if (!/^\+?\d{3,}$/.test(typed)) return [];
  const digits = typed.replace(/^\+/, "");
  // A Dutch number as caller ID shows it, dialled from abroad (+31 6…, 0031 6…, "+31 (0)6…"), is
  // stored as it is dialled here: 06….
  // Only a number that far along: "+316" would otherwise look for every "06".
  const abroad = /^(?:\+|00)31(\d{5,})$/.exec(typed);
  return abroad ? [digits, `0${abroad[1]!.replace(/^0/, "")}`] : [digits];
}

/**
 * A client number as people type it from a letter or say it on the phone ("k100232", "K 100 232"
 * for K-100232): its letters and digits, lower-cased, when the text has nothing else but spaces,
 * dots, slashes and dashes, and at least four of them with a digit. Null for anything else.
 */
export function plainClientNumber(q: string): string | null {
  const trimmed = q.trim();
  if (!/^[A-Za-z0-9 ./-]+$/.test(trimmed)) return null;
  const plain = clientNumberKey(trimmed);
  return plain.length >= 4 && /\d/.test(plain) ? plain : null;
}

/**
 * The accounts in scope holding the text (id and name), from the trigram indexes: "contains" from
 * three characters, the start of a word below (WORD_START_BELOW). Each part reads the accounts it
 * finds once, name and scope included, so a common text is not looked up again by id.
 */
function peopleHolding(search: PeopleSearch): Prisma.Sql {
  const text = search.q.trim();
  const match = textMatch(text);
  const found = (from: Prisma.Sql, holds: Prisma.Sql) => Prisma.sql`SELECT u.id, u.name FROM ${from} WHERE (${holds}) AND ${search.scope}`;
  const parts = [found(Prisma.sql`"User" u`, anyHolds(match, personText("u")))];
  // The expression of User's plain client number index (migration *_client_number_plain).
  const plain = plainClientNumber(text);
  if (plain) parts.push(found(Prisma.sql`"User" u`, Prisma.sql`${clientNumberKeySql('u."clientNumber"')} = ${plain}`));
  for (const digits of search.phone ? phoneDigits(text) : []) {
    parts.push(found(Prisma.sql`"User" u`, Prisma.sql`coalesce(u.phone, '') LIKE ${pattern(Prisma.sql`${likeEscaped(digits)}`)}`));
  }
  if (search.organisations) {
    parts.push(found(Prisma.sql`"Organisation" o JOIN "Membership" m ON m."organisationId" = o.id JOIN "User" u ON u.id = m."userId"`, anyHolds(match, organisationText("o"))));
  }
  return Prisma.join(parts, " UNION ");
}

/**
 * One page of the accounts a search finds, by name, and how many there are when `countUpTo` is
 * given (counted up to it, then "more than": `capped`): their ids, which findPeopleByName reads
 * through Prisma. Planned for the text each time.
 */
async function searchPeopleByName(
  client: Db,
  search: PeopleSearch,
  page: { take: number; skip?: number; countUpTo?: number },
): Promise<{ ids: string[]; total: number; capped: boolean }> {
  const text = Boolean(search.q.trim());
  // Signs alone (",", "--") name nobody, and the trigram index has nothing to look up for them:
  // PostgreSQL would read every account.
  if (text && !/[\p{L}\p{N}]/u.test(search.q)) return { ids: [], total: 0, capped: false };
  const holding = text ? peopleHolding(search) : null;
  const source = holding ? Prisma.sql`(${holding}) u` : Prisma.sql`"User" u WHERE ${search.scope}`;
  // Without a text, User's name index gives the page in order. With one, the accounts holding it
  // are collected first and then ordered: left to plan it, PostgreSQL guessed that a short text's
  // regular expression matches a tenth of the accounts and walked the name index through all of
  // them ("zz" at 1,000,000 people: 4.8 s against 5 ms).
  const pageSql = holding ? Prisma.sql`WITH found AS MATERIALIZED (${holding}) SELECT u.id FROM found u` : Prisma.sql`SELECT u.id FROM ${source}`;
  const options = { planEachTime: true };
  const [rows, counted] = await Promise.all([
    readRows<{ id: string }>(client, Prisma.sql`${pageSql} ORDER BY u.name, u.id LIMIT ${wholeNumber(page.take)} OFFSET ${wholeNumber(page.skip ?? 0)}`, options),
    page.countUpTo === undefined
      ? Promise.resolve([])
      : readRows<{ total: bigint }>(client, countSql(source, text ? null : page.countUpTo + 1), options),
  ]);
  const total = Number(counted[0]?.total ?? rows.length);
  const capped = page.countUpTo !== undefined && total > page.countUpTo;
  return { ids: rows.map((row) => row.id), total: capped ? page.countUpTo! : total, capped };
}

/**
 * How many rows the source has, up to `upTo` when given. A searched text is counted in full: under
 * a LIMIT the planner, with the same guess, read the whole table expecting to stop early.
 */
function countSql(source: Prisma.Sql, upTo: number | null): Prisma.Sql {
  return upTo === null
    ? Prisma.sql`SELECT count(*) AS total FROM ${source}`
    : Prisma.sql`SELECT count(*) AS total FROM (SELECT 1 FROM ${source} LIMIT ${wholeNumber(upTo)}) c`;
}

/** Rows fetched by id, put back in the order of `ids` (what the ordered SQL found). */
function inOrderOf<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * searchPeopleByName's page read through Prisma with `select` (which must hold the id), in the
 * order the search found it.
 */
export async function findPeopleByName<S extends Prisma.UserSelect & { id: true }>(
  client: Db,
  search: PeopleSearch,
  page: { take: number; skip?: number; countUpTo?: number },
  select: S,
): Promise<{ rows: Person<S>[]; total: number; capped: boolean }> {
  const { ids, total, capped } = await searchPeopleByName(client, search, page);
  const rows = (await client.user.findMany({ where: { id: { in: ids } }, select })) as Person<S>[];
  return { rows: inOrderOf(ids, rows), total, capped };
}

/** An account as `select` reads it (Prisma cannot tell a generic select holds the id). */
type Person<S extends Prisma.UserSelect> = Prisma.UserGetPayload<{ select: S }> & { id: string };
