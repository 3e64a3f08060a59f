// Staff send files with a reply: stored with the same checks as a customer's uploads, shown to the
// requester in the portal and downloadable by them only; a mailed reply names them.
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { getMyTicket } from "@/lib/portal/queries";
import { findDownloadableAttachment } from "@/lib/uploads/queries";
import { replyToTicket } from "@/lib/workspace/commands";
import { seedDemo, sessionFor } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z");
const pdf = { name: "jaaropgave-2025.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4\n% jaaropgave\n") };

let handler: SessionUser;
let anna: SessionUser;
let ticketId: string;

beforeEach(async () => {
  await seedDemo(NOW);
  [handler, anna] = await Promise.all([sessionFor("behandelaar@loket.example"), sessionFor("anna.jansen@burger.example")]);
  ticketId = (await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: { in: ["NEW", "OPEN"] }, channel: "PORTAL" } })).id;
});

describe("files with a staff reply", () => {
  it("go with the reply, show in the requester's portal and download for them only", async () => {
    const sent = await replyToTicket.execute(handler, { ticketId, body: "Hierbij uw jaaropgave.", channel: "PORTAL", files: [pdf] }, NOW);
    expect(sent.ok).toBe(true);
    const message = await db.message.findUniqueOrThrow({ where: { id: sent.ok ? sent.data.messageId : "" }, include: { attachments: true } });
    expect(message.attachments.map((a) => [a.fileName, a.mimeType])).toEqual([["jaaropgave-2025.pdf", "application/pdf"]]);

    const view = await getMyTicket(anna, ticketId);
    const shown = view!.messages.find((m) => m.body === "Hierbij uw jaaropgave.");
    expect(shown?.attachments.map((a) => a.fileName)).toEqual(["jaaropgave-2025.pdf"]);
    const attachmentId = message.attachments[0]!.id;
    expect(await findDownloadableAttachment(anna, attachmentId)).not.toBeNull();
    expect(await findDownloadableAttachment(await sessionFor("bram.devries@burger.example"), attachmentId)).toBeNull();
    expect(await getMyTicket(await sessionFor("bram.devries@burger.example"), ticketId)).toBeNull();
  });

  it("are named in a mailed reply, which carries text only", async () => {
    const sent = await replyToTicket.execute(handler, { ticketId, body: "Zie de bijlage.", channel: "EMAIL", files: [pdf] }, NOW);
    expect(sent.ok).toBe(true);
    const mail = await db.outboxMessage.findUniqueOrThrow({ where: { id: sent.ok ? sent.data.outboxId! : "" } });
    expect(mail.bodyText).toContain("Zie de bijlage.");
    expect(mail.bodyText).toContain("Bijlagen, te vinden in uw Loket-portaal: jaaropgave-2025.pdf.");
  });

  it("are refused when they break the upload rules, and no reply is written", async () => {
    const before = await db.message.count({ where: { ticketId } });
    const fake = { name: "brief.pdf", type: "application/pdf", bytes: new TextEncoder().encode("MZ this is no pdf") };
    expect(await replyToTicket.execute(handler, { ticketId, body: "Met bijlage.", files: [fake] }, NOW)).toEqual({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED", fieldErrors: { files: ["FILE_TYPE_NOT_ALLOWED"] } });
    expect(await replyToTicket.execute(handler, { ticketId, body: "Met bijlagen.", files: [pdf, pdf, pdf, pdf] }, NOW)).toEqual({ ok: false, reason: "TOO_MANY_FILES", fieldErrors: { files: ["TOO_MANY_FILES"] } });
    expect(await db.message.count({ where: { ticketId } })).toBe(before);
  });
});
