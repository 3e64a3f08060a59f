import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createTokenSchema } from "@/lib/api/token-schema";
import { fileQuestionSchema, replySchema } from "@/lib/employer/schema";
import { raiseEscalationSchema } from "@/lib/escalations/schema";
import { organisationFieldsSchema } from "@/lib/org-admin/schema";
import { placeHoldSchema } from "@/lib/privacy/schema";
import { inviteStaffSchema } from "@/lib/staff/schema";
import { urgentRequestSchema, urgentWordsSchema, verificationSchema } from "@/lib/urgent/schema";
import { createEndpointSchema } from "@/lib/webhooks/schema";

// Issue 19 item 6 on the employer and admin forms: a refusal carries the limit a user will read
// ("TOO_LONG:5000" becomes "Gebruik hoogstens 5.000 tekens."), a missing choice its own CHOOSE_*
// code, and the fields come in the form's order (the summary links to the first).

function refusals(schema: z.ZodType, input: unknown): [string, string][] {
  const result = schema.safeParse(input);
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

describe("employer forms", () => {
  it("a question without a topic says what to choose, then the subject and body with their minimums", () => {
    expect(refusals(fileQuestionSchema, { categoryKey: "", subject: "ab", body: "kort" })).toEqual([
      ["categoryKey", "CHOOSE_TOPIC"],
      ["subject", "TOO_SHORT:3"],
      ["body", "TOO_SHORT:10"],
    ]);
  });

  it("a reply and an escalation name their maximum", () => {
    expect(refusals(replySchema, { ticketNumber: "LK-2026-000001", body: "x".repeat(5_001) })).toEqual([["body", "TOO_LONG:5000"]]);
    expect(refusals(raiseEscalationSchema, { reason: "x".repeat(3_001) })).toEqual([["reason", "TOO_LONG:3000"]]);
    expect(refusals(raiseEscalationSchema, { reason: "te laat" })).toEqual([["reason", "TOO_SHORT:10"]]);
  });

  it("an urgent request states each field's bounds", () => {
    expect(refusals(urgentRequestSchema, { subject: "Loonbeslag", reason: "", forWhom: "", details: "x".repeat(5_001) })).toEqual([
      ["reason", "TOO_SHORT:5"],
      ["forWhom", "TOO_SHORT:2"],
      ["details", "TOO_LONG:5000"],
    ]);
  });

  it("the urgent desk's verification and word list: a missing outcome says to choose one, the note and list name their limit", () => {
    expect(refusals(verificationSchema, { ticketId: "t1", outcome: "", note: "x".repeat(2_001) })).toEqual([
      ["outcome", "CHOOSE_OUTCOME"],
      ["note", "TOO_LONG:2000"],
    ]);
    expect(refusals(urgentWordsSchema, { words: "x".repeat(2_001) })).toEqual([["words", "TOO_LONG:2000"]]);
  });
});

describe("admin forms", () => {
  it("a staff invitation: name first, with its limits; a missing role says to choose one", () => {
    expect(refusals(inviteStaffSchema, { name: "", email: "geen", role: "" })).toEqual([
      ["name", "TOO_SHORT:2"],
      ["email", "INVALID_EMAIL"],
      ["role", "CHOOSE_ROLE"],
    ]);
    expect(refusals(inviteStaffSchema, { name: "x".repeat(121), email: "nieuw@loket.example", role: "AGENT" })).toEqual([["name", "TOO_LONG:120"]]);
  });

  it("an API token without scopes says to choose one, after the name", () => {
    expect(refusals(createTokenSchema, { name: "x", actorId: "u1", scopes: [] })).toEqual([
      ["name", "TOO_SHORT:2"],
      ["scopes", "CHOOSE_SCOPE"],
    ]);
  });

  it("an organisation without a kind says to choose one; numbers and names state their bounds", () => {
    expect(refusals(organisationFieldsSchema, { externalNumber: "", name: "x", kind: "", postalCity: "x".repeat(61) })).toEqual([
      ["externalNumber", "TOO_SHORT:2"],
      ["name", "TOO_SHORT:2"],
      ["kind", "CHOOSE_KIND"],
      ["postalCity", "TOO_LONG:60"],
    ]);
  });

  it("a legal hold's reference and reason, and a webhook's fields, each carry their own code", () => {
    expect(refusals(placeHoldSchema, { kind: "", reference: "", reason: "x".repeat(501) })).toEqual([
      ["kind", "CHOOSE_KIND"],
      ["reference", "REQUIRED"],
      ["reason", "TOO_LONG:500"],
    ]);
    expect(refusals(createEndpointSchema, { url: "", description: "x".repeat(201), eventTypes: [] })).toEqual([
      ["url", "REQUIRED"],
      ["description", "TOO_LONG:200"],
      ["eventTypes", "CHOOSE_EVENT"],
    ]);
  });
});
