import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
// The embedded database runs one transaction at a time; PostgreSQL takes a normal pool.
process.env.DATABASE_POOL_MAX = inject("databaseKind") === "pglite" ? "4" : "10";

afterAll(async () => {
  await disconnectDb();
});
