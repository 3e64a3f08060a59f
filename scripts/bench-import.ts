// npm run bench:import [-- --rows=100000] [-- --keep]
// Generates a beneficiaries CSV (the shape a benefit administration exports) and runs it through
// the import runner twice in a throwaway PostgreSQL database: a dry run, then a real run, then the
// same file again (everything unchanged). Prints rows/s and seconds for each.
// Server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://loket:loket@127.0.0.1:5432/postgres.
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";

const args = process.argv.slice(2);
const ROWS = Number(args.find((a) => a.startsWith("--rows="))?.slice(7) ?? 100_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://loket:loket@127.0.0.1:5432/postgres";

const STREETS = ["Dorpsstraat", "Kerkweg", "Molenlaan", "Stationsplein", "Oude Gracht", "Schoolstraat"];
// Postal-code letters without S (SA, SD and SS are not used in Dutch postal codes).
const LETTERS = "ABCDEFGHJKLMNPRTVWXZ";
const CITIES = ["Utrecht", "Zeist", "Amersfoort", "Groningen", "Den Haag", "Nijmegen"];

function csv(rows: number): string {
  const lines = ["\uFEFFklantnummer;naam;e-mail;telefoon;straat;postcode;plaats;taal"];
  for (let i = 1; i <= rows; i += 1) {
    const letters = `${LETTERS[i % LETTERS.length]}${LETTERS[(i * 7) % LETTERS.length]}`;
    lines.push(
      [
        `B-${String(i).padStart(7, "0")}`,
        `"Deelnemer ${i}, de Vries"`,
        `deelnemer${i}@bench.example`,
        i % 3 === 0 ? "" : `06${String(10_000_000 + i).slice(-8)}`,
        `${STREETS[i % STREETS.length]} ${1 + (i % 250)}`,
        `${1000 + (i % 9000)} ${letters}`,
        CITIES[i % CITIES.length],
        i % 10 === 0 ? "en" : "nl",
      ].join(";"),
    );
  }
  return lines.join("\r\n");
}

async function main() {
  const name = `loket_bench_import_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  console.log(`bench:import — ${ROWS.toLocaleString("en")} beneficiary lines in ${name}`);
  try {
    await applyMigrations({ databaseUrl, migrationsDir: path.resolve(import.meta.dirname, "..", "prisma", "migrations") });
    // Prisma is loaded after DATABASE_URL points at the bench database.
    process.env.DATABASE_URL = databaseUrl;
    const { db, disconnectDb } = await import("@/lib/db/client");
    const { runImportJobs } = await import("@/lib/import/runner");
    const owner = await db.user.create({ data: { email: "admin@bench.example", name: "Bench Admin", role: "ADMIN", passwordHash: "x" } });
    const content = csv(ROWS);
    console.log(`  file: ${(Buffer.byteLength(content) / 1024 / 1024).toFixed(1)} MB`);

    const rows: [string, number, string][] = [];
    for (const [label, dryRun] of [["dry run", true], ["real run", false], ["same file again", false]] as const) {
      const job = await db.importJob.create({ data: { kind: "BENEFICIARIES", dryRun, fileName: "bench.csv", content, createdById: owner.id } });
      const start = performance.now();
      const report = await runImportJobs(db, new Date());
      const seconds = (performance.now() - start) / 1000;
      const done = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
      if (report.done !== 1 || done.status !== "DONE" || done.processedRows !== ROWS) throw new Error(`${label}: ${done.status}, ${done.processedRows} rows, error ${done.error}`);
      const counts = `created ${done.createdCount}, updated ${done.updatedCount}, unchanged ${done.unchangedCount}, problems ${done.problemCount}`;
      rows.push([label, seconds, counts]);
      console.log(`  ${label.padEnd(16)} ${seconds.toFixed(1).padStart(6)} s  ${Math.round(ROWS / seconds).toLocaleString("en").padStart(8)} rows/s  (${counts})`);
    }
    const users = await db.user.count({ where: { role: "BENEFICIARY" } });
    console.log(`  beneficiaries in the database: ${users.toLocaleString("en")}`);
    await disconnectDb();
  } finally {
    if (!args.includes("--keep")) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
