// /api/v1/complaints, /api/v1/escalations (each by id too) and /api/v1/kpis: the lead desk's reads for a token,
// with its scope, the acting account's permission, and the organisation limit.
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listComplaints } from "@/app/api/v1/complaints/route";
import { GET as readComplaint } from "@/app/api/v1/complaints/[id]/route";
import { GET as listEscalations } from "@/app/api/v1/escalations/route";
import { GET as readEscalation } from "@/app/api/v1/escalations/[id]/route";
import { GET as kpis } from "@/app/api/v1/kpis/route";
import { createTicketForCustomer } from "@/lib/api/ticket-commands";
import { fileComplaintAsEmployer } from "@/lib/complaints/commands";
import { db } from "@/lib/db/client";
import { closeRateLimits } from "@/lib/security/rate-limit";
import { call, expectProblem, makeToken } from "../support/api-client";
import { seedDemo, sessionFor } from "../support/fixtures";

const SCOPES = ["complaints:read", "escalations:read", "kpi:read"] as const;
let vandijk: string;
let coordinator: string;
let limited: string;
const complaints: Record<"vandijk" | "zorgnoord", string> = { vandijk: "", zorgnoord: "" };

async function complaintBy(email: string): Promise<string> {
  const contact = await sessionFor(email);
  const manager = await sessionFor("manager@loket.example");
  const subject = await createTicketForCustomer.execute(manager, { subject: "Loonaangifte", body: "Vraag over de loonaangifte", categoryKey: "GENERAL_QUESTION", requesterId: contact.id, organisationId: contact.organisationId! }, new Date());
  if (!subject.ok) throw new Error(subject.reason);
  const filed = await fileComplaintAsEmployer.execute(contact, { subjectTicketNumber: subject.data.number, lastContactDate: amsterdamDateKey(new Date()), description: "Wij zijn niet teruggebeld." }, new Date());
  if (!filed.ok) throw new Error(filed.reason);
  return (await db.complaint.findFirstOrThrow({ where: { subjectTicketId: subject.data.id } })).id;
}

beforeAll(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
  vandijk = (await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } })).id;
  coordinator = (await makeToken({ actor: "coordinator@loket.example", scopes: [...SCOPES] })).secret;
  limited = (await makeToken({ actor: "coordinator@loket.example", scopes: [...SCOPES], organisationId: vandijk })).secret;
  complaints.vandijk = await complaintBy("eva.bakker@vandijk.example");
  complaints.zorgnoord = await complaintBy("lisa.smit@zorggroepnoord.example");
}, 120_000);

afterAll(async () => {
  await closeRateLimits();
});


describe("complaints", () => {
  it("lists and reads complaints; an organisation-limited token only its organisation's (404 for another's)", async () => {
    const all = await call(listComplaints, { path: "/api/v1/complaints?stage=STAGE_1", token: coordinator });
    expect(all.status).toBe(200);
    const ids = all.body.data.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([complaints.vandijk, complaints.zorgnoord]));
    const mine = await call(listComplaints, { path: "/api/v1/complaints", token: limited });
    expect(mine.body.data.map((c: { id: string }) => c.id)).toContain(complaints.vandijk);
    expect(new Set(mine.body.data.map((c: { organisation: { id: string } | null }) => c.organisation?.id))).toEqual(new Set([vandijk]));
    expect((await call(readComplaint, { path: "/c", token: limited, params: { id: complaints.vandijk } })).body.id).toBe(complaints.vandijk);
    expectProblem(await call(readComplaint, { path: "/c", token: limited, params: { id: complaints.zorgnoord } }), 404, "NOT_FOUND");
    const bad = await call(listComplaints, { path: "/api/v1/complaints?stage=STAGE_9", token: coordinator });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["#/stage"]);
  });

  it("refuses without the scope, and for an account that does not work the complaints desk", async () => {
    const noScope = (await makeToken({ actor: "coordinator@loket.example", scopes: ["kpi:read"] })).secret;
    expectProblem(await call(listComplaints, { path: "/api/v1/complaints", token: noScope }), 403, "INSUFFICIENT_SCOPE");
    const agent = (await makeToken({ actor: "agent@loket.example", scopes: [...SCOPES] })).secret;
    expectProblem(await call(listComplaints, { path: "/api/v1/complaints", token: agent }), 403, "FORBIDDEN");
    expectProblem(await call(listComplaints, { path: "/api/v1/complaints" }), 401, "TOKEN_MISSING");
  });
});

describe("escalations", () => {
  it("reads the tier's board; an organisation-limited token only its organisation's", async () => {
    const board = await call(listEscalations, { path: "/api/v1/escalations?tier=1", token: coordinator });
    expect(board.status).toBe(200);
    const vandijkName = (await db.organisation.findUniqueOrThrow({ where: { id: vandijk } })).name;
    const mine = await call(listEscalations, { path: "/api/v1/escalations?tier=1", token: limited });
    const expected = board.body.data.filter((e: { organisation: { name: string } }) => e.organisation.name === vandijkName).map((e: { id: string }) => e.id);
    expect(mine.body.data.map((e: { id: string }) => e.id)).toEqual(expected);
    expectProblem(await call(listEscalations, { path: "/api/v1/escalations?tier=3", token: coordinator }), 422, "INVALID_INPUT");
  });

  it("reads one escalation as the board shows it; a customer success manager only of the organisations they look after", async () => {
    const seeded = await db.escalation.findFirstOrThrow({ where: { organisationId: vandijk } });
    const one = await call(readEscalation, { path: "/e", token: coordinator, params: { id: seeded.id } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: seeded.id, tier: 1, status: "OPEN", reason: seeded.reason, dueAt: seeded.dueAt.toISOString(), answers: [] });
    expectProblem(await call(readEscalation, { path: "/e", token: coordinator, params: { id: "geen-escalatie" } }), 404, "NOT_FOUND");

    // An organisation the demo's customer success manager does not look after.
    const csmUser = await db.user.findUniqueOrThrow({ where: { email: "csm@loket.example" } });
    const other = await db.organisation.findFirstOrThrow({ where: { OR: [{ customerSuccessManagerId: null }, { customerSuccessManagerId: { not: csmUser.id } }] } });
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" } });
    const elsewhere = await db.escalation.create({ data: { organisationId: other.id, tier: 1, reason: "Elders", raisedById: eva.id, raisedAt: new Date(), dueAt: new Date() } });
    const csm = (await makeToken({ actor: "csm@loket.example", scopes: [...SCOPES] })).secret;
    expect((await call(readEscalation, { path: "/e", token: csm, params: { id: seeded.id } })).status).toBe(200);
    expectProblem(await call(readEscalation, { path: "/e", token: csm, params: { id: elsewhere.id } }), 404, "NOT_FOUND");
    expect((await call(readEscalation, { path: "/e", token: coordinator, params: { id: elsewhere.id } })).status).toBe(200);
    const board = await call(listEscalations, { path: "/api/v1/escalations?tier=1", token: csm });
    expect(board.body.data.map((e: { id: string }) => e.id)).not.toContain(elsewhere.id);
  });
});

describe("KPIs", () => {
  it("answers the KPI page's report for a period, and refuses a bad period with the field", async () => {
    const report = await call(kpis, { path: "/api/v1/kpis?from=2026-10-01&to=2026-12-31", token: coordinator });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    expect(Object.keys(report.body.report).sort()).toEqual(["callbacks", "chat", "complaints", "escalations", "firstContactResolution", "satisfaction", "telephony", "urgentInTime", "writtenInTime"]);
    const bad = await call(kpis, { path: "/api/v1/kpis?from=2026-12-31&to=2026-10-01", token: coordinator });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.body.errors).toEqual([{ pointer: "#/to", detail: "FROM_AFTER_TO" }]);
  });

  it("refuses an organisation-limited token (KPIs cover every organisation)", async () => {
    expectProblem(await call(kpis, { path: "/api/v1/kpis", token: limited }), 403, "ORGANISATION_LIMITED");
  });
});
