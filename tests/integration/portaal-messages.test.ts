import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { replyAsBeneficiary, sendPortalMessage } from "@/lib/portal/commands";
import { getMyTicket, listMyTickets } from "@/lib/portal/queries";
import { findDownloadableAttachment } from "@/lib/uploads/queries";
import { readStoredUpload } from "@/lib/uploads/storage";
import { addInternalNote, addStaffReply, changeTicket } from "@/lib/tickets/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";
import { withScratchUploadDir } from "../support/upload-dir";

const now = new Date("2026-11-24T10:00:00Z");
const pdf = (name = "loonstrook.pdf") => ({ name, type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF") });
const exe = { name: "factuur.pdf", type: "application/pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) };

withScratchUploadDir("portal-uploads");
beforeEach(async () => {
  await seedDemo(now);
});

const message = { subject: "Vraag over mijn betaling", categoryKey: "DOSSIER_QUESTION", body: "Wanneer wordt mijn uitkering betaald?" };

describe("sendPortalMessage", () => {
  it("creates a PORTAL ticket with its number, a 5-working-day due date, an acknowledgement and the attachment", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const result = await sendPortalMessage.execute(anna, { ...message, files: [pdf()] }, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.number).toMatch(/^LK-2026-\d{6}$/);
    expect(result.data.dueAt?.slice(0, 10)).toBe("2026-12-01");
    const ticket = await getMyTicket(anna, result.data.id);
    expect(ticket).toMatchObject({ channel: "PORTAL", status: "NEW" });
    expect(ticket!.messages.map((m) => [m.direction, m.automatic])).toEqual([["INBOUND", false], ["OUTBOUND", true]]);
    expect(ticket!.messages[1]!.body).toContain(result.data.number);
    const attachment = ticket!.messages[0]!.attachments[0]!;
    expect(attachment.fileName).toBe("loonstrook.pdf");
    const downloadable = await findDownloadableAttachment(anna, attachment.id);
    expect(new TextDecoder().decode(await readStoredUpload(downloadable!.storageKey))).toContain("%PDF-1.7");
    expect((await listMyTickets(anna, 0)).items[0]!.id).toBe(result.data.id);
    // Another beneficiary and an employer cannot download it.
    expect(await findDownloadableAttachment(await sessionFor("bram.devries@burger.example"), attachment.id)).toBeNull();
    expect(await findDownloadableAttachment(await sessionFor("eva.bakker@vandijk.example"), attachment.id)).toBeNull();
  });

  it("keeps a script tag in the subject as plain text", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const subject = "<script>alert(1)</script> help";
    const result = await sendPortalMessage.execute(anna, { ...message, subject }, now);
    if (!result.ok) throw new Error(result.reason);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: result.data.id } })).subject).toBe(subject);
  });

  it("refuses empty and 20,000-character messages, renamed executables and a fourth file, storing nothing", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const before = await db.ticket.count();
    expect(await sendPortalMessage.execute(anna, { ...message, body: "   " }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { body: ["REQUIRED"] } });
    expect(await sendPortalMessage.execute(anna, { ...message, body: "x".repeat(20_000) }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { body: ["TOO_LONG:10000"] } });
    expect(await sendPortalMessage.execute(anna, { ...message, categoryKey: "URGENT_REQUEST" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await sendPortalMessage.execute(anna, { ...message, files: [exe] }, now)).toMatchObject({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED" });
    expect(await sendPortalMessage.execute(anna, { ...message, files: [pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf"), pdf("d.pdf")] }, now)).toMatchObject({ ok: false, reason: "TOO_MANY_FILES" });
    const big = { name: "scan.png", type: "image/png", bytes: new Uint8Array(10 * 1024 * 1024 + 1) };
    big.bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await sendPortalMessage.execute(anna, { ...message, files: [big] }, now)).toMatchObject({ ok: false, reason: "FILE_TOO_LARGE" });
    expect(await db.ticket.count()).toBe(before);
    expect(await sendPortalMessage.execute(await sessionFor("agent@loket.example"), message, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
  });
});

describe("replyAsBeneficiary and the ticket page", () => {
  it("re-opens a resolved ticket and never shows internal notes", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    const ticket = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED" } });
    await db.$transaction((tx) => addInternalNote(tx, { ticketId: ticket.id, authorId: handler.id, body: "Interne notitie: niet voor de klant" }, now));
    const result = await replyAsBeneficiary.execute(anna, { ticketId: ticket.id, body: "Het is toch nog niet opgelost." }, now);
    expect(result).toMatchObject({ ok: true, data: { reopened: true } });
    const view = await getMyTicket(anna, ticket.id);
    expect(view!.status).toBe("OPEN");
    expect(view!.messages.some((m) => m.body.includes("Interne notitie"))).toBe(false);
    expect(view!.messages.at(-1)).toMatchObject({ direction: "INBOUND", channel: "PORTAL", body: "Het is toch nog niet opgelost." });
  });

  it("refuses another person's ticket and a closed one", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const bram = await sessionFor("bram.devries@burger.example");
    const brams = await db.ticket.findFirstOrThrow({ where: { requesterId: bram.id, status: "OPEN" } });
    const messages = await db.message.count();
    expect(await replyAsBeneficiary.execute(anna, { ticketId: brams.id, body: "Hallo" }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    expect(await getMyTicket(anna, brams.id)).toBeNull();
    const closed = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "CLOSED" } });
    expect(await replyAsBeneficiary.execute(anna, { ticketId: closed.id, body: "Hallo" }, now)).toMatchObject({ ok: false, reason: "TICKET_CLOSED" });
    expect(await db.message.count()).toBe(messages);
  });

  it("shows the channel each answer came by", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    const sent = await sendPortalMessage.execute(anna, message, now);
    if (!sent.ok) throw new Error(sent.reason);
    await db.$transaction((tx) => addStaffReply(tx, { ticketId: sent.data.id, authorId: handler.id, body: "Per mail beantwoord", channel: "EMAIL" }, now));
    await db.$transaction((tx) => changeTicket(tx, { ticketId: sent.data.id, actorId: handler.id, status: "RESOLVED" }, now));
    const view = await getMyTicket(anna, sent.data.id);
    expect(view!.messages.at(-1)).toMatchObject({ direction: "OUTBOUND", channel: "EMAIL" });
  });
});
