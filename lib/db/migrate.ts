// Applies prisma/migrations/*/migration.sql in order, recording rows in _prisma_migrations as
// Prisma Migrate does. Prisma's own `migrate deploy` cannot run here (see DESIGN.md, Architecture).
// Each migration runs in its own transaction under a transaction-scoped advisory lock and re-checks
// the table inside it, so concurrent appliers apply each migration exactly once.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const LOCK_KEY = 72_616_001; // arbitrary, constant: "the Loket migrator"

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(
    readonly code: "CHECKSUM_MISMATCH" | "FAILED_MIGRATION" | "UNKNOWN_MIGRATION",
    message: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function inLockedTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function appliedRows(client: pg.Client): Promise<Map<string, AppliedRow>> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL`,
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function verify(files: MigrationFile[], applied: Map<string, AppliedRow>): void {
  const known = new Set(files.map((f) => f.name));
  for (const row of applied.values()) {
    if (!row.finished_at) {
      throw new MigrationError("FAILED_MIGRATION", `Migration ${row.migration_name} started but never finished.`);
    }
    if (!known.has(row.migration_name)) {
      throw new MigrationError(
        "UNKNOWN_MIGRATION",
        `The database has migration ${row.migration_name}, which is not in prisma/migrations.`,
      );
    }
  }
  for (const file of files) {
    const row = applied.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new MigrationError(
        "CHECKSUM_MISMATCH",
        `Migration ${file.name} was changed after it was applied. Write a new migration instead.`,
      );
    }
  }
}

export async function applyMigrations(options: {
  databaseUrl: string;
  migrationsDir: string;
  log?: (line: string) => void;
}): Promise<MigrateResult> {
  const files = readMigrations(options.migrationsDir);
  const log = options.log ?? (() => undefined);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  try {
    await inLockedTransaction(client, () => client.query(CREATE_TABLE));
    // Refuse before changing anything when history and files disagree.
    verify(files, await inLockedTransaction(client, () => appliedRows(client)));
    for (const file of files) {
      const didApply = await inLockedTransaction(client, async () => {
        const applied = await appliedRows(client);
        verify(files, applied);
        if (applied.has(file.name)) return false;
        const started = new Date();
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, $4, 1)`,
          [randomUUID(), file.checksum, file.name, started],
        );
        return true;
      });
      (didApply ? result.applied : result.alreadyApplied).push(file.name);
      if (didApply) log(`applied ${file.name}`);
    }
  } finally {
    await client.end();
  }
  return result;
}
