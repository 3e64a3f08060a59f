// Issue 18, item 13: the external complaint body depends on the subject's category (one default),
// and every final answer carries its text; the admin manages the bodies.
import { beforeEach, describe, expect, it } from "vitest";
import { saveComplaintBodyAction, setCategoryComplaintBodyAction } from "@/lib/complaints/body-commands";
import { answerComplaintAction, referComplaintAction } from "@/lib/complaints/desk-commands";
import { fileComplaint, requestOmbudsman } from "@/lib/complaints/mutations";
import { db } from "@/lib/db/client";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const later = (h: number) => new Date(now.getTime() + h * 3_600_000);
const body = (name: string, extra: Record<string, unknown> = {}) => ({
  nameNl: name,
  nameEn: name,
  textNl: `Niet tevreden? Wend u tot ${name}, Postbus 1, 1000 AA Amsterdam.`,
  textEn: `Not satisfied? Turn to ${name}, Postbus 1, 1000 AA Amsterdam.`,
  isDefault: false,
  active: true,
  ...extra,
});

beforeEach(async () => {
  await seedDemo(now);
});

/** Anna's complaint about one of her tickets of this category, taken to the ombudsman and answered there. */
async function ombudsAnswerAbout(categoryKey: string) {
  const anna = await sessionFor("anna.jansen@burger.example");
  const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, category: { key: categoryKey } } });
  const filed = await db.$transaction((tx) => fileComplaint(tx, { complainantId: anna.id, organisationId: null, subjectTicketNumber: subject.number, lastContactDate: "2026-11-24", description: "Drie keer een ander antwoord." }, now));
  const [coordinator, ombuds] = await Promise.all([sessionFor("coordinator@loket.example"), sessionFor("ombudsman@loket.example")]);
  await answerComplaintAction.execute(coordinator, { complaintId: filed.id, body: "Excuses voor de verwarring." }, later(1));
  await db.$transaction((tx) => requestOmbudsman(tx, { complaintId: filed.id, requesterId: anna.id, organisationId: null, reason: "Niet tevreden met het antwoord." }, later(2)));
  const result = await answerComplaintAction.execute(ombuds, { complaintId: filed.id, body: "Mijn oordeel: de klacht is gegrond." }, later(3));
  const answer = await db.message.findFirst({ where: { ticketId: filed.ticketId, direction: "OUTBOUND", automatic: false }, orderBy: { createdAt: "desc" } });
  return { result, answer, filed, ombuds };
}

describe("the external body in final answers", () => {
  it("names the pension body for a complaint about a dossier question, and the default otherwise", async () => {
    const dossier = await ombudsAnswerAbout("DOSSIER_QUESTION");
    expect(dossier.result).toEqual({ ok: true, data: undefined });
    expect(dossier.answer!.body).toContain("Ombudsman Pensioenen");
    expect(dossier.answer!.body).not.toContain("Nationale ombudsman");

    // The referral mail names the same body.
    expect(await referComplaintAction.execute(dossier.ombuds, { complaintId: dossier.filed.id }, later(4))).toEqual({ ok: true, data: undefined });
    expect((await db.outboxMessage.findFirstOrThrow({ where: { kind: "complaint.referral", ticketId: dossier.filed.ticketId } })).bodyText).toContain("Ombudsman Pensioenen");

    const general = await ombudsAnswerAbout("GENERAL_QUESTION");
    expect(general.answer!.body).toContain("Nationale ombudsman");
  });

  it("falls back to the default when the category's body is inactive, and refuses the answer with no active body at all", async () => {
    const pension = await db.complaintBody.findFirstOrThrow({ where: { isDefault: false } });
    await db.complaintBody.update({ where: { id: pension.id }, data: { active: false } });
    expect((await ombudsAnswerAbout("DOSSIER_QUESTION")).answer!.body).toContain("Nationale ombudsman");

    await db.complaintBody.updateMany({ data: { active: false } });
    const refused = await ombudsAnswerAbout("DOSSIER_QUESTION");
    expect(refused.result).toEqual({ ok: false, reason: "NEXT_STEP_TEXT_MISSING" });
    expect(refused.answer!.body).not.toContain("Mijn oordeel");
  });
});

describe("managing the bodies", () => {
  it("creates a body, makes it the only default, and points a category at it", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect(await saveComplaintBodyAction.execute(admin, body("Geschillencommissie Uitkeringen", { isDefault: true }), now)).toEqual({ ok: true, data: undefined });
    const defaults = await db.complaintBody.findMany({ where: { isDefault: true } });
    expect(defaults.map((b) => b.nameNl)).toEqual(["Geschillencommissie Uitkeringen"]);

    const general = await db.ticketCategory.findUniqueOrThrow({ where: { key: "GENERAL_QUESTION" } });
    const pension = await db.complaintBody.findFirstOrThrow({ where: { nameNl: "Ombudsman Pensioenen" } });
    expect(await setCategoryComplaintBodyAction.execute(admin, { categoryId: general.id, complaintBodyId: pension.id }, now)).toEqual({ ok: true, data: undefined });
    expect((await db.ticketCategory.findUniqueOrThrow({ where: { id: general.id } })).complaintBodyId).toBe(pension.id);
    expect(await setCategoryComplaintBodyAction.execute(admin, { categoryId: general.id, complaintBodyId: "" }, now)).toEqual({ ok: true, data: undefined });
    expect((await db.ticketCategory.findUniqueOrThrow({ where: { id: general.id } })).complaintBodyId).toBeNull();
    expect(await db.auditEvent.count({ where: { action: { startsWith: "complaint_body." } } })).toBe(3);
  });

  it("keeps one active default and refuses bad input, changing nothing", async () => {
    const admin = await sessionFor("admin@loket.example");
    const current = await db.complaintBody.findFirstOrThrow({ where: { isDefault: true } });
    const pension = await db.complaintBody.findFirstOrThrow({ where: { isDefault: false } });
    const before = await db.complaintBody.findMany({ orderBy: { id: "asc" } });
    expect(await saveComplaintBodyAction.execute(admin, body("Nationale ombudsman", { id: current.id, isDefault: false }), now)).toEqual({ ok: false, reason: "DEFAULT_REQUIRED" });
    expect(await saveComplaintBodyAction.execute(admin, body("Nationale ombudsman", { id: current.id, isDefault: true, active: false }), now)).toEqual({ ok: false, reason: "DEFAULT_MUST_BE_ACTIVE" });
    expect(await saveComplaintBodyAction.execute(admin, body("X", { textNl: "kort" }), now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { nameNl: ["TOO_SHORT:2"], textNl: ["TOO_SHORT:20"] } });
    expect(await saveComplaintBodyAction.execute(admin, body("Onbekend", { id: "no-such-body" }), now)).toEqual({ ok: false, reason: "BODY_NOT_FOUND" });
    const general = await db.ticketCategory.findUniqueOrThrow({ where: { key: "GENERAL_QUESTION" } });
    await db.complaintBody.update({ where: { id: pension.id }, data: { active: false } });
    expect(await setCategoryComplaintBodyAction.execute(admin, { categoryId: general.id, complaintBodyId: pension.id }, now)).toEqual({ ok: false, reason: "BODY_NOT_FOUND" });
    await db.complaintBody.update({ where: { id: pension.id }, data: { active: true } });
    expect(await db.complaintBody.findMany({ orderBy: { id: "asc" } })).toEqual(before.map((b) => ({ ...b, updatedAt: expect.any(Date) })));

    // A deactivated non-default body is fine; its categories fall back to the default.
    expect(await saveComplaintBodyAction.execute(admin, body("Ombudsman Pensioenen", { id: pension.id, active: false }), now)).toEqual({ ok: true, data: undefined });
  });

  it("is for admins only", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    expect(await saveComplaintBodyAction.execute(coordinator, body("Geschillencommissie"), now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await db.complaintBody.count()).toBe(2);
  });
});
