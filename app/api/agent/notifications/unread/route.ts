import { getSessionUser } from "@/lib/auth/session";
import { unreadResponse } from "@/lib/notifications/http";

export const dynamic = "force-dynamic";

/** The bell's poll: how many of one's own notifications are unread. */
export async function GET() {
  return unreadResponse(await getSessionUser());
}
