// "Complaints answered in time per tier" judged on each complaint's history, with complaints taken
// through the real portal and desk actions at hand-picked times. September 2025 has no Dutch
// holidays; Amsterdam is UTC+2, so 10:00 local is 08:00Z and the 17:00 close is 15:00Z.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { fileComplaintAsBeneficiary, requestOmbudsmanAsBeneficiary } from "@/lib/complaints/commands";
import { answerComplaintAction, referComplaintAction } from "@/lib/complaints/desk-commands";
import { replyToTicket } from "@/lib/workspace/commands";
import { periodFromKeys } from "@/lib/kpi/period";
import { complaintFigures, type ComplaintFigures } from "@/lib/kpi/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const at = (iso: string) => new Date(iso);
const now = at("2025-09-30T10:00:00Z");
let september: ComplaintFigures;
let august: ComplaintFigures;

function must<T>(result: { ok: true; data: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

beforeAll(async () => {
  await seedDemo();
  // The demo's own complaints live around the seed date (2026); none touch 2025.
  const anna = await sessionFor("anna.jansen@burger.example");
  const coordinator = await sessionFor("coordinator@loket.example");
  const ombudsman = await sessionFor("ombudsman@loket.example");
  const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, category: { key: { not: "COMPLAINT" } } }, orderBy: { createdAt: "asc" } });
  // The question the 2025 complaints are about began before them (a last contact cannot precede it).
  await db.ticket.update({ where: { id: subject.id }, data: { createdAt: at("2025-07-01T10:00:00Z") } });

  const file = async (iso: string) =>
    must(await fileComplaintAsBeneficiary.execute(anna, { subjectTicketNumber: subject.number, lastContactDate: "2025-08-01", description: "Ik ben niet teruggebeld." }, at(iso))).id;
  const answer = async (by: SessionUser, complaintId: string, iso: string) =>
    must(await answerComplaintAction.execute(by, { complaintId, body: "Ons antwoord op uw klacht, met excuses." }, at(iso)));
  // A holding reply from the workspace on the complaint's own ticket: not the stage's answer.
  const holdingReply = async (complaintId: string, iso: string) => {
    const { ticketId } = await db.complaint.findUniqueOrThrow({ where: { id: complaintId } });
    must(await replyToTicket.execute(coordinator, { ticketId: ticketId!, body: "We zoeken het uit en komen erop terug." }, at(iso)));
  };
  const ombuds = async (complaintId: string, iso: string) =>
    must(await requestOmbudsmanAsBeneficiary.execute(anna, { complaintId, reason: "Ik ben niet tevreden met het antwoord." }, at(iso)));

  // A: filed Mon 1 Sep (stage-1 due Mon 8 Sep 17:00), a holding reply Wed 3 Sep, answered late Wed
  // 10 Sep; ombudsman asked Thu 11 Sep (due Thu 18 Sep 17:00), answered in time Tue 16 Sep. Stage 1
  // late (the holding reply does not count), stage 2 in time.
  const a = await file("2025-09-01T08:00:00Z");
  await holdingReply(a, "2025-09-03T08:00:00Z");
  await answer(coordinator, a, "2025-09-10T08:00:00Z");
  await ombuds(a, "2025-09-11T08:00:00Z");
  await answer(ombudsman, a, "2025-09-16T08:00:00Z");

  // B: filed Tue 2 Sep (due Tue 9 Sep), answered in time Fri 5 Sep; ombudsman asked Mon 8 Sep (due
  // Mon 15 Sep), answered late Wed 17 Sep, then referred. Stage 1 in time, stage 2 late.
  const b = await file("2025-09-02T08:00:00Z");
  await answer(coordinator, b, "2025-09-05T08:00:00Z");
  await ombuds(b, "2025-09-08T08:00:00Z");
  await answer(ombudsman, b, "2025-09-17T08:00:00Z");
  must(await referComplaintAction.execute(ombudsman, { complaintId: b }, at("2025-09-18T08:00:00Z")));

  // C: filed Wed 17 Sep (due Wed 24 Sep), never answered in stage 1; ombudsman asked Thu 25 Sep
  // because it was late (due Thu 2 Oct, after now). Stage 1 missed; stage 2 not yet judged.
  const c = await file("2025-09-17T08:00:00Z");
  await holdingReply(c, "2025-09-18T08:00:00Z");
  await ombuds(c, "2025-09-25T08:00:00Z");

  // F: filed Wed 3 Sep (due Wed 10 Sep 17:00), answered late Thu 11 Sep; ombudsman asked Fri 12 Sep
  // (due Fri 19 Sep), never answered. Later an admin closes Mon 8 Sep: that does not move the due
  // time stage 1 had (recomputed, it would be Thu 11 Sep and the answer in time). Both stages missed.
  const f = await file("2025-09-03T08:00:00Z");
  await answer(coordinator, f, "2025-09-11T08:00:00Z");
  await ombuds(f, "2025-09-12T08:00:00Z");

  // D: filed Mon 29 Sep, due Mon 6 Oct: still running in stage 1, not yet judged.
  await file("2025-09-29T08:00:00Z");

  // E: filed and answered in August; ombudsman asked Mon 1 Sep (due Mon 8 Sep), answered Fri 5 Sep.
  // Its stage 1 counts in August, its stage 2 in September.
  const e = await file("2025-08-25T08:00:00Z");
  await answer(coordinator, e, "2025-08-26T08:00:00Z");
  await ombuds(e, "2025-09-01T08:00:00Z");
  await answer(ombudsman, e, "2025-09-05T08:00:00Z");

  // A closure day in the past shapes the history; the admin form refuses past dates, so it is a row.
  await db.closureDay.create({ data: { date: "2025-09-08", reasonNl: "Verhuizing", reasonEn: "Moving" } });

  september = await complaintFigures(db, periodFromKeys("2025-09-01", "2025-09-30"), now);
  august = await complaintFigures(db, periodFromKeys("2025-08-01", "2025-08-31"), now);
});

describe("complaints answered in time per tier, on history", () => {
  it("judges every stage a complaint went through against the due time that stage had", () => {
    // Stage 1: A late, B in time, C missed, F late (D not yet due) -> 1 of 4.
    // Stage 2: A in time, B late, E in time, F missed (C not yet due) -> 2 of 4.
    expect(september.inTimeByStage).toEqual({ STAGE_1: { hit: 1, total: 4 }, STAGE_2: { hit: 2, total: 4 } });
    expect(september.complaints).toBe(5);
  });

  it("counts each stage in the period it began", () => {
    expect(august.inTimeByStage).toEqual({ STAGE_1: { hit: 1, total: 1 }, STAGE_2: { hit: 0, total: 0 } });
  });

});
