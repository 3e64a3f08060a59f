import { availableParallelism } from "node:os";

/**
 * How many integration test files run at once. Each worker gets a database of its own
 * (tests/integration/global-setup.ts), so one worker's files run one after another on it, as they
 * did when a run shared one database. LOKET_TEST_WORKERS overrides; by default one per core, at most 2.
 */
export function integrationWorkers(): number {
  const configured = Number(process.env.LOKET_TEST_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(1, Math.min(2, availableParallelism()));
}
