import { format } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { canEnter } from "@/lib/auth/rules";
import { getSessionUser } from "@/lib/auth/session";
import { getLetter } from "@/lib/letters/queries";
import { renderLetterHtml } from "@/lib/letters/render";

export const dynamic = "force-dynamic";

/** The printable letter: a print-styled page the agent prints or saves as PDF from the browser. */
export async function GET(_request: Request, { params }: { params: Promise<{ ticketId: string; messageId: string }> }) {
  const user = await getSessionUser();
  if (!user || !canEnter(user.role, "agent")) return new Response("Forbidden", { status: 403 });
  const { ticketId, messageId } = await params;
  const letter = await getLetter(user, ticketId, messageId);
  if (!letter) return new Response("Not found", { status: 404 });
  const locale = letter.ticket.requester?.locale ?? "nl";
  const html = renderLetterHtml({
    locale,
    number: letter.ticket.number,
    subject: letter.ticket.subject,
    recipientName: letter.ticket.requester?.name ?? letter.ticket.requesterName ?? "",
    organisationName: letter.ticket.organisation?.name ?? null,
    date: format(new TZDate(letter.message.createdAt, "Europe/Amsterdam"), "dd-MM-yyyy"),
    body: letter.message.body,
    senderName: letter.message.author?.name ?? "Loket",
  });
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
