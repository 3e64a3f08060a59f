import "server-only";
import { ImapFlow } from "imapflow";
import { verdictFromAuthResults } from "./auth-results";
import { arrivalTime, describeMailbox, reconnectDelayMs, type ImapConfig } from "./imap-config";
import { imapLockKey, withMailboxLock } from "./imap-lock";
import { receiveInbound, type InboundDeps } from "./ingest";
import { DEFAULT_MAX_MAIL_BYTES } from "./smtp-listener";

export interface PollResult {
  /** False when another process held this mailbox's lock, so this poll did nothing. */
  ran: boolean;
  stored: number;
  duplicates: number;
  tooLarge: number;
  /** Mails left unseen because storing them failed (database or disk down): tried next poll. */
  failed: number;
  error: string | null;
}

export interface ImapPoller {
  /** Runs one poll after any poll in progress; concurrent calls before it starts share it. */
  pollNow(): Promise<PollResult>;
  stop(): Promise<void>;
}

// Bounds one poll (and so the time the mailbox lock is held); a fuller mailbox polls again at once.
const BATCH = 100;
// Stop a poll after this many mails in a row could not be stored: the database is likely down.
const MAX_FAILURES_IN_A_ROW = 3;

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message.slice(0, 160)}` : "error");
// A failed insert's message can quote the row (sender, subject): name and code only.
const errorName = (error: unknown) => (error instanceof Error ? `${error.name}${"code" in error && error.code ? ` ${String(error.code)}` : ""}` : "error");

/**
 * The IMAP door for incoming mail. A mail is handled exactly as the SMTP intake does (raw mail
 * stored first, then the ticket) and only then marked \Seen; the poller takes UNSEEN mail. \Seen
 * rather than a move to a "processed" folder: it works on every server (no MOVE extension, no
 * right to create folders needed) and leaves the mail where the organisation's retention
 * expects it. The price: the mailbox must be Loket's own, because a person reading an unseen
 * mail in a mail client marks it \Seen before Loket takes it.
 * New mail is noticed by IDLE (imapflow idles when the connection is quiet, NOOP where the
 * server lacks IDLE) and by a poll every `pollSeconds`, which also retries after an outage.
 */
export function startImapPoller(options: {
  config: ImapConfig;
  deps: InboundDeps;
  maxBytes?: number;
  now?: () => Date;
  log?: (line: string) => void;
  /** Where the mailbox lock is taken (the advisory lock needs a connection of its own). */
  databaseUrl?: string;
  /** Start polling in the background (the runtime); tests drive pollNow() themselves. */
  background?: boolean;
  /**
   * The authserv-id of the receiving mail server whose Authentication-Results header is trusted
   * (MAIL_AUTHSERV_ID, e.g. "mx.example.org"). Unset: no header is trusted and every polled mail
   * counts as sender not verified (NONE) until staff confirm it.
   */
  authservId?: string | null;
}): ImapPoller {
  const { config, deps } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(`[imap] ${line}`));
  const lockKey = imapLockKey(config);
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const background = options.background ?? true;
  const authservId = options.authservId === undefined ? (process.env.MAIL_AUTHSERV_ID ?? null) : options.authservId;

  let stopped = false;
  let client: ImapFlow | null = null;
  let connecting: Promise<ImapFlow> | null = null;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;

  function connect(): Promise<ImapFlow> {
    if (client?.usable) return Promise.resolve(client);
    connecting ??= (async () => {
      const candidate = new ImapFlow({
        host: config.host,
        port: config.port,
        secure: config.secure,
        // imap:// is plain text on loopback only; elsewhere STARTTLS or no connection.
        doSTARTTLS: config.secure ? undefined : config.requireStartTls,
        auth: { user: config.user, pass: config.password },
        logger: false, // its debug log would carry addresses and commands
        connectionTimeout: 30_000,
        // IDLE soon after a poll (never during one: the mailbox lock is held), so new mail is seen at once.
        autoIdleDelay: 1_000,
      });
      candidate.on("error", (error: unknown) => log(`connection error: ${errorText(error)}`));
      candidate.on("exists", () => {
        if (background) void pollNow();
      });
      candidate.on("close", () => {
        if (client !== candidate) return;
        client = null;
        if (!stopped) {
          log("connection closed");
          scheduleReconnect();
        }
      });
      try {
        await candidate.connect();
        await candidate.mailboxOpen(config.mailbox);
      } catch (error) {
        candidate.close();
        throw error;
      }
      if (stopped) {
        candidate.close();
        throw new Error("IMAP poller stopped");
      }
      client = candidate;
      failures = 0;
      return candidate;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  function scheduleReconnect() {
    if (stopped || !background || reconnectTimer) return;
    failures += 1;
    const delay = reconnectDelayMs(failures);
    log(`reconnecting in ${Math.round(delay / 1000)} s`);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect().then(
        () => {
          log(`connected to ${describeMailbox(config)}`);
          void pollNow();
        },
        (error: unknown) => {
          log(`could not connect: ${errorText(error)}`);
          scheduleReconnect();
        },
      );
    }, delay);
  }

  /** Takes up to BATCH unseen mails, oldest first so a question is stored before its reply. */
  async function drain(connection: ImapFlow): Promise<PollResult & { more: boolean }> {
    const result = { ran: true, stored: 0, duplicates: 0, tooLarge: 0, failed: 0, error: null, more: false };
    const lock = await connection.getMailboxLock(config.mailbox);
    try {
      // A selected mailbox learns of mail appended elsewhere only at a sync point: NOOP is one.
      await connection.noop();
      const unseen = ((await connection.search({ seen: false }, { uid: true })) || []).sort((a, b) => a - b);
      const batch = unseen.slice(0, BATCH);
      result.more = unseen.length > BATCH;
      if (batch.length === 0) return result;
      // RFC822.SIZE first, so an oversized mail is never downloaded.
      const sizes = new Map((await connection.fetchAll(batch, { uid: true, size: true }, { uid: true })).map((m) => [m.uid, m.size ?? 0]));
      const refuse = async (uid: number, size: number) => {
        // Nobody to answer 552 to: flag it for a person, and take it out of the unseen queue.
        await connection.messageFlagsAdd([uid], ["\\Flagged", "\\Seen"], { uid: true });
        log(`uid ${uid}: ${size} bytes, over the ${maxBytes}-byte limit; left in the mailbox, flagged`);
        result.tooLarge += 1;
      };
      let inARow = 0;
      for (const uid of batch) {
        if (stopped) break;
        if (!sizes.has(uid)) continue; // expunged meanwhile
        const size = sizes.get(uid)!;
        if (size > maxBytes) {
          await refuse(uid, size);
          continue;
        }
        const message = await connection.fetchOne(String(uid), { uid: true, source: true, internalDate: true }, { uid: true });
        if (!message || !message.source) continue;
        if (message.source.length > maxBytes) {
          await refuse(uid, message.source.length); // the server under-reported the size
          continue;
        }
        let stored: { id: string; duplicate: boolean };
        try {
          const auth = verdictFromAuthResults(message.source, authservId);
          stored = await receiveInbound(deps, message.source, arrivalTime(message.internalDate, now()), log, auth);
        } catch (error) {
          result.failed += 1;
          log(`uid ${uid}: could not store, stays unseen for the next poll (${errorName(error)})`);
          if (++inARow >= MAX_FAILURES_IN_A_ROW) break;
          continue;
        }
        inARow = 0;
        // Only now is the mail safe; a crash before this line fetches it again, and its
        // Message-ID makes the second copy a duplicate.
        await connection.messageFlagsAdd([uid], ["\\Seen"], { uid: true });
        if (stored.duplicate) result.duplicates += 1;
        else result.stored += 1;
      }
      return result;
    } finally {
      lock.release();
    }
  }

  async function runPoll(): Promise<PollResult> {
    const empty: PollResult = { ran: false, stored: 0, duplicates: 0, tooLarge: 0, failed: 0, error: null };
    if (stopped) return empty;
    let connection: ImapFlow;
    try {
      connection = await connect();
    } catch (error) {
      scheduleReconnect();
      return { ...empty, error: `could not connect: ${errorText(error)}` };
    }
    try {
      const locked = await withMailboxLock(lockKey, databaseUrl, () => drain(connection));
      if (!locked.ran) return empty;
      const { more, ...result } = locked.result;
      if (result.stored || result.duplicates || result.tooLarge || result.failed) {
        log(`${result.stored} stored, ${result.duplicates} already stored, ${result.tooLarge} too large, ${result.failed} left for later`);
      }
      if (more && background && result.failed === 0) void pollNow();
      return result;
    } catch (error) {
      const text = errorText(error);
      log(`poll failed, unseen mail waits for the next one: ${text}`);
      return { ...empty, error: text };
    }
  }

  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<PollResult> | null = null;
  function pollNow(): Promise<PollResult> {
    if (queued) return queued;
    const next = tail.then(() => {
      queued = null;
      return runPoll();
    });
    queued = next;
    tail = next.catch(() => undefined);
    return next;
  }

  const timer = background ? setInterval(() => void pollNow(), config.pollSeconds * 1000) : null;
  if (background) {
    log(`polling ${describeMailbox(config)} (IDLE, and every ${config.pollSeconds} s)`);
    void pollNow();
  }

  return {
    pollNow,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await tail; // a poll in progress finishes its current mail (it checks `stopped` between mails)
      await connecting?.catch(() => undefined);
      const open = client;
      client = null;
      if (open) {
        const timeout = new Promise((resolve) => setTimeout(resolve, 2_000).unref());
        await Promise.race([open.logout().catch(() => undefined), timeout]);
        open.close();
      }
    },
  };
}
