import { beforeEach, describe, expect, it } from "vitest";
import { attemptLogin } from "@/lib/auth/mutations";
import { loadSessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { acceptInvite } from "@/lib/organisations/commands";
import { changeStaffMember, createStaffTeam, inviteStaffMember, renameStaffTeam, resetStaffMemberTwoFactor, setStaffMemberActive } from "@/lib/staff/commands";
import { listStaff, listTeams } from "@/lib/staff/queries";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(now);
});

const userOf = (email: string) => db.user.findUniqueOrThrow({ where: { email }, include: { teams: true } });
const teamId = async (key: string) => (await db.team.findUniqueOrThrow({ where: { key } })).id;

describe("staff accounts", () => {
  it("invites a staff member through the outbox; the link creates the account with role and teams, and TOTP enrolment follows", async () => {
    const admin = await sessionFor("admin@loket.example");
    const team = await teamId("uitkeringen");
    const result = await inviteStaffMember.execute(admin, { name: "Noor Vos", email: "Noor.Vos@loket.example", role: "CASE_HANDLER", teamIds: [team] }, now);
    expect(result).toMatchObject({ ok: true, data: { email: "noor.vos@loket.example" } });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "staff.invite", toAddress: "noor.vos@loket.example" } });
    const token = /\/uitnodiging\/([\w-]+)/.exec(mail.bodyText)?.[1];
    expect(token).toBeDefined();
    const invite = await db.invitation.findFirstOrThrow({ where: { email: "noor.vos@loket.example" } });
    expect(invite).toMatchObject({ organisationId: null, role: "CASE_HANDLER", teamIds: [team] });
    expect(invite.tokenHash).not.toContain(token!);
    expect(await db.auditEvent.count({ where: { action: "staff.invite", entityId: invite.id, actorId: admin.id } })).toBe(1);

    expect(await acceptInvite({ token, password: "Zonnebloem-Tulp-42", confirm: "Zonnebloem-Tulp-42" }, now)).toMatchObject({ ok: true });
    const noor = await userOf("noor.vos@loket.example");
    expect(noor).toMatchObject({ role: "CASE_HANDLER", totpEnabledAt: null });
    expect(noor.teams.map((t) => t.teamId)).toEqual([team]);
    expect(await attemptLogin(db, { email: "noor.vos@loket.example", password: "Zonnebloem-Tulp-42" }, now)).toMatchObject({ ok: true, user: { secondFactor: "ENROL" } });
  });

  it("refuses clearly: e-mail in use, unknown team, a non-staff role, bad input; nothing is written", async () => {
    const admin = await sessionFor("admin@loket.example");
    const base = { name: "Noor Vos", email: "noor.vos@loket.example", role: "CASE_HANDLER", teamIds: [] as string[] };
    // An existing staff account; another kind of account is not named (tests/integration/invitations-privacy.test.ts).
    expect(await inviteStaffMember.execute(admin, { ...base, email: "agent@loket.example" }, now)).toMatchObject({ ok: false, reason: "EMAIL_IN_USE" });
    expect(await inviteStaffMember.execute(admin, { ...base, teamIds: ["no-such-team"] }, now)).toMatchObject({ ok: false, reason: "UNKNOWN_TEAM" });
    expect(await inviteStaffMember.execute(admin, { ...base, role: "BENEFICIARY" }, now)).toMatchObject({ ok: false, reason: "NOT_STAFF_ROLE" });
    expect(await inviteStaffMember.execute(admin, { ...base, role: "EMPLOYER_CONTACT" }, now)).toMatchObject({ ok: false, reason: "NOT_STAFF_ROLE" });
    expect(await inviteStaffMember.execute(admin, { ...base, email: "geen-adres", name: "" }, now)).toMatchObject({
      ok: false,
      reason: "INVALID_INPUT",
      fieldErrors: { name: ["TOO_SHORT:2"], email: ["INVALID_EMAIL"] },
    });
    expect(await db.invitation.count({ where: { organisationId: null } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: "staff.invite" } })).toBe(0);
  });

  it("changes role and teams, refuses a non-staff role, an unknown team and a non-staff account", async () => {
    const admin = await sessionFor("admin@loket.example");
    const agent = await userOf("agent@loket.example");
    const werkgevers = await teamId("werkgevers");
    expect(await changeStaffMember.execute(admin, { userId: agent.id, role: "CASE_HANDLER", teamIds: [werkgevers] }, now)).toMatchObject({ ok: true });
    const changed = await userOf("agent@loket.example");
    expect(changed.role).toBe("CASE_HANDLER");
    expect(changed.teams.map((t) => t.teamId)).toEqual([werkgevers]);
    expect(await db.auditEvent.count({ where: { action: "staff.change", entityId: agent.id } })).toBe(1);
    expect(await changeStaffMember.execute(admin, { userId: agent.id, role: "EMPLOYER_CONTACT", teamIds: [] }, now)).toMatchObject({ ok: false, reason: "NOT_STAFF_ROLE" });
    expect(await changeStaffMember.execute(admin, { userId: agent.id, role: "MANAGER", teamIds: ["nope"] }, now)).toMatchObject({ ok: false, reason: "UNKNOWN_TEAM" });
    expect((await userOf("agent@loket.example")).role).toBe("CASE_HANDLER");
    const anna = await userOf("anna.jansen@burger.example");
    expect(await changeStaffMember.execute(admin, { userId: anna.id, role: "ADMIN", teamIds: [] }, now)).toMatchObject({ ok: false, reason: "USER_NOT_FOUND" });
    expect((await userOf("anna.jansen@burger.example")).role).toBe("BENEFICIARY");
  });

  it("the last active admin cannot demote or deactivate themselves; with a second admin they can", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect(await changeStaffMember.execute(admin, { userId: admin.id, role: "MANAGER", teamIds: [] }, now)).toMatchObject({ ok: false, reason: "LAST_ADMIN" });
    expect(await setStaffMemberActive.execute(admin, { userId: admin.id, active: false }, now)).toMatchObject({ ok: false, reason: "LAST_ADMIN" });
    const manager = await userOf("manager@loket.example");
    expect(await changeStaffMember.execute(admin, { userId: manager.id, role: "ADMIN", teamIds: [] }, now)).toMatchObject({ ok: true });
    expect(await changeStaffMember.execute(admin, { userId: admin.id, role: "MANAGER", teamIds: [] }, now)).toMatchObject({ ok: true });
    expect((await userOf("admin@loket.example")).role).toBe("MANAGER");
  });

  it("deactivation ends the sessions at once; reactivation lets the person in again", async () => {
    const admin = await sessionFor("admin@loket.example");
    const agent = await userOf("agent@loket.example");
    expect(await loadSessionUser(agent.id, agent.sessionVersion)).not.toBeNull();
    expect(await setStaffMemberActive.execute(admin, { userId: agent.id, active: false }, now)).toMatchObject({ ok: true });
    expect(await loadSessionUser(agent.id, agent.sessionVersion)).toBeNull();
    expect(await attemptLogin(db, { email: agent.email!, password: DEMO_PASSWORD }, now)).toMatchObject({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await setStaffMemberActive.execute(admin, { userId: agent.id, active: true }, now)).toMatchObject({ ok: true });
    expect(await attemptLogin(db, { email: agent.email!, password: DEMO_PASSWORD }, now)).toMatchObject({ ok: true });
    const actions = (await db.auditEvent.findMany({ where: { entityId: agent.id, action: { startsWith: "staff." } }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["staff.deactivate", "staff.reactivate"]);
  });

  it("resetting two-factor clears TOTP, ends the sessions and sends the next login to enrolment", async () => {
    const admin = await sessionFor("admin@loket.example");
    const handler = await userOf("behandelaar@loket.example");
    expect(await resetStaffMemberTwoFactor.execute(admin, { userId: handler.id }, now)).toMatchObject({ ok: true });
    const after = await userOf("behandelaar@loket.example");
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodes: [] });
    expect(await loadSessionUser(handler.id, handler.sessionVersion)).toBeNull();
    expect(await attemptLogin(db, { email: handler.email!, password: DEMO_PASSWORD }, now)).toMatchObject({ ok: true, user: { secondFactor: "ENROL" } });
    expect(await db.auditEvent.count({ where: { action: "staff.two_factor_reset", entityId: handler.id, actorId: admin.id } })).toBe(1);
  });
});

describe("teams", () => {
  it("lists teams with their active member counts, creates and renames; refuses a duplicate key", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect((await listTeams(admin)).map((t) => [t.key, t.members])).toEqual([["uitkeringen", 3], ["werkgevers", 3]]);
    expect(await createStaffTeam.execute(admin, { key: "Pensioenen", name: "Team Pensioenen" }, now)).toMatchObject({ ok: true });
    expect(await createStaffTeam.execute(admin, { key: "pensioenen", name: "Nog een" }, now)).toMatchObject({ ok: false, reason: "TEAM_KEY_IN_USE" });
    expect(await createStaffTeam.execute(admin, { key: "met spatie", name: "X" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { key: ["TEAM_KEY"], name: ["TOO_SHORT:2"] } });
    const team = await db.team.findUniqueOrThrow({ where: { key: "pensioenen" } });
    expect(await renameStaffTeam.execute(admin, { teamId: team.id, name: "Team Pensioen" }, now)).toMatchObject({ ok: true });
    expect(await renameStaffTeam.execute(admin, { teamId: "missing", name: "Team X" }, now)).toMatchObject({ ok: false, reason: "TEAM_NOT_FOUND" });
    expect((await db.team.findUniqueOrThrow({ where: { key: "pensioenen" } })).name).toBe("Team Pensioen");
    expect(await db.auditEvent.count({ where: { entityType: "Team", entityId: team.id } })).toBe(2);
    // A name another team has, in any case, is refused on create and rename; keeping one's own name is fine.
    const teams = await db.team.count();
    expect(await createStaffTeam.execute(admin, { key: "tweede-uitkeringen", name: "team uitkeringen" }, now)).toMatchObject({ ok: false, reason: "TEAM_NAME_IN_USE" });
    expect(await db.team.count()).toBe(teams);
    expect(await renameStaffTeam.execute(admin, { teamId: team.id, name: "Team Werkgevers" }, now)).toMatchObject({ ok: false, reason: "TEAM_NAME_IN_USE" });
    expect(await renameStaffTeam.execute(admin, { teamId: team.id, name: "TEAM PENSIOEN" }, now)).toMatchObject({ ok: true });
    expect((await db.team.findUniqueOrThrow({ where: { key: "pensioenen" } })).name).toBe("TEAM PENSIOEN");
  });
});

describe("rights", () => {
  it("no one but an admin may list, invite, change, deactivate, reset or manage teams", async () => {
    const agent = await userOf("agent@loket.example");
    const team = await teamId("uitkeringen");
    for (const email of ["coordinator@loket.example", "manager@loket.example", "csm@loket.example", "ombudsman@loket.example", "agent@loket.example", "eva.bakker@vandijk.example", "anna.jansen@burger.example"]) {
      const user = await sessionFor(email);
      expect(await listStaff(user)).toEqual([]);
      expect(await listTeams(user)).toEqual([]);
      const refused = { ok: false, reason: "FORBIDDEN" };
      expect(await inviteStaffMember.execute(user, { name: "Noor Vos", email: "noor.vos@loket.example", role: "ADMIN", teamIds: [] }, now)).toMatchObject(refused);
      expect(await changeStaffMember.execute(user, { userId: agent.id, role: "ADMIN", teamIds: [] }, now)).toMatchObject(refused);
      expect(await setStaffMemberActive.execute(user, { userId: agent.id, active: false }, now)).toMatchObject(refused);
      expect(await resetStaffMemberTwoFactor.execute(user, { userId: agent.id }, now)).toMatchObject(refused);
      expect(await createStaffTeam.execute(user, { key: "nieuw", name: "Nieuw team" }, now)).toMatchObject(refused);
      expect(await renameStaffTeam.execute(user, { teamId: team, name: "Ander" }, now)).toMatchObject(refused);
    }
    expect(await inviteStaffMember.execute(null, { name: "Noor Vos", email: "noor.vos@loket.example", role: "ADMIN", teamIds: [] }, now)).toMatchObject({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await db.invitation.count({ where: { organisationId: null } })).toBe(0);
    expect((await userOf("agent@loket.example")).active).toBe(true);
    expect(await listStaff(await sessionFor("admin@loket.example"))).toHaveLength(7);
  });
});
