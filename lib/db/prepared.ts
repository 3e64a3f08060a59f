// The few reads every page makes, and the queue's, as named prepared statements on the pool under
// Prisma. PostgreSQL plans an unnamed statement anew each time: the queue page's two statements
// spent 2.3 ms planning for 1.1 ms of work, and the session's another 0.6 ms. A named statement is
// parsed once per connection, and after five executions PostgreSQL keeps a generic plan when it is
// as good as the custom ones (it does for these: bench:queue, bench:http). Inside a transaction the
// read goes through the transaction, as any other.
import { createHash } from "node:crypto";
import { Prisma } from "@prisma/client";
import type pg from "pg";
import { getPool, isAppClient } from "./client";
import { param, types, type SqlTx } from "./sql";

// Names are per statement text and per connection: the embedded PGlite is one database session
// behind every connection, so a name prepared by one would collide with another's. There (and only
// there, LOKET_EMBEDDED) statements stay unnamed: a connection closed after its idle time would
// leave its statements in that one session for good.
const serials = new WeakMap<pg.PoolClient, number>();
let nextSerial = 0;
const digests = new Map<string, string>();
// Each connection keeps what it prepared until it closes. The queue's filters and pages make many
// statement texts, most of them rare: past this many, a new text runs unnamed.
const MAX_NAMED = 300;

/** The name a statement text runs under on one connection, or null: unnamed (exported for its test). */
export function statementName(client: pg.PoolClient, text: string): string | null {
  let digest = digests.get(text);
  if (!digest) {
    if (digests.size >= MAX_NAMED) return null;
    digest = createHash("sha1").update(text).digest("base64url").slice(0, 16);
    digests.set(text, digest);
  }
  let serial = serials.get(client);
  if (serial === undefined) serials.set(client, (serial = nextSerial++));
  return `l_${digest}_${serial}`;
}

/**
 * A whole number written into a statement's text, for LIMIT and OFFSET: PostgreSQL costs a generic
 * plan's parameter LIMIT as a tenth of the rows, which would keep a prepared statement from ever
 * using its generic plan. Whole and not negative, so it is safe to inline.
 */
export const wholeNumber = (n: number): Prisma.Sql => Prisma.raw(String(Math.max(0, Math.trunc(n))));

/** A moment as the timestamp(3) columns hold it (UTC), sent as text: no time-zone guessing. */
export const momentSql = (at: Date): Prisma.Sql => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * The rows of one statement (a read, or a write on its own with RETURNING), prepared on a real
 * PostgreSQL; on `tx` within that transaction. With
 * `planEachTime` it runs unnamed, planned for its values each time: for a statement whose best plan
 * depends on them, as a search's does on how common its text is.
 */
export async function readRows<T>(client: SqlTx, statement: Prisma.Sql, options: { planEachTime?: boolean } = {}): Promise<T[]> {
  if (!isAppClient(client)) return client.$queryRaw<T[]>(statement);
  const connection = await getPool().connect();
  const name = process.env.LOKET_EMBEDDED === "1" || options.planEachTime ? null : statementName(connection, statement.text);
  let result: pg.QueryResult;
  try {
    result = await connection.query({ ...(name ? { name } : {}), text: statement.text, values: statement.values.map(param), types });
  } catch (error) {
    // As pg's own pool.query: a connection that saw an error is not reused.
    connection.release(error as Error);
    throw error;
  }
  connection.release();
  return result.rows as T[];
}
