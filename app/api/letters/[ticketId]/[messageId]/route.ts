import { getSessionUser } from "@/lib/auth/session";
import { getOwnLetter } from "@/lib/letters/queries";
import { letterPdfResponse } from "@/lib/letters/response";

export const dynamic = "force-dynamic";

/**
 * A letter Loket posted to a customer, as it was printed, for the portal's conversation: only
 * about one of their own questions (an employer contact: their organisation's). 404 for anything
 * else, staff included (they print letters from /api/agent/letters).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ ticketId: string; messageId: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { ticketId, messageId } = await params;
  const letter = await getOwnLetter(user, ticketId, messageId);
  return letter ? letterPdfResponse(letter) : new Response("Not found", { status: 404 });
}
