import "server-only";
import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { unreadCount } from "@/lib/notifications/queries";

/** The bell poll's answer for a caller (null: no session), apart from the cookie that names them. */
export async function unreadResponse(user: SessionUser | null): Promise<NextResponse> {
  if (!user || !can(user, "account.notifications.manage")) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  return NextResponse.json({ unread: await unreadCount(user.id) }, { headers: { "Cache-Control": "no-store" } });
}
