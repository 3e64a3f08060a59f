import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { consoleFeed, wantsEventStream } from "@/lib/chat/feed";
import { refusal } from "@/lib/chat/http";
import { readConsole } from "@/lib/chat/queries";
import { followTopic } from "@/lib/live/follow";
import { getLiveHub } from "@/lib/live/hub";
import { sseResponse } from "@/lib/live/sse";
import { CHAT_QUEUE_TOPIC, userTopic } from "@/lib/live/topics";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The chat console, live: `console` events with the waiting list and the agent's own chats (JSON once without an event stream). */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return refusal("UNAUTHENTICATED");
  if (!can(user, "chat.console.use")) return refusal("FORBIDDEN");
  if (!wantsEventStream(request)) return NextResponse.json(await readConsole(user, new Date()), { headers: { "Cache-Control": "no-store" } });
  return sseResponse(request, async (send, signal) => {
    const feed = consoleFeed({ viewer: user, send });
    const hub = getLiveHub();
    await Promise.all([followTopic(hub, CHAT_QUEUE_TOPIC, signal, feed.read), followTopic(hub, userTopic(user.id), signal, feed.read)]);
  });
}
