import { randomUUID } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";
import { loadSessionUser, type SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { seedDatabase } from "@/prisma/seed";

/** Every table's rows as JSON text, per table, taken right after a full seed. */
type Snapshot = { table: string; rows: string }[];

const snapshots = new Map<string, Snapshot>();

/** Every table the seed fills; not ReferenceVersion, which triggers keep moving forward (never back). */
async function seededTables(): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename::text AS name FROM pg_tables
    WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'ReferenceVersion') ORDER BY tablename`;
  return rows.map((r) => r.name);
}

/** Columns whose default is a sequence (autoincrement ids), with that sequence. */
async function serialColumns(tx: Pick<typeof db, "$queryRaw">): Promise<{ seq: string; table: string; column: string }[]> {
  return tx.$queryRaw`
    SELECT pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS seq, c.relname::text AS "table", a.attname::text AS "column"
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL`;
}

const quoted = (table: string) => `"public"."${table.replace(/"/g, '""')}"`;

async function takeSnapshot(): Promise<Snapshot> {
  const snapshot: Snapshot = [];
  for (const table of await seededTables()) {
    const [row] = await db.$queryRawUnsafe<{ rows: string | null }[]>(`SELECT json_agg(t)::text AS rows FROM ${quoted(table)} AS t`);
    if (row?.rows) snapshot.push({ table, rows: row.rows });
  }
  return snapshot;
}

/**
 * Puts the snapshot back in one transaction: every table emptied, then each table's rows in one
 * statement. Foreign keys are not checked meanwhile (replica role), since the rows were consistent
 * when taken and tables go back in name order, not dependency order.
 */
async function restoreSnapshot(snapshot: Snapshot): Promise<void> {
  const tables = await seededTables();
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRawUnsafe(`TRUNCATE TABLE ${tables.map(quoted).join(", ")} CASCADE`);
      for (const { table, rows } of snapshot) {
        await tx.$executeRawUnsafe(`INSERT INTO ${quoted(table)} SELECT * FROM json_populate_recordset(NULL::${quoted(table)}, $1::json)`, rows);
      }
      // A database that never ran the seed still has its serial columns at 1: move each past the
      // restored rows, or the next insert would take an id a restored row holds.
      for (const { seq, table, column } of await serialColumns(tx)) {
        await tx.$executeRawUnsafe(`SELECT setval($1, coalesce((SELECT max("${column}") FROM ${quoted(table)}), 0) + 1, false)`, seq);
      }
      // The rows went back with triggers off, so the reference version did not move: move it, or
      // this process's reference cache would keep serving what an earlier test changed.
      await tx.$executeRawUnsafe(`UPDATE "ReferenceVersion" SET "version" = nextval('"ReferenceVersion_seq"') WHERE "id" = 1`);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/**
 * The demo data, freshly written: every integration test starts from the same known state. The
 * first seed for a given `now` in a run runs the real seed (prisma/seed.ts); later ones restore
 * the rows it wrote, which is the same state in a tenth of the time (the seed hashes a password
 * and writes row by row). A test that wants the seed itself calls seedDatabase.
 */
export async function seedDemo(now = new Date("2026-11-24T10:00:00Z")): Promise<void> {
  const key = now.toISOString();
  const snapshot = snapshots.get(key) ?? (await readSharedSnapshot(key));
  if (snapshot) {
    snapshots.set(key, snapshot);
    return restoreSnapshot(snapshot);
  }
  const outcome = await seedDatabase({ force: true, now });
  if (outcome !== "SEEDED") throw new Error(`seed: ${outcome}`);
  const taken = await takeSnapshot();
  snapshots.set(key, taken);
  await writeSharedSnapshot(key, taken);
}

/**
 * Snapshots are shared between the run's test files through a folder the global setup makes for
 * this run alone (so a changed seed is never served from an earlier run): of about a hundred files
 * that seed, only the first for a given `now` runs the seed, 1.9 s against 0.3 s for a restore.
 */
function sharedSnapshotFile(key: string): string {
  return join(inject("seedCacheDir"), `${key.replace(/[^0-9A-Za-z]/g, "-")}.json`);
}

async function readSharedSnapshot(key: string): Promise<Snapshot | null> {
  try {
    return JSON.parse(await readFile(sharedSnapshotFile(key), "utf8")) as Snapshot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function writeSharedSnapshot(key: string, snapshot: Snapshot): Promise<void> {
  // Written aside and renamed: a file another worker reads is always whole.
  const file = sharedSnapshotFile(key);
  const partial = `${file}.${randomUUID()}`;
  await writeFile(partial, JSON.stringify(snapshot));
  await rename(partial, file);
}

export async function sessionFor(email: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const session = await loadSessionUser(user.id);
  if (!session) throw new Error(`no session for ${email}`);
  return session;
}
