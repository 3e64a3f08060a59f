import "server-only";
import pg from "pg";

const SWEEP_LOCK_BASE = 72_617_000;
// Each sweep its own key, so two different sweeps never skip each other; a name without a key does not compile.
const KEYS = { sla: 1, autoClose: 2, surveys: 3, reminders: 4, rateLimits: 5, loginRecords: 6, preAnnouncements: 18, retention: 19, complaintsDue: 20, chats: 41, idempotencyKeys: 42, kpiRollup: 43 } as const;
export type SweepName = keyof typeof KEYS;

/**
 * Runs `work` only if no other process is running the same sweep: a session advisory lock on a
 * connection of its own, released when the work ends (or the connection drops with a crash).
 */
export async function withSweepLock<T>(name: SweepName, work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  // The embedded database is one session shared by one process: a lock would always be granted,
  // and a second connection is what it must not have (see scripts/launch.ts).
  if (process.env.LOKET_EMBEDDED === "1") return { ran: true, result: await work() };
  const key = SWEEP_LOCK_BASE + KEYS[name];
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [key]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [key]);
    }
  } finally {
    await client.end();
  }
}
