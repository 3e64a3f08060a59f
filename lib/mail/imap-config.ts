// Settings of the optional IMAP poller, read from IMAP_URL and IMAP_POLL_SECONDS. Pure: no I/O.

export interface ImapConfig {
  host: string;
  port: number;
  /** TLS from the first byte (imaps://). */
  secure: boolean;
  /** imap:// to another host must upgrade with STARTTLS: credentials never cross the wire in clear. */
  requireStartTls: boolean;
  user: string;
  password: string;
  mailbox: string;
  pollSeconds: number;
}

export const DEFAULT_POLL_SECONDS = 60;

export class ImapConfigError extends Error {}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * `imaps://user:pass@host:993/INBOX` (TLS) or `imap://user:pass@host:143/INBOX` (STARTTLS, or plain
 * text on loopback only). User and password are URL-encoded; the mailbox defaults to INBOX.
 */
export function parseImapUrl(value: string, pollSeconds: string | undefined = undefined): ImapConfig {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ImapConfigError("IMAP_URL is not a URL (expected imaps://user:pass@host:993/INBOX)");
  }
  if (url.protocol !== "imaps:" && url.protocol !== "imap:") throw new ImapConfigError("IMAP_URL must start with imaps:// or imap://");
  if (!url.hostname) throw new ImapConfigError("IMAP_URL has no host");
  if (!url.username) throw new ImapConfigError("IMAP_URL has no user name");
  const secure = url.protocol === "imaps:";
  const seconds = pollSeconds === undefined || pollSeconds === "" ? DEFAULT_POLL_SECONDS : Number(pollSeconds);
  if (!Number.isFinite(seconds) || seconds < 1) throw new ImapConfigError("IMAP_POLL_SECONDS must be a number of seconds, 1 or more");
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    requireStartTls: !secure && !isLoopback(url.hostname),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    mailbox: decodeURIComponent(url.pathname.replace(/^\//, "")) || "INBOX",
    pollSeconds: seconds,
  };
}

/** What logs may show of the mailbox: never the password. */
export function describeMailbox(config: ImapConfig): string {
  return `${config.secure ? "imaps" : "imap"}://${config.user}@${config.host}:${config.port}/${config.mailbox}`;
}

/** Reconnection backoff: 1 s, 2 s, 4 s, ... capped at 5 minutes. `failures` counts failed attempts. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, failures - 1), 300_000);
}

/**
 * When a polled mail counts as received: the server's arrival time (INTERNALDATE), so a mail that
 * waited in the mailbox through an outage still starts its clock when it arrived; never later
 * than now (a server clock ahead of ours) and the poll time when the server gives none.
 */
export function arrivalTime(internalDate: Date | string | undefined, now: Date): Date {
  const at = internalDate === undefined ? null : new Date(internalDate);
  return at && Number.isFinite(at.getTime()) && at.getTime() <= now.getTime() ? at : now;
}
