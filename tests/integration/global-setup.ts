import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { createScratchDatabase, MIGRATIONS_DIR } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "pglite";
  }
}

export default async function setup(project: TestProject) {
  const database = await createScratchDatabase("it");
  await applyMigrations({ databaseUrl: database.url, migrationsDir: MIGRATIONS_DIR });
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  console.log(`[integration] database: ${database.kind}`);
  return () => database.drop();
}
