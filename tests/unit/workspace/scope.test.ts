import type { ComplaintStage, Role } from "@prisma/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayHandleStage } from "@/lib/complaints/desk-rules";
import { isDossierTicket, staffMaySeeTicket, type TicketScopeFacts } from "@/lib/workspace/scope";

const TEAM = "team-uitkeringen";
const user = (role: Role, id = `u-${role}`) => ({ id, role, teamIds: role === "MANAGER" || role === "ADMIN" || role === "OMBUDS" || role === "CUSTOMER_SUCCESS_MANAGER" ? [] : [TEAM] });
const ticket = (over: Partial<TicketScopeFacts> = {}): TicketScopeFacts => ({ teamId: TEAM, assigneeId: null, organisationCsmId: null, dossierSensitive: false, complaint: null, ...over });
const complaint = (stage: ComplaintStage, subjectDossierSensitive = false) => ({ stage, subjectDossierSensitive });

describe("staffMaySeeTicket", () => {
  it("gives the first line its team's general tickets, never dossier ones nor a complaint about one", () => {
    const agent = user("CALLCENTER_AGENT");
    expect(staffMaySeeTicket(agent, ticket())).toBe(true);
    expect(staffMaySeeTicket(agent, ticket({ dossierSensitive: true }))).toBe(false);
    expect(staffMaySeeTicket(agent, ticket({ teamId: "elders" }))).toBe(false);
    expect(staffMaySeeTicket(agent, ticket({ teamId: "elders", assigneeId: agent.id }))).toBe(true);
    expect(staffMaySeeTicket(agent, ticket({ complaint: complaint("STAGE_1", true) }))).toBe(false);
  });

  it("keeps complaint tickets with their stage's handlers, on top of the teams", () => {
    const stage = (s: ComplaintStage, extra: Partial<TicketScopeFacts> = {}) => ticket({ complaint: complaint(s), ...extra });
    for (const role of ["CALLCENTER_AGENT", "CASE_HANDLER", "ADMIN", "CUSTOMER_SUCCESS_MANAGER"] as const) {
      for (const s of ["STAGE_1", "STAGE_2", "STAGE_3"] as const) expect(staffMaySeeTicket(user(role), stage(s, { assigneeId: user(role).id })), `${role} ${s}`).toBe(false);
    }
    expect(staffMaySeeTicket(user("TEAM_COORDINATOR"), stage("STAGE_1"))).toBe(true);
    expect(staffMaySeeTicket(user("TEAM_COORDINATOR"), stage("STAGE_1", { teamId: "elders" }))).toBe(false);
    expect(staffMaySeeTicket(user("MANAGER"), stage("STAGE_1", { teamId: "elders" }))).toBe(true);
    expect(staffMaySeeTicket(user("TEAM_COORDINATOR"), stage("STAGE_2"))).toBe(false);
    expect(staffMaySeeTicket(user("MANAGER"), stage("STAGE_2"))).toBe(false);
    const ombuds = user("OMBUDS");
    expect(staffMaySeeTicket(ombuds, stage("STAGE_2", { assigneeId: ombuds.id }))).toBe(true);
    expect(staffMaySeeTicket(ombuds, stage("STAGE_3", { assigneeId: ombuds.id }))).toBe(true);
    expect(staffMaySeeTicket(ombuds, stage("STAGE_1", { assigneeId: ombuds.id }))).toBe(false);
    expect(staffMaySeeTicket(ombuds, stage("STAGE_2"))).toBe(false);
  });

  it("lets a customer success manager read their organisations' tickets", () => {
    const csm = user("CUSTOMER_SUCCESS_MANAGER");
    expect(staffMaySeeTicket(csm, ticket({ organisationCsmId: csm.id, dossierSensitive: true }))).toBe(true);
    expect(staffMaySeeTicket(csm, ticket({ organisationCsmId: "someone-else" }))).toBe(false);
  });

  const roles: Role[] = ["CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "CUSTOMER_SUCCESS_MANAGER", "OMBUDS", "ADMIN"];
  const facts = fc.record({
    teamId: fc.constantFrom(TEAM, "elders", null),
    assigneeId: fc.constantFrom(null, "u-CALLCENTER_AGENT", "u-OMBUDS", "u-TEAM_COORDINATOR", "u-CASE_HANDLER"),
    organisationCsmId: fc.constantFrom(null, "u-CUSTOMER_SUCCESS_MANAGER"),
    dossierSensitive: fc.boolean(),
    complaint: fc.option(fc.record({ stage: fc.constantFrom<ComplaintStage>("STAGE_1", "STAGE_2", "STAGE_3"), subjectDossierSensitive: fc.boolean() }), { nil: null }),
  });

  it("never shows the first line dossier content, and never a complaint ticket to someone outside its stage", () => {
    fc.assert(
      fc.property(fc.constantFrom(...roles), facts, (role, t) => {
        const seen = staffMaySeeTicket(user(role), t);
        if (role === "CALLCENTER_AGENT" && isDossierTicket(t)) expect(seen).toBe(false);
        // Stage 3 is the ombudsman's only; stages 1 and 2 follow the desk's handling rule.
        if (seen && t.complaint) expect(t.complaint.stage === "STAGE_3" ? role === "OMBUDS" : mayHandleStage(role, t.complaint.stage)).toBe(true);
      }),
    );
  });
});

describe("isDossierTicket", () => {
  it("inherits the sensitivity of the ticket a complaint is about", () => {
    expect(isDossierTicket({ dossierSensitive: false, complaint: null })).toBe(false);
    expect(isDossierTicket({ dossierSensitive: false, complaint: complaint("STAGE_2", true) })).toBe(true);
    expect(isDossierTicket({ dossierSensitive: true, complaint: null })).toBe(true);
  });
});
