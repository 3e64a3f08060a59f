import { getSessionUser } from "@/lib/auth/session";
import { chatSideActions } from "@/lib/chat/commands";
import { cursorFrom } from "@/lib/chat/feed";
import { jsonAnswer, jsonBody, refusal } from "@/lib/chat/http";
import { readChatFeed } from "@/lib/chat/queries";

export const dynamic = "force-dynamic";

/** The messages after `?after=<seq>` (all without it), in order: for a reader catching up without a stream. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return refusal("UNAUTHENTICATED");
  const { id } = await params;
  const feed = await readChatFeed(user, id, cursorFrom(new URL(request.url).searchParams.get("after")), new Date());
  if (!feed) return refusal("NOT_FOUND");
  return jsonAnswer({ messages: feed.messages });
}

/** A message from the chat's customer or its agent: 201 `{ seq }`; a retried clientId gives the same seq. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return refusal("UNAUTHENTICATED");
  const body = await jsonBody(request);
  if (!body) return refusal("INVALID_INPUT");
  const { id } = await params;
  const result = await chatSideActions(user).send.execute(user, { body: body.body, clientId: body.clientId, chatId: id }, new Date());
  if (!result.ok) return refusal(result.reason);
  return jsonAnswer({ seq: result.data.seq }, 201);
}
