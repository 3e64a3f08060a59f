import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { answerSurveyAsBeneficiary } from "@/lib/survey/commands";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(now);
});

describe("answerSurveyAsBeneficiary", () => {
  it("stores one answer per resolved ticket with its channel and audience", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED" } });
    expect(await answerSurveyAsBeneficiary.execute(anna, { ticketId: ticket.id, score: "4", comment: "Snel geholpen" }, now)).toMatchObject({ ok: true });
    expect(await db.satisfactionResponse.findUniqueOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({ score: 4, comment: "Snel geholpen", channel: ticket.channel, audience: "BENEFICIARY" });
    expect(await answerSurveyAsBeneficiary.execute(anna, { ticketId: ticket.id, score: 5 }, now)).toMatchObject({ ok: false, reason: "ALREADY_ANSWERED" });
  });

  it("refuses unresolved tickets, other people's tickets and scores outside 1-5", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const bram = await sessionFor("bram.devries@burger.example");
    const open = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "OPEN" } });
    const resolved = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED" } });
    expect(await answerSurveyAsBeneficiary.execute(anna, { ticketId: open.id, score: 3 }, now)).toMatchObject({ ok: false, reason: "NOT_RESOLVED" });
    expect(await answerSurveyAsBeneficiary.execute(bram, { ticketId: resolved.id, score: 1 }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    expect(await answerSurveyAsBeneficiary.execute(anna, { ticketId: resolved.id, score: 6 }, now)).toMatchObject({ ok: false, fieldErrors: { score: ["INVALID_SCORE"] } });
    expect(await answerSurveyAsBeneficiary.execute(anna, { ticketId: resolved.id, score: "" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await db.satisfactionResponse.count()).toBe(0);
  });
});
