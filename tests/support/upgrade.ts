// An upgrade, not a fresh install: a scratch database migrated up to just before one migration,
// for a test to fill as an older Loket would have left it, then brought up to date.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { createScratchDatabase, MIGRATIONS_DIR } from "./database";

export interface DatabaseBefore {
  /** Connected to the scratch database. */
  client: pg.Client;
  /** Applies the migration under test and every later one. */
  upgrade(): Promise<void>;
  drop(): Promise<void>;
}

export async function databaseBefore(migration: string, label: string): Promise<DatabaseBefore> {
  const scratch = await createScratchDatabase(label);
  const before = mkdtempSync(path.join(tmpdir(), "loket-migrations-before-"));
  cpSync(MIGRATIONS_DIR, before, { recursive: true });
  // The migration under test and every later one (migration directories sort by their date).
  for (const entry of readdirSync(before, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= migration) rmSync(path.join(before, entry.name), { recursive: true });
  }
  await applyMigrations({ databaseUrl: scratch.url, migrationsDir: before });
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  return {
    client,
    upgrade: () => applyMigrations({ databaseUrl: scratch.url, migrationsDir: MIGRATIONS_DIR }).then(() => undefined),
    async drop() {
      await client.end();
      await scratch.drop();
      rmSync(before, { recursive: true, force: true });
    },
  };
}
