import { getSessionUser } from "@/lib/auth/session";
import { cursorFrom, followChat, wantsEventStream } from "@/lib/chat/feed";
import { jsonAnswer, refusal } from "@/lib/chat/http";
import { chatAccess, readChatFeed } from "@/lib/chat/queries";
import { getLiveHub } from "@/lib/live/hub";
import { lastEventId, sseResponse } from "@/lib/live/sse";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

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
  const after = cursorFrom(lastEventId(request));
  if (!wantsEventStream(request)) {
    const feed = await readChatFeed(user, id, after, new Date());
    if (!feed) return refusal("NOT_FOUND");
    return jsonAnswer(feed);
  }
  if (!(await chatAccess(user, id))) return refusal("NOT_FOUND");
  return sseResponse(request, (send, signal) => followChat(getLiveHub(), { viewer: user, chatId: id, after, send }, signal));
}
