import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";

// Each worker has its database (global-setup.ts); VITEST_POOL_ID runs from 1 to the worker count.
const urls = inject("databaseUrls");
const poolId = Number(process.env.VITEST_POOL_ID ?? 1);
process.env.DATABASE_URL = urls[(poolId - 1) % urls.length];
// The embedded database is one session: one connection, as the launcher does (scripts/launch.ts).
const embedded = inject("databaseKind") === "pglite";
process.env.DATABASE_POOL_MAX = embedded ? "1" : "10";
if (embedded) process.env.LOKET_EMBEDDED = "1";

afterAll(async () => {
  await disconnectDb();
});
