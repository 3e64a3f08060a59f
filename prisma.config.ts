// Prisma CLI configuration. The JavaScript schema engine ("js") runs on WebAssembly, so
// `prisma generate` and `prisma migrate diff` work offline; it needs a driver adapter, and an
// in-memory PGlite is enough because the CLI never touches the app's database here (migrations
// are applied by scripts/migrate.ts).
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// `generate` resolves env("DATABASE_URL") from the schema; without a value it would fall back to
// downloading a native engine. The URL only has to parse: the default is the embedded database's.
process.env.DATABASE_URL ??= "postgresql://loket@127.0.0.1:54329/loket";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; the runtime
  // contract is the same (checked: generate and migrate diff run through it).
  adapter: async () => new PrismaPGlite(new PGlite()) as never,
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
