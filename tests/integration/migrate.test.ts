import { cpSync, mkdtempSync, readdirSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError, readMigrations } from "@/lib/db/migrate";
import { createScratchDatabase, MIGRATIONS_DIR, type ScratchDatabase } from "../support/database";

let scratch: ScratchDatabase | undefined;
afterEach(async () => {
  await scratch?.drop();
  scratch = undefined;
});

async function rows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "loket-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migration applier", () => {
  it("applies every migration once and records Prisma's bookkeeping", async () => {
    scratch = await createScratchDatabase("mig");
    const files = readMigrations(MIGRATIONS_DIR);
    const first = await applyMigrations({ databaseUrl: scratch.url, migrationsDir: MIGRATIONS_DIR });
    expect(first.applied).toEqual(files.map((f) => f.name));

    const recorded = await rows(scratch.url);
    expect(recorded.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(recorded.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(recorded.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1)).toBe(true);
    expect(files[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes nothing when run a second time", async () => {
    scratch = await createScratchDatabase("mig");
    await applyMigrations({ databaseUrl: scratch.url, migrationsDir: MIGRATIONS_DIR });
    const before = await rows(scratch.url);
    const second = await applyMigrations({ databaseUrl: scratch.url, migrationsDir: MIGRATIONS_DIR });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBe(before.length);
    expect(await rows(scratch.url)).toEqual(before);
  });

  it("applies each migration exactly once when two appliers start together", async () => {
    scratch = await createScratchDatabase("mig");
    const url = scratch.url;
    const [a, b] = await Promise.all([
      applyMigrations({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR }),
      applyMigrations({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR }),
    ]);
    const count = readMigrations(MIGRATIONS_DIR).length;
    expect(a.applied.length + b.applied.length).toBe(count);
    expect((await rows(url)).length).toBe(count);
  });

  it("applies a new migration after the earlier ones, in order", async () => {
    scratch = await createScratchDatabase("mig");
    const dir = copyOfMigrations();
    await applyMigrations({ databaseUrl: scratch.url, migrationsDir: dir });
    const later = path.join(dir, "99991231000000_add_probe");
    cpSync(path.join(dir, readdirSync(dir).find((d) => /^\d/.test(d))!), later, { recursive: true });
    writeFileSync(path.join(later, "migration.sql"), 'CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "Probe" VALUES (1);\n');
    const result = await applyMigrations({ databaseUrl: scratch.url, migrationsDir: dir });
    expect(result.applied).toEqual(["99991231000000_add_probe"]);
    expect((await rows(scratch.url)).at(-1)?.migration_name).toBe("99991231000000_add_probe");
  });

  it("refuses to run, changing nothing, when an applied migration's file was edited", async () => {
    scratch = await createScratchDatabase("mig");
    const dir = copyOfMigrations();
    await applyMigrations({ databaseUrl: scratch.url, migrationsDir: dir });
    const before = await rows(scratch.url);
    const first = readdirSync(dir).filter((d) => /^\d/.test(d)).sort()[0]!;
    appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited afterwards\n");
    const error = await applyMigrations({ databaseUrl: scratch.url, migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).code).toBe("CHECKSUM_MISMATCH");
    expect(await rows(scratch.url)).toEqual(before);
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    scratch = await createScratchDatabase("mig");
    const dir = copyOfMigrations();
    await applyMigrations({ databaseUrl: scratch.url, migrationsDir: dir });
    const broken = path.join(dir, "99991231000000_broken");
    cpSync(path.join(dir, readdirSync(dir).find((d) => /^\d/.test(d))!), broken, { recursive: true });
    writeFileSync(path.join(broken, "migration.sql"), 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";\n');
    await expect(applyMigrations({ databaseUrl: scratch.url, migrationsDir: dir })).rejects.toThrow();
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const half = await client.query(`SELECT to_regclass('"Half"')::text AS t`);
    await client.end();
    expect(half.rows[0].t).toBeNull();
    expect((await rows(scratch.url)).some((r) => r.migration_name === "99991231000000_broken")).toBe(false);
  });
});
