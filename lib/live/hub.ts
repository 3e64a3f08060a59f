// One hub per process turns PostgreSQL notifications into wakes for the streams this instance
// serves. Two instances behind a load balancer each LISTEN, so a change committed through either
// wakes readers on both; readers then re-read the database from their own cursor.
//
// The embedded database (PGlite behind pglite-socket) runs every connection in one backend and
// hands a notification only to the connection that sent it, so LISTEN never hears another's
// NOTIFY there. The hub finds that out at start (a probe NOTIFY from a second connection must
// arrive) and then compares LiveTopic versions of the topics it serves every `pollMs` instead.
// Same wakes, same readers; only the latency differs (at most one poll interval).
import pg from "pg";
import { LIVE_CHANNEL, parseLivePayload } from "./channel";

export type LiveMode = "starting" | "notify" | "poll";

export interface LiveHub {
  readonly mode: LiveMode;
  /** Calls `onChange` after every committed change of `topic` (and once after a reconnect). */
  subscribe(topic: string, onChange: () => void): () => void;
  close(): Promise<void>;
}

export interface LiveHubOptions {
  connectionString: string;
  pollMs?: number;
  /** How long the start-up probe waits for its own notification. */
  probeMs?: number;
}

const PROBE_PREFIX = "__probe__";

class PgLiveHub implements LiveHub {
  mode: LiveMode = "starting";
  private readonly listeners = new Map<string, Set<() => void>>();
  // Poll mode: the last version seen per topic; a topic seen for the first time wakes once.
  private readonly versions = new Map<string, bigint>();
  private client: pg.Client | null = null;
  private started: Promise<void> | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private polling = false;
  private closed = false;
  private retryMs = 250;

  constructor(private readonly options: LiveHubOptions) {}

  subscribe(topic: string, onChange: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(onChange);
    void this.start();
    return () => {
      const current = this.listeners.get(topic);
      if (!current) return;
      current.delete(onChange);
      if (current.size === 0) {
        this.listeners.delete(topic);
        this.versions.delete(topic);
      }
    };
  }

  /** Connects once; later calls share the same attempt. */
  start(): Promise<void> {
    this.started ??= this.connect().catch((error: unknown) => {
      this.started = null;
      this.scheduleReconnect(error);
    });
    return this.started;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.options.connectionString });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await this.listen(client);
    } catch (error) {
      if (this.client === client) this.client = null;
      client.removeAllListeners();
      client.on("error", () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private async listen(client: pg.Client): Promise<void> {
    await client.connect();
    const heard = new Set<string>();
    client.on("notification", (message) => {
      if (message.payload?.startsWith(PROBE_PREFIX)) {
        heard.add(message.payload);
        return;
      }
      const parsed = parseLivePayload(message.payload);
      if (parsed) this.wake(parsed.topic);
    });
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.client = client;
    const firstConnect = this.mode === "starting";
    this.mode = (await this.probe(heard)) ? "notify" : "poll";
    if (firstConnect) console.info(`[live] ${this.mode === "notify" ? "LISTEN/NOTIFY" : `polling LiveTopic every ${this.pollMs} ms (notifications do not cross connections on this database)`}`);
    if (this.mode === "poll") this.startPolling();
    this.retryMs = 250;
    // Whatever changed before we listened (or while we were not): every reader re-reads once.
    for (const topic of [...this.listeners.keys()]) this.wake(topic);
  }

  /** A NOTIFY sent from a second connection must reach the listening one. */
  private async probe(heard: Set<string>): Promise<boolean> {
    const token = `${PROBE_PREFIX}${process.pid}-${Math.random().toString(36).slice(2)}`;
    const sender = new pg.Client({ connectionString: this.options.connectionString });
    try {
      await sender.connect();
      await sender.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, token]);
    } finally {
      await sender.end().catch(() => undefined);
    }
    const deadline = Date.now() + (this.options.probeMs ?? 1_000);
    while (!heard.has(token) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return heard.has(token);
  }

  private get pollMs(): number {
    return this.options.pollMs ?? 250;
  }

  private startPolling(): void {
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => void this.poll(), this.pollMs);
    this.pollTimer.unref?.();
  }

  private async poll(): Promise<void> {
    const client = this.client;
    if (this.polling || !client || this.listeners.size === 0) return;
    this.polling = true;
    try {
      const topics = [...this.listeners.keys()];
      const { rows } = await client.query<{ topic: string; version: string }>(
        `SELECT "topic", "version"::text AS "version" FROM "LiveTopic" WHERE "topic" = ANY($1::text[])`,
        [topics],
      );
      const found = new Map(rows.map((row) => [row.topic, BigInt(row.version)]));
      for (const topic of topics) {
        const version = found.get(topic) ?? 0n;
        const seen = this.versions.get(topic);
        if (seen === version) continue;
        this.versions.set(topic, version);
        this.wake(topic);
      }
    } catch (error) {
      this.lost(client, error);
    } finally {
      this.polling = false;
    }
  }

  private wake(topic: string): void {
    for (const listener of [...(this.listeners.get(topic) ?? [])]) {
      try {
        listener();
      } catch (error) {
        console.error("[live] a subscriber failed", error instanceof Error ? error.message : error);
      }
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.started = null;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    client.removeAllListeners("notification");
    void client.end().catch(() => undefined);
    this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: unknown): void {
    if (this.closed) return;
    console.error(`[live] connection lost, retrying in ${this.retryMs} ms:`, error instanceof Error ? error.message : error);
    const timer = setTimeout(() => void this.start(), this.retryMs);
    timer.unref?.();
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    const client = this.client;
    this.client = null;
    this.listeners.clear();
    if (client) {
      client.removeAllListeners();
      client.on("error", () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}

/** A hub of its own (tests start two to play two app instances); resolves once it listens. */
export async function createLiveHub(options: LiveHubOptions): Promise<LiveHub> {
  const hub = new PgLiveHub(options);
  await hub.start();
  if (hub.mode === "starting") throw new Error("live hub could not connect");
  return hub;
}

const holder = globalThis as typeof globalThis & { __loketLiveHub?: PgLiveHub };

/** This process's hub, connected on first subscription (importing it opens nothing). */
export function getLiveHub(): LiveHub {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  holder.__loketLiveHub ??= new PgLiveHub({ connectionString: url, pollMs: Number(process.env.LOKET_LIVE_POLL_MS ?? 250) });
  return holder.__loketLiveHub;
}
