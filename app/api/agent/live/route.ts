import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { followTopic } from "@/lib/live/follow";
import { getLiveHub } from "@/lib/live/hub";
import { sseResponse } from "@/lib/live/sse";
import { userTopic } from "@/lib/live/topics";
import { currentCallFor } from "@/lib/telephony/queries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The agent's screen pop: `call` with the call the platform put through to them, or null when it ended. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  if (!can(user, "phone.call.log")) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  // A client that does not ask for a stream gets the current call once.
  if (!(request.headers.get("accept") ?? "").includes("text/event-stream")) {
    return NextResponse.json({ call: await currentCallFor(user.id, new Date()) }, { headers: { "Cache-Control": "no-store" } });
  }
  return sseResponse(request, async (send, signal) => {
    let last: string | null = null;
    await followTopic(getLiveHub(), userTopic(user.id), signal, async () => {
      const call = await currentCallFor(user.id, new Date());
      const key = JSON.stringify(call);
      if (key === last) return;
      last = key;
      send({ event: "call", data: call });
    });
  });
}
