import { TZDate } from "@date-fns/tz";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { logPhonePreAnnouncement } from "@/lib/phone/commands";
import { runSweeps } from "@/lib/sweeps/run";
import { searchQueue } from "@/lib/tickets/queries";
import { createTicket } from "@/lib/tickets/mutations";
import { queueFilterSchema } from "@/lib/queue/schema";
import { recordUrgentVerification, relinkUrgentPreAnnouncement } from "@/lib/urgent/commands";
import { linkMailedUrgentRequest } from "@/lib/urgent/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";

const ams = (y: number, m: number, d: number, h: number, mi = 0) => new Date(new TZDate(y, m - 1, d, h, mi, 0, "Europe/Amsterdam").getTime());
// Tuesday 8 December 2026, 11:00 in Amsterdam.
const now = ams(2026, 12, 8, 11);

let organisationId: string;
beforeEach(async () => {
  await seedDemo(now);
  organisationId = (await sessionFor("eva.bakker@vandijk.example")).organisationId!;
});

/** What the mail intake does with a verified "SPOED" mail from an employer contact. */
async function urgentMail(subject: string, receivedAt: Date) {
  return db.$transaction(async (tx) => {
    const ticket = await createTicket(tx, { subject, channel: "EMAIL", body: "Graag vandaag nog.", requesterEmail: "eva.bakker@vandijk.example", organisationId, categoryKey: "URGENT_REQUEST", priority: "URGENT", policyKey: "URGENT_REQUEST" }, receivedAt);
    const linked = await linkMailedUrgentRequest(tx, { ticketId: ticket.id, organisationId, subject, receivedAt, dueAt: ticket.slaDueAt! }, receivedAt);
    return { ...ticket, ...linked };
  });
}

async function announce(createdAt: Date, subject = "Loonbeslag") {
  const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
  return db.preAnnouncement.create({
    data: { organisationId, callerName: "Eva Bakker", subject, reason: "Salarisrun", forWhom: "1187", loggedById: agent.id, createdAt, expiresAt: ams(2026, 12, 9, 16) },
  });
}

const toVerify = async (email: string) => (await searchQueue(await sessionFor(email), queueFilterSchema.parse({ verify: "1" }))).items.map((t) => t.id);

describe("the call to confirm an urgent mail nobody announced by phone", () => {
  it("flags the mail PENDING and shows it in the queue until a case handler confirms it", async () => {
    const mail = await urgentMail("SPOED loonbeslag", now);
    expect(mail.preAnnounced).toBe(false);
    expect(await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: mail.id } })).toMatchObject({ notPreAnnounced: true, verification: "PENDING" });
    expect(await toVerify("behandelaar@loket.example")).toContain(mail.id);

    const handler = await sessionFor("behandelaar@loket.example");
    const later = new Date(now.getTime() + 20 * 60_000);
    const result = await recordUrgentVerification.execute(handler, { ticketId: mail.id, outcome: "CONFIRMED", note: "Eva bevestigt: loonbeslag moet vandaag" }, later);
    expect(result).toEqual({ ok: true, data: undefined });
    expect(await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: mail.id } })).toMatchObject({ verification: "CONFIRMED", verifiedById: handler.id, verifiedAt: later, verifyNote: "Eva bevestigt: loonbeslag moet vandaag" });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ priority: "URGENT", slaPolicyKey: "URGENT_REQUEST" });
    expect(await db.ticketEvent.count({ where: { ticketId: mail.id, kind: "urgent_verification" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: mail.id, action: "urgent.verification" } })).toBe(1);
    expect(await toVerify("behandelaar@loket.example")).not.toContain(mail.id);
    // Done once: a second outcome is refused.
    expect(await recordUrgentVerification.execute(handler, { ticketId: mail.id, outcome: "NOT_URGENT" }, later)).toEqual({ ok: false, reason: "NOTHING_TO_VERIFY" });
  });

  it("NOT_URGENT makes it a normal question on the written-question clock from its receipt", async () => {
    const mail = await urgentMail("Dringend: vraag", now);
    const handler = await sessionFor("behandelaar@loket.example");
    const result = await recordUrgentVerification.execute(handler, { ticketId: mail.id, outcome: "NOT_URGENT", note: "Kan volgende week" }, new Date(now.getTime() + 3_600_000));
    expect(result.ok).toBe(true);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: mail.id }, include: { category: true } });
    expect(ticket).toMatchObject({ priority: "NORMAL", slaPolicyKey: "WRITTEN_QUESTION" });
    expect(ticket.category.key).toBe("GENERAL_QUESTION");
    // Received Tuesday 8 December: 5 working days later at 17:00 is Tuesday 15 December.
    expect(ticket.slaDueAt).toEqual(ams(2026, 12, 15, 17));
  });

  it("NOT_REACHED needs a note and leaves the task open", async () => {
    const mail = await urgentMail("Urgent", now);
    const handler = await sessionFor("behandelaar@loket.example");
    const bare = await recordUrgentVerification.execute(handler, { ticketId: mail.id, outcome: "NOT_REACHED" }, now);
    expect(bare).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { note: ["REQUIRED"] } });
    expect((await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: mail.id } })).verification).toBe("PENDING");
    expect(await recordUrgentVerification.execute(handler, { ticketId: mail.id, outcome: "NOT_REACHED", note: "Voicemail 11:20" }, now)).toMatchObject({ ok: true });
    expect(await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: mail.id } })).toMatchObject({ verification: "NOT_REACHED", verifyNote: "Voicemail 11:20" });
    expect(await toVerify("behandelaar@loket.example")).toContain(mail.id);
    expect(await recordUrgentVerification.execute(handler, { ticketId: mail.id, outcome: "CONFIRMED" }, now)).toMatchObject({ ok: true });
  });

  it("is a case handler's task: the first line is refused", async () => {
    const mail = await urgentMail("SPOED", now);
    const agent = await sessionFor("agent@loket.example");
    expect(await recordUrgentVerification.execute(agent, { ticketId: mail.id, outcome: "CONFIRMED" }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
  });
});

describe("pairing mails with phone pre-announcements", () => {
  it("a logged pre-announcement expires at the close of the employer line's next working day", async () => {
    const [agent, handler] = await Promise.all([sessionFor("agent@loket.example"), sessionFor("behandelaar@loket.example")]);
    const friday = ams(2026, 12, 11, 15);
    const result = await logPhonePreAnnouncement.execute(agent, { organisationId, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Salarisrun sluit", forWhom: "1187", handedOverToId: handler.id }, friday);
    expect(result.ok).toBe(true);
    const row = await db.preAnnouncement.findFirstOrThrow({ where: { organisationId, createdAt: friday } });
    expect(row.expiresAt).toEqual(ams(2026, 12, 14, 16));
  });

  it("pairs two announced mails with the calls in order, and never an expired or later call", async () => {
    const first = await announce(ams(2026, 12, 8, 9));
    const second = await announce(ams(2026, 12, 8, 10));
    const stale = await db.preAnnouncement.create({
      data: { organisationId, callerName: "Eva", subject: "Oud", reason: "x", forWhom: "y", loggedById: first.loggedById, createdAt: ams(2026, 12, 1, 9), expiresAt: ams(2026, 12, 2, 16) },
    });
    const a = await urgentMail("SPOED een", now);
    const b = await urgentMail("SPOED twee", new Date(now.getTime() + 60_000));
    expect((await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: a.id } })).preAnnouncementId).toBe(first.id);
    expect((await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: b.id } })).preAnnouncementId).toBe(second.id);
    expect(await db.preAnnouncement.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "EXPIRED" });
    // A call logged after the mail arrived does not pair with it; the third mail is unannounced.
    await announce(ams(2026, 12, 8, 14));
    const c = await urgentMail("SPOED drie", ams(2026, 12, 8, 13));
    expect(c.preAnnounced).toBe(false);
  });

  it("the sweep expires open pre-announcements past their time", async () => {
    const open = await announce(ams(2026, 12, 8, 9));
    await runSweeps(db, ams(2026, 12, 9, 16, 1));
    expect((await db.preAnnouncement.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("EXPIRED");
  });

  it("the agent unlinks a wrong match (the mail needs its confirming call) and links the right one", async () => {
    const call = await announce(ams(2026, 12, 8, 9));
    const wrong = await urgentMail("SPOED ander onderwerp", now);
    const right = await urgentMail("SPOED loonbeslag", new Date(now.getTime() + 60_000));
    expect((await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: wrong.id } })).preAnnouncementId).toBe(call.id);
    expect((await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: right.id } })).verification).toBe("PENDING");

    const handler = await sessionFor("behandelaar@loket.example");
    const moved = await relinkUrgentPreAnnouncement.execute(handler, { preAnnouncementId: call.id, ticketId: right.id }, now);
    expect(moved).toEqual({ ok: true, data: undefined });
    expect(await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: right.id } })).toMatchObject({ preAnnouncementId: call.id, notPreAnnounced: false, verification: null });
    expect(await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: wrong.id } })).toMatchObject({ preAnnouncementId: null, notPreAnnounced: true, verification: "PENDING" });
    expect(await db.auditEvent.count({ where: { entityId: call.id, action: "urgent.preannouncement_relink" } })).toBe(1);

    expect(await relinkUrgentPreAnnouncement.execute(handler, { preAnnouncementId: call.id }, now)).toMatchObject({ ok: true });
    expect(await db.preAnnouncement.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "OPEN", linkedAt: null });
    expect((await db.urgentRequest.findUniqueOrThrow({ where: { ticketId: right.id } })).verification).toBe("PENDING");
    expect(await relinkUrgentPreAnnouncement.execute(handler, { preAnnouncementId: call.id }, now)).toEqual({ ok: false, reason: "NOT_LINKED" });
  });
});

describe("the demo", () => {
  it("shows a mail waiting for its confirming call, an announced mail with its call, and an expired call", async () => {
    const rows = await db.urgentRequest.findMany({ where: { organisationId, ticket: { channel: "EMAIL" } }, include: { ticket: true, preAnnouncement: true } });
    expect(rows.map((r) => [r.ticket.subject, r.verification, r.preAnnouncement?.subject ?? null]).sort()).toEqual([
      ["SPOED: loonstrook met verkeerde uren", null, "Loonstrook met verkeerde uren"],
      ["SPOED: ziekmelding en loondoorbetaling", "PENDING", null],
    ]);
    expect(await db.preAnnouncement.count({ where: { organisationId, status: "EXPIRED" } })).toBe(1);
    expect(await db.preAnnouncement.count({ where: { status: "OPEN", expiresAt: null } })).toBe(0);
  });
});

describe("the urgent word list (admin setting)", () => {
  it("saves a valid list the intake then uses, refuses a negation, and is the admin's alone", async () => {
    const { updateUrgentWords } = await import("@/lib/urgent/commands");
    const { getUrgentWords } = await import("@/lib/urgent/queries");
    const { isUrgentSubject } = await import("@/lib/mail/rules");
    const admin = await sessionFor("admin@loket.example");
    expect(await getUrgentWords(db)).toContain("dringend");
    expect(await updateUrgentWords.execute(admin, { words: "spoed\nniet dringend" }, now)).toEqual({ ok: false, reason: "NEGATION_WORD" });
    expect(await updateUrgentWords.execute(admin, { words: "Spoed\nmet voorrang" }, now)).toEqual({ ok: true, data: undefined });
    const words = await getUrgentWords(db);
    expect(words).toEqual(["spoed", "met voorrang"]);
    expect(isUrgentSubject("Met voorrang: loonbeslag", words)).toBe(true);
    expect(isUrgentSubject("Dringend: loonbeslag", words)).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: "urgent.subjectWords", actorId: admin.id } })).toBe(1);
    const handler = await sessionFor("behandelaar@loket.example");
    expect(await updateUrgentWords.execute(handler, { words: "spoed" }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
  });
});

describe("the urgent clock on the employer line's opening hours", () => {
  it("a Friday 15:00 urgent mail is due Monday 15:00, later when the line has a closure day", async () => {
    const friday = ams(2026, 12, 11, 15);
    expect((await urgentMail("SPOED vrijdag", friday)).slaDueAt).toEqual(ams(2026, 12, 14, 15));
    await db.lineClosureDay.create({ data: { lineKey: "EMPLOYER", date: "2026-12-14", reasonNl: "Training", reasonEn: "Training" } });
    expect((await urgentMail("SPOED vrijdag twee", friday)).slaDueAt).toEqual(ams(2026, 12, 15, 15));
  });

  it("the admin chooses the unit and the line; an OPENING_HOURS policy without a usable line is refused", async () => {
    const { updateSlaPolicy } = await import("@/lib/settings/admin");
    const { getSlaPolicies } = await import("@/lib/settings/queries");
    const admin = await sessionFor("admin@loket.example");
    const base = { key: "URGENT_REQUEST", amount: 24, atRiskShare: 0.2, targetShare: 1 };
    expect(await updateSlaPolicy.execute(admin, { ...base, unit: "OPENING_HOURS" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { lineKey: ["LINE_REQUIRED"] } });
    expect(await updateSlaPolicy.execute(admin, { ...base, unit: "OPENING_HOURS", lineKey: "NOPE" }, now)).toEqual({ ok: false, reason: "UNKNOWN_LINE" });
    expect((await getSlaPolicies(db)).URGENT_REQUEST).toMatchObject({ unit: "OPENING_HOURS", amount: 7, lineKey: "EMPLOYER" });
    expect(await updateSlaPolicy.execute(admin, { ...base, unit: "CALENDAR_HOURS" }, now)).toEqual({ ok: true, data: undefined });
    expect((await getSlaPolicies(db)).URGENT_REQUEST).toMatchObject({ unit: "CALENDAR_HOURS", amount: 24, lineKey: null });
    expect((await urgentMail("SPOED vrijdag", ams(2026, 12, 11, 15))).slaDueAt).toEqual(ams(2026, 12, 12, 15));
    expect(await updateSlaPolicy.execute(admin, { ...base, amount: 8, unit: "OPENING_HOURS", lineKey: "BENEFICIARY" }, now)).toMatchObject({ ok: true });
    expect((await getSlaPolicies(db)).URGENT_REQUEST).toMatchObject({ unit: "OPENING_HOURS", amount: 8, lineKey: "BENEFICIARY" });
  });
});
