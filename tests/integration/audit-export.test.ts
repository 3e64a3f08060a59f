import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit/mutations";
import { db } from "@/lib/db/client";
import { collectPersonData, exportPersonData } from "@/lib/privacy/export";
import { loadMessages } from "@/i18n/messages";
import { escapeHtml, renderPersonDataHtml, type PersonExportLabels } from "@/lib/privacy/export-html";
import { addCustomerMessage } from "@/lib/tickets/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const ANNA = "anna.jansen@burger.example";
const BRAM = "bram.devries@burger.example";
const SCRIPT = '<script>alert("x")</script> & <b>vet</b>';

const LABELS: PersonExportLabels = {
  locale: "nl",
  title: "Persoonsgegevens van <Anna>",
  intro: "Alles.",
  print: "Print.",
  none: "Geen.",
  sections: {
    account: "Account",
    memberships: "Organisaties",
    teams: "Teams",
    tickets: "Vragen",
    messagesElsewhere: "Elders",
    calls: "Gesprekken",
    appointments: "Afspraken",
    contactNotes: "Notities",
    complaints: "Klachten",
    escalations: "Escalaties",
    satisfaction: "Tevredenheid",
    notifications: "Meldingen",
    notificationPreferences: "Voorkeuren",
    emailChanges: "E-mail",
    invitations: "Uitnodigingen",
    auditEvents: "Auditlog",
  },
  fields: { messages: "Berichten", attachments: "Bijlagen", attempts: "Pogingen", answers: "Antwoorden" },
};

let annaId: string;
let bramId: string;
let attachmentId: string;

beforeAll(async () => {
  await seedDemo(now);
  annaId = (await db.user.findUniqueOrThrow({ where: { email: ANNA } })).id;
  bramId = (await db.user.findUniqueOrThrow({ where: { email: BRAM } })).id;
  // Secrets that must never leave: a TOTP secret, recovery codes, a reset and an e-mail change token hash.
  await db.user.update({ where: { id: annaId }, data: { totpSecret: "TOTP-SECRET-ANNA", recoveryCodes: ["RECOVERY-CODE-1"] } });
  await db.passwordResetToken.create({ data: { userId: annaId, tokenHash: "RESET-HASH-ANNA", expiresAt: now } });
  await db.emailChange.create({ data: { userId: annaId, newEmail: "anna.nieuw@burger.example", tokenHash: "EMAIL-HASH-ANNA", expiresAt: now } });
  // A message with markup, and a file on it.
  const ticket = await db.ticket.findFirstOrThrow({ where: { requesterId: annaId, status: { not: "CLOSED" } }, orderBy: { createdAt: "asc" } });
  const { messageId } = await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: ticket.id, authorId: annaId, channel: "PORTAL", body: SCRIPT }, now));
  attachmentId = (await db.attachment.create({ data: { messageId, fileName: "loonstrook.pdf", mimeType: "application/pdf", size: 1234, sha256: "ab".repeat(32), storageKey: "2026/11/secret-storage-key" } })).id;
  await audit(db, { actorId: null, action: "postal_address.update", entityType: "User", entityId: annaId });
});

describe("a person's data export", () => {
  it("holds Anna's account, tickets with every message and attachment metadata, complaint and audit events, and nothing of Bram", async () => {
    const data = await collectPersonData(db, annaId, now);
    expect(data).not.toBeNull();
    const anna = data!;
    expect(anna.schemaVersion).toBe(1);
    expect(anna.account).toMatchObject({ id: annaId, email: ANNA, name: "Anna Jansen", clientNumber: "K-100231", twoFactorEnabled: false });

    const annaTickets = await db.ticket.findMany({ where: { requesterId: annaId }, select: { number: true, _count: { select: { messages: true } } } });
    expect(annaTickets.length).toBeGreaterThan(0);
    expect(anna.tickets.map((t) => t.number).sort()).toEqual(annaTickets.map((t) => t.number).sort());
    expect(anna.tickets.reduce((n, t) => n + t.messages.length, 0)).toBe(annaTickets.reduce((n, t) => n + t._count.messages, 0));
    const withFile = anna.tickets.flatMap((t) => t.messages).find((m) => m.body === SCRIPT);
    expect(withFile?.attachments).toEqual([expect.objectContaining({ id: attachmentId, fileName: "loonstrook.pdf", size: 1234, download: `/api/uploads/${attachmentId}` })]);

    // Bram's own words (staff answers may share a standard text with Anna's).
    const bramTickets = await db.ticket.findMany({ where: { requesterId: bramId }, select: { number: true, messages: { where: { direction: "INBOUND" }, select: { body: true } } } });
    expect(bramTickets.flatMap((t) => t.messages).length).toBeGreaterThan(0);
    expect(bramTickets.length).toBeGreaterThan(0);
    const json = JSON.stringify(anna);
    for (const t of bramTickets) {
      expect(json).not.toContain(t.number);
      for (const m of t.messages) expect(json).not.toContain(JSON.stringify(m.body).slice(1, -1));
    }
    expect(json).not.toContain(BRAM);

    const complaint = await db.complaint.findFirstOrThrow({ where: { complainantId: annaId } });
    expect(anna.complaints.map((c) => c.id)).toContain(complaint.id);
    expect(anna.emailChanges).toEqual([expect.objectContaining({ newEmail: "anna.nieuw@burger.example" })]);
    // Audit events where she acted (her message) and where she was the subject.
    expect(anna.auditEvents.some((e) => e.role === "actor" && e.action === "ticket.customer_message")).toBe(true);
    expect(anna.auditEvents.some((e) => e.role === "subject" && e.action === "postal_address.update")).toBe(true);
    expect(anna.auditEvents.every((e) => e.actorId === annaId || e.entityId === annaId)).toBe(true);
  });

  it("an employer contact's export holds the escalations she raised with the answers given to her, readable in the page", async () => {
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" }, include: { memberships: true } });
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" } });
    const escalation = await db.escalation.create({
      data: { organisationId: eva.memberships[0]!.organisationId, tier: 1, reason: "Salarisrun <i>morgen</i>", raisedById: eva.id, raisedAt: now, dueAt: now },
    });
    await db.escalationAnswer.create({ data: { escalationId: escalation.id, authorId: coordinator.id, body: "Wij bellen u vandaag <b>terug</b>." } });
    const data = (await collectPersonData(db, eva.id, now))!;
    const exported = data.escalations.find((e) => e.id === escalation.id);
    expect(exported?.answers).toEqual([expect.objectContaining({ body: "Wij bellen u vandaag <b>terug</b>.", author: { id: coordinator.id, name: coordinator.name } })]);
    const html = renderPersonDataHtml(data, LABELS);
    expect(html).toContain("<h4>Antwoorden</h4>");
    expect(html).toContain("Wij bellen u vandaag &lt;b&gt;terug&lt;/b&gt;.");
    expect(html).toContain("Salarisrun &lt;i&gt;morgen&lt;/i&gt;");
    // Anna raised none, so hers has none.
    expect((await collectPersonData(db, annaId, now))!.escalations).toEqual([]);
  });

  it("carries no secrets and no file contents: no password hash, TOTP secret, recovery codes, token hashes or storage keys", async () => {
    const anna = (await collectPersonData(db, annaId, now))!;
    const json = JSON.stringify(anna);
    const row = await db.user.findUniqueOrThrow({ where: { id: annaId } });
    for (const secret of [row.passwordHash, "TOTP-SECRET-ANNA", "RECOVERY-CODE-1", "RESET-HASH-ANNA", "EMAIL-HASH-ANNA", "secret-storage-key"]) expect(json).not.toContain(secret);
    for (const key of ["passwordHash", "totpSecret", "recoveryCodes", "tokenHash", "storageKey", "sessionVersion"]) expect(json).not.toContain(`"${key}"`);
    // Dates are ISO strings once serialised.
    expect(JSON.parse(json).generatedAt).toBe("2026-11-24T10:00:00.000Z");
  });

  it("the readable page names fields and codes in the reader's language, not as stored", async () => {
    const anna = (await collectPersonData(db, annaId, now))!;
    const messages = (await loadMessages("nl")) as { personExport: { names: Record<string, string>; values: Record<string, string> } };
    const html = renderPersonDataHtml(anna, { ...LABELS, names: messages.personExport.names, values: messages.personExport.values });
    expect(html).toContain("<dt>Straat en huisnummer</dt>");
    expect(html).toContain("<dd>Uitkeringsgerechtigde</dd>");
    expect(html).not.toContain("<dt>postalStreet</dt>");
    expect(html).not.toContain(">BENEFICIARY<");
    // Every field of every section has a name: no column or term shows as its stored key.
    const shown = [...html.matchAll(/<(?:dt|th scope="col")>([^<]+)</g)].map((m) => m[1]!);
    expect(shown.filter((name) => /^[a-z]+[A-Z][A-Za-z]*$/.test(name) || /^[a-z]+$/.test(name) && !Object.values(messages.personExport.names).includes(name))).toEqual([]);
  });

  it("the readable page escapes every value: a message body with <script> shows as text", async () => {
    const anna = (await collectPersonData(db, annaId, now))!;
    const html = renderPersonDataHtml(anna, LABELS);
    expect(html).toContain(escapeHtml(SCRIPT));
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>vet");
    expect(html).toContain("<title>Persoonsgegevens van &lt;Anna&gt;</title>");
    expect(html).toContain("loonstrook.pdf");
    for (const key of Object.keys(LABELS.sections)) expect(html).toContain(`<section id="${key}">`);
    expect(html).toContain('<html lang="nl">');
  });

  it("is privacy.manage only, audited with the format and no personal data; an unknown person is NOT_FOUND and leaves no event", async () => {
    const admin = await sessionFor("admin@loket.example");
    const count = () => db.auditEvent.count({ where: { action: "privacy.export" } });
    const before = await count();

    for (const email of ["coordinator@loket.example", "manager@loket.example", "agent@loket.example", ANNA]) {
      expect(await exportPersonData(await sessionFor(email), annaId, "json", now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    expect(await exportPersonData(admin, "no-such-person", "json", now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await count()).toBe(before);

    const json = await exportPersonData(admin, annaId, "json", now);
    expect(json).toMatchObject({ ok: true, data: { account: { email: ANNA } } });
    await exportPersonData(admin, annaId, "html", now);
    const events = await db.auditEvent.findMany({ where: { action: "privacy.export" }, orderBy: { createdAt: "asc" } });
    expect(events).toHaveLength(before + 2);
    expect(events.slice(-2).map((e) => [e.actorId, e.entityType, e.entityId, e.data])).toEqual([
      [admin.id, "User", annaId, { format: "json", schemaVersion: 1 }],
      [admin.id, "User", annaId, { format: "html", schemaVersion: 1 }],
    ]);
  });

  it("Bram's export is Bram's: none of Anna's tickets", async () => {
    const bram = (await collectPersonData(db, bramId, now))!;
    const annaNumbers = (await db.ticket.findMany({ where: { requesterId: annaId }, select: { number: true } })).map((t) => t.number);
    expect(bram.tickets.length).toBeGreaterThan(0);
    expect(bram.tickets.filter((t) => annaNumbers.includes(t.number))).toEqual([]);
    expect(JSON.stringify(bram)).not.toContain(SCRIPT);
  });
});
