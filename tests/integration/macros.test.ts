import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMacroAction, renderMacroAction, updateMacroAction } from "@/lib/macros/commands";
import { listMacros } from "@/lib/macros/queries";
import { formatDueDate } from "@/lib/macros/rules";
import { replyToTicket } from "@/lib/workspace/commands";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeAll(async () => {
  await seedDemo(now);
});

const macroNamed = (title: string) => db.macro.findFirstOrThrow({ where: { title } });
/** Bram's first open ticket: the seed books two callbacks on it for the next working day. */
const bramTicket = () => db.ticket.findFirstOrThrow({ where: { requester: { email: "bram.devries@burger.example" }, status: "OPEN" }, orderBy: { createdAt: "asc" } });

describe("managing macros", () => {
  it("seeds three Dutch macros, one of which asks for documents and waits for the customer", async () => {
    const macros = await listMacros(db, { includeInactive: false });
    expect(macros.map((m) => m.title)).toEqual(["Ontvangstbevestiging met termijn", "Terugbelafspraak bevestigen", "Vraag om aanvullende stukken"]);
    expect(macros.find((m) => m.title === "Vraag om aanvullende stukken")?.setStatus).toBe("PENDING_CUSTOMER");
  });

  it("lets a coordinator create and edit a macro, audited; the first line may not", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const input = { title: "Uitbetaling gepland", body: "Beste {naam}, de betaling voor {registratienummer} staat gepland.", locale: "nl", setStatus: "RESOLVED", setCategoryKey: "" };
    const created = await createMacroAction.execute(coordinator, input, now);
    if (!created.ok) throw new Error(created.reason);
    expect(await db.macro.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({ setStatus: "RESOLVED", setCategoryId: null, active: true, authorId: coordinator.id });
    expect(await updateMacroAction.execute(coordinator, { ...input, id: created.data.id, title: "Uitbetaling ingepland", active: false }, now)).toEqual({ ok: true, data: { id: created.data.id } });
    expect(await db.macro.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({ title: "Uitbetaling ingepland", active: false });
    const audits = await db.auditEvent.findMany({ where: { entityId: created.data.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["macro.create", "macro.update"]);

    for (const email of ["agent@loket.example", "behandelaar@loket.example"]) {
      expect(await createMacroAction.execute(await sessionFor(email), input, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
  });

  it("refuses an unknown placeholder, naming it, and writes nothing", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const before = await db.macro.count();
    const result = await createMacroAction.execute(coordinator, { title: "Tikfout", body: "Beste {nam}, uw {dossiernummer} en {naam}.", locale: "nl" }, now);
    expect(result).toEqual({ ok: false, reason: "UNKNOWN_PLACEHOLDER", fieldErrors: { body: ["{nam}", "{dossiernummer}"] } });
    expect(await db.macro.count()).toBe(before);
    expect(await createMacroAction.execute(coordinator, { title: "Categorie", body: "Beste {naam}, dank u.", locale: "nl", setCategoryKey: "BESTAAT_NIET" }, now)).toEqual({ ok: false, reason: "UNKNOWN_CATEGORY" });
    expect(await db.macro.count()).toBe(before);
  });
});

describe("using a macro on a ticket", () => {
  it("fills name, number, due date and the booked callback from the ticket", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await bramTicket();
    const macro = await macroNamed("Terugbelafspraak bevestigen");
    const rendered = await renderMacroAction.execute(handler, { macroId: macro.id, ticketId: ticket.id }, now);
    if (!rendered.ok) throw new Error(rendered.reason);
    // The seed books the morning slot of the next working day (Wednesday 25 November 2026).
    expect(rendered.data.text).toBe(
      `Beste Bram de Vries,\n\nWij bellen u terug op woensdag 25 november 2026 tussen 10:00 en 11:00 uur over uw vraag ${ticket.number}. Kunt u dan niet? Verzet de afspraak in Mijn Loket.`,
    );
    expect(rendered.data.unfilled).toEqual([]);

    const receipt = await renderMacroAction.execute(handler, { macroId: (await macroNamed("Ontvangstbevestiging met termijn")).id, ticketId: ticket.id }, now);
    expect(receipt.ok && receipt.data.text).toContain(`uiterlijk ${formatDueDate(ticket.slaDueAt!, "nl")} een antwoord`);
  });

  it("leaves a placeholder without a value visible, and refuses to send it unfilled", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    // Anna's callback ended unreachable: nothing booked, so no callback moment.
    const ticket = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" }, status: "OPEN", channel: "PORTAL" } });
    const macro = await macroNamed("Terugbelafspraak bevestigen");
    const rendered = await renderMacroAction.execute(handler, { macroId: macro.id, ticketId: ticket.id }, now);
    if (!rendered.ok) throw new Error(rendered.reason);
    expect(rendered.data.text).toContain("Wij bellen u terug op [terugbelmoment] over uw vraag");
    expect(rendered.data.unfilled).toEqual(["[terugbelmoment]"]);

    const before = await db.message.count({ where: { ticketId: ticket.id } });
    const sent = await replyToTicket.execute(handler, { ticketId: ticket.id, body: rendered.data.text, macroId: macro.id }, now);
    expect(sent).toEqual({ ok: false, reason: "UNFILLED_PLACEHOLDER", fieldErrors: { body: ["[terugbelmoment]"] } });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(before);
  });

  it("changes nothing on insert and applies the macro's status when the reply is sent", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" }, status: "OPEN", channel: "EMAIL" } });
    const macro = await macroNamed("Vraag om aanvullende stukken");
    const rendered = await renderMacroAction.execute(handler, { macroId: macro.id, ticketId: ticket.id }, now);
    if (!rendered.ok) throw new Error(rendered.reason);
    expect(rendered.data.setStatus).toBe("PENDING_CUSTOMER");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("OPEN");

    const sent = await replyToTicket.execute(handler, { ticketId: ticket.id, body: rendered.data.text, macroId: macro.id }, now);
    if (!sent.ok) throw new Error(sent.reason);
    const after = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.status).toBe("PENDING_CUSTOMER");
    const events = await db.ticketEvent.findMany({ where: { ticketId: ticket.id, kind: "status", createdAt: now } });
    expect(events.map((e) => e.data)).toEqual([{ from: "OPEN", to: "PENDING_CUSTOMER" }]);
    const message = await db.message.findUniqueOrThrow({ where: { id: sent.data.messageId } });
    expect(message.body).toContain("Beste Anna Jansen,");
    const outbox = await db.outboxMessage.findUniqueOrThrow({ where: { id: sent.data.outboxId! } });
    expect(outbox.bodyText).toContain("Beste Anna Jansen,");
    expect(await db.auditEvent.findFirst({ where: { action: "macro.used", entityId: ticket.id } })).toMatchObject({ actorId: handler.id, data: { macroId: macro.id, status: "PENDING_CUSTOMER" } });
  });

  it("sends nothing when the macro's change is not the agent's to make (a dossier category for the first line)", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const agent = await sessionFor("agent@loket.example");
    const created = await createMacroAction.execute(coordinator, { title: "Naar dossier", body: "Beste {naam}, wij zoeken dit voor u uit.", locale: "nl", setCategoryKey: "DOSSIER_QUESTION" }, now);
    if (!created.ok) throw new Error(created.reason);
    const ticket = await db.ticket.findFirstOrThrow({ where: { status: "OPEN", channel: "PORTAL", category: { key: "MALFUNCTION" } } });
    const before = await db.message.count({ where: { ticketId: ticket.id } });
    expect(await replyToTicket.execute(agent, { ticketId: ticket.id, body: "Beste Bram de Vries, wij zoeken dit voor u uit.", macroId: created.data.id }, now)).toEqual({
      ok: false,
      reason: "DOSSIER_CATEGORY_FORBIDDEN",
    });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(before);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: { category: true } })).category.key).toBe("MALFUNCTION");
  });

  it("offers no inactive macro and no ticket outside the user's scope", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await bramTicket();
    const macro = await db.macro.create({ data: { title: "Oud", body: "Beste {naam}.", active: false } });
    expect(await renderMacroAction.execute(handler, { macroId: macro.id, ticketId: ticket.id }, now)).toEqual({ ok: false, reason: "MACRO_NOT_FOUND" });
    expect(await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Beste Bram.", macroId: macro.id }, now)).toEqual({ ok: false, reason: "MACRO_NOT_FOUND" });
    const elders = await db.team.create({ data: { key: "macro-elders", name: "Elders" } });
    const foreign = await db.ticket.update({ where: { id: ticket.id }, data: { teamId: elders.id, assigneeId: null } });
    const active = await macroNamed("Ontvangstbevestiging met termijn");
    expect(await renderMacroAction.execute(handler, { macroId: active.id, ticketId: foreign.id }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});
