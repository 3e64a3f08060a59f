import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
// The embedded database is one session: one connection, as the launcher does (scripts/launch.ts).
const embedded = inject("databaseKind") === "pglite";
process.env.DATABASE_POOL_MAX = embedded ? "1" : "10";
if (embedded) process.env.LOKET_EMBEDDED = "1";

afterAll(async () => {
  await disconnectDb();
});
