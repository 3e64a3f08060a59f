import type { Channel, Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { periodFromKeys } from "@/lib/kpi/period";
import { loadKpisFor } from "@/lib/kpi/load";
import { loadKpiReport, type KpiReport, urgentInTime } from "@/lib/kpi/queries";
import { perThousand, share, verdict } from "@/lib/kpi/rules";
import { seedDemo, sessionFor } from "../support/fixtures";

// A hand-made first quarter of 2025, far from the demo data (which lives around the seed date),
// with the expected figures worked out by hand next to each fixture.
const period = periodFromKeys("2025-01-01", "2025-03-31");
const now = new Date("2025-04-15T10:00:00Z");
const at = (iso: string) => new Date(iso);
let report: KpiReport;
let seq = 0;

async function ticket(data: Partial<Prisma.TicketUncheckedCreateInput> & { channel: Channel; createdAt: Date }, categoryKey = "GENERAL_QUESTION") {
  const category = await db.ticketCategory.findUniqueOrThrow({ where: { key: categoryKey } });
  seq += 1;
  return db.ticket.create({ data: { number: `LK-2025-${String(900000 + seq)}`, subject: `fixture ${seq}`, categoryId: category.id, slaPolicyKey: "WRITTEN_QUESTION", ...data } });
}

beforeAll(async () => {
  await seedDemo();
  const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
  const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
  const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" }, include: { memberships: true } });
  const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
  const org = eva.memberships[0]!.organisationId;

  // First-contact resolution: 4 phone questions, 3 solved at once -> 75%.
  const phone: { id: string }[] = [];
  for (const fcr of [true, true, true, false]) phone.push(await ticket({ channel: "PHONE", createdAt: at("2025-01-10T09:00:00Z"), firstContactResolution: fcr, slaPolicyKey: null }));

  // Written in time: A in time, B late, C unanswered and overdue, D not yet due (left out) -> 1/3.
  const due = at("2025-02-07T16:00:00Z");
  const a = await ticket({ channel: "PORTAL", createdAt: at("2025-02-01T09:00:00Z"), slaDueAt: due, firstResponseAt: at("2025-02-05T09:00:00Z"), audience: "BENEFICIARY" });
  const b = await ticket({ channel: "EMAIL", createdAt: at("2025-02-01T09:00:00Z"), slaDueAt: due, firstResponseAt: at("2025-02-10T09:00:00Z"), audience: "EMPLOYER", organisationId: org });
  const c = await ticket({ channel: "LETTER", createdAt: at("2025-02-01T09:00:00Z"), slaDueAt: due, audience: "BENEFICIARY" });
  await ticket({ channel: "PORTAL", createdAt: at("2025-03-31T20:00:00Z"), slaDueAt: at("2025-04-20T16:00:00Z") });

  // Callbacks: a1 in slot + reached, a2 attempted after its slot + unreachable, a3 never tried,
  // a4 cancelled (left out), a5 a repeat request, in slot + reached.
  // In slot 2 of 4, reached 2 of 3 closed, unreachable 1 of 3, repeat requests 1 of 5 booked.
  const slot = (iso: string, kind: "MORNING" | "AFTERNOON", extra: Partial<Prisma.CallbackAppointmentUncheckedCreateInput> = {}) =>
    db.callbackAppointment.create({
      data: { ticketId: phone[3]!.id, personId: anna.id, teamId: team.id, date: iso.slice(0, 10), slot: kind, slotStart: at(iso), phone: "0612345678", bookedById: handler.id, bookedAt: at("2025-01-05T09:00:00Z"), ...extra },
    });
  const a1 = await slot("2025-01-13T09:00:00Z", "MORNING", { status: "DONE" });
  const a2 = await slot("2025-01-13T13:00:00Z", "AFTERNOON", { status: "UNREACHABLE" });
  await slot("2025-01-14T09:00:00Z", "MORNING");
  await slot("2025-01-15T09:00:00Z", "MORNING", { status: "CANCELLED" });
  const a5 = await slot("2025-01-16T09:00:00Z", "MORNING", { status: "DONE", isRepeat: true });
  const attempt = (appointmentId: string, iso: string, outcome: "REACHED" | "NO_ANSWER") =>
    db.callbackAttempt.create({ data: { appointmentId, handlerId: handler.id, outcome, attemptedAt: at(iso) } });
  await attempt(a1.id, "2025-01-13T09:20:00Z", "REACHED");
  await attempt(a2.id, "2025-01-13T15:30:00Z", "NO_ANSWER");
  await attempt(a2.id, "2025-01-13T15:45:00Z", "NO_ANSWER");
  await attempt(a5.id, "2025-01-16T09:59:00Z", "REACHED");

  // Urgent requests: one answered within 24 hours, one late, one unanswered and overdue -> 1/3.
  for (const [received, answered] of [["2025-03-03T08:00:00Z", "2025-03-03T15:00:00Z"], ["2025-03-04T08:00:00Z", "2025-03-05T09:00:00Z"], ["2025-03-06T08:00:00Z", null]] as const) {
    const t = await ticket({ channel: "PORTAL", createdAt: at(received), organisationId: org, priority: "URGENT", slaPolicyKey: "URGENT_REQUEST", firstResponseAt: answered ? at(answered) : null }, "URGENT_REQUEST");
    // The first answer stops the urgent countdown (answeredAt); the KPI reads that moment.
    await db.urgentRequest.create({ data: { ticketId: t.id, organisationId: org, reason: "r", forWhom: "w", receivedAt: at(received), dueAt: new Date(at(received).getTime() + 24 * 3_600_000), answeredAt: answered ? at(answered) : null } });
  }

  // Complaints: 2 received against 11 contacts (4 phone + 4 written + 3 urgent) -> 181.8 per 1,000;
  // stage 1: the first answered in time from the desk, the second (received Fri 21 Feb, due Fri 28
  // Feb 17:00) went to stage 2 on 1 Mar unanswered -> 1/2; stage 2 answered late (0/1). A desk
  // answer is the "complaint_answer" event the complaints desk writes with its reply.
  const deskAnswer = (ticketId: string, stage: string, iso: string) =>
    db.ticketEvent.create({ data: { ticketId, kind: "complaint_answer", data: { stage }, createdAt: at(iso) } });
  const firstTicket = await ticket({ channel: "PORTAL", createdAt: at("2025-02-20T09:00:00Z") }, "COMPLAINT");
  await db.complaint.create({ data: { ticketId: firstTicket.id, subjectTicketId: a.id, complainantId: anna.id, description: "d", stage: "STAGE_1", receivedAt: at("2025-02-20T09:00:00Z"), stageStartedAt: at("2025-02-20T09:00:00Z"), dueAt: at("2025-02-27T16:00:00Z"), firstStageDueAt: at("2025-02-27T16:00:00Z"), answeredAt: at("2025-02-25T09:00:00Z") } });
  await deskAnswer(firstTicket.id, "STAGE_1", "2025-02-25T09:00:00Z");
  const secondTicket = await ticket({ channel: "PORTAL", createdAt: at("2025-02-21T09:00:00Z") }, "COMPLAINT");
  await db.complaint.create({ data: { ticketId: secondTicket.id, subjectTicketId: b.id, complainantId: eva.id, organisationId: org, description: "d", stage: "STAGE_2", receivedAt: at("2025-02-21T09:00:00Z"), stageStartedAt: at("2025-03-01T09:00:00Z"), dueAt: at("2025-03-07T16:00:00Z"), firstStageDueAt: at("2025-02-28T16:00:00Z"), answeredAt: at("2025-03-10T09:00:00Z") } });
  await deskAnswer(secondTicket.id, "STAGE_2", "2025-03-10T09:00:00Z");

  // Satisfaction: 5 and 3 on the portal (beneficiaries), 4 by mail (employer), 2 by phone.
  // Overall 2/4; portal 1/2, mail 1/1, phone 0/1; beneficiaries 1/3, employers 1/1.
  const answer = (ticketId: string, score: number, channel: Channel, audience: "BENEFICIARY" | "EMPLOYER") =>
    db.satisfactionResponse.create({ data: { ticketId, respondentId: anna.id, score, channel, audience, createdAt: at("2025-03-10T09:00:00Z") } });
  await answer(a.id, 5, "PORTAL", "BENEFICIARY");
  await answer(c.id, 3, "PORTAL", "BENEFICIARY");
  await answer(b.id, 4, "EMAIL", "EMPLOYER");
  await answer(phone[0]!.id, 2, "PHONE", "BENEFICIARY");

  // Open escalations: tier 1 raised 2 hours and 2 days ago, tier 2 ten days ago; a resolved one.
  const escalation = (tier: number, raisedAt: Date, status: "OPEN" | "RESOLVED" = "OPEN") =>
    db.escalation.create({ data: { organisationId: org, tier, reason: "r", raisedById: eva.id, raisedAt, dueAt: raisedAt, status } });
  await db.escalation.deleteMany();
  await escalation(1, new Date(now.getTime() - 2 * 3_600_000));
  await escalation(1, new Date(now.getTime() - 2 * 86_400_000));
  await escalation(2, new Date(now.getTime() - 10 * 86_400_000));
  await escalation(1, new Date(now.getTime() - 5 * 86_400_000), "RESOLVED");

  report = await loadKpiReport(db, period, now);
});

describe("KPIs against hand-computed fixtures", () => {
  it("first-contact resolution: phone questions solved in the first contact", () => {
    expect(report.firstContactResolution).toEqual({ hit: 3, total: 4 });
    expect(verdict("firstContactResolution", share(report.firstContactResolution))).toBe("MISSED");
  });

  it("written questions answered within their due time, leaving out those not yet due", () => {
    expect(report.writtenInTime).toEqual({ hit: 1, total: 3 });
  });

  it("callbacks attempted in the slot, reached, unreachable, and repeat requests", () => {
    expect(report.callbacks).toEqual({
      attemptedInSlot: { hit: 2, total: 4 },
      // All booked on 5 January, a week or more before the first attempt.
      within2Hours: { hit: 0, total: 4 },
      within24Hours: { hit: 0, total: 4 },
      reached: { hit: 2, total: 3 },
      unreachable: { hit: 1, total: 3 },
      wrongNumber: { hit: 0, total: 3 },
      repeat: { hit: 1, total: 5 },
    });
    expect(verdict("repeatCallbacks", share(report.callbacks.repeat))).toBe("MISSED");
  });

  it("urgent requests answered within 24 hours", () => {
    expect(report.urgentInTime).toEqual({ hit: 1, total: 3 });
  });

  it("leaves out an urgent mail the confirming call found not urgent", async () => {
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" }, include: { memberships: true } });
    const org = eva.memberships[0]!.organisationId;
    const june = periodFromKeys("2025-06-01", "2025-06-30");
    for (const [received, verification] of [["2025-06-02T08:00:00Z", "NOT_URGENT"], ["2025-06-03T08:00:00Z", "CONFIRMED"]] as const) {
      const t = await ticket({ channel: "EMAIL", createdAt: at(received), organisationId: org, priority: "URGENT", slaPolicyKey: "URGENT_REQUEST" }, "URGENT_REQUEST");
      await db.urgentRequest.create({ data: { ticketId: t.id, organisationId: org, reason: "r", forWhom: "w", notPreAnnounced: true, verification, receivedAt: at(received), dueAt: new Date(at(received).getTime() + 7 * 3_600_000), answeredAt: null } });
    }
    // Both are overdue and unanswered; only the confirmed one counts against the norm.
    expect(await urgentInTime(db, june, at("2025-07-01T10:00:00Z"))).toEqual({ hit: 0, total: 1 });
  });

  it("complaints per 1,000 contacts and answered in time per tier", () => {
    expect(report.complaints.complaints).toBe(2);
    expect(report.complaints.contacts).toBe(11);
    expect(perThousand(report.complaints.complaints, report.complaints.contacts)).toBeCloseTo(181.818, 2);
    expect(report.complaints.inTimeByStage).toEqual({ STAGE_1: { hit: 1, total: 2 }, STAGE_2: { hit: 0, total: 1 } });
  });

  it("satisfaction as the share of 4 and 5, by channel and by audience", () => {
    expect(report.satisfaction.overall).toEqual({ hit: 2, total: 4 });
    expect(report.satisfaction.byChannel).toEqual({ PORTAL: { hit: 1, total: 2 }, EMAIL: { hit: 1, total: 1 }, PHONE: { hit: 0, total: 1 } });
    expect(report.satisfaction.byAudience).toEqual({ BENEFICIARY: { hit: 1, total: 3 }, EMPLOYER: { hit: 1, total: 1 } });
  });

  it("open escalations by tier and age", () => {
    expect(report.escalations[1]).toEqual({ UNDER_1_DAY: 1, DAYS_1_TO_3: 1, DAYS_3_TO_7: 0, OVER_7_DAYS: 0 });
    expect(report.escalations[2]).toEqual({ UNDER_1_DAY: 0, DAYS_1_TO_3: 0, DAYS_3_TO_7: 0, OVER_7_DAYS: 1 });
  });

  it("reports no data rather than a made-up share for an empty period", async () => {
    const empty = await loadKpiReport(db, periodFromKeys("2024-01-01", "2024-01-31"), now);
    expect(share(empty.firstContactResolution)).toBeNull();
    expect(verdict("satisfaction", share(empty.satisfaction.overall))).toBe("NO_DATA");
  });

  it("is for coordinators, managers and admins, over a valid period", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const agent = await sessionFor("agent@loket.example");
    const handler = await sessionFor("behandelaar@loket.example");
    expect(await loadKpisFor(agent, {}, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await loadKpisFor(handler, {}, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await loadKpisFor(coordinator, { from: "2025-03-31", to: "2025-01-01" }, now)).toMatchObject({ ok: false, reason: "INVALID_PERIOD", problem: "FROM_AFTER_TO" });
    expect(await loadKpisFor(coordinator, { from: "gisteren", to: "2025-01-01" }, now)).toMatchObject({ ok: false, reason: "INVALID_PERIOD", problem: "NOT_A_DATE" });
    expect(await loadKpisFor(coordinator, { from: "2025-02-29", to: "2025-03-31" }, now)).toMatchObject({ ok: false, reason: "INVALID_PERIOD", problem: "NOT_A_DATE" });
    const quarter = await loadKpisFor(coordinator, {}, now);
    expect(quarter).toMatchObject({ ok: true, from: "2025-04-01", to: "2025-06-30" });
    const fixture = await loadKpisFor(coordinator, { from: "2025-01-01", to: "2025-03-31" }, now);
    expect(fixture.ok && fixture.report.firstContactResolution).toEqual({ hit: 3, total: 4 });
  });
});
