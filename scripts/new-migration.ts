// Writes a new migration offline: `npm run db:migration -- <name>`.
// Diffs the schema snapshot kept with the last migration against prisma/schema.prisma
// (datamodel to datamodel; Prisma's --from-migrations needs a shadow database we cannot run here).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

const rawName = process.argv[2];
if (!rawName) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(1);
}
const name = rawName.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");

mkdirSync(migrationsDir, { recursive: true });
const previous = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .at(-1);
const previousSnapshot = previous ? path.join(migrationsDir, previous, "schema.prisma") : null;
if (previousSnapshot && !existsSync(previousSnapshot)) {
  console.error(`Missing schema snapshot ${previousSnapshot}; cannot diff.`);
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const target = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(target);
const sqlPath = path.join(target, "migration.sql");
const from = previousSnapshot ? ["--from-schema-datamodel", previousSnapshot] : ["--from-empty"];
execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script", "--output", sqlPath],
  { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
);

const sql = readFileSync(sqlPath, "utf8");
if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""))) {
  rmSync(target, { recursive: true });
  console.log("The schema matches the last migration: nothing to write.");
  process.exit(0);
}
copyFileSync(schemaPath, path.join(target, "schema.prisma"));
writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`Wrote ${path.relative(root, sqlPath)}`);
