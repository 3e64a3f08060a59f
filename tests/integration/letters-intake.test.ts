// Registering an incoming paper letter: the LETTER ticket's clock starts on the date of receipt,
// the scan is on its first message, the answer goes out as a letter, the address on the letter is
// kept where Loket had none; every refusal leaves nothing behind.
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { NO_PASSWORD } from "@/lib/auth/password";
import { amsterdamDateKey } from "@/lib/calendar/local-time";
import { db } from "@/lib/db/client";
import { registerLetter } from "@/lib/letters/intake";
import { letterContentOf } from "@/lib/letters/document";
import { renderLetterPdf } from "@/lib/letters/pdf";
import { getLetter } from "@/lib/letters/queries";
import { searchCallers } from "@/lib/phone/queries";
import { replyToTicket } from "@/lib/workspace/commands";
import { pdfPages } from "../support/pdf-text";
import { seedDemo, sessionFor } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z"); // a Tuesday
const scan = { name: "brief.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4\n% scan van een brief\n") };
const address = { street: "Kerkstraat 12", postalCode: "3511 ab", city: "Utrecht" };

let agent: SessionUser;
let annaId: string;
const letter = (extra: Record<string, unknown> = {}) => ({
  senderMode: "existing",
  senderId: annaId,
  categoryKey: "GENERAL_QUESTION",
  subject: "Brief over mijn uitkering",
  receivedOn: "2026-11-20",
  summary: "Mevrouw vraagt per brief wanneer de betaling komt.",
  ...address,
  files: [scan],
  ...extra,
});

async function counts() {
  return { tickets: await db.ticket.count(), users: await db.user.count(), attachments: await db.attachment.count() };
}

beforeEach(async () => {
  await seedDemo(NOW);
  agent = await sessionFor("agent@loket.example");
  annaId = (await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } })).id;
});

describe("registering an incoming letter", () => {
  it("opens a LETTER ticket whose clock starts on the date of receipt, with the scan, answered by letter", async () => {
    await db.user.update({ where: { id: annaId }, data: { postalStreet: null, postalCode: null, postalCity: null } });
    const result = await registerLetter.execute(agent, letter(), NOW);
    expect(result.ok).toBe(true);
    const ticket = await db.ticket.findUniqueOrThrow({
      where: { id: result.ok ? result.data.ticketId : "" },
      include: { messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { attachments: true } } },
    });
    expect(ticket).toMatchObject({ channel: "LETTER", replyChannel: "LETTER", requesterId: annaId, subject: "Brief over mijn uitkering" });
    // Friday 20 November, 00:00 in Amsterdam: five working days later is Friday 27 November.
    expect(ticket.slaStartedAt).toEqual(new Date("2026-11-19T23:00:00Z"));
    expect(amsterdamDateKey(ticket.slaDueAt!)).toBe("2026-11-27");
    const first = ticket.messages[0]!;
    expect(first).toMatchObject({ direction: "INBOUND", channel: "LETTER", authorId: agent.id, body: "Mevrouw vraagt per brief wanneer de betaling komt." });
    expect(first.attachments.map((a) => [a.fileName, a.mimeType])).toEqual([["brief.pdf", "application/pdf"]]);
    // Loket had no address for Anna: the one on the letter is hers now (the answer letter goes there).
    expect(await db.user.findUniqueOrThrow({ where: { id: annaId }, select: { postalStreet: true, postalCode: true, postalCity: true } })).toEqual({
      postalStreet: "Kerkstraat 12",
      postalCode: "3511 AB",
      postalCity: "Utrecht",
    });
    expect(await db.auditEvent.count({ where: { action: "letter.intake", entityId: ticket.id } })).toBe(1);
  });

  it("counts working days past the weekend and a Dutch holiday from the receipt date", async () => {
    // Received on Thursday 24 December 2026: Christmas (25, 26) and the weekend do not count.
    const christmas = new Date("2026-12-29T09:00:00Z");
    await seedDemo(christmas);
    const clerk = await sessionFor("agent@loket.example");
    annaId = (await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } })).id;
    const result = await registerLetter.execute(clerk, letter({ receivedOn: "2026-12-24" }), christmas);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: result.ok ? result.data.ticketId : "" } });
    // Mon 28 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), Fri 1 January is New Year's Day, Mon 4 January (5).
    expect(amsterdamDateKey(ticket.slaDueAt!)).toBe("2027-01-04");
  });

  it("keeps an address Loket already has, and files a letter from an employer contact on the organisation", async () => {
    await db.user.update({ where: { id: annaId }, data: { postalStreet: "Dorpsweg 1", postalCode: "1234 AB", postalCity: "Ergens" } });
    await registerLetter.execute(agent, letter(), NOW);
    expect((await db.user.findUniqueOrThrow({ where: { id: annaId } })).postalStreet).toBe("Dorpsweg 1");

    const tom = await db.user.findUniqueOrThrow({ where: { email: "tom.visser@vandijk.example" }, include: { memberships: true } });
    const result = await registerLetter.execute(agent, letter({ senderId: tom.id }), NOW);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: result.ok ? result.data.ticketId : "" } });
    expect(ticket.organisationId).toBe(tom.memberships[0]!.organisationId);
  });

  it("registers a sender Loket does not know yet as a beneficiary without a password", async () => {
    const result = await registerLetter.execute(agent, letter({ senderMode: "new", senderId: undefined, name: "Piet Post", email: "Piet.Post@example.org", clientNumber: "K-900001" }), NOW);
    expect(result.ok).toBe(true);
    const piet = await db.user.findUniqueOrThrow({ where: { email: "piet.post@example.org" } });
    expect(piet).toMatchObject({ role: "BENEFICIARY", passwordHash: NO_PASSWORD, clientNumber: "K-900001", postalStreet: "Kerkstraat 12", postalCode: "3511 AB" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: result.ok ? result.data.ticketId : "" } })).requesterId).toBe(piet.id);
  });

  it("registers a sender without an e-mail address: nothing is mailed, the answer is a letter to the address on it, and the next letter finds her", async () => {
    const outbox = await db.outboxMessage.count();
    const result = await registerLetter.execute(agent, letter({ senderMode: "new", senderId: undefined, name: "Gerda Papier", email: "  ", clientNumber: "K-900003" }), NOW);
    if (!result.ok) throw new Error(result.reason);
    const gerda = await db.user.findUniqueOrThrow({ where: { clientNumber: "K-900003" } });
    expect(gerda).toMatchObject({ email: null, role: "BENEFICIARY", passwordHash: NO_PASSWORD, postalStreet: "Kerkstraat 12", postalCode: "3511 AB", postalCity: "Utrecht" });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: result.data.ticketId } });
    expect(ticket).toMatchObject({ requesterId: gerda.id, requesterEmail: null, replyChannel: "LETTER" });
    // No acknowledgement mail to nobody; a second person without an address is no clash.
    expect(await db.outboxMessage.count()).toBe(outbox);
    const second = await registerLetter.execute(agent, letter({ senderMode: "new", senderId: undefined, name: "Henk Papier", email: "", clientNumber: "K-900004" }), NOW);
    expect(second.ok).toBe(true);

    const handler = await sessionFor("behandelaar@loket.example");
    const reply = await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Uw betaling komt op 1 december.", channel: undefined }, NOW);
    if (!reply.ok) throw new Error(reply.reason);
    expect(reply.data.channel).toBe("LETTER");
    expect(await db.outboxMessage.count()).toBe(outbox);
    const printed = await getLetter(handler, ticket.id, reply.data.messageId);
    const lines = (await pdfPages(await renderLetterPdf(letterContentOf(printed!)))).flat();
    expect(lines.slice(lines.indexOf("Gerda Papier"), lines.indexOf("Gerda Papier") + 3)).toEqual(["Gerda Papier", "Kerkstraat 12", "3511 AB  UTRECHT"]);

    // Her next letter: staff find her by name or client number and register it on her.
    for (const q of ["Gerda Pap", "K-900003"]) expect((await searchCallers(q)).map((p) => p.id), q).toContain(gerda.id);
    const next = await registerLetter.execute(agent, letter({ senderId: gerda.id, subject: "Tweede brief" }), NOW);
    expect(next.ok && (await db.ticket.findUniqueOrThrow({ where: { id: next.data.ticketId } })).requesterId).toBe(gerda.id);
  });

  it("refuses with a reason and writes nothing", async () => {
    await db.user.update({ where: { id: annaId }, data: { postalStreet: null, postalCode: null, postalCity: null } });
    const before = await counts();
    const fake = { name: "brief.pdf", type: "application/pdf", bytes: new TextEncoder().encode("MZ not a pdf at all") };
    const staff = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    const cases: [Record<string, unknown>, string, Record<string, string[]>?][] = [
      [{ receivedOn: "2026-11-25" }, "RECEIPT_DATE_IN_FUTURE", { receivedOn: ["RECEIPT_DATE_IN_FUTURE"] }],
      [{ receivedOn: "2026-10-24" }, "RECEIPT_DATE_TOO_OLD", { receivedOn: ["RECEIPT_DATE_TOO_OLD"] }],
      [{ receivedOn: "2026-02-30" }, "RECEIPT_DATE_INVALID", { receivedOn: ["RECEIPT_DATE_INVALID"] }],
      [{ files: [] }, "INVALID_INPUT", { files: ["SCAN_REQUIRED"] }],
      [{ files: [fake] }, "FILE_TYPE_NOT_ALLOWED", { files: ["FILE_TYPE_NOT_ALLOWED"] }],
      [{ senderId: "no-such-person" }, "SENDER_NOT_FOUND"],
      [{ senderId: staff.id }, "SENDER_NOT_FOUND"],
      [{ senderId: undefined }, "INVALID_INPUT", { senderId: ["CHOOSE_SENDER"] }],
      [{ postalCode: "12345" }, "INVALID_INPUT", { postalCode: ["POSTCODE"] }],
      [{ categoryKey: "NO_SUCH_CATEGORY" }, "UNKNOWN_CATEGORY"],
      [{ senderMode: "new", senderId: undefined, name: "Anna Dubbel", email: "anna.jansen@burger.example", clientNumber: "K-900002" }, "EMAIL_IN_USE", { email: ["EMAIL_IN_USE"] }],
      // Anna's K-100231, typed as people read it: one number, so it is hers already.
      [{ senderMode: "new", senderId: undefined, name: "Anna Dubbel", email: "", clientNumber: "k100231" }, "CLIENT_NUMBER_TAKEN", { clientNumber: ["CLIENT_NUMBER_TAKEN"] }],
      [{ senderMode: "new", senderId: undefined, name: "", email: "geen-adres", clientNumber: "" }, "INVALID_INPUT", { name: ["TOO_SHORT:2"], email: ["INVALID_EMAIL"], clientNumber: ["REQUIRED", "CLIENT_NUMBER"] }],
      // A missing category says what to choose; a too long subject names its limit.
      [{ categoryKey: "", subject: "x".repeat(151) }, "INVALID_INPUT", { categoryKey: ["CHOOSE_CATEGORY"], subject: ["TOO_LONG:150"] }],
    ];
    for (const [extra, reason, fieldErrors] of cases) {
      const result = await registerLetter.execute(agent, letter(extra), NOW);
      expect(result, reason).toEqual(fieldErrors ? { ok: false, reason, fieldErrors } : { ok: false, reason });
    }
    // A form sent empty for a new sender: its name, address and client number are named in the same
    // round as the letter's own fields (they waited for the rest to be right).
    const empty = await registerLetter.execute(agent, letter({ senderMode: "new", senderId: undefined, name: "", email: "", clientNumber: "", categoryKey: "", subject: "", receivedOn: "", summary: "", street: "", postalCode: "", city: "" }), NOW);
    // The e-mail address may stay empty (someone who only writes letters).
    expect(empty.ok === false && Object.keys(empty.fieldErrors ?? {}).sort()).toEqual(["categoryKey", "city", "clientNumber", "name", "postalCode", "receivedOn", "street", "subject", "summary"]);
    expect(await counts()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: annaId } })).postalStreet).toBeNull();
  });

  it("is for staff who work tickets only", async () => {
    for (const email of ["anna.jansen@burger.example", "csm@loket.example", "ombudsman@loket.example"]) {
      expect(await registerLetter.execute(await sessionFor(email), letter(), NOW)).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
  });
});
