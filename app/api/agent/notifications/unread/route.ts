import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

/** The bell's poll: how many of one's own notifications are unread. */
export async function GET() {
  const user = await getSessionUser();
  if (!user || !can(user, "account.notifications.manage")) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  return NextResponse.json({ unread: await unreadCount(user.id) }, { headers: { "Cache-Control": "no-store" } });
}
