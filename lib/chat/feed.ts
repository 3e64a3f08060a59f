import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import type { LiveHub } from "@/lib/live/hub";
import { CHAT_QUEUE_TOPIC, chatTopic } from "@/lib/live/topics";
import { accessOf, MESSAGES_PER_READ, readChatUpdate, readConsole, type ChatUpdate } from "./queries";

/** What a feed emits: the shape lib/live/sse's send takes. */
export type FeedSend = (event: { id?: string; event?: string; data: unknown }) => void;

/**
 * Runs `read` one at a time: a call during a read causes exactly one more read afterwards.
 * Wakes from two topics (and a timer) may arrive at once; numbers must still go out once, in order.
 */
function serialised(read: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await read();
    } while (again);
    running = null;
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
}

/** Typing marks and the offer to leave a message change with time alone: re-read this often as well. */
const TICK_MS = 5_000;

interface ChatReader {
  viewer: SessionUser;
  /** The last message number this reader was sent. */
  cursor: number;
  lastState: string;
  send: FeedSend;
  gone: boolean;
}

function logFailedRead(chatId: string) {
  // A failed read (database restart) is retried by the next wake; the streams stay open.
  return (error: unknown) => console.error(`[live] read of chat ${chatId} failed`, error instanceof Error ? error.message : error);
}

/**
 * The live readers of one chat on one instance (its customer, its agent, a second tab): one
 * database read per change, fanned out to each by its own cursor, and access checked per reader on
 * the same row. Under a busy line that halves the reads, since both sides of a chat wake at once.
 */
class SharedChat {
  readonly readers = new Set<ChatReader>();
  readonly read: () => Promise<void>;
  private status: string | null = null;
  // Something shown changes with time alone: a waiting chat's offer and estimate, a typing mark.
  private timeSensitive = true;
  private readonly offs: (() => void)[];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    hub: LiveHub,
    private readonly chatId: string,
    private readonly clock: () => Date,
  ) {
    this.read = serialised(() => this.readOnce());
    const wake = () => void this.read().catch(logFailedRead(chatId));
    this.offs = [
      hub.subscribe(chatTopic(chatId), wake),
      // The queue moves only a waiting chat's position (before the first read the status is unknown).
      hub.subscribe(CHAT_QUEUE_TOPIC, () => (this.status === null || this.status === "WAITING" ? wake() : undefined)),
    ];
    // A quiet active chat has nothing that expires, so hundreds of open chats cost nothing between messages.
    this.timer = setInterval(() => (this.timeSensitive ? wake() : undefined), TICK_MS);
    this.timer.unref?.();
  }

  close(): void {
    clearInterval(this.timer);
    for (const off of this.offs) off();
  }

  private async readOnce(): Promise<void> {
    let more = true;
    while (more) {
      const readers = [...this.readers].filter((r) => !r.gone);
      if (readers.length === 0) return;
      const update = await readChatUpdate(this.chatId, Math.min(...readers.map((r) => r.cursor)), this.clock());
      this.status = update?.state.status ?? null;
      this.timeSensitive = update !== null && (update.state.status === "WAITING" || update.state.customerTyping || update.state.agentTyping);
      for (const reader of readers) deliver(reader, update);
      // A reader far behind (a reconnect after a long chat) catches up in pages.
      more = update !== null && update.messages.length === MESSAGES_PER_READ;
    }
  }
}

/** One reader's share of a read: its new messages by number, the state when it changed, or "gone". */
function deliver(reader: ChatReader, update: ChatUpdate | null): void {
  if (!update || !accessOf(reader.viewer, update.chat)) {
    // An agent who transferred the chat away stops receiving it.
    reader.gone = true;
    reader.send({ event: "gone", data: { error: "NOT_FOUND" } });
    return;
  }
  for (const message of update.messages) {
    if (message.seq <= reader.cursor) continue;
    reader.send({ id: String(message.seq), event: "message", data: message });
    reader.cursor = message.seq;
  }
  const key = JSON.stringify(update.state);
  if (key !== reader.lastState) {
    reader.lastState = key;
    reader.send({ event: "state", data: update.state });
  }
}

const sharedChats = new WeakMap<LiveHub, Map<string, SharedChat>>();

/**
 * The reader behind GET /api/chat/[id]/stream, until `signal` aborts: messages after `after`
 * (each once, by number), then the state whenever it differs from the last one sent. Readers of
 * the same chat on the same hub share their reads (SharedChat).
 */
export async function followChat(hub: LiveHub, input: { viewer: SessionUser; chatId: string; after: number; send: FeedSend; now?: () => Date }, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  let chats = sharedChats.get(hub);
  if (!chats) sharedChats.set(hub, (chats = new Map()));
  let shared = chats.get(input.chatId);
  if (!shared) chats.set(input.chatId, (shared = new SharedChat(hub, input.chatId, input.now ?? (() => new Date()))));
  const reader: ChatReader = { viewer: input.viewer, cursor: input.after, lastState: "", send: input.send, gone: false };
  shared.readers.add(reader);
  try {
    // The newcomer's first read; the others get nothing new from it.
    await shared.read().catch(logFailedRead(input.chatId));
    await new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
  } finally {
    shared.readers.delete(reader);
    if (shared.readers.size === 0 && chats.get(input.chatId) === shared) {
      shared.close();
      chats.delete(input.chatId);
    }
  }
}

/** The reader behind GET /api/chat/console/stream: the whole console on every change. */
export function consoleFeed(input: { viewer: SessionUser; send: FeedSend; now?: () => Date }) {
  const clock = input.now ?? (() => new Date());
  let last = "";
  const read = serialised(async () => {
    const view = await readConsole(input.viewer, clock());
    // waitingSec moves every second; the page counts it up itself, so only a change of who waits or whose chats counts.
    const key = JSON.stringify({ ...view, waiting: view.waiting.map((w) => [w.id, w.requesterName, w.topic, w.isPartner, w.organisationName]) });
    if (key === last) return;
    last = key;
    input.send({ event: "console", data: view });
  });
  return { read };
}

/** The resume cursor from Last-Event-ID / ?after=: a message number, 0 when absent or malformed. */
export function cursorFrom(value: string | null | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** EventSource asks for text/event-stream; any other client gets the current view once, as JSON. */
export function wantsEventStream(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/event-stream");
}
