import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit/mutations";
import { auditCsvHeader, auditCsvStream } from "@/lib/audit-log/csv";
import { loadAuditLog, openAuditExport } from "@/lib/audit-log/load";
import { type AuditRow, listActionCodes, listAuditEvents, resolveAuditFilter } from "@/lib/audit-log/queries";
import { type AuditFilter, decodeCursor, encodeCursor } from "@/lib/audit-log/rules";
import { logComplaintSignal } from "@/lib/complaints/desk";
import { db } from "@/lib/db/client";
import { setTwoFactorRequired } from "@/lib/organisations/mutations";
import { addCustomerMessage, addInternalNote } from "@/lib/tickets/mutations";
import { getStaffTicket } from "@/lib/workspace/queries";
import { seedDemo, sessionFor } from "../support/fixtures";
import { readCsv } from "../support/csv-reader";

const now = new Date("2026-11-24T10:00:00Z");

beforeAll(async () => {
  await seedDemo(now);
});

/** Every event of a filter, through the reader's own paging (no shortcut past its SQL). */
async function readAll(filter: AuditFilter): Promise<AuditRow[]> {
  const resolved = await resolveAuditFilter(db, filter);
  const rows: AuditRow[] = [];
  let page = await listAuditEvents(db, resolved, { cursor: null, direction: "older" });
  rows.push(...page.rows);
  while (page.older) {
    page = await listAuditEvents(db, resolved, { cursor: page.older, direction: "older" });
    rows.push(...page.rows);
  }
  return rows;
}

const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
const orgOf = (externalNumber: string) => db.organisation.findUniqueOrThrow({ where: { externalNumber } });
async function ticketOf(email: string, dossier: boolean) {
  return db.ticket.findFirstOrThrow({
    where: { requester: { email }, category: { dossierSensitive: dossier, key: { notIn: ["HR_DESK", "COMPLAINT"] } } },
    orderBy: { createdAt: "asc" },
  });
}

/** The bytes as sent (Response.text() would drop the byte-order mark). */
async function streamText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

const note = async (ticketId: string, email: string) => {
  const authorId = await userId(email);
  return db.$transaction((tx) => addInternalNote(tx, { ticketId, authorId, body: "Gebeld, teruggebeld." }, now));
};

describe("every read of a dossier ticket by staff is in the audit log", () => {
  it("a case handler opens Bram's dossier ticket through the ticket page's read; the reader finds it by ticket and by person", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const dossier = await ticketOf("bram.devries@burger.example", true);
    const before = new Date();
    const opened = await getStaffTicket(handler, dossier.id);
    expect(opened?.number).toBe(dossier.number);

    const byTicket = await readAll({ ticket: dossier.number });
    const view = byTicket.find((r) => r.action === "ticket.dossier_viewed" && r.actorId === handler.id && r.createdAt >= new Date(before.getTime() - 1000));
    expect(view).toMatchObject({ ticketId: dossier.id, ticketNumber: dossier.number, actor: { email: "behandelaar@loket.example" } });
    expect(byTicket.every((r) => r.ticketId === dossier.id)).toBe(true);

    const byPerson = await readAll({ person: "behandelaar@loket.example", action: "ticket.dossier_viewed" });
    expect(byPerson.map((r) => r.id)).toContain(view!.id);
    // Someone else's log does not hold it.
    const byAnna = await readAll({ person: "anna.jansen@burger.example", action: "ticket.dossier_viewed" });
    expect(byAnna.map((r) => r.id)).not.toContain(view!.id);
  });

  it("a general ticket is no dossier: opening it leaves no view event", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const general = await ticketOf("anna.jansen@burger.example", false);
    await getStaffTicket(handler, general.id);
    expect(await readAll({ ticket: general.number, action: "ticket.dossier_viewed" })).toEqual([]);
  });
});

describe("filters", () => {
  it("ticket: by its number (as typed, lower case too), including events on the ticket that are not the ticket itself", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const vandijk = await ticketOf("tom.visser@vandijk.example", false);
    const anna = await ticketOf("anna.jansen@burger.example", false);
    const signal = await db.$transaction((tx) => logComplaintSignal(tx, { ticketId: vandijk.id, actor: coordinator, description: "Klant klaagt over de wachttijd." }, now));
    await note(vandijk.id, "behandelaar@loket.example");
    await note(anna.id, "behandelaar@loket.example");
    const rows = await readAll({ ticket: vandijk.number.toLowerCase() });
    expect(new Set(rows.map((r) => r.ticketId))).toEqual(new Set([vandijk.id]));
    expect(rows.find((r) => r.action === "complaint.signal")).toMatchObject({ entityType: "Complaint", entityId: signal.id, organisation: { externalNumber: "WG-40012" } });
    expect(rows.find((r) => r.action === "ticket.note")).toMatchObject({ entityType: "Ticket", entityId: vandijk.id, actor: { email: "behandelaar@loket.example" } });
    expect((await readAll({ ticket: anna.number })).map((r) => r.action)).toContain("ticket.note");

    const resolved = await resolveAuditFilter(db, { ticket: "LK-1999-999999" });
    expect(resolved.ticket).toBeNull();
    expect((await listAuditEvents(db, resolved, { cursor: null, direction: "older" })).rows).toEqual([]);
  });

  it("organisation: by external number or name, its own events plus every event on its tickets, and nothing of another organisation", async () => {
    const vandijk = await orgOf("WG-40012");
    const zorgnoord = await orgOf("WG-40877");
    const eva = await userId("eva.bakker@vandijk.example");
    await db.$transaction((tx) => setTwoFactorRequired(tx, { id: eva, organisationId: vandijk.id }, false, now));
    const [vandijkTicket, zorgTicket] = await Promise.all([ticketOf("tom.visser@vandijk.example", false), ticketOf("lisa.smit@zorggroepnoord.example", false)]);
    await note(vandijkTicket.id, "behandelaar@loket.example");
    await note(zorgTicket.id, "behandelaar@loket.example");
    const vandijkTicketIds = new Set((await db.ticket.findMany({ where: { organisationId: vandijk.id }, select: { id: true } })).map((t) => t.id));

    const byNumber = await readAll({ organisation: "wg-40012" });
    const byName = await readAll({ organisation: "van dijk" });
    expect(byName.map((r) => r.id)).toEqual(byNumber.map((r) => r.id));
    expect(byNumber.some((r) => r.action === "organisation.two_factor" && r.organisationId === vandijk.id)).toBe(true);
    // An event on one of its tickets carries no organisation itself: found through the ticket.
    expect(byNumber.some((r) => r.action === "ticket.note" && r.organisationId === null && r.ticketId === vandijkTicket.id)).toBe(true);
    for (const r of byNumber) expect(r.organisationId === vandijk.id || vandijkTicketIds.has(r.ticketId ?? "")).toBe(true);

    const zorg = await readAll({ organisation: "WG-40877" });
    expect(zorg.some((r) => r.ticketId === zorgTicket.id)).toBe(true);
    const zorgIds = new Set(zorg.map((r) => r.id));
    expect(byNumber.filter((r) => zorgIds.has(r.id))).toEqual([]);
    expect(zorg.every((r) => r.organisationId !== vandijk.id)).toBe(true);
    expect(zorgnoord.id).not.toBe(vandijk.id);

    const none = await resolveAuditFilter(db, { organisation: "Bestaat Niet B.V." });
    expect(none.organisations).toEqual([]);
    expect((await listAuditEvents(db, none, { cursor: null, direction: "older" })).rows).toEqual([]);
  });

  it("person: what they did and what was done to their account, by e-mail or part of the name; not another person's", async () => {
    const anna = await userId("anna.jansen@burger.example");
    const bram = await userId("bram.devries@burger.example");
    const admin = await userId("admin@loket.example");
    // An event about Anna by someone else (an admin changed her address), and one by Bram.
    await audit(db, { actorId: admin, action: "postal_address.update", entityType: "User", entityId: anna });
    await audit(db, { actorId: bram, action: "account.password_changed", entityType: "User", entityId: bram });
    const annaTicket = await db.ticket.findFirstOrThrow({ where: { requesterId: anna, status: { not: "CLOSED" } }, orderBy: { createdAt: "asc" } });
    await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: annaTicket.id, authorId: anna, channel: "PORTAL", body: "Nog een vraag." }, now));

    const byMail = await readAll({ person: "anna.jansen@burger.example" });
    const byName = await readAll({ person: "anna jans" });
    expect(byName.map((r) => r.id)).toEqual(byMail.map((r) => r.id));
    expect(byMail.some((r) => r.actorId === anna && r.action === "ticket.customer_message" && r.ticketId === annaTicket.id)).toBe(true);
    expect(byMail.some((r) => r.actorId === admin && r.entityId === anna && r.entityPerson?.email === "anna.jansen@burger.example")).toBe(true);
    for (const r of byMail) expect(r.actorId === anna || (r.entityType === "User" && r.entityId === anna)).toBe(true);
    expect(byMail.some((r) => r.actorId === bram || r.entityId === bram)).toBe(false);

    const nobody = await resolveAuditFilter(db, { person: "niemand-bekend" });
    expect(nobody.people).toEqual([]);
    expect((await listAuditEvents(db, nobody, { cursor: null, direction: "older" })).rows).toEqual([]);
  });

  it("action: only that code; the select lists each code in the log once, sorted", async () => {
    const rows = await readAll({ action: "ticket.create" });
    expect(rows.length).toBe(await db.auditEvent.count({ where: { action: "ticket.create" } }));
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["ticket.create"]));
    const codes = await listActionCodes(db);
    const distinct = (await db.auditEvent.findMany({ distinct: ["action"], select: { action: true } })).map((r) => r.action).sort();
    expect(codes).toEqual(distinct);
    expect(codes).toContain("ticket.create");
  });

  it("period: whole Amsterdam days, both ends included; filters combine", async () => {
    const actorId = await userId("manager@loket.example");
    const at = (iso: string) => audit(db, { actorId, action: "test.period", entityType: "Setting", entityId: iso }).then(() => db.auditEvent.updateMany({ where: { action: "test.period", entityId: iso }, data: { createdAt: new Date(iso) } }));
    // 23 Nov 23:59 and 24 Nov 00:30 Amsterdam (UTC+1), 24 Nov 23:59 and 25 Nov 00:00.
    for (const iso of ["2026-11-23T22:59:00.000Z", "2026-11-23T23:30:00.000Z", "2026-11-24T22:59:00.000Z", "2026-11-24T23:00:00.000Z"]) await at(iso);
    const day = await readAll({ action: "test.period", from: "2026-11-24", to: "2026-11-24" });
    expect(day.map((r) => r.entityId)).toEqual(["2026-11-24T22:59:00.000Z", "2026-11-23T23:30:00.000Z"]);
    expect((await readAll({ action: "test.period", from: "2026-11-25" })).map((r) => r.entityId)).toEqual(["2026-11-24T23:00:00.000Z"]);
    expect((await readAll({ action: "test.period", to: "2026-11-23" })).map((r) => r.entityId)).toEqual(["2026-11-23T22:59:00.000Z"]);
    // Combined with a person who did none of them: nothing.
    expect(await readAll({ action: "test.period", person: "anna.jansen@burger.example" })).toEqual([]);
  });

  it("period validation: a start after the end, or a day that does not exist, is refused with its code and shows no events", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect(await loadAuditLog(admin, { from: "2026-11-25", to: "2026-11-24" })).toMatchObject({ ok: false, reason: "FROM_AFTER_TO", raw: { from: "2026-11-25", to: "2026-11-24" } });
    expect(await loadAuditLog(admin, { from: "2026-02-30" })).toMatchObject({ ok: false, reason: "INVALID_DATE" });
    expect(await loadAuditLog(admin, { to: "24-11-2026" })).toMatchObject({ ok: false, reason: "INVALID_DATE" });
    expect(await loadAuditLog(admin, { from: "2026-11-24", to: "2026-11-24" })).toMatchObject({ ok: true });
  });
});

describe("paging", () => {
  it("50 per page, newest first, no event twice or missing across pages (ties in time broken by id), and back again", async () => {
    const actorId = await userId("manager@loket.example");
    const base = Date.parse("2026-06-01T08:00:00.000Z");
    // 120 events, three per instant so the keyset must use the id.
    await db.auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ actorId, action: "test.paging", entityType: "Setting", entityId: `p${i}`, createdAt: new Date(base + Math.floor(i / 3) * 1000) })),
    });
    const resolved = await resolveAuditFilter(db, { action: "test.paging" });
    const p1 = await listAuditEvents(db, resolved, { cursor: null, direction: "older" });
    expect(p1.rows).toHaveLength(50);
    expect(p1.newer).toBeNull();
    const p2 = await listAuditEvents(db, resolved, { cursor: decodeCursor(encodeCursor(p1.older!)), direction: "older" });
    const p3 = await listAuditEvents(db, resolved, { cursor: p2.older, direction: "older" });
    expect([p2.rows.length, p3.rows.length]).toEqual([50, 20]);
    expect(p3.older).toBeNull();
    const all = [...p1.rows, ...p2.rows, ...p3.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(120);
    const times = all.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]!.createdAt.toISOString()).toBe(new Date(base + 39_000).toISOString());

    // Back from page 3 to page 2, and from page 2 to page 1 (which has no newer page).
    const back2 = await listAuditEvents(db, resolved, { cursor: p3.newer, direction: "newer" });
    expect(back2.rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));
    const back1 = await listAuditEvents(db, resolved, { cursor: back2.newer, direction: "newer" });
    expect(back1.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(back1.newer).toBeNull();
    expect(back1.older).toEqual(p1.older);
  });

  it("a cursor that is not one is ignored (first page)", () => {
    expect(decodeCursor("'; DROP TABLE x; --")).toBeNull();
    expect(decodeCursor("2026-13-45T99:00:00.000Z_x")).toBeNull();
  });
});

describe("CSV export", () => {
  it("streams every event of the filter in batches, with the header, Dutch labels, each cell safe from spreadsheet formulas, and is itself audited", async () => {
    const admin = await sessionFor("admin@loket.example");
    const actor = await db.user.create({ data: { email: "formula@loket.example", name: '=HYPERLINK("http://evil.example","klik")', role: "MANAGER", passwordHash: "x" } });
    for (let i = 0; i < 5; i++) {
      await audit(db, { actorId: actor.id, action: "test.csv", entityType: "Setting", entityId: i === 0 ? "+31612345678" : `-id,${i}`, data: { note: i === 0 ? "@SUM(A1)" : `a "quote" ${i}` } });
    }
    const exportsBefore = await db.auditEvent.count({ where: { action: "audit.exported" } });
    const opened = await openAuditExport(admin, { action: "test.csv", person: "formula@loket.example" }, 2);
    if (!opened.ok) throw new Error(opened.reason);
    const header = auditCsvHeader((c) => c);
    const labels = { action: (code: string) => (code === "test.csv" ? "Test" : code), entityType: (code: string) => (code === "Setting" ? "Instelling" : code) };
    const text = await streamText(auditCsvStream(header, opened.batches, labels));
    expect(text.startsWith("\uFEFF")).toBe(true);
    // Semicolons between cells, as Dutch Excel reads them.
    expect(text.slice(1, text.indexOf("\r\n"))).toBe("timeUtc;timeAmsterdam;actorEmail;actorName;action;actionLabel;entityType;entityId;ticket;organisation;data");
    const [head, ...rows] = readCsv(text.slice(1));
    expect(head).toEqual(["timeUtc", "timeAmsterdam", "actorEmail", "actorName", "action", "actionLabel", "entityType", "entityId", "ticket", "organisation", "data"]);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row[2]).toBe("formula@loket.example");
      expect(row[3]).toBe(`'=HYPERLINK("http://evil.example","klik")`);
      expect(row[4]).toBe("test.csv");
      expect(row[5]).toBe("Test");
      expect(row[6]).toBe("Instelling");
    }
    // Newest first: the first event written is the last line.
    expect(rows.at(-1)![7]).toBe("'+31612345678");
    expect(rows.slice(0, 4).map((r) => r[7])).toEqual(["'-id,4", "'-id,3", "'-id,2", "'-id,1"]);
    expect(JSON.parse(rows[0]![10]!)).toEqual({ note: 'a "quote" 4' });
    // Amsterdam time next to UTC (10:xx UTC in November is 11:xx there, seconds alike).
    expect(rows[0]![1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(rows[0]![0]!.slice(14, 19)).toBe(rows[0]![1]!.slice(14, 19));
    // No line is a formula.
    for (const line of readCsv(text.slice(1)).flat()) expect(/^[=+\-@]/.test(line)).toBe(false);

    const recorded = await db.auditEvent.findMany({ where: { action: "audit.exported", actorId: admin.id }, orderBy: { createdAt: "desc" } });
    expect(recorded).toHaveLength(exportsBefore + 1);
    expect(recorded[0]!.data).toEqual({ personIds: [actor.id], ticketId: null, organisationIds: null, action: "test.csv", from: null, to: null });
    // The typed search text (personal data) is not in the event.
    expect(JSON.stringify(recorded[0]!.data)).not.toContain("formula@");
  });

  it("only audit.read may read or export; a refused export writes nothing, a bad period is refused", async () => {
    for (const email of ["coordinator@loket.example", "manager@loket.example", "agent@loket.example", "anna.jansen@burger.example"]) {
      const user = await sessionFor(email);
      expect(await loadAuditLog(user, {})).toEqual({ ok: false, reason: "FORBIDDEN" });
      expect(await openAuditExport(user, {})).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    const admin = await sessionFor("admin@loket.example");
    const before = await db.auditEvent.count({ where: { action: "audit.exported" } });
    expect(await openAuditExport(admin, { from: "2026-11-25", to: "2026-11-01" })).toEqual({ ok: false, reason: "FROM_AFTER_TO" });
    expect(await db.auditEvent.count({ where: { action: "audit.exported" } })).toBe(before);
  });
});
