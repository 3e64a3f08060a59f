import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { createScratchDatabase, MIGRATIONS_DIR } from "../support/database";
import { integrationWorkers } from "../support/workers";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrls: string[];
    databaseKind: "postgres" | "pglite";
    /** Where this run's test files share the demo seed's snapshots (tests/support/fixtures.ts). */
    seedCacheDir: string;
  }
}

export default async function setup(project: TestProject) {
  const workers = integrationWorkers();
  const databases = await Promise.all(
    Array.from({ length: workers }, (_, index) => createScratchDatabase(`it${index}`, { ownProcess: workers > 1 })),
  );
  await Promise.all(databases.map((database) => applyMigrations({ databaseUrl: database.url, migrationsDir: MIGRATIONS_DIR })));
  project.provide("databaseUrls", databases.map((database) => database.url));
  project.provide("databaseKind", databases[0]!.kind);
  const seedCacheDir = await mkdtemp(join(tmpdir(), "loket-seed-"));
  project.provide("seedCacheDir", seedCacheDir);
  console.log(`[integration] ${workers} database(s): ${databases[0]!.kind}`);
  return async () => {
    await Promise.all(databases.map((database) => database.drop()));
    await rm(seedCacheDir, { recursive: true, force: true });
  };
}
