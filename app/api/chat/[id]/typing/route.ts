import { getSessionUser } from "@/lib/auth/session";
import { chatSideActions } from "@/lib/chat/commands";
import { jsonAnswer, refusal } from "@/lib/chat/http";
import { chatAccess, readChatState } from "@/lib/chat/queries";

export const dynamic = "force-dynamic";

/** Who is typing now (the stream's state carries the same). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return refusal("UNAUTHENTICATED");
  const { id } = await params;
  const state = (await chatAccess(user, id)) ? await readChatState(id, new Date()) : null;
  if (!state) return refusal("NOT_FOUND");
  return jsonAnswer({ customerTyping: state.customerTyping, agentTyping: state.agentTyping });
}

/** "Is typing" (written at most every 2 seconds): 204. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return refusal("UNAUTHENTICATED");
  const { id } = await params;
  const result = await chatSideActions(user).typing.execute(user, { chatId: id }, new Date());
  if (!result.ok) return refusal(result.reason);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
