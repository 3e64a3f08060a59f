import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { complaintBodySchema, staffOmbudsReferralSchema } from "@/lib/complaints/schema";
import { deskAnswerSchema, deskNoteSchema } from "@/lib/complaints/desk";
import { answerSchema, moveUpSchema, resolveSchema } from "@/lib/escalations/desk";
import { kbArticleInput } from "@/lib/kb/schema";
import { lineClosureDaySchema } from "@/lib/lines/schema";
import { macroInput } from "@/lib/macros/schema";
import { logCallSchema, preAnnouncementSchema } from "@/lib/phone/schema";
import { closureDaySchema } from "@/lib/settings/schema";
import { noteSchema, replySchema } from "@/lib/workspace/schema";

// Issue 19 item 6 on the workspace forms: each refusal carries the limit the reader will see
// ("TOO_LONG:20000" reads "Gebruik hoogstens 20.000 tekens."), fields in the form's order.

function refusals(schema: z.ZodType, input: unknown): [string, string][] {
  const result = schema.safeParse(input);
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

describe("agent forms", () => {
  it("a reply and a note name their minimum and maximum", () => {
    expect(refusals(replySchema, { ticketId: "t1", body: "x".repeat(20_001) })).toEqual([["body", "TOO_LONG:20000"]]);
    expect(refusals(replySchema, { ticketId: "t1", body: " " })).toEqual([["body", "TOO_SHORT:2"]]);
    expect(refusals(noteSchema, { ticketId: "t1", body: "x".repeat(20_001) })).toEqual([["body", "TOO_LONG:20000"]]);
  });

  it("a macro refuses its title and text at once, title first", () => {
    expect(refusals(macroInput, { title: "ab", body: "x".repeat(10_001), locale: "nl" })).toEqual([
      ["title", "TOO_SHORT:3"],
      ["body", "TOO_LONG:10000"],
    ]);
  });

  it("an article refuses its question, answer and tags with their own limits", () => {
    expect(refusals(kbArticleInput, { kind: "ARTICLE", audience: "INTERNAL", locale: "nl", question: "x".repeat(301), answer: "kort", tags: "t".repeat(301) })).toEqual([
      ["question", "TOO_LONG:300"],
      ["answer", "TOO_SHORT:10"],
      ["tags", "TOO_LONG:300"],
    ]);
  });
});

describe("lead desk forms", () => {
  it("a complaint's answer, note and ombudsman referral each name their own limit", () => {
    expect(refusals(deskAnswerSchema, { complaintId: "c1", body: "x".repeat(20_001) })).toEqual([["body", "TOO_LONG:20000"]]);
    expect(refusals(deskNoteSchema, { complaintId: "c1", body: "x".repeat(10_001) })).toEqual([["body", "TOO_LONG:10000"]]);
    expect(refusals(deskNoteSchema, { complaintId: "c1", body: "  " })).toEqual([["body", "REQUIRED"]]);
    expect(refusals(staffOmbudsReferralSchema, { complaintId: "c1", reason: "x".repeat(2_001) })).toEqual([["reason", "TOO_LONG:2000"]]);
  });

  it("an external body's names and texts state their bounds", () => {
    expect(refusals(complaintBodySchema, { nameNl: "X", nameEn: "x".repeat(121), textNl: "kort", textEn: "t".repeat(2_001) })).toEqual([
      ["nameNl", "TOO_SHORT:2"],
      ["nameEn", "TOO_LONG:120"],
      ["textNl", "TOO_SHORT:20"],
      ["textEn", "TOO_LONG:2000"],
    ]);
  });

  it("an escalation's answer, outcome and reason each name their own limit", () => {
    expect(refusals(answerSchema, { escalationId: "e1", body: "x".repeat(10_001) })).toEqual([["body", "TOO_LONG:10000"]]);
    expect(refusals(resolveSchema, { escalationId: "e1", outcome: "x".repeat(5_001) })).toEqual([["outcome", "TOO_LONG:5000"]]);
    expect(refusals(moveUpSchema, { escalationId: "e1", reason: "kort" })).toEqual([["reason", "TOO_SHORT:10"]]);
  });
});

describe("closure days (settings and contact lines)", () => {
  it("a missing date says to choose one; the reasons are required and name their maximum", () => {
    expect(refusals(closureDaySchema, { date: "", reasonNl: "", reasonEn: "x".repeat(201) })).toEqual([
      ["date", "CHOOSE_DATE"],
      ["reasonNl", "REQUIRED"],
      ["reasonEn", "TOO_LONG:200"],
    ]);
    expect(refusals(lineClosureDaySchema, { lineKey: "BENEFICIARY", date: "2026-02-30", reasonNl: "Storing", reasonEn: "" })).toEqual([
      ["date", "INVALID_DATE"],
      ["reasonEn", "REQUIRED"],
    ]);
  });
});

describe("phone forms", () => {
  it("a call without a team or a callback moment says what to choose; its summary names its maximum", () => {
    expect(refusals(logCallSchema, { subject: "Betaling", categoryKey: "GENERAL_QUESTION", teamId: "", summary: "x".repeat(5_001), outcome: "CALLBACK", phone: "0612345678", callbackSlot: "MORNING" })).toEqual([
      ["teamId", "CHOOSE_TEAM"],
      ["summary", "TOO_LONG:5000"],
      ["callbackDate", "CHOOSE_MOMENT"],
    ]);
  });

  it("a pre-announcement without an organisation or a colleague says what to choose", () => {
    expect(refusals(preAnnouncementSchema, { organisationId: "", callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Wil een behandelaar spreken.", forWhom: "Team werkgevers", handedOverToId: "" })).toEqual([
      ["organisationId", "CHOOSE_ORGANISATION"],
      ["handedOverToId", "CHOOSE_HANDOVER"],
    ]);
  });
});
