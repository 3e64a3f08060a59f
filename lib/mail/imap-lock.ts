import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { type ImapConfig } from "./imap-config";

// First key of the two-key advisory lock: "IMAP mailbox" (the sweeps use 72617xxx single keys).
const IMAP_LOCK_CLASS = 72_617_100;

/** One lock per mailbox, so pollers of different mailboxes do not wait for each other. */
export function imapLockKey(config: Pick<ImapConfig, "host" | "port" | "user" | "mailbox">): [number, number] {
  const digest = createHash("sha256").update(`${config.host.toLowerCase()}:${config.port}/${config.user}/${config.mailbox}`).digest();
  return [IMAP_LOCK_CLASS, digest.readInt32BE(0)];
}

/**
 * Runs `work` only if no other process is polling the same mailbox: a session advisory lock on a
 * connection of its own, released when the work ends or the connection drops with a crash.
 * De-duplication by Message-ID would keep the tickets right without it, but two pollers would
 * download every mail twice and write the same raw file at the same time.
 */
export async function withMailboxLock<T>(
  key: [number, number],
  databaseUrl: string | undefined,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  // The embedded database is one session in one process (see lib/sweeps/lock.ts).
  if (process.env.LOKET_EMBEDDED === "1" || !databaseUrl) return { ran: true, result: await work() };
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on("error", () => undefined); // a dropped connection releases the lock; the poll reports it
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", key);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, $2)", key).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
