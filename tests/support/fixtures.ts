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
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/**
 * The demo data, freshly written: every integration test starts from the same known state. The
 * first seed for a given `now` in a file runs the real seed (prisma/seed.ts); later ones restore
 * the rows it wrote, which is the same state in a tenth of the time (the seed hashes a password
 * and writes row by row). A test that wants the seed itself calls seedDatabase.
 */
export async function seedDemo(now = new Date("2026-11-24T10:00:00Z")): Promise<void> {
  const key = now.toISOString();
  const snapshot = snapshots.get(key);
  if (snapshot) return restoreSnapshot(snapshot);
  const outcome = await seedDatabase({ force: true, now });
  if (outcome !== "SEEDED") throw new Error(`seed: ${outcome}`);
  snapshots.set(key, await takeSnapshot());
}

export async function sessionFor(email: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const session = await loadSessionUser(user.id);
  if (!session) throw new Error(`no session for ${email}`);
  return session;
}
