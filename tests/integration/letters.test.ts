import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { updatePostalAddress } from "@/lib/letters/commands";
import { letterContentOf } from "@/lib/letters/document";
import { renderLetterPdf } from "@/lib/letters/pdf";
import { getLetter, getLetterAddress, getOwnLetter } from "@/lib/letters/queries";
import { getMyTicket } from "@/lib/portal/queries";
import { replyToTicket } from "@/lib/workspace/commands";
import { pdfPages } from "../support/pdf-text";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeAll(async () => {
  await seedDemo(now);
});

async function printed(ticketId: string, messageId: string): Promise<string[]> {
  const handler = await sessionFor("behandelaar@loket.example");
  const letter = await getLetter(handler, ticketId, messageId);
  if (!letter) throw new Error("no letter");
  return (await pdfPages(await renderLetterPdf(letterContentOf(letter)))).flat();
}

describe("a letter reply", () => {
  it("greets once and signs once although the agent typed a greeting and a sign-off, and prints the address in the window", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", channel: "LETTER", requester: { email: "bram.devries@burger.example" } } });
    const body = "Geachte heer De Vries,\n\nWij hebben uw bezwaar ontvangen en nemen binnen zes weken een besluit.\n\nMet vriendelijke groet,\nJoost Meijer";
    const sent = await replyToTicket.execute(handler, { ticketId: ticket.id, body, channel: "LETTER" }, now);
    if (!sent.ok) throw new Error(sent.reason);
    const lines = await printed(ticket.id, sent.data.messageId);
    expect(lines.filter((l) => /^(Geachte|Beste)\b/.test(l))).toEqual(["Geachte Bram de Vries,"]);
    expect(lines.filter((l) => /groet/i.test(l))).toEqual(["Met vriendelijke groet,"]);
    expect(lines.filter((l) => l === "Joost Meijer")).toHaveLength(1);
    const at = lines.indexOf("Bram de Vries");
    expect(lines.slice(at, at + 3)).toEqual(["Bram de Vries", "Kerkstraat 12", "3811 CV  AMERSFOORT"]);
  });

  it("goes to the organisation's address for an employer's ticket", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", channel: "LETTER", organisation: { externalNumber: "WG-40877" } } });
    const sent = await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Uw aanmelding is verwerkt.", channel: "LETTER" }, now);
    if (!sent.ok) throw new Error(sent.reason);
    const lines = await printed(ticket.id, sent.data.messageId);
    const at = lines.indexOf("Lisa Smit");
    expect(lines.slice(at, at + 4)).toEqual(["Lisa Smit", "Zorggroep Noord", "Zorgpad 3", "9712 CP  GRONINGEN"]);
  });
  it("lists the files sent with the reply under the signature, so the post room encloses them", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", channel: "LETTER", requester: { email: "bram.devries@burger.example" } } });
    const pdf = (name: string) => ({ name, type: "application/pdf", bytes: new TextEncoder().encode(`%PDF-1.4\n% ${name}\n`) });
    const sent = await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Hierbij het besluit en de jaaropgave.", channel: "LETTER", files: [pdf("besluit-2026.pdf"), pdf("jaaropgave-2025.pdf")] }, now);
    if (!sent.ok) throw new Error(sent.reason);
    const lines = await printed(ticket.id, sent.data.messageId);
    const at = lines.indexOf("Bijlagen:");
    expect(at).toBeGreaterThan(lines.indexOf("Met vriendelijke groet,"));
    expect(lines.slice(at, at + 3)).toEqual(["Bijlagen:", "- besluit-2026.pdf", "- jaaropgave-2025.pdf"]);
  });
});

describe("a letter in the customer's own conversation", () => {
  it("is there for the person it was posted to, as it was printed, and for nobody else", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const bram = await sessionFor("bram.devries@burger.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", channel: "LETTER", requester: { email: "bram.devries@burger.example" } } });
    const sent = await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Wij hebben uw bezwaar ontvangen.", channel: "LETTER" }, now);
    if (!sent.ok) throw new Error(sent.reason);
    // The conversation shows the answer by letter (the page links it), and the letter is his, as posted.
    expect((await getMyTicket(bram, ticket.id))?.messages.find((m) => m.id === sent.data.messageId)).toMatchObject({ direction: "OUTBOUND", channel: "LETTER" });
    const own = await getOwnLetter(bram, ticket.id, sent.data.messageId);
    const lines = (await pdfPages(await renderLetterPdf(letterContentOf(own!)))).flat();
    expect(lines).toEqual(expect.arrayContaining(["Geachte Bram de Vries,", "Wij hebben uw bezwaar ontvangen.", "Met vriendelijke groet,"]));
    expect(lines).toEqual(await printed(ticket.id, sent.data.messageId));
    // Another customer, staff on this route, his own inbound message, a made-up id: nothing.
    const inbound = await db.message.findFirstOrThrow({ where: { ticketId: ticket.id, direction: "INBOUND" } });
    expect(await getOwnLetter(await sessionFor("anna.jansen@burger.example"), ticket.id, sent.data.messageId)).toBeNull();
    expect(await getOwnLetter(await sessionFor("eva.bakker@vandijk.example"), ticket.id, sent.data.messageId)).toBeNull();
    expect(await getOwnLetter(handler, ticket.id, sent.data.messageId)).toBeNull();
    expect(await getOwnLetter(bram, ticket.id, inbound.id)).toBeNull();
    expect(await getOwnLetter(bram, ticket.id, "no-such-message")).toBeNull();
  });

  it("is there for the organisation's contacts who see its questions, not for another organisation's", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", channel: "LETTER", organisation: { externalNumber: "WG-40877" } } });
    const sent = await replyToTicket.execute(handler, { ticketId: ticket.id, body: "De regeling is aangemeld.", channel: "LETTER" }, now);
    if (!sent.ok) throw new Error(sent.reason);
    expect(await getOwnLetter(await sessionFor("lisa.smit@zorggroepnoord.example"), ticket.id, sent.data.messageId)).toMatchObject({ ticket: { id: ticket.id }, message: { body: "De regeling is aangemeld." } });
    expect(await getOwnLetter(await sessionFor("eva.bakker@vandijk.example"), ticket.id, sent.data.messageId)).toBeNull();
  });
});

describe("the addressee's postal address", () => {
  it("refuses a letter to someone without an address, then takes a corrected address and writes the letter", async () => {
    const agent = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", organisation: { externalNumber: "KP-00344" } } });
    expect((await getLetterAddress(agent, ticket.id))?.address).toBeNull();
    const before = await db.message.count({ where: { ticketId: ticket.id } });
    expect(await replyToTicket.execute(agent, { ticketId: ticket.id, body: "Uw vraag is beantwoord.", channel: "LETTER" }, now)).toEqual({ ok: false, reason: "NO_POSTAL_ADDRESS" });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(before);

    const bad = await updatePostalAddress.execute(agent, { ticketId: ticket.id, street: "Stadsplateau", postalCode: "3521 SS", city: "Utrecht" }, now);
    expect(bad).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { street: ["HOUSE_NUMBER"], postalCode: ["POSTCODE"] } });
    const good = await updatePostalAddress.execute(agent, { ticketId: ticket.id, street: " Stadsplateau 1 ", postalCode: "3521az", city: "Utrecht" }, now);
    expect(good).toEqual({ ok: true, data: { kind: "ORGANISATION" } });
    expect(await db.organisation.findUniqueOrThrow({ where: { externalNumber: "KP-00344" } })).toMatchObject({ postalStreet: "Stadsplateau 1", postalCode: "3521 AZ", postalCity: "Utrecht" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "postal_address.update" } });
    expect(audit).toMatchObject({ actorId: agent.id, entityType: "Organisation", data: { ticketId: ticket.id } });

    expect(await replyToTicket.execute(agent, { ticketId: ticket.id, body: "Uw vraag is beantwoord.", channel: "LETTER" }, now)).toMatchObject({ ok: true, data: { channel: "LETTER" } });
  });

  it("corrects a person's own address from their ticket", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", channel: "PORTAL", requester: { email: "anna.jansen@burger.example" } } });
    expect(await updatePostalAddress.execute(handler, { ticketId: ticket.id, street: "Lange Nieuwstraat 4", postalCode: "3512 PH", city: "Utrecht" }, now)).toEqual({ ok: true, data: { kind: "PERSON" } });
    expect(await getLetterAddress(handler, ticket.id)).toEqual({ kind: "PERSON", organisationName: null, address: { street: "Lange Nieuwstraat 4", postalCode: "3512 PH", city: "Utrecht" } });
  });
});
