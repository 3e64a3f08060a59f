// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) persisted on disk and served
// over the PostgreSQL wire protocol on loopback, so the app talks to it exactly as to PostgreSQL.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export const DEFAULT_EMBEDDED_PORT = 54329;

/** dataDir undefined keeps the database in memory (tests). */
export async function startEmbeddedDatabase(options: {
  dataDir?: string;
  port?: number;
}): Promise<EmbeddedDatabase> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // pg_trgm: the queue's search indexes (prisma/migrations/*_queue_search_trigrams).
  const pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const server = new PGLiteSocketServer({ db: pglite, port, host: "127.0.0.1", maxConnections: 100 });
  try {
    await server.start();
  } catch (error) {
    await pglite.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new Error(
        `Port ${port} is in use: is another Loket running? Stop it, or set LOKET_DB_PORT to another port.`,
      );
    }
    throw error;
  }
  let stopped = false;
  return {
    url: `postgresql://loket@127.0.0.1:${port}/loket?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await pglite.close();
    },
  };
}
