// Erasure on request against a real database and upload store: afterwards no table holds the
// person's name, address, numbers or texts; each refusal has its exact code and writes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { slotWindow } from "@/lib/callbacks/rules";
import { db } from "@/lib/db/client";
import { NO_PASSWORD } from "@/lib/auth/password";
import { mergeBeneficiaries } from "@/lib/beneficiaries/mutations";
import { erasePersonAction } from "@/lib/privacy/commands";
import { ERASED_NAME, ERASED_TEXT } from "@/lib/privacy/rules";
import { openStoredUpload, storeUpload } from "@/lib/uploads/storage";
import { seedDemo, sessionFor } from "../support/fixtures";
import { withScratchUploadDir } from "../support/upload-dir";

withScratchUploadDir("privacy-erasure");

const NOW = new Date("2026-11-24T10:00:00Z");
const REASON = "Verzoek AVG-2026-0042";
let seq = 0;
let admin: Awaited<ReturnType<typeof sessionFor>>;
let category: string;
let team: string;

beforeEach(async () => {
  await seedDemo(NOW);
  admin = await sessionFor("admin@loket.example");
  category = (await db.ticketCategory.findUniqueOrThrow({ where: { key: "GENERAL_QUESTION" } })).id;
  team = (await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } })).id;
});

/** A customer with everything Loket may hold about a person; the needles are unique to them. */
async function customer(role: "BENEFICIARY" | "EMPLOYER_CONTACT" = "BENEFICIARY") {
  seq += 1;
  const needles = { name: `Zeynep Uniekenaam${seq}`, email: `zeynep.uniek${seq}@prive.example`, phone: `06876543${String(seq).padStart(2, "0")}`, client: `KL-9988${seq}`, street: `Geheimstraat ${seq}` };
  const user = await db.user.create({
    data: {
      name: needles.name,
      email: needles.email,
      role,
      passwordHash: "$argon2id$stand-in",
      phone: needles.phone,
      clientNumber: needles.client,
      postalStreet: needles.street,
      postalCode: "1234 AB",
      postalCity: "Utrecht",
      totpSecret: "encrypted-secret",
      totpEnabledAt: NOW,
      recoveryCodes: ["hash1", "hash2"],
    },
  });
  const organisation = await db.organisation.create({ data: { externalNumber: `WG-PRIV-${seq}`, name: `Privacy BV ${seq}` } });
  await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, rights: ["SUBMIT_REQUESTS"] } });
  return { user, organisation, needles };
}

async function ticketOf(userId: string, status: "CLOSED" | "RESOLVED" | "OPEN", text: string) {
  seq += 1;
  return db.ticket.create({
    data: {
      number: `LK-2026-${String(800_000 + seq)}`,
      subject: `Vraag van ${text}`,
      categoryId: category,
      channel: "PORTAL",
      status,
      requesterId: userId,
      requesterName: text,
      teamId: team,
      closedAt: status === "CLOSED" ? NOW : null,
      resolvedAt: status === "OPEN" ? null : NOW,
    },
  });
}

/** Everything about the customer that erasure must wipe or delete. */
async function fullHistory(c: Awaited<ReturnType<typeof customer>>) {
  const { user, needles } = c;
  const closed = await ticketOf(user.id, "CLOSED", needles.name);
  await ticketOf(user.id, "RESOLVED", needles.name);
  const message = await db.message.create({ data: { ticketId: closed.id, direction: "INBOUND", channel: "PORTAL", authorId: user.id, body: `Ik ben ${needles.name}, bel ${needles.phone}` } });
  const stored = await storeUpload({ name: "loonstrook.pdf", type: "application/pdf", bytes: new TextEncoder().encode(`%PDF-1.7\n% ${needles.name}\n%%EOF`) }, NOW);
  await db.attachment.create({ data: { messageId: message.id, ...stored } });
  await db.callRecord.create({ data: { ticketId: closed.id, agentId: admin.id, callerId: user.id, callerName: needles.name, phone: needles.phone, summary: `${needles.name} belde` } });
  await db.callRecord.create({ data: { agentId: admin.id, callerId: user.id, callerName: needles.name, phone: needles.phone, summary: `${needles.name} belde los` } });
  await db.callbackAppointment.create({
    data: { ticketId: closed.id, personId: user.id, teamId: team, date: "2026-11-20", slot: "MORNING", slotStart: slotWindow("2026-11-20", "MORNING").startsAt, phone: needles.phone, status: "DONE", bookedById: admin.id },
  });
  await db.complaint.create({ data: { subjectTicketId: closed.id, complainantId: user.id, description: `${needles.name} klaagt`, stage: "STAGE_1", status: "CLOSED" } });
  await db.satisfactionResponse.create({ data: { ticketId: closed.id, respondentId: user.id, score: 2, comment: `Groet, ${needles.name}`, channel: "PORTAL", audience: "BENEFICIARY" } });
  await db.contactNote.create({ data: { subjectId: user.id, subjectPhone: needles.phone, kind: "GENERAL", body: `${needles.name} is slechthorend` } });
  // Escalations they raised: on their own question, and a general one (no question), each answered.
  for (const ticketId of [closed.id, null]) {
    const escalation = await db.escalation.create({
      data: { ticketId, organisationId: c.organisation.id, tier: 1, reason: `${needles.name} wacht al weken`, outcome: `Gebeld met ${needles.name}`, status: "RESOLVED", raisedById: user.id, raisedAt: NOW, dueAt: NOW, closedAt: NOW },
    });
    await db.escalationAnswer.create({ data: { escalationId: escalation.id, authorId: admin.id, body: `Beste ${needles.name}, wij bellen ${needles.phone}.` } });
  }

  await db.notification.create({ data: { userId: user.id, kind: "ticket.answered", dedupeKey: `privacy-${user.id}`, entityType: "Ticket", entityId: closed.id, data: { subject: needles.name } } });
  await db.notificationPreference.create({ data: { userId: user.id, kind: "ticket.answered", mail: true } });
  await db.emailChange.create({ data: { userId: user.id, newEmail: `nieuw.${needles.email}`, tokenHash: `hash-${user.id}`, expiresAt: NOW } });
  await db.invitation.create({ data: { email: needles.email, name: needles.name, tokenHash: `inv-${user.id}`, expiresAt: NOW, invitedById: admin.id, userId: user.id, role: "BENEFICIARY" } });
  await db.outboxMessage.create({ data: { kind: "ticket.reply", toAddress: needles.email, subject: `Beste ${needles.name}`, bodyText: `Beste ${needles.name}`, mailMessageId: `<privacy-${user.id}@test>`, status: "SENT", sentAt: NOW, ticketId: closed.id } });
  await db.outboxMessage.create({ data: { kind: "notification.mail", toAddress: needles.email, subject: "Melding", bodyText: `Beste ${needles.name}`, mailMessageId: `<privacy-p-${user.id}@test>`, status: "PENDING" } });
  await db.externalIdentity.create({ data: { provider: "citizen", kind: "bsn", subject: `bsn-hash-${user.id}`, userId: user.id } });
  return { closed, storageKey: stored.storageKey };
}

/** Tables (as row text) that still mention a needle, with how often. */
async function mentions(needle: string): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const found: Record<string, number> = {};
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*)::int AS n FROM "${table_name}" t WHERE t::text ILIKE $1`, `%${needle}%`);
    if (rows[0]!.n > 0) found[table_name] = rows[0]!.n;
  }
  return found;
}

describe("erasure on request", () => {
  it("leaves no personal data on the person, their tickets, calls and mails; deletes their memberships, notifications and files", async () => {
    const c = await customer("EMPLOYER_CONTACT");
    const { closed, storageKey } = await fullHistory(c);
    // Before: the needles are really there, in many tables (so the check below can fail).
    expect(Object.keys(await mentions(c.needles.name)).length).toBeGreaterThanOrEqual(8);
    const annaTicket = await db.ticket.findFirstOrThrow({ where: { requester: { email: "anna.jansen@burger.example" } } });

    const result = await erasePersonAction.execute(admin, { userId: c.user.id, reason: REASON }, NOW);
    expect(result).toEqual({ ok: true, data: { tickets: 2, calls: 2, attachments: 1, filesFailed: 0 } });

    for (const needle of Object.values(c.needles)) expect({ needle, found: await mentions(needle) }).toEqual({ needle, found: {} });
    const user = await db.user.findUniqueOrThrow({ where: { id: c.user.id } });
    expect(user).toMatchObject({
      name: ERASED_NAME,
      email: `erased-${c.user.id}@invalid`,
      phone: null,
      clientNumber: null,
      postalStreet: null,
      postalCode: null,
      postalCity: null,
      passwordHash: NO_PASSWORD,
      totpSecret: null,
      totpEnabledAt: null,
      recoveryCodes: [],
      active: false,
      sessionVersion: c.user.sessionVersion + 1,
      erasedAt: NOW,
    });
    expect(await openStoredUpload(storageKey)).toBeNull();
    expect(await db.attachment.count({ where: { storageKey } })).toBe(0);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: closed.id } })).anonymisedAt).toEqual(NOW);
    const counts = await Promise.all([
      db.membership.count({ where: { userId: c.user.id } }),
      db.notification.count({ where: { userId: c.user.id } }),
      db.notificationPreference.count({ where: { userId: c.user.id } }),
      db.emailChange.count({ where: { userId: c.user.id } }),
      db.invitation.count({ where: { userId: c.user.id } }),
      db.contactNote.count({ where: { subjectId: c.user.id } }),
      db.externalIdentity.count({ where: { userId: c.user.id } }),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Someone else's ticket is untouched.
    expect((await db.ticket.findUniqueOrThrow({ where: { id: annaTicket.id } })).subject).toBe(annaTicket.subject);
    // Audited: who, whom, counts and the request's reference; no personal data.
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "privacy.erase", entityId: c.user.id } });
    expect(event.actorId).toBe(admin.id);
    expect(event.data).toMatchObject({ reason: REASON, tickets: 2, calls: 2, attachments: 1 });
    expect(await db.message.count({ where: { ticketId: closed.id, body: ERASED_TEXT } })).toBe(1);
    // The escalations stay (the organisation's record) without her words or the answers to her.
    const escalations = await db.escalation.findMany({ where: { raisedById: c.user.id }, include: { answers: true } });
    expect(escalations.map((e) => [e.reason, e.outcome, e.answers.map((a) => a.body)])).toEqual([
      [ERASED_TEXT, null, [ERASED_TEXT]],
      [ERASED_TEXT, null, [ERASED_TEXT]],
    ]);

    // A second request is refused and changes nothing.
    const audits = await db.auditEvent.count();
    expect(await erasePersonAction.execute(admin, { userId: c.user.id, reason: REASON }, NOW)).toEqual({ ok: false, reason: "ALREADY_ERASED" });
    expect(await db.auditEvent.count()).toBe(audits);
  });
});

describe("erasure of a person with merged duplicates", () => {
  it("also erases the accounts merged into them, which kept their own name, phone and address", async () => {
    const survivor = await customer();
    const duplicate = await customer();
    const other = await customer();
    await db.$transaction((tx) => mergeBeneficiaries(tx, admin.id, { survivorId: survivor.user.id, duplicateId: duplicate.user.id }, NOW));
    // Before: the merged-away account still names the person (so the check below can fail).
    expect(await mentions(duplicate.needles.name)).toEqual({ User: 1 });

    expect(await erasePersonAction.execute(admin, { userId: survivor.user.id, reason: REASON }, NOW)).toMatchObject({ ok: true });

    for (const needle of [...Object.values(survivor.needles), ...Object.values(duplicate.needles)]) expect({ needle, found: await mentions(needle) }).toEqual({ needle, found: {} });
    expect(await db.user.findUniqueOrThrow({ where: { id: duplicate.user.id } })).toMatchObject({ name: ERASED_NAME, email: `erased-${duplicate.user.id}@invalid`, phone: null, erasedAt: NOW, mergedIntoId: survivor.user.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "privacy.erase", entityId: survivor.user.id } });
    expect(event.data).toMatchObject({ mergedAccounts: [duplicate.user.id] });
    // Someone merged into nobody is untouched.
    expect(await db.user.findUniqueOrThrow({ where: { id: other.user.id } })).toMatchObject({ name: other.needles.name, erasedAt: null });
  });
});

describe("refusals write nothing", () => {
  async function unchanged(userId: string, run: () => Promise<unknown>) {
    const state = async () =>
      JSON.stringify(
        await Promise.all([
          db.user.findUnique({ where: { id: userId } }),
          db.auditEvent.count(),
          db.ticket.count({ where: { anonymisedAt: { not: null } } }),
          db.membership.count({ where: { userId } }),
          db.notification.count({ where: { userId } }),
        ]),
      );
    const before = await state();
    const result = await run();
    expect(await state()).toBe(before);
    return result;
  }
  const erase = (userId: string) => erasePersonAction.execute(admin, { userId, reason: REASON }, NOW);

  it("USER_NOT_FOUND and STAFF_ACCOUNT", async () => {
    expect(await unchanged("no-such-person", () => erase("no-such-person"))).toEqual({ ok: false, reason: "USER_NOT_FOUND" });
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    expect(await unchanged(agent.id, () => erase(agent.id))).toEqual({ ok: false, reason: "STAFF_ACCOUNT" });
    expect(await unchanged(admin.id, () => erase(admin.id))).toEqual({ ok: false, reason: "STAFF_ACCOUNT" });
  });

  it("LEGAL_HOLD: on the person, on one of their tickets, or on their organisation", async () => {
    const onPerson = await customer();
    await fullHistory(onPerson);
    await db.legalHold.create({ data: { userId: onPerson.user.id, reason: "Rechtszaak", placedById: admin.id } });
    expect(await unchanged(onPerson.user.id, () => erase(onPerson.user.id))).toEqual({ ok: false, reason: "LEGAL_HOLD" });

    const onTicket = await customer();
    const { closed } = await fullHistory(onTicket);
    await db.legalHold.create({ data: { ticketId: closed.id, reason: "Bezwaar", placedById: admin.id } });
    expect(await unchanged(onTicket.user.id, () => erase(onTicket.user.id))).toEqual({ ok: false, reason: "LEGAL_HOLD" });

    const onOrganisation = await customer("EMPLOYER_CONTACT");
    await db.legalHold.create({ data: { organisationId: onOrganisation.organisation.id, reason: "Inspectie", placedById: admin.id } });
    expect(await unchanged(onOrganisation.user.id, () => erase(onOrganisation.user.id))).toEqual({ ok: false, reason: "LEGAL_HOLD" });

    // A released hold no longer stands in the way.
    await db.legalHold.updateMany({ where: { organisationId: onOrganisation.organisation.id }, data: { releasedAt: NOW, releasedById: admin.id } });
    expect(await erase(onOrganisation.user.id)).toMatchObject({ ok: true });
  });

  it("OPEN_TICKETS names what must be finished first: open tickets, open complaints, booked callbacks", async () => {
    const withTicket = await customer();
    const open = await ticketOf(withTicket.user.id, "OPEN", withTicket.needles.name);
    expect(await unchanged(withTicket.user.id, () => erase(withTicket.user.id))).toEqual({ ok: false, reason: "OPEN_TICKETS", fieldErrors: { tickets: [open.number] } });

    const withComplaint = await customer();
    const subject = await ticketOf(withComplaint.user.id, "CLOSED", "x");
    const own = await ticketOf(withComplaint.user.id, "RESOLVED", "x");
    await db.complaint.create({ data: { ticketId: own.id, subjectTicketId: subject.id, complainantId: withComplaint.user.id, description: "Niet teruggebeld", stage: "STAGE_1", status: "OPEN" } });
    expect(await unchanged(withComplaint.user.id, () => erase(withComplaint.user.id))).toEqual({ ok: false, reason: "OPEN_TICKETS", fieldErrors: { complaints: [own.number] } });

    const withCallback = await customer();
    const done = await ticketOf(withCallback.user.id, "RESOLVED", "x");
    await db.callbackAppointment.create({
      data: { ticketId: done.id, personId: withCallback.user.id, teamId: team, date: "2026-11-25", slot: "AFTERNOON", slotStart: slotWindow("2026-11-25", "AFTERNOON").startsAt, phone: "0611111111", bookedById: admin.id },
    });
    expect(await unchanged(withCallback.user.id, () => erase(withCallback.user.id))).toEqual({ ok: false, reason: "OPEN_TICKETS", fieldErrors: { callbacks: ["2026-11-25 AFTERNOON"] } });
  });

  it("refuses a reason that is missing, and anyone without privacy.manage", async () => {
    const c = await customer();
    expect(await unchanged(c.user.id, () => erasePersonAction.execute(admin, { userId: c.user.id, reason: " " }, NOW))).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { reason: ["TOO_SHORT:3"] } });
    const manager = await sessionFor("manager@loket.example");
    expect(await unchanged(c.user.id, () => erasePersonAction.execute(manager, { userId: c.user.id, reason: REASON }, NOW))).toEqual({ ok: false, reason: "FORBIDDEN" });
  });
});
