import { availableParallelism } from "node:os";

// The e2e run starts one app server per Playwright worker, each on its own freshly seeded embedded
// database, so two workers never see each other's changes. Worker n talks to server n: the config
// and the specs are loaded inside each worker, where Playwright sets TEST_PARALLEL_INDEX.

/**
 * Workers, and so servers: E2E_WORKERS (at most one per core), 1 by default. Two workers ran the
 * whole suite, but with failures on a machine at load 14 that are not yet told apart from load.
 */
export const E2E_WORKERS = (() => {
  const configured = Number(process.env.E2E_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, availableParallelism());
  return 1;
})();

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_DB_PORT = Number(process.env.E2E_DB_PORT ?? 54339);
// Far enough apart that parallel runs with neighbouring base ports (3110, 3120, ...) do not meet.
const STRIDE = 50;

export interface E2eServer {
  index: number;
  port: number;
  dbPort: number;
  baseURL: string;
  /** The server's data folder (uploads, the embedded database's files). */
  dataDir: string;
  /** A direct connection to the server's database, to arrange data or read what was written. */
  databaseUrl: string;
}

export function e2eServer(index = Number(process.env.TEST_PARALLEL_INDEX ?? 0)): E2eServer {
  const slot = index % E2E_WORKERS;
  const port = BASE_PORT + slot * STRIDE;
  const dbPort = BASE_DB_PORT + slot * STRIDE;
  return {
    index: slot,
    port,
    dbPort,
    baseURL: `http://localhost:${port}`,
    dataDir: `.data/e2e-${port}`,
    databaseUrl: `postgresql://loket@127.0.0.1:${dbPort}/loket?sslmode=disable`,
  };
}

export function allE2eServers(): E2eServer[] {
  return Array.from({ length: E2E_WORKERS }, (_, index) => e2eServer(index));
}
