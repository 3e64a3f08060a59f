// The retention sweep against a real database and a real upload store: what expired is anonymised
// or deleted, files leave the store, fresh and held items stay, a second run does nothing, and two
// sweeps at once share the work without doing any of it twice.
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { placeLegalHold, releaseLegalHold, updateRetention } from "@/lib/privacy/commands";
import { ANONYMISED_TEXT, DEFAULT_RETENTION } from "@/lib/privacy/rules";
import { RETENTION_BATCH, sweepRetention } from "@/lib/privacy/sweep";
import { runSweeps } from "@/lib/sweeps/run";
import { openStoredUpload, storeUpload } from "@/lib/uploads/storage";
import { seedDemo, sessionFor } from "../support/fixtures";
import { withScratchUploadDir } from "../support/upload-dir";

withScratchUploadDir("privacy-retention");

const NOW = new Date("2026-11-24T10:00:00Z"); // tickets closed before 2024-11-24 11:00 Amsterdam have expired
const EXPIRED = new Date("2024-10-01T10:00:00Z");
const FRESH = new Date("2026-01-15T10:00:00Z");
const pdf = (label: string) => ({ name: `${label}.pdf`, type: "application/pdf", bytes: new TextEncoder().encode(`%PDF-1.7\n% ${label}\n%%EOF`) });

let seq = 0;
let category: string;
let anna: string;
let admin: Awaited<ReturnType<typeof sessionFor>>;

beforeEach(async () => {
  await seedDemo(NOW);
  category = (await db.ticketCategory.findUniqueOrThrow({ where: { key: "GENERAL_QUESTION" } })).id;
  anna = (await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } })).id;
  admin = await sessionFor("admin@loket.example");
});

/** A closed ticket with a message, an optional stored attachment and a raw inbound mail file. */
async function closedTicket(closedAt: Date, opts: { requesterId?: string | null; organisationId?: string; files?: ReturnType<typeof pdf>[]; rawMail?: boolean } = {}) {
  seq += 1;
  const ticket = await db.ticket.create({
    data: {
      number: `LK-2024-${String(700_000 + seq)}`,
      subject: `Geheime vraag ${seq} van Jansen`,
      categoryId: category,
      channel: "EMAIL",
      status: "CLOSED",
      requesterId: opts.requesterId === undefined ? anna : opts.requesterId,
      requesterName: "A. Jansen",
      requesterEmail: "a.jansen@prive.example",
      requesterPhone: "0612345678",
      organisationId: opts.organisationId ?? null,
      closedAt,
      resolvedAt: closedAt,
      createdAt: new Date(closedAt.getTime() - 86_400_000),
    },
  });
  const message = await db.message.create({ data: { ticketId: ticket.id, direction: "INBOUND", channel: "EMAIL", body: "Mijn BSN-vrije geheime tekst", bodyHtml: "<p>geheim</p>" } });
  const storageKeys: string[] = [];
  for (const file of opts.files ?? []) {
    const stored = await storeUpload(file, NOW);
    await db.attachment.create({ data: { messageId: message.id, ...stored } });
    storageKeys.push(stored.storageKey);
  }
  let rawPath: string | null = null;
  if (opts.rawMail) {
    rawPath = path.join(process.env.LOKET_DATA_DIR!, "inbound", `${ticket.id}.eml`);
    await mkdir(path.dirname(rawPath), { recursive: true });
    await writeFile(rawPath, "From: a.jansen@prive.example\r\nSubject: geheim\r\n\r\ngeheim");
    await db.inboundMail.create({ data: { mailMessageId: `<${ticket.id}@prive.example>`, fromAddress: "a.jansen@prive.example", subject: "geheim", rawPath, size: 60, status: "PROCESSED", ticketId: ticket.id, receivedAt: closedAt } });
  }
  await db.callRecord.create({ data: { ticketId: ticket.id, agentId: admin.id, callerName: "A. Jansen", phone: "0612345678", summary: "Belde over geheime zaak", startedAt: FRESH } });
  await db.ticketEvent.createMany({
    data: [
      { ticketId: ticket.id, kind: "complaint_ombudsman", data: { complaintId: "c1", reason: "Mevrouw Jansen is boos", stage: 2 } },
      { ticketId: ticket.id, kind: "status", data: { from: "RESOLVED", to: "CLOSED", reason: "auto-close" } },
    ],
  });
  return { ...ticket, storageKeys, rawPath };
}

const exists = (file: string) => stat(file).then(() => true, () => false);
const opens = async (key: string) => (await openStoredUpload(key)) !== null;
async function snapshot() {
  const [tickets, messages, attachments, audit, notifications, outbox, calls, inbound] = await Promise.all([
    db.ticket.findMany({ orderBy: { id: "asc" }, select: { id: true, subject: true, anonymisedAt: true } }),
    db.message.count({ where: { body: ANONYMISED_TEXT } }),
    db.attachment.count(),
    db.auditEvent.count(),
    db.notification.count(),
    db.outboxMessage.count({ where: { redactedAt: { not: null } } }),
    db.callRecord.count({ where: { anonymisedAt: { not: null } } }),
    db.inboundMail.count(),
  ]);
  return JSON.stringify({ tickets, messages, attachments, audit, notifications, outbox, calls, inbound });
}

describe("closed tickets", () => {
  it("anonymises an expired one and removes its attachment from the upload store; fresh and held ones stay; a second run changes nothing", async () => {
    const shared = pdf("gedeeld");
    const expired = await closedTicket(EXPIRED, { files: [pdf("alleen-oud"), shared], rawMail: true });
    const fresh = await closedTicket(FRESH, { files: [shared] });
    const heldTicket = await closedTicket(EXPIRED, { files: [pdf("vastgehouden")] });
    const bram = await db.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } });
    const heldPerson = await closedTicket(EXPIRED, { requesterId: bram.id });
    const vandijk = await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } });
    const heldOrganisation = await closedTicket(EXPIRED, { requesterId: null, organisationId: vandijk.id });
    const escalation = await db.escalation.create({
      data: { ticketId: expired.id, organisationId: vandijk.id, tier: 1, reason: "Mevrouw Jansen wacht", outcome: "Gebeld met mevrouw Jansen", raisedById: anna, raisedAt: EXPIRED, dueAt: EXPIRED },
    });
    await db.escalationAnswer.create({ data: { escalationId: escalation.id, authorId: admin.id, body: "Beste mevrouw Jansen, wij bellen u." } });
    expect(await placeLegalHold.execute(admin, { kind: "TICKET", reference: heldTicket.number, reason: "Bezwaarprocedure 2024-17" }, NOW)).toEqual({ ok: true, data: undefined });
    expect(await placeLegalHold.execute(admin, { kind: "PERSON", reference: bram.email, reason: "Rechtszaak" }, NOW)).toEqual({ ok: true, data: undefined });
    expect(await placeLegalHold.execute(admin, { kind: "ORGANISATION", reference: "WG-40012", reason: "Onderzoek inspectie" }, NOW)).toEqual({ ok: true, data: undefined });
    const [onlyOld, sharedKey] = expired.storageKeys;
    expect(await opens(onlyOld!)).toBe(true);

    const figures = await sweepRetention(db, NOW);

    const after = await db.ticket.findUniqueOrThrow({ where: { id: expired.id }, include: { messages: { include: { attachments: true } }, calls: true } });
    expect(after.anonymisedAt).toEqual(NOW);
    expect([after.subject, after.requesterName, after.requesterEmail, after.requesterPhone]).toEqual([ANONYMISED_TEXT, null, null, null]);
    expect(after.messages.map((m) => [m.body, m.bodyHtml, m.attachments.length])).toEqual([[ANONYMISED_TEXT, null, 0]]);
    expect(after.calls.map((c) => [c.summary, c.callerName, c.phone])).toEqual([[ANONYMISED_TEXT, null, null]]);
    const events = await db.ticketEvent.findMany({ where: { ticketId: expired.id }, orderBy: { kind: "asc" }, select: { data: true } });
    expect(events.map((e) => e.data)).toEqual([{ complaintId: "c1", reason: ANONYMISED_TEXT, stage: 2 }, { from: "RESOLVED", to: "CLOSED", reason: "auto-close" }]);
    const escalated = await db.escalation.findUniqueOrThrow({ where: { id: escalation.id }, include: { answers: true } });
    expect([escalated.reason, escalated.outcome, escalated.answers.map((a) => a.body)]).toEqual([ANONYMISED_TEXT, null, [ANONYMISED_TEXT]]);
    // The object only this ticket used is gone from the store; the one a fresh ticket shares stays.
    expect(await opens(onlyOld!)).toBe(false);
    expect(await opens(sharedKey!)).toBe(true);
    expect(await exists(expired.rawPath!)).toBe(false);
    expect(await db.inboundMail.count({ where: { ticketId: expired.id } })).toBe(0);
    expect(figures.tickets).toBeGreaterThanOrEqual(1);
    expect(figures.attachments).toBeGreaterThanOrEqual(2);
    expect(figures.skippedHeld).toBe(3);

    for (const kept of [fresh, heldTicket, heldPerson, heldOrganisation]) {
      const row = await db.ticket.findUniqueOrThrow({ where: { id: kept.id }, include: { messages: { include: { attachments: true } } } });
      expect([row.subject, row.anonymisedAt, row.messages[0]!.body]).toEqual([kept.subject, null, "Mijn BSN-vrije geheime tekst"]);
      expect(row.messages[0]!.attachments.map((a) => a.storageKey)).toEqual(kept.storageKeys);
      expect(await db.ticketEvent.count({ where: { ticketId: kept.id, data: { path: ["reason"], equals: "Mevrouw Jansen is boos" } } })).toBe(1);
    }
    expect(await opens(heldTicket.storageKeys[0]!)).toBe(true);

    // One audit event per batch: counts and ids, no personal data.
    const audits = await db.auditEvent.findMany({ where: { action: "privacy.retention.tickets" } });
    expect(audits).toHaveLength(1);
    const data = audits[0]!.data as { count: number; ids: string[] };
    expect(data.ids).toContain(expired.id);
    expect(data.ids).not.toContain(heldTicket.id);
    expect(data.count).toBe(data.ids.length);
    expect(JSON.stringify(audits[0])).not.toMatch(/Jansen|geheim/i);

    const before = await snapshot();
    const again = await sweepRetention(db, NOW);
    expect(again).toMatchObject({ tickets: 0, calls: 0, outbox: 0, inbound: 0, notifications: 0, audit: 0, attachments: 0, files: 0 });
    expect(await snapshot()).toBe(before);
  });

  it("releasing a hold lets the next sweep anonymise the ticket; holds refuse unknown references and double placing or releasing", async () => {
    const ticket = await closedTicket(EXPIRED, { files: [pdf("vrijgegeven")] });
    expect(await placeLegalHold.execute(admin, { kind: "TICKET", reference: ticket.number.toLowerCase(), reason: "Bezwaar" }, NOW)).toEqual({ ok: true, data: undefined });
    const hold = await db.legalHold.findFirstOrThrow({ where: { ticketId: ticket.id } });
    const audited = await db.auditEvent.count();
    expect(await placeLegalHold.execute(admin, { kind: "TICKET", reference: ticket.number, reason: "Nog eens" }, NOW)).toEqual({ ok: false, reason: "ALREADY_HELD" });
    expect(await placeLegalHold.execute(admin, { kind: "TICKET", reference: "LK-1999-000001", reason: "Bezwaar" }, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await placeLegalHold.execute(admin, { kind: "PERSON", reference: "niemand@nergens.example", reason: "Bezwaar" }, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await placeLegalHold.execute(admin, { kind: "ORGANISATION", reference: "WG-00000", reason: "Bezwaar" }, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await db.legalHold.count()).toBe(1);
    expect(await db.auditEvent.count()).toBe(audited);

    await sweepRetention(db, NOW);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).anonymisedAt).toBeNull();

    expect(await releaseLegalHold.execute(admin, { holdId: hold.id }, NOW)).toEqual({ ok: true, data: undefined });
    expect(await releaseLegalHold.execute(admin, { holdId: hold.id }, NOW)).toEqual({ ok: false, reason: "ALREADY_RELEASED" });
    expect(await releaseLegalHold.execute(admin, { holdId: "no-such-hold" }, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: { in: ["privacy.hold.place", "privacy.hold.release"] } } })).toBe(2);

    await sweepRetention(db, NOW);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).anonymisedAt).toEqual(NOW);
    expect(await opens(ticket.storageKeys[0]!)).toBe(false);
  });
});

describe("other classes", () => {
  it("deletes notifications and audit events past their term, blanks outbox bodies and anonymises calls past theirs", async () => {
    const bram = await db.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } });
    const note = (userId: string, createdAt: Date, key: string) => db.notification.create({ data: { userId, kind: "sla.breached", dedupeKey: `privacy-${key}`, entityType: "Ticket", entityId: "x", createdAt } });
    const oldNote = await note(anna, new Date("2026-04-01T10:00:00Z"), "old");
    const newNote = await note(anna, new Date("2026-10-01T10:00:00Z"), "new");
    const heldNote = await note(bram.id, new Date("2026-04-01T10:00:00Z"), "held");
    const event = (createdAt: Date) => db.auditEvent.create({ data: { action: "test.event", entityType: "Test", createdAt } });
    const oldEvent = await event(new Date("2021-06-01T10:00:00Z"));
    const newEvent = await event(new Date("2022-06-01T10:00:00Z"));
    const mail = (status: "SENT" | "PENDING", sentAt: Date | null, key: string) =>
      db.outboxMessage.create({ data: { kind: "ticket.reply", toAddress: "anna.jansen@burger.example", subject: "Antwoord", bodyText: "Geheim antwoord", bodyHtml: "<p>Geheim</p>", mailMessageId: `<privacy-${key}@test>`, status, sentAt, createdAt: sentAt ?? new Date("2026-01-01T10:00:00Z") } });
    const oldMail = await mail("SENT", new Date("2026-06-01T10:00:00Z"), "old");
    const newMail = await mail("SENT", new Date("2026-10-01T10:00:00Z"), "new");
    const pending = await mail("PENDING", null, "pending");
    const call = (startedAt: Date) => db.callRecord.create({ data: { agentId: admin.id, callerName: "A. Jansen", phone: "0612345678", summary: "Geheim", startedAt } });
    const oldCall = await call(new Date("2025-06-01T10:00:00Z"));
    const newCall = await call(new Date("2026-06-01T10:00:00Z"));
    expect(await placeLegalHold.execute(admin, { kind: "PERSON", reference: bram.email, reason: "Rechtszaak" }, NOW)).toEqual({ ok: true, data: undefined });

    const figures = await sweepRetention(db, NOW);

    expect(await db.notification.findMany({ where: { id: { in: [oldNote.id, newNote.id, heldNote.id] } }, select: { id: true }, orderBy: { id: "asc" } })).toEqual([newNote.id, heldNote.id].sort().map((id) => ({ id })));
    expect(await db.auditEvent.count({ where: { id: oldEvent.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { id: newEvent.id } })).toBe(1);
    const mails = await db.outboxMessage.findMany({ where: { id: { in: [oldMail.id, newMail.id, pending.id] } } });
    const byId = new Map(mails.map((m) => [m.id, m]));
    expect([byId.get(oldMail.id)!.bodyText, byId.get(oldMail.id)!.bodyHtml, byId.get(oldMail.id)!.redactedAt]).toEqual([ANONYMISED_TEXT, null, NOW]);
    expect(byId.get(newMail.id)!.bodyText).toBe("Geheim antwoord");
    expect(byId.get(pending.id)!.bodyText).toBe("Geheim antwoord");
    expect((await db.callRecord.findUniqueOrThrow({ where: { id: oldCall.id } })).summary).toBe(ANONYMISED_TEXT);
    expect((await db.callRecord.findUniqueOrThrow({ where: { id: newCall.id } })).summary).toBe("Geheim");
    expect(figures.notifications).toBeGreaterThanOrEqual(1);
    for (const cls of ["notifications", "audit", "outbox", "calls"]) {
      expect(await db.auditEvent.count({ where: { action: `privacy.retention.${cls}` } })).toBeGreaterThanOrEqual(1);
    }
  });

  it("follows the admin's terms: a shorter notification term deletes more; a term under the minimum is refused and nothing is saved", async () => {
    const twoMonths = await db.notification.create({ data: { userId: anna, kind: "sla.breached", dedupeKey: "privacy-two-months", entityType: "Ticket", entityId: "x", createdAt: new Date("2026-09-20T10:00:00Z") } });
    expect(await updateRetention.execute(admin, { ...DEFAULT_RETENTION, audit: { amount: 6, unit: "MONTHS" } }, NOW)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { "audit.amount": ["TERM_TOO_SHORT"] } });
    expect(await db.setting.count({ where: { key: "privacy.retention" } })).toBe(0);
    await sweepRetention(db, NOW);
    expect(await db.notification.count({ where: { id: twoMonths.id } })).toBe(1);
    expect(await updateRetention.execute(admin, { ...DEFAULT_RETENTION, notifications: { amount: 1, unit: "MONTHS" } }, NOW)).toEqual({ ok: true, data: undefined });
    await sweepRetention(db, NOW);
    expect(await db.notification.count({ where: { id: twoMonths.id } })).toBe(0);
  });

  it("runs from the scheduler at most once an hour", async () => {
    expect(typeof (await runSweeps(db, NOW)).retention).toBe("object");
    expect((await runSweeps(db, new Date(NOW.getTime() + 30 * 60_000))).retention).toBe("notDue");
    expect(typeof (await runSweeps(db, new Date(NOW.getTime() + 61 * 60_000))).retention).toBe("object");
  });
});

describe("two sweeps at once", () => {
  it("anonymise every expired ticket exactly once between them (needs PostgreSQL)", async (context) => {
    if (inject("databaseKind") === "pglite") {
      context.skip("PGlite runs one transaction at a time, so it cannot show concurrency; run with TEST_DATABASE_URL (PostgreSQL) as CI does");
    }
    await sweepRetention(db, NOW); // whatever the seed had expired, out of the way
    const count = RETENTION_BATCH * 2 + 37;
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) ids.push((await closedTicket(EXPIRED)).id);
    const [a, b] = await Promise.all([sweepRetention(db, NOW), sweepRetention(db, NOW)]);
    expect(a.tickets + b.tickets).toBe(count);
    expect(await db.ticket.count({ where: { id: { in: ids }, anonymisedAt: null } })).toBe(0);
    const events = await db.auditEvent.findMany({ where: { action: "privacy.retention.tickets" } });
    const audited = events.flatMap((e) => (e.data as { ids: string[] }).ids).filter((id) => ids.includes(id));
    expect(audited).toHaveLength(count);
    expect(new Set(audited).size).toBe(count);
  }, 120_000);
});
