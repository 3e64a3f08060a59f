import { can } from "@/lib/auth/permissions";
import { loadLetterBrand } from "@/lib/brand/queries";
import { getSessionUser } from "@/lib/auth/session";
import { letterContentOf } from "@/lib/letters/document";
import { renderLetterPdf } from "@/lib/letters/pdf";
import { getLetter } from "@/lib/letters/queries";

export const dynamic = "force-dynamic";

/** A letter reply as a PDF to print and post; only for staff who may see the ticket. */
export async function GET(_request: Request, { params }: { params: Promise<{ ticketId: string; messageId: string }> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "workspace.ticket.read")) return new Response("Forbidden", { status: 403 });
  const { ticketId, messageId } = await params;
  const letter = await getLetter(user, ticketId, messageId);
  if (!letter) return new Response("Not found", { status: 404 });
  const pdf = await renderLetterPdf({ ...letterContentOf(letter), brand: await loadLetterBrand() });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="brief-${letter.ticket.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
