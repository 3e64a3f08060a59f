import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { chatFeed, cursorFrom, wantsEventStream } from "@/lib/chat/feed";
import { refusal } from "@/lib/chat/http";
import { chatAccess, readChatMessages, readChatState } from "@/lib/chat/queries";
import { followTopic } from "@/lib/live/follow";
import { getLiveHub } from "@/lib/live/hub";
import { lastEventId, sseResponse } from "@/lib/live/sse";
import { CHAT_QUEUE_TOPIC, chatTopic } from "@/lib/live/topics";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Typing marks and the offer to leave a message change with time alone: re-read this often as well. */
const TICK_MS = 5_000;

/**
 * One chat, live: `message` events numbered by seq (resume with Last-Event-ID), and `state`
 * whenever it changes. For its customer, and for console staff who hold it or may pick it up;
 * anyone else gets 404, as for a chat that does not exist. A client that does not ask for an
 * event stream gets the same once, as JSON.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return refusal("UNAUTHENTICATED");
  const { id } = await params;
  if (!(await chatAccess(user, id))) return refusal("NOT_FOUND");
  const after = cursorFrom(lastEventId(request));
  if (!wantsEventStream(request)) {
    const [messages, state] = await Promise.all([readChatMessages(id, after), readChatState(id, new Date())]);
    return NextResponse.json({ messages, state }, { headers: { "Cache-Control": "no-store" } });
  }
  return sseResponse(request, async (send, signal) => {
    const feed = chatFeed({ viewer: user, chatId: id, after, send });
    const hub = getLiveHub();
    const timer = setInterval(() => void feed.readIfTimeSensitive().catch(() => undefined), TICK_MS);
    try {
      // The queue topic moves the position of a waiting chat.
      await Promise.all([followTopic(hub, chatTopic(id), signal, feed.read), followTopic(hub, CHAT_QUEUE_TOPIC, signal, feed.readIfWaiting)]);
    } finally {
      clearInterval(timer);
    }
  });
}
