// Raw statements on the pool's connections, read as Prisma's $queryRaw reads them, and
// transactions of raw statements that do not pass through Prisma. Prisma 6 hands every raw
// statement and its values to its WebAssembly query compiler: measured on PostgreSQL, a one-row
// statement cost 1.1 ms of CPU through Prisma against 0.2 ms over pg, and one with six arrays of
// 500 values 7.3 ms against 0.8 ms. The SLA sweep's wave writes a hundred thousand rows that way.
import { Prisma } from "@prisma/client";
import pg from "pg";
import { getPool, isAppClient, type Db } from "./client";

// Read as Prisma reads them: timestamps without zone are UTC, dates are UTC midnights, bigint
// counts are bigints (pg's defaults read the first two in the process's own zone).
const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;
export const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    if (oid === INT8) return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A value as Prisma sends it: a Date as its ISO text (pg would write it in the process's zone). */
export const param = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * What a raw writer needs of its transaction: Prisma's own (`Tx`) has it, and so has
 * `sqlTransaction`'s. A writer typed with this runs in either.
 */
export interface SqlTx {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

function statementOf(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  // A tagged template's strings are an array; Prisma exports no Sql class to test against.
  return Array.isArray(query) ? Prisma.sql(query as TemplateStringsArray, ...values) : (query as Prisma.Sql);
}

/** The raw statements of `SqlTx`, run on one connection. */
function on(connection: pg.PoolClient): SqlTx {
  const run = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const statement = statementOf(query, values);
    return connection.query({ text: statement.text, values: statement.values.map(param), types });
  };
  return {
    $queryRaw: async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(query, values)).rows as T,
    $executeRaw: async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(query, values)).rowCount ?? 0,
  };
}

/**
 * A transaction of raw statements on one of the app pool's connections: committed when `work`
 * resolves, rolled back when it throws (and the error passed on). For writers whose every
 * statement is raw; one that also needs Prisma's model queries takes Prisma's `$transaction`.
 * Given another client than the app's, it runs as that client's transaction.
 */
export async function sqlTransaction<T>(db: Db, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  // Prisma's default of 5 s would be stricter than the app's own path, which has no limit: the
  // 30 s the mail intake's Prisma transaction had.
  if (!isAppClient(db)) return db.$transaction((tx) => work(tx), { timeout: 30_000 });
  const connection = await getPool().connect();
  let result: T;
  try {
    await connection.query("BEGIN");
    result = await work(on(connection));
    await connection.query("COMMIT");
  } catch (error) {
    // A connection whose rollback fails too is not given back to the pool.
    const broken = await connection.query("ROLLBACK").then(
      () => undefined,
      (rollback: unknown) => rollback as Error,
    );
    connection.release(broken);
    throw error;
  }
  connection.release();
  return result;
}

/**
 * Writes that do not read each other's rows, sent as one statement: each an entry of one WITH.
 * A new ticket writes eight rows to seven tables, and each statement's round trip cost this
 * process more CPU than PostgreSQL spent on the insert (npm run bench:mail). Foreign keys are
 * checked at the statement's end, so a row may name one written beside it.
 */
export async function writeTogether(tx: SqlTx, writes: readonly Prisma.Sql[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await tx.$executeRaw(writes[0]!);
    return;
  }
  const entries = writes.map((write, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${write})`);
  await tx.$executeRaw`WITH ${Prisma.join(entries, ", ")} SELECT 1`;
}
