import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { fileQuestion, replyToTicket } from "@/lib/employer/commands";
import { getEmployerTicket, listEmployerTickets } from "@/lib/employer/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(now);
});

const question = { categoryKey: "PROCEDURE", subject: "Aanvraag loonkostensubsidie", body: "Hoe vragen wij loonkostensubsidie aan voor een nieuwe medewerker?" };

describe("filing a question for the organisation", () => {
  it("creates a portal ticket of the organisation that colleagues see and the other organisation does not", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const result = await fileQuestion.execute(tom, question, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.data.number }, include: { team: true, category: true } });
    expect(ticket).toMatchObject({ organisationId: tom.organisationId, requesterId: tom.id, channel: "PORTAL", audience: "EMPLOYER" });
    expect(ticket.team?.key).toBe("werkgevers");

    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect((await listEmployerTickets(eva)).items.some((t) => t.number === result.data.number)).toBe(true);
    expect(await getEmployerTicket(eva, result.data.number)).not.toBeNull();

    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    expect((await listEmployerTickets(lisa)).items.some((t) => t.number === result.data.number)).toBe(false);
    expect(await getEmployerTicket(lisa, result.data.number)).toBeNull();
  });

  it("refuses a missing topic, an empty subject and a short body all at once, with their limits, and stores nothing", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const before = await db.ticket.count();
    const result = await fileQuestion.execute(tom, { categoryKey: "", subject: "", body: "kort" }, now);
    expect(result).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    // In the form's order, so the summary's link and the focus go to the topic first.
    expect(!result.ok && result.fieldErrors).toEqual({ categoryKey: ["CHOOSE_TOPIC"], subject: ["TOO_SHORT:3"], body: ["TOO_SHORT:10"] });
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toEqual(["categoryKey", "subject", "body"]);
    expect(await db.ticket.count()).toBe(before);
  });

  it("refuses a category that is not for employers", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const result = await fileQuestion.execute(tom, { ...question, categoryKey: "DOSSIER_QUESTION" }, now);
    expect(result).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
  });

  it("refuses a beneficiary, a signed-out visitor and a contact without SUBMIT_REQUESTS", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    expect(await fileQuestion.execute(anna, question, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(await fileQuestion.execute(null, question, now)).toMatchObject({ ok: false, reason: "UNAUTHENTICATED" });
    const tom = await sessionFor("tom.visser@vandijk.example");
    const withoutRight = { ...tom, rights: [] };
    expect(await fileQuestion.execute(withoutRight, question, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect((await listEmployerTickets(withoutRight)).items).toEqual([]);
  });
});

describe("attachments", () => {
  const pdf = () => new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a])], "loonstrook.pdf", { type: "application/pdf" });

  it("stores a PDF with the question", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const result = await fileQuestion.execute(tom, { ...question, files: [pdf()] }, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const attachments = await db.attachment.findMany({ where: { message: { ticket: { number: result.data.number } } } });
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ fileName: "loonstrook.pdf", mimeType: "application/pdf" });
  });

  it("refuses a disguised file and more than three files, and stores no ticket", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const before = await db.ticket.count();
    const fake = new File([new TextEncoder().encode("MZ not a pdf")], "factuur.pdf", { type: "application/pdf" });
    expect(await fileQuestion.execute(tom, { ...question, files: [fake] }, now)).toMatchObject({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED" });
    expect(await fileQuestion.execute(tom, { ...question, files: [pdf(), pdf(), pdf(), pdf()] }, now)).toMatchObject({ ok: false, reason: "TOO_MANY_FILES" });
    expect(await db.ticket.count()).toBe(before);
  });
});

describe("replying on an organisation ticket", () => {
  it("adds the message on the organisation's own ticket and refuses another organisation's ticket", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const filed = await fileQuestion.execute(tom, question, now);
    if (!filed.ok) throw new Error("filing failed");
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await replyToTicket.execute(eva, { ticketNumber: filed.data.number, body: "Aanvulling: het gaat om twee medewerkers." }, now)).toMatchObject({ ok: true });
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    const before = await db.message.count();
    expect(await replyToTicket.execute(lisa, { ticketNumber: filed.data.number, body: "Dit is niet mijn ticket." }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    expect(await db.message.count()).toBe(before);
    const tooLong = await replyToTicket.execute(eva, { ticketNumber: filed.data.number, body: "x".repeat(5001) }, now);
    expect(tooLong).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { body: ["TOO_LONG:5000"] } });
    expect(await db.message.count()).toBe(before);
  });

  it("refuses a reply on a closed ticket", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const filed = await fileQuestion.execute(tom, question, now);
    if (!filed.ok) throw new Error("filing failed");
    await db.ticket.update({ where: { number: filed.data.number }, data: { status: "CLOSED" } });
    expect(await replyToTicket.execute(tom, { ticketNumber: filed.data.number, body: "Nog een vraag" }, now)).toMatchObject({ ok: false, reason: "TICKET_CLOSED" });
  });
});
