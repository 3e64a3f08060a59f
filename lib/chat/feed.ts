import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { readChatFeed, readConsole } from "./queries";

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

/**
 * The reader behind GET /api/chat/[id]/stream: messages after the cursor (each once, by number),
 * then the state whenever it differs from the last one sent, all from one read of the chat. Access
 * is checked on every read, so an agent who transferred the chat away stops receiving it.
 */
export function chatFeed(input: { viewer: SessionUser; chatId: string; after: number; send: FeedSend; now?: () => Date }) {
  let cursor = input.after;
  let lastState = "";
  let closed = false;
  let status: string | null = null;
  // Something shown changes with time alone: a waiting chat's offer and estimate, a typing mark.
  let timeSensitive = true;
  const clock = input.now ?? (() => new Date());
  const read = serialised(async () => {
    if (closed) return;
    const feed = await readChatFeed(input.viewer, input.chatId, cursor, clock());
    if (!feed) {
      closed = true;
      input.send({ event: "gone", data: { error: "NOT_FOUND" } });
      return;
    }
    for (const message of feed.messages) {
      input.send({ id: String(message.seq), event: "message", data: message });
      cursor = message.seq;
    }
    const state = feed.state;
    status = state.status;
    timeSensitive = state.status === "WAITING" || state.customerTyping || state.agentTyping;
    const key = JSON.stringify(state);
    if (key !== lastState) {
      lastState = key;
      input.send({ event: "state", data: state });
    }
  });
  return {
    read,
    /** For queue wakes: only a waiting chat's position moves with the queue (the first call always reads). */
    readIfWaiting: () => (status === null || status === "WAITING" ? read() : Promise.resolve()),
    /** For the clock: a quiet active chat has nothing that expires, so 400 open streams cost nothing between messages. */
    readIfTimeSensitive: () => (timeSensitive ? read() : Promise.resolve()),
    get cursor() {
      return cursor;
    },
    get closed() {
      return closed;
    },
  };
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
