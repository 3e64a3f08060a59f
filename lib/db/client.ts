// The one Prisma client. Always @prisma/adapter-pg: against PostgreSQL, or against the embedded
// PGlite that scripts/launch.ts serves on loopback, so every environment runs the same code path.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const holder = globalThis as typeof globalThis & { __loketPrisma?: PrismaClient; __loketPool?: pg.Pool };

// No parallel query on the app's connections. The app's concurrency is its requests, and on a
// small machine parallel workers take the cores those requests need: the queue's walk of its
// covering index over 375,000 open tickets ran in 32 ms alone and in 44-357 ms split over two
// workers (npm run bench:queue -- --million). The analytic pages read rollups, not large scans.
// Not on the embedded PGlite, which runs no workers.
const SESSION_OPTIONS = "-c max_parallel_workers_per_gather=0";

const noop = () => {};

/**
 * A connection that sends a query only once the one before it has answered. Queries of one Prisma
 * transaction share a connection, and Prisma's query interpreter fetches a read's relations side
 * by side (traced with --trace-deprecation): pg 8 queues them itself but warns that pg 9 will
 * refuse to. They could not run side by side on one connection anyway, so waiting here changes
 * nothing but the warning. Queries with a callback (pg's own pool.query, which runs on an idle
 * connection) pass straight through.
 */
class OneQueryAtATime extends pg.Client {
  #last: Promise<unknown> = Promise.resolve();

  // pg's query has a dozen overloads; this keeps each call's own arguments and result.
  override query(...args: unknown[]): never {
    const send = () => (super.query as (...a: unknown[]) => unknown)(...args);
    const withCallback = typeof args[args.length - 1] === "function" || typeof (args[0] as { submit?: unknown } | undefined)?.submit === "function";
    if (withCallback) return send() as never;
    const answered = this.#last.then(send);
    this.#last = answered.then(noop, noop);
    return answered as never;
  }
}

function create(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Loket with `npm run dev` or `npm start`, which start the embedded database.",
    );
  }
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  // Our pool, handed to the adapter: the hottest reads use it directly too (lib/db/prepared.ts).
  holder.__loketPool = new pg.Pool({ Client: OneQueryAtATime, connectionString: url, max, ...(process.env.LOKET_EMBEDDED === "1" ? {} : { options: SESSION_OPTIONS }) });
  return new PrismaClient({ adapter: new PrismaPg(holder.__loketPool) });
}

/** Created on first use so that importing a module never needs a database (e.g. during `next build`). */
export function getDb(): PrismaClient {
  holder.__loketPrisma ??= create();
  return holder.__loketPrisma;
}

/** The connection pool under the Prisma client (the same connections). */
export function getPool(): pg.Pool {
  getDb();
  return holder.__loketPool!;
}

/** Whether `client` is the app's own client (the `db` handle or the client behind it), not a transaction or another client. */
export function isAppClient(client: unknown): boolean {
  return client === db || client === holder.__loketPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  if (holder.__loketPrisma) {
    await holder.__loketPrisma.$disconnect();
    holder.__loketPrisma = undefined;
    // The adapter leaves a pool it was given open.
    await holder.__loketPool?.end();
    holder.__loketPool = undefined;
  }
}
