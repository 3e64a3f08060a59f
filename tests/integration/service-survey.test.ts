import type { TicketStatus } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { periodFromKeys } from "@/lib/kpi/period";
import { satisfactionFigures } from "@/lib/kpi/queries";
import { answerSurveyAsEmployer } from "@/lib/survey/commands";
import { sweepSurveyInvitations } from "@/lib/sweeps/sweeps";
import { seedDemo, sessionFor } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z"); // the seed's Tuesday
const NOVEMBER = periodFromKeys("2026-11-01", "2026-11-30");

let eva: SessionUser;
let tom: SessionUser;
let lisa: SessionUser;
let seq = 0;

async function ticket(requester: SessionUser, status: TicketStatus, category = "GENERAL_QUESTION") {
  const c = await db.ticketCategory.findUniqueOrThrow({ where: { key: category } });
  seq += 1;
  return db.ticket.create({
    data: {
      number: `LK-2026-${String(880_000 + seq)}`,
      subject: `Enquêtevraag ${seq}`,
      categoryId: c.id,
      channel: "EMAIL",
      audience: "EMPLOYER",
      status,
      requesterId: requester.id,
      organisationId: requester.organisationId,
      resolvedAt: status === "RESOLVED" || status === "CLOSED" ? new Date(NOW.getTime() - 3_600_000) : null,
      createdAt: new Date(NOW.getTime() - 86_400_000),
    },
    select: { id: true, number: true },
  });
}

/** What a refusal must leave untouched: answers and audit events. */
const written = async () => ({ responses: await db.satisfactionResponse.count(), audits: await db.auditEvent.count() });

beforeAll(async () => {
  await seedDemo(NOW);
  [eva, tom, lisa] = await Promise.all([sessionFor("eva.bakker@vandijk.example"), sessionFor("tom.visser@vandijk.example"), sessionFor("lisa.smit@zorggroepnoord.example")]);
}, 180_000);

describe("survey.answer_employer", () => {
  it("stores the rating of a resolved question the contact asked, as the employer audience, and fills the KPI", async () => {
    const before = await satisfactionFigures(db, NOVEMBER);
    const own = await ticket(eva, "RESOLVED");
    const result = await answerSurveyAsEmployer.execute(eva, { ticketNumber: own.number, score: "5", comment: "  Vlot geholpen  " }, NOW);
    expect(result).toMatchObject({ ok: true });
    expect(await db.satisfactionResponse.findUniqueOrThrow({ where: { ticketId: own.id } })).toMatchObject({ respondentId: eva.id, score: 5, comment: "Vlot geholpen", channel: "EMAIL", audience: "EMPLOYER", createdAt: NOW });
    expect(await db.auditEvent.count({ where: { action: "survey.answer_employer", entityId: own.id, actorId: eva.id } })).toBe(1);
    // The lead desk's employer satisfaction figure now counts it (a 5 is "satisfied").
    const after = await satisfactionFigures(db, NOVEMBER);
    const was = before.byAudience.EMPLOYER ?? { hit: 0, total: 0 };
    expect(after.byAudience.EMPLOYER).toEqual({ hit: was.hit + 1, total: was.total + 1 });
    // A closed question (resolved, then closed after seven days) may still be rated.
    const closed = await ticket(tom, "CLOSED");
    expect(await answerSurveyAsEmployer.execute(tom, { ticketNumber: closed.number, score: 2 }, NOW)).toMatchObject({ ok: true });
    expect((await satisfactionFigures(db, NOVEMBER)).byAudience.EMPLOYER).toEqual({ hit: was.hit + 1, total: was.total + 2 });
  });

  it("refuses a second rating with ALREADY_ANSWERED and writes nothing", async () => {
    const own = await ticket(eva, "RESOLVED");
    expect(await answerSurveyAsEmployer.execute(eva, { ticketNumber: own.number, score: 4 }, NOW)).toMatchObject({ ok: true });
    const before = await written();
    expect(await answerSurveyAsEmployer.execute(eva, { ticketNumber: own.number, score: 1 }, NOW)).toEqual({ ok: false, reason: "ALREADY_ANSWERED" });
    expect(await written()).toEqual(before);
    expect((await db.satisfactionResponse.findUniqueOrThrow({ where: { ticketId: own.id } })).score).toBe(4);
  });

  it("refuses a question that is not resolved yet with SURVEY_CLOSED", async () => {
    for (const status of ["NEW", "OPEN", "PENDING_CUSTOMER"] as const) {
      const own = await ticket(eva, status);
      const before = await written();
      expect(await answerSurveyAsEmployer.execute(eva, { ticketNumber: own.number, score: 3 }, NOW)).toEqual({ ok: false, reason: "SURVEY_CLOSED" });
      expect(await written()).toEqual(before);
    }
  });

  it("answers NOT_FOUND for another organisation's, a colleague's, an unknown and an out-of-reach question", async () => {
    const foreign = await ticket(lisa, "RESOLVED");
    const colleagues = await ticket(tom, "RESOLVED");
    const hrDesk = await ticket(eva, "RESOLVED", "HR_DESK");
    const withoutHrFlag = { ...eva, hrProfessional: false };
    const cases: [SessionUser, string][] = [
      [eva, foreign.number],
      [eva, colleagues.number],
      [eva, "LK-2026-999999"],
      [withoutHrFlag, hrDesk.number],
    ];
    for (const [user, ticketNumber] of cases) {
      const before = await written();
      expect(await answerSurveyAsEmployer.execute(user, { ticketNumber, score: 4 }, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
      expect(await written()).toEqual(before);
    }
    // The HR professional who asked it may rate the HR-desk conversation.
    expect(await answerSurveyAsEmployer.execute(eva, { ticketNumber: hrDesk.number, score: 4 }, NOW)).toMatchObject({ ok: true });
  });

  it("refuses a complaint with NO_SURVEY, a contact without the right with FORBIDDEN, a bad score with INVALID_INPUT", async () => {
    const complaint = await ticket(eva, "RESOLVED", "COMPLAINT");
    const own = await ticket(eva, "RESOLVED");
    const before = await written();
    expect(await answerSurveyAsEmployer.execute(eva, { ticketNumber: complaint.number, score: 4 }, NOW)).toEqual({ ok: false, reason: "NO_SURVEY" });
    expect(await answerSurveyAsEmployer.execute({ ...eva, rights: ["MANAGE_USERS"] }, { ticketNumber: own.number, score: 4 }, NOW)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await answerSurveyAsEmployer.execute(eva, { ticketNumber: own.number, score: 6 }, NOW)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { score: ["INVALID_SCORE"] } });
    expect(await answerSurveyAsEmployer.execute(null, { ticketNumber: own.number, score: 4 }, NOW)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    // A beneficiary's session cannot use the employer survey either.
    const anna = await sessionFor("anna.jansen@burger.example");
    expect(await answerSurveyAsEmployer.execute(anna, { ticketNumber: own.number, score: 4 }, NOW)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await written()).toEqual(before);
  });

  it("is offered by the survey sweep: the employer who asked a resolved question is invited", async () => {
    const own = await ticket(tom, "RESOLVED");
    await sweepSurveyInvitations(db, NOW);
    expect(await db.notification.count({ where: { userId: tom.id, kind: "survey.invitation", entityId: own.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { kind: "survey.invitation", ticketId: own.id, toAddress: "tom.visser@vandijk.example" } })).toBe(1);
  });
});
