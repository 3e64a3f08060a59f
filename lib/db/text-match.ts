// How a searched text is tested on a column, so that PostgreSQL's trigram indexes (pg_trgm,
// prisma/migrations/*_queue_search_trigrams) answer it: "contains" as LIKE on the lower-cased
// column, the start of a word as a regular expression. The queue's search and the people searches
// (lib/people/search.ts) read text this way; each column must be written as its index holds it.
import { Prisma } from "@prisma/client";

// "Contains", as LIKE so that the trigram indexes (prisma/migrations/*_queue_search_trigrams) can
// answer it: the text's own %, _ and \ are escaped.
export const likeEscaped = (text: string) => text.replace(/[\\%_]/g, "\\$&");
export const pattern = (text: Prisma.Sql) => Prisma.sql`'%' || ${text} || '%'`;

/**
 * A text shorter than this is looked for at the start of a word, not anywhere: trigram indexes
 * cannot tell where one or two letters occur, so "contains" walked every open ticket (1.8 s for
 * "zq" at 1,000,000 tickets), while the start of a word is a trigram of its own ("  z", " zq").
 * Two letters anywhere match most rows anyway; at the start of a word they find a name.
 */
export const WORD_START_BELOW = 3;

// What may come before a word: the start, white space or ASCII punctuation. pg_trgm reads a regular
// expression's trigrams from the index only while every character of a class is plain ASCII (with
// "–" or "[^[:alnum:]]" it reads the whole index), so a word after a typographic quote is missed.
const WORD_BOUNDARY = String.raw`(^|[ \n\r\t.,;:!?()<>{}\[\]/\\|_@'"&+*#=~%$^\x60-])`;
// Every character but letters and digits stands for itself in the expression.
const regexEscaped = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, "\\$&");

/** How a column is tested for the searched text. */
export type TextMatch = (column: Prisma.Sql) => Prisma.Sql;

// A sign beyond ASCII that is not a letter or digit: a typographic quote or dash.
const TYPOGRAPHIC_SIGN = /[^\p{L}\p{N}\x00-\x7F]/u;

export function textMatch(q: string): TextMatch {
  const trimmed = q.trim();
  if (trimmed.length < WORD_START_BELOW) {
    const wordStart = Prisma.sql`${WORD_BOUNDARY} || lower(${regexEscaped(trimmed)})`;
    // From an expression starting with such a sign ("“z") pg_trgm reads no trigram, and it walked
    // the whole table (220 ms at 300,000 rows); "contains" lets the index find the candidates
    // (11 ms), and the expression then keeps the start of a word. For a text with no letter or
    // digit, "contains" has no trigram either: searchPlan walks the queue for it.
    if (TYPOGRAPHIC_SIGN.test(trimmed) && /[\p{L}\p{N}]/u.test(trimmed)) {
      const contains = pattern(Prisma.sql`lower(${likeEscaped(trimmed)})`);
      return (column) => Prisma.sql`(${column} LIKE ${contains} AND ${column} ~ (${wordStart}))`;
    }
    return (column) => Prisma.sql`${column} ~ (${wordStart})`;
  }
  // Both sides lower-cased by PostgreSQL, as the indexes are.
  const contains = pattern(Prisma.sql`lower(${likeEscaped(trimmed)})`);
  return (column) => Prisma.sql`${column} LIKE ${contains}`;
}

// The lower-cased expressions of User's and Organisation's trigram indexes, of a row under an alias.
export const personText = (a: string) => [`lower(${a}.name)`, `lower(${a}.email)`, `lower(coalesce(${a}."clientNumber", ''))`];
export const organisationText = (a: string) => [`lower(${a}.name)`, `lower(${a}."externalNumber")`];

/**
 * A client number's letters and digits, lower-cased (clientNumberKey in SQL), as User's plain client
 * number index holds it (migration *_client_number_plain): `column` is the caller's, with a fixed alias.
 */
export const clientNumberKeySql = (column: string) => Prisma.raw(`regexp_replace(lower(${column}), '[^a-z0-9]', '', 'g')`);

/** Any of the columns holds the text. The expressions are the caller's, with fixed aliases: nothing of the searched text is in them. */
export const anyHolds = (match: TextMatch, columns: readonly string[]) => Prisma.join(columns.map((column) => match(Prisma.raw(column))), " OR ");
