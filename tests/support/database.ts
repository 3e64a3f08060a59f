// A throwaway database for a test run: a fresh PostgreSQL database when TEST_DATABASE_URL points
// at a server (CI does this), otherwise an in-memory PGlite served on a free loopback port.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");

export interface ScratchDatabase {
  url: string;
  kind: "postgres" | "pglite";
  drop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * @param options.ownProcess serve an embedded database from a child process (several test workers
 *   each get one; in one process they would share a thread)
 */
export async function createScratchDatabase(label: string, options: { ownProcess?: boolean } = {}): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `loket_${label}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`.toLowerCase();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: "postgres",
      async drop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  if (options.ownProcess) return embeddedInChildProcess();
  const embedded = await startEmbeddedDatabase({ port: await freePort() });
  return { url: embedded.url, kind: "pglite", drop: () => embedded.stop() };
}

async function embeddedInChildProcess(): Promise<ScratchDatabase> {
  const script = path.resolve(import.meta.dirname, "embedded-process.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, EMBEDDED_PORT: String(await freePort()) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (line.startsWith("ready ")) resolve(line.slice("ready ".length));
    });
    child.once("exit", (code) => reject(new Error(`the embedded database process ended (${code}) before it served`)));
  });
  return {
    url,
    kind: "pglite",
    drop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
