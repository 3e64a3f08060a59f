// Rate limits shared by every app instance: counters live in PostgreSQL (table rate_limits,
// migration 20261204053758_security_hardening) through rate-limiter-flexible's Postgres store.
//
// - Call consumeRateLimit OUTSIDE a Prisma transaction: on PostgreSQL the limiter has its own small
//   pool; on the embedded database (PGlite) it shares Prisma's single connection, which a running
//   transaction holds, so a consume inside a transaction would wait for that transaction to end.
// - A store failure rejects (fails closed): callers treat it like any unexpected error.
// - Keys are hashed (no e-mail addresses or IPs in the table) and case-folded, so "A@x.nl" and
//   "a@x.nl" share one budget.
// - Expired rows are deleted by the sweep in lib/sweeps (sweepRateLimits below), not by a timer in
//   each process.
import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { db, type Db } from "@/lib/db/client";
import { addressBucket } from "./client-ip";

export { clientIp } from "./client-ip";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** Every budget in one place: `points` attempts per `durationSeconds` window. */
export const RATE_LIMITS = {
  login_account: { points: 10, durationSeconds: 15 * MINUTE },
  login_ip: { points: 50, durationSeconds: 15 * MINUTE },
  second_factor_user: { points: 10, durationSeconds: 15 * MINUTE },
  second_factor_ip: { points: 50, durationSeconds: 15 * MINUTE },
  // Above the three links per hour of lib/account/rules.ts (the rule people meet); this one also
  // counts unknown addresses and stops a flood before it reaches the database transaction.
  password_reset_account: { points: 5, durationSeconds: HOUR },
  password_reset_ip: { points: 20, durationSeconds: HOUR },
  invitation_actor: { points: 30, durationSeconds: HOUR },
  mail_intake_ip: { points: 120, durationSeconds: MINUTE },
  // Wrongly signed telephony events per address: a platform's real events are never limited.
  cti_bad_signature_ip: { points: 30, durationSeconds: 15 * MINUTE },
  // Requests per API token (lib/api/route.ts): 5 a second on average, enough for a back office's sync.
  api_token: { points: 300, durationSeconds: MINUTE },
} as const satisfies Record<string, { points: number; durationSeconds: number }>;

export type RateLimitKind = keyof typeof RATE_LIMITS;

export type RateLimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimitStore {
  consume(kind: RateLimitKind, key: string): Promise<RateLimitOutcome>;
  reset(kind: RateLimitKind, key: string): Promise<void>;
  /** Gives one attempt back (a per-address budget should count failures, not an office's logins). */
  refund(kind: RateLimitKind, key: string): Promise<void>;
  close(): Promise<void>;
}

export const RATE_LIMIT_TABLE = "rate_limits";

function storageKey(kind: RateLimitKind, key: string): string {
  const plain = key.trim().toLowerCase();
  // Per-address kinds count an IPv6 address by its /64 (see addressBucket).
  return createHash("sha256").update(kind.endsWith("_ip") ? addressBucket(plain) : plain).digest("base64url");
}

/** What RateLimiterPostgres calls on its store client (the `pool` store type). */
interface QueryClient {
  query(q: { text: string; values?: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

function poolClient(databaseUrl: string): { client: QueryClient; close: () => Promise<void> } {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 5_000,
    query_timeout: 5_000,
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server must not crash the process.
  pool.on("error", () => {});
  return {
    // rate-limiter-flexible names its prepared statements; PGlite shares one backend session
    // between all connections, where a second connection re-preparing a name fails with "prepared
    // statement already exists". Unnamed statements behave the same everywhere.
    client: { query: (q) => pool.query({ text: q.text, values: q.values }) },
    close: () => pool.end(),
  };
}

/**
 * The embedded database interleaves the protocol messages of concurrent queries on different
 * connections (see scripts/launch.ts), so there the limiter shares Prisma's one connection.
 */
function prismaClient(client: Db): QueryClient {
  return {
    async query(q) {
      const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...(q.values ?? []));
      // pg hands bigint over as a string the library does arithmetic with; Prisma as a BigInt.
      const plain = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
      return { rows: plain, rowCount: plain.length };
    },
  };
}

/**
 * One store. Given a URL it has its own small pg pool (a second store on the same URL behaves as a
 * second app instance); given the Prisma client it goes through that client's connection.
 */
export function createRateLimitStore(database: string | Db): RateLimitStore {
  const { client, close } = typeof database === "string" ? poolClient(database) : { client: prismaClient(database), close: async () => {} };
  const limiters = new Map<RateLimitKind, RateLimiterPostgres>();
  const limiter = (kind: RateLimitKind): RateLimiterPostgres => {
    let found = limiters.get(kind);
    if (!found) {
      found = new RateLimiterPostgres({
        storeClient: client,
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: kind,
        points: RATE_LIMITS[kind].points,
        duration: RATE_LIMITS[kind].durationSeconds,
      });
      limiters.set(kind, found);
    }
    return found;
  };
  return {
    async consume(kind, key) {
      try {
        await limiter(kind).consume(storageKey(kind, key));
        return { ok: true };
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when the budget is spent, with an Error otherwise.
        if (rejection instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
    async reset(kind, key) {
      await limiter(kind).delete(storageKey(kind, key));
    },
    async refund(kind, key) {
      await limiter(kind).reward(storageKey(kind, key), 1);
    },
    close,
  };
}

// The default store follows DATABASE_URL, read on first use (never at import, so `next build`
// needs no database) and again whenever it changes (tests that point the app at a scratch database).
const holder = globalThis as typeof globalThis & { __loketRateLimits?: { url: string; store: RateLimitStore } };

function defaultStore(): RateLimitStore {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: rate limits need the database.");
  if (holder.__loketRateLimits?.url !== url) {
    void holder.__loketRateLimits?.store.close().catch(() => {});
    // The `db` handle, not the client behind it now: disconnectDb (each integration file ends with it)
    // replaces that client, and a store kept across files would still hold the ended one.
    holder.__loketRateLimits = { url, store: createRateLimitStore(process.env.LOKET_EMBEDDED === "1" ? db : url) };
  }
  return holder.__loketRateLimits.store;
}

/** Counts one attempt; `{ ok: false }` once the kind's budget for this key is spent. */
export function consumeRateLimit(kind: RateLimitKind, key: string): Promise<RateLimitOutcome> {
  return defaultStore().consume(kind, key);
}

/** Forgets the count for a key, e.g. an account's failed logins after a successful one. */
export function resetRateLimit(kind: RateLimitKind, key: string): Promise<void> {
  return defaultStore().reset(kind, key);
}

/** Gives back the attempt just counted, e.g. a successful login's on the per-address budget. */
export function refundRateLimit(kind: RateLimitKind, key: string): Promise<void> {
  return defaultStore().refund(kind, key);
}

/** Ends the default store's pool (tests, shutdown). */
export async function closeRateLimits(): Promise<void> {
  const current = holder.__loketRateLimits;
  holder.__loketRateLimits = undefined;
  await current?.store.close();
}

/** Sweep: deletes counters whose window ended more than an hour ago. */
export async function sweepRateLimits(db: Db, now: Date): Promise<number> {
  const deleted = await db.rateLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime() - HOUR * 1000) } } });
  return deleted.count;
}
