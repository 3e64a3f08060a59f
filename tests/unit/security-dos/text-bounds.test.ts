import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { deskAnswerSchema, deskNoteSchema, signalSchema } from "@/lib/complaints/desk";
import { complaintBodySchema } from "@/lib/complaints/schema";
import { answerSchema, moveUpSchema, resolveSchema } from "@/lib/escalations/desk";
import { kbCreateSchema } from "@/lib/kb/schema";
import { logCallSchema, preAnnouncementSchema } from "@/lib/phone/schema";
import { closureDaySchema } from "@/lib/settings/schema";
import { createTeamSchema, inviteStaffSchema } from "@/lib/staff/schema";
import { attemptSchema } from "@/lib/workspace/attempt";
import { noteSchema, replySchema } from "@/lib/workspace/schema";

// Hole 9 of issue 13: every text a staff member can send is bounded, and one character too many
// gets the TOO_LONG code the forms translate ("Deze tekst is te lang"), never a generic refusal.

interface Case {
  name: string;
  schema: z.ZodType;
  base: Record<string, unknown>;
  field: string;
  max: number;
  /** A field whose code does not (yet) carry its limit; the others say it ("TOO_LONG:120", issue 19 item 6). */
  plain?: true;
}

const ok = "Een gewone zin van voldoende lengte.";
const CASES: Case[] = [
  { name: "letter/mail reply", schema: replySchema, base: { ticketId: "t1", body: ok }, field: "body", max: 20_000 },
  { name: "internal note", schema: noteSchema, base: { ticketId: "t1", body: ok }, field: "body", max: 20_000 },
  { name: "callback attempt note", schema: attemptSchema, base: { appointmentId: "a1", outcome: "REACHED", note: "" }, field: "note", max: 2_000 },
  { name: "phone call summary", schema: logCallSchema, base: { teamId: "t1", categoryKey: "GENERAL_QUESTION", subject: "Bel", summary: ok, outcome: "RESOLVED" }, field: "summary", max: 5_000 },
  { name: "phone call subject", schema: logCallSchema, base: { teamId: "t1", categoryKey: "GENERAL_QUESTION", subject: "Bel", summary: ok, outcome: "RESOLVED" }, field: "subject", max: 200 },
  { name: "pre-announcement reason", schema: preAnnouncementSchema, base: { organisationId: "o1", callerName: "Eva", subject: "Ziekte", reason: ok, forWhom: "Jan", handedOverToId: "u1" }, field: "reason", max: 2_000 },
  { name: "knowledge-base answer", schema: kbCreateSchema, base: { kind: "ARTICLE", audience: "PUBLIC", locale: "nl", question: "Wanneer betaalt u?", answer: ok }, field: "answer", max: 10_000 },
  { name: "knowledge-base question", schema: kbCreateSchema, base: { kind: "ARTICLE", audience: "PUBLIC", locale: "nl", question: "Wanneer betaalt u?", answer: ok }, field: "question", max: 300 },
  { name: "escalation answer", schema: answerSchema, base: { escalationId: "e1", body: ok }, field: "body", max: 10_000 },
  { name: "escalation outcome", schema: resolveSchema, base: { escalationId: "e1", outcome: ok }, field: "outcome", max: 5_000 },
  { name: "escalation move-up reason", schema: moveUpSchema, base: { escalationId: "e1", reason: ok }, field: "reason", max: 5_000 },
  { name: "complaint answer", schema: deskAnswerSchema, base: { complaintId: "c1", body: ok }, field: "body", max: 20_000 },
  { name: "complaint note", schema: deskNoteSchema, base: { complaintId: "c1", body: ok }, field: "body", max: 10_000 },
  { name: "complaint signal", schema: signalSchema, base: { ticketId: "t1", description: ok }, field: "description", max: 5_000 },
  { name: "closure day reason", schema: closureDaySchema, base: { date: "2026-12-24", reasonNl: "Kerst", reasonEn: "Christmas" }, field: "reasonNl", max: 200 },
  { name: "external body text", schema: complaintBodySchema, base: { nameNl: "Ombudsman", nameEn: "Ombudsman", textNl: ok, textEn: ok }, field: "textNl", max: 2_000 },
  { name: "staff name", schema: inviteStaffSchema, base: { email: "nieuw@loket.example", name: "Nieuwe Collega", role: "AGENT" }, field: "name", max: 120 },
  { name: "team name", schema: createTeamSchema, base: { key: "pensioen", name: "Pensioen" }, field: "name", max: 80 },
];

describe("bounds on staff text fields", () => {
  it.each(CASES)("$name: $max characters go through, one more is TOO_LONG", ({ schema, base, field, max, plain }) => {
    const atMax = schema.safeParse({ ...base, [field]: "a".repeat(max) });
    expect(atMax.error?.issues ?? []).toEqual([]);
    const over = schema.safeParse({ ...base, [field]: "a".repeat(max + 1) });
    expect(over.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([[field, plain ? "TOO_LONG" : `TOO_LONG:${max}`]]);
  });
});
