import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { parseQueueFilter } from "@/lib/queue/schema";
import { queueFingerprint } from "@/lib/tickets/queries";

export const dynamic = "force-dynamic";

/** The queue poller's fingerprint of the page the agent has open (same filters, same page number). */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user || !can(user, "workspace.ticket.read")) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  const filter = parseQueueFilter(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ fingerprint: await queueFingerprint(user, filter, filter.page) }, { headers: { "Cache-Control": "no-store" } });
}
