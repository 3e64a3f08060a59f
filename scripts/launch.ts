// One entry point for running Loket: `npm run dev | start | db:migrate | db:seed`.
// Without DATABASE_URL it starts the embedded database (.data/pglite) first and stops it last,
// applies pending migrations, seeds a fresh embedded database, then runs Next.js.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EMBEDDED_PORT, startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

type Mode = "dev" | "start" | "migrate" | "seed";
const modes: Mode[] = ["dev", "start", "migrate", "seed"];
const mode = process.argv[2] as Mode;
if (!modes.includes(mode)) {
  console.error(`Usage: tsx scripts/launch.ts ${modes.join("|")}`);
  process.exit(1);
}

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, process.env.LOKET_DATA_DIR ?? ".data");
let embedded: EmbeddedDatabase | undefined;

function say(line: string) {
  console.log(`[loket] ${line}`);
}

async function shutdown(code: number): Promise<never> {
  if (embedded) {
    await embedded.stop().catch((error: unknown) => console.error("[loket] stopping the database:", error));
  }
  process.exit(code);
}

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  if (mode === "start" && !embedded) {
    console.error(
      "[loket] AUTH_SECRET is not set. In production it signs and encrypts sessions: set it to a long random value (e.g. `openssl rand -base64 32`).",
    );
    return shutdown(1);
  }
  // Development and the embedded demo: a secret kept beside the data, so sessions survive restarts.
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

async function main() {
  // Refuse a production start without a session key before touching any database.
  if (mode === "start" && process.env.DATABASE_URL && !process.env.AUTH_SECRET) await ensureAuthSecret();
  // The same for the key of the TOTP secrets, which would otherwise fail only at the first login.
  if (mode === "start" && process.env.DATABASE_URL && !process.env.TOTP_ENCRYPTION_KEY?.trim()) {
    console.error(
      "[loket] TOTP_ENCRYPTION_KEY is not set. In production it encrypts the authenticator secrets: set it to a long random value (e.g. `openssl rand -base64 32`); see README, Security.",
    );
    await shutdown(1);
  }
  if (!process.env.DATABASE_URL) {
    const started = Date.now();
    embedded = await startEmbeddedDatabase({
      dataDir: path.join(dataDir, "pglite"),
      port: Number(process.env.LOKET_DB_PORT ?? DEFAULT_EMBEDDED_PORT),
    });
    process.env.DATABASE_URL = embedded.url;
    // PGlite is one database session: its socket server keeps transactions apart but not the
    // messages of concurrent extended-protocol queries, so each process uses one connection and
    // the background work runs inside the web process (instrumentation.ts), not beside it.
    process.env.DATABASE_POOL_MAX = "1";
    process.env.LOKET_EMBEDDED = "1";
    say(`embedded database ready in ${Date.now() - started} ms (${path.relative(root, dataDir)}/pglite)`);
  }

  const migrations = await applyMigrations({
    databaseUrl: process.env.DATABASE_URL!,
    migrationsDir: path.join(root, "prisma", "migrations"),
    log: say,
  });
  say(`migrations: ${migrations.applied.length} applied, ${migrations.alreadyApplied.length} already there`);

  if (mode === "migrate") return shutdown(0);

  // The seed encrypts the demo staff's TOTP secret with the session key: the embedded demo's key
  // must exist before seeding, or the app could not read the secret it wrote.
  if (embedded) await ensureAuthSecret();
  if (mode === "seed" || embedded) {
    const { seedDatabase } = await import("../prisma/seed");
    const { disconnectDb } = await import("../lib/db/client");
    const force = process.argv.includes("--force");
    const outcome = await seedDatabase({ force, onlyIfEmpty: mode !== "seed", now: new Date() });
    await disconnectDb();
    if (outcome === "REFUSED") {
      console.error("[loket] The database has real users; refusing to seed. Use `npm run db:seed -- --force`.");
      return shutdown(1);
    }
    if (outcome === "SEEDED") say("demo data seeded (see README for the accounts)");
    if (mode === "seed") return shutdown(0);
  }

  await ensureAuthSecret();

  const port = process.env.PORT ?? "3000";
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  // This machine (and many production networks) reach no telemetry endpoint.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.env.LOKET_DATA_DIR = dataDir;
  if (mode === "dev") {
    // New client components may use new messages: cut the places' slices afresh.
    const { clientNamespaces, renderModule } = await import("./client-namespaces");
    const target = path.join(root, "i18n", "client-namespaces.ts");
    const fresh = renderModule(clientNamespaces(root));
    if (readFileSync(target, "utf8") !== fresh) writeFileSync(target, fresh);
  }
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, mode, "-p", port], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
}

main().catch(async (error: unknown) => {
  console.error("[loket]", error instanceof Error ? error.message : error);
  await shutdown(1);
});
