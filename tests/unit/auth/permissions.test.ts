import type { OrganisationRight, Role } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, permissionsOf, type Permission, ROLE_PERMISSIONS } from "@/lib/auth/permissions";

const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];
const RIGHTS: OrganisationRight[] = ["MANAGE_USERS", "MANAGE_EMPLOYEES", "SUBMIT_REQUESTS"];
const employer = (rights: OrganisationRight[] = [], hrProfessional = false, organisationId: string | null = "org1") => ({
  role: "EMPLOYER_CONTACT" as const,
  rights,
  hrProfessional,
  organisationId,
});

/** Who holds what, written out by hand from DESIGN.md's roles and today's code. */
const HOLDERS: Partial<Record<Permission, Role[]>> = {
  "workspace.dossier.read": ["CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "CUSTOMER_SUCCESS_MANAGER", "OMBUDS", "ADMIN"],
  "workspace.ticket.reply": ["CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "ADMIN"],
  "callbacks.attempt.log": ["CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "ADMIN"],
  "complaints.signal.log": ["CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER"],
  "escalations.board.read": ["TEAM_COORDINATOR", "MANAGER", "CUSTOMER_SUCCESS_MANAGER"],
  "escalations.tier1.handle": ["TEAM_COORDINATOR", "MANAGER"],
  "escalations.tier2.handle": ["MANAGER"],
  "complaints.desk.use": ["TEAM_COORDINATOR", "MANAGER", "OMBUDS"],
  "complaints.stage1.handle": ["TEAM_COORDINATOR", "MANAGER"],
  "complaints.stage2.handle": ["OMBUDS"],
  "mail.sender.confirm": ["CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "ADMIN"],
  "kpi.read": ["TEAM_COORDINATOR", "MANAGER", "ADMIN"],
  "sla.monitor.read": ["TEAM_COORDINATOR", "MANAGER", "ADMIN"],
  "kb.article.manage": ["TEAM_COORDINATOR", "MANAGER", "ADMIN"],
  "kb.macro.manage": ["TEAM_COORDINATOR", "MANAGER", "ADMIN"],
  "workspace.postalAddress.edit": ["CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "ADMIN"],
  "settings.manage": ["ADMIN"],
  "staff.manage": ["ADMIN"],
  "mail.outbox.read": ["ADMIN"],
  "portal.ticket.create": ["BENEFICIARY"],
  "account.password.change": ROLES,
  "workspace.enter": ["CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "CUSTOMER_SUCCESS_MANAGER", "OMBUDS", "ADMIN"],
};

describe("the permission table", () => {
  it.each(Object.entries(HOLDERS))("%s belongs to exactly the listed roles", (permission, holders) => {
    const actual = ROLES.filter((role) => can({ role, rights: [...RIGHTS], hrProfessional: true, organisationId: "org1" }, permission as Permission));
    // Employer rights are granted per right, not per role: leave the employer out for staff permissions.
    expect(actual.filter((r) => r !== "EMPLOYER_CONTACT" || holders?.includes(r))).toEqual(holders);
  });

  it("grants every permission to someone, and only known ones", () => {
    const granted = new Set<Permission>();
    for (const role of ROLES) for (const p of permissionsOf({ role, rights: RIGHTS, hrProfessional: true, organisationId: "org1" })) granted.add(p);
    expect(PERMISSIONS.filter((p) => !granted.has(p))).toEqual([]);
    expect(granted.size).toBe(PERMISSIONS.length);
  });

  it("keeps each place to its own people", () => {
    for (const role of ROLES) {
      const mine = permissionsOf({ role, rights: RIGHTS, hrProfessional: true, organisationId: "org1" });
      const places = ["portal.", "employer.", "workspace."].filter((prefix) => [...mine].some((p) => p.startsWith(prefix)));
      expect(places).toHaveLength(1);
    }
  });

  it("makes a manager everything a coordinator is, plus tier 2", () => {
    const coordinator = permissionsOf({ role: "TEAM_COORDINATOR" });
    const manager = permissionsOf({ role: "MANAGER" });
    expect([...coordinator].filter((p) => !manager.has(p))).toEqual([]);
    expect([...manager].filter((p) => !coordinator.has(p))).toEqual(["escalations.tier2.handle"]);
  });

  it("gives an employer contact per right, and the HR desk per flag", () => {
    expect(can(employer(), "employer.enter")).toBe(true);
    expect(can(employer(), "employer.complaint.file")).toBe(true);
    expect(can(employer(), "employer.request.submit")).toBe(false);
    expect(can(employer(["SUBMIT_REQUESTS"]), "employer.request.submit")).toBe(true);
    expect(can(employer(["SUBMIT_REQUESTS"]), "employer.ticket.read")).toBe(true);
    expect(can(employer(["SUBMIT_REQUESTS"]), "employer.users.manage")).toBe(false);
    expect(can(employer(["MANAGE_USERS"]), "employer.users.manage")).toBe(true);
    expect(can(employer(["MANAGE_EMPLOYEES"]), "employer.employees.manage")).toBe(true);
    expect(can(employer(["MANAGE_EMPLOYEES"]), "employer.hrdesk.use")).toBe(false);
    expect(can(employer([], true), "employer.hrdesk.use")).toBe(true);
  });

  it("gives rights and the HR flag no effect without an organisation, or on another role", () => {
    expect(permissionsOf(employer([...RIGHTS], true, null))).toEqual(permissionsOf(employer()));
    expect(can({ role: "CALLCENTER_AGENT", rights: ["MANAGE_USERS"], organisationId: "org1" }, "employer.users.manage")).toBe(false);
    expect(can({ role: "BENEFICIARY", hrProfessional: true, organisationId: "org1" }, "employer.hrdesk.use")).toBe(false);
  });

  it("refuses everything without a person", () => {
    expect(PERMISSIONS.filter((p) => can(null, p))).toEqual([]);
  });
});
