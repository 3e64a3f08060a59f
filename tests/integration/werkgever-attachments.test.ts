// Employer contacts download the attachments of their organisation's tickets, and nothing else.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { fileQuestion } from "@/lib/employer/commands";
import { getEmployerTicket } from "@/lib/employer/queries";
import { addInternalNote } from "@/lib/tickets/mutations";
import { downloadResponse } from "@/lib/uploads/download";
import { storeUpload } from "@/lib/uploads/storage";
import { seedDemo, sessionFor } from "../support/fixtures";
import { withScratchUploadDir } from "../support/upload-dir";

const now = new Date("2026-11-24T10:00:00Z");
const pdf = new TextEncoder().encode("%PDF-1.7\n% loonstaat\n1 0 obj\n<<>>\nendobj\n%%EOF");
withScratchUploadDir("employer-uploads");
beforeEach(async () => {
  await seedDemo(now);
});

async function fileWithAttachment() {
  const eva = await sessionFor("eva.bakker@vandijk.example");
  const result = await fileQuestion.execute(
    eva,
    { categoryKey: "PROCESS_STATUS", subject: "Loonstaat november", body: "Bijgaand de loonstaat van november.", files: [new File([pdf], "loonstaat.pdf", { type: "application/pdf" })] },
    now,
  );
  if (!result.ok) throw new Error(result.reason);
  const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.data.number } });
  const attachment = await db.attachment.findFirstOrThrow({ where: { message: { ticketId: ticket.id } } });
  return { ticket, attachment };
}

describe("employer attachments", () => {
  it("lists the attachment on the ticket page and lets a colleague of the organisation download it", async () => {
    const { ticket, attachment } = await fileWithAttachment();
    const tom = await sessionFor("tom.visser@vandijk.example");
    const page = await getEmployerTicket(tom, ticket.number);
    expect(page!.messages[0]!.attachments).toEqual([{ id: attachment.id, fileName: "loonstaat.pdf", size: pdf.length }]);

    const response = await downloadResponse(tom, attachment.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''loonstaat.pdf");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
  });

  it("answers 404 to a contact of another organisation and to a colleague without the right to see tickets", async () => {
    const { attachment } = await fileWithAttachment();
    expect((await downloadResponse(await sessionFor("lisa.smit@zorggroepnoord.example"), attachment.id)).status).toBe(404);
    await db.membership.updateMany({ where: { user: { email: "tom.visser@vandijk.example" } }, data: { rights: [] } });
    expect((await downloadResponse(await sessionFor("tom.visser@vandijk.example"), attachment.id)).status).toBe(404);
  });

  it("never gives the employer an attachment of an internal note, on the page or by id", async () => {
    const { ticket } = await fileWithAttachment();
    const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    const note = await db.$transaction((tx) => addInternalNote(tx, { ticketId: ticket.id, authorId: handler.id, body: "Intern: zie bijlage." }, now));
    const stored = await storeUpload({ name: "intern.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.7\n% intern\n%%EOF") }, now);
    const internal = await db.attachment.create({ data: { ...stored, messageId: note.messageId } });

    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect((await downloadResponse(eva, internal.id)).status).toBe(404);
    const page = await getEmployerTicket(eva, ticket.number);
    expect(page!.messages.flatMap((m) => m.attachments.map((a) => a.id))).not.toContain(internal.id);
    // Staff who may see the ticket do get it, so the 404 above is the employer's scope, not a missing file.
    expect((await downloadResponse(await sessionFor("behandelaar@loket.example"), internal.id)).status).toBe(200);
  });
});
