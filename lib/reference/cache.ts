import "server-only";
import { cache } from "react";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { readRows } from "@/lib/db/prepared";
import type { SqlTx } from "@/lib/db/sql";

// Reference data (settings, calendar, lines, SLA policies, categories, teams, mail templates, staff) is
// read on nearly every request and mail but changes only when an admin saves something. Each
// process keeps what it loaded, tagged with the ReferenceVersion it was loaded under; one read of
// that single row tells whether the copy is still current. Triggers set the version inside every
// writing transaction (migration 20261205163627), so:
// - another instance's change is seen on the next read here, with no notification to miss;
// - a transaction sees its own changes (it reads its own, uncommitted version) and never gets an
//   older copy, and what it loads under a version that is later rolled back is never served again,
//   since the sequence behind the version never hands out a value twice.
// Values are shared between requests: callers must treat them as read-only.

// Any client that runs raw statements: the app's, a Prisma transaction or a raw one (lib/db/sql.ts).
type Client = SqlTx;

interface Entry {
  version: bigint;
  value: Promise<unknown>;
  /** Loaded. A load still running is not shared: it may wait for a connection the caller holds. */
  ready: boolean;
}

const holder = globalThis as typeof globalThis & { __loketReference?: Map<string, Entry> };
const entries = (holder.__loketReference ??= new Map<string, Entry>());

// Transactions that promised to write no reference data: their version is read once.
const pinned = new WeakMap<object, Promise<bigint | null>>();

/**
 * For a transaction that writes no reference data (the mail intake's): every cached read in it
 * checks the version once instead of each time. Only for such transactions: one that changed a
 * setting after the first read would be served the copy from before its change.
 */
export function pinReferenceVersion(tx: SqlTx, version?: bigint | null): void {
  // `version`: read by the caller within this transaction, with a statement of its own.
  if (!pinned.has(tx)) pinned.set(tx, version === undefined ? readVersion(tx) : Promise.resolve(version));
}

// One version read per server render of a page: its layouts and components asked up to five
// times. React's cache lives for one render only; in server actions, route handlers, the worker
// and tests it calls through, so an action that changes reference data and the render after it
// each read afresh. Renders write no reference data (only actions do, in transactions).
const versionForThisRender = cache(() => readVersion(db));

/** The version the client sees now: its transaction's own when it wrote reference data. */
export function referenceVersion(client: Client): Promise<bigint | null> {
  return pinned.get(client) ?? (client === db ? versionForThisRender() : readVersion(client));
}

async function readVersion(client: Client): Promise<bigint | null> {
  const rows = await readRows<{ version: bigint }>(client, Prisma.sql`SELECT "version" FROM "ReferenceVersion" WHERE "id" = 1`);
  return rows[0]?.version ?? null;
}

/**
 * `load(client)` once per reference version and key; later calls under the same version get the
 * same value. The load runs on the caller's client, so inside a transaction it reads through that
 * transaction (the embedded database has one connection: a second one would wait on the first).
 */
export async function cachedReference<C extends Client, T>(client: C, key: string, load: (client: C) => Promise<T>): Promise<T> {
  const version = await referenceVersion(client);
  // No version row (a database emptied by hand): nothing can be vouched for, so nothing is kept.
  if (version === null) return load(client);
  const entry = entries.get(key);
  if (entry && entry.version === version) {
    // On the embedded database (one connection) a transaction waiting on another client's load
    // would wait for its own connection: until the copy is in, each caller loads for itself.
    return entry.ready ? (entry.value as Promise<T>) : load(client);
  }
  const value = load(client);
  const fresh: Entry = { version, value, ready: false };
  entries.set(key, fresh);
  value.then(
    () => {
      fresh.ready = true;
    },
    // A failed load is not kept: the next caller tries again.
    () => {
      if (entries.get(key) === fresh) entries.delete(key);
    },
  );
  return value;
}

/** How many keys are held (tests and the benchmark's report). */
export function referenceCacheSize(): number {
  return entries.size;
}
