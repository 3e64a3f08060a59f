import { format } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { enGB, nl } from "date-fns/locale";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { renderLetterPdf } from "@/lib/letters/pdf";
import { getLetter } from "@/lib/letters/queries";
import { postalAddressOf } from "@/lib/letters/rules";

export const dynamic = "force-dynamic";

/** A letter reply as a PDF to print and post; only for staff who may see the ticket. */
export async function GET(_request: Request, { params }: { params: Promise<{ ticketId: string; messageId: string }> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "workspace.ticket.read")) return new Response("Forbidden", { status: 403 });
  const { ticketId, messageId } = await params;
  const letter = await getLetter(user, ticketId, messageId);
  if (!letter) return new Response("Not found", { status: 404 });
  const locale = letter.ticket.requester?.locale ?? "nl";
  const pdf = await renderLetterPdf({
    locale,
    number: letter.ticket.number,
    subject: letter.ticket.subject,
    recipientName: letter.ticket.requester?.name ?? letter.ticket.requesterName ?? "",
    organisationName: letter.ticket.organisation?.name ?? null,
    // Employer letters go to the company's address, others to the person's (lib/letters/mutations).
    address: postalAddressOf(letter.ticket.organisation ?? letter.ticket.requester ?? { postalStreet: null, postalCode: null, postalCity: null }),
    date: format(new TZDate(letter.message.createdAt, "Europe/Amsterdam"), "d MMMM yyyy", { locale: locale === "nl" ? nl : enGB }),
    writtenAt: letter.message.createdAt,
    body: letter.message.body,
    senderName: letter.message.author?.name ?? "Loket",
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="brief-${letter.ticket.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
