import "server-only";
import { loadLetterBrand } from "@/lib/brand/queries";
import { letterContentOf } from "./document";
import { renderLetterPdf } from "./pdf";
import type { getLetter } from "./queries";

/** A stored letter reply as the PDF that was posted, shown in the browser, never cached. */
export async function letterPdfResponse(letter: NonNullable<Awaited<ReturnType<typeof getLetter>>>): Promise<Response> {
  const pdf = await renderLetterPdf({ ...letterContentOf(letter), brand: await loadLetterBrand() });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="brief-${letter.ticket.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
