// Issue 19 item 11: an employer attaches files to a reply as to a new question (same checks).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { replyToTicket } from "@/lib/employer/commands";
import { seedDemo, sessionFor } from "../support/fixtures";
import { withScratchUploadDir } from "../support/upload-dir";

const now = new Date("2026-11-24T10:00:00Z");
const pdf = new TextEncoder().encode("%PDF-1.7\n% loonstaat\n1 0 obj\n<<>>\nendobj\n%%EOF");
withScratchUploadDir("finish-c-employer-reply");
beforeAll(async () => {
  await seedDemo(now);
});

async function evasTicket() {
  const eva = await sessionFor("eva.bakker@vandijk.example");
  const ticket = await db.ticket.findFirstOrThrow({ where: { organisationId: eva.organisationId!, status: { not: "CLOSED" } }, select: { id: true, number: true } });
  return { eva, ticket };
}

describe("employer reply with attachments", () => {
  it("stores the files on the reply", async () => {
    const { eva, ticket } = await evasTicket();
    const result = await replyToTicket.execute(eva, { ticketNumber: ticket.number, body: "Bijgaand de loonstaat.", files: [new File([pdf], "loonstaat.pdf", { type: "application/pdf" })] }, now);
    expect(result.ok).toBe(true);
    const reply = await db.message.findFirstOrThrow({ where: { ticketId: ticket.id, body: "Bijgaand de loonstaat." }, include: { attachments: true } });
    expect(reply.attachments.map((a) => a.fileName)).toEqual(["loonstaat.pdf"]);
  });

  it("refuses a file that is not what it says, and writes no reply", async () => {
    const { eva, ticket } = await evasTicket();
    const fake = new File([new TextEncoder().encode("MZ not a pdf")], "factuur.pdf", { type: "application/pdf" });
    const result = await replyToTicket.execute(eva, { ticketNumber: ticket.number, body: "Met een vreemde bijlage.", files: [fake] }, now);
    expect(result).toMatchObject({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED", fieldErrors: { files: ["FILE_TYPE_NOT_ALLOWED"] } });
    expect(await db.message.count({ where: { ticketId: ticket.id, body: "Met een vreemde bijlage." } })).toBe(0);
  });
});
