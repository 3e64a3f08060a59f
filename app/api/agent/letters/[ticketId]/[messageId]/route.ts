import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getLetter } from "@/lib/letters/queries";
import { letterPdfResponse } from "@/lib/letters/response";

export const dynamic = "force-dynamic";

/** A letter reply as a PDF to print and post; only for staff who may see the ticket. */
export async function GET(_request: Request, { params }: { params: Promise<{ ticketId: string; messageId: string }> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "workspace.ticket.read")) return new Response("Forbidden", { status: 403 });
  const { ticketId, messageId } = await params;
  const letter = await getLetter(user, ticketId, messageId);
  if (!letter) return new Response("Not found", { status: 404 });
  return letterPdfResponse(letter);
}
