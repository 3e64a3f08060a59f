import { NextResponse } from "next/server";
import { canEnter } from "@/lib/auth/rules";
import { getSessionUser } from "@/lib/auth/session";
import { queueFingerprint } from "@/lib/tickets/queries";

export const dynamic = "force-dynamic";

/** The queue poller's fingerprint: changes whenever a ticket this user can see changes. */
export async function GET() {
  const user = await getSessionUser();
  if (!user || !canEnter(user.role, "agent")) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  return NextResponse.json({ fingerprint: await queueFingerprint(user) }, { headers: { "Cache-Control": "no-store" } });
}
