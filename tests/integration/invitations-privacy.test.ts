import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { inviteToOrganisation, resendOrganisationInvite } from "@/lib/organisations/commands";
import { listOpenInvitations } from "@/lib/organisations/queries";
import { RATE_LIMITS } from "@/lib/security/rate-limit";
import { inviteStaffMember, resendStaffInvite } from "@/lib/staff/commands";
import { listOpenStaffInvitations } from "@/lib/staff/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

const FREE = "nina.kok@vandijk.example";
const OTHER_ORGANISATION = "lisa.smit@zorggroepnoord.example";
const BENEFICIARY = "anna.jansen@burger.example";
const ADMIN = "admin@loket.example";

beforeEach(async () => {
  await seedDemo(now);
});

const mailsTo = (email: string) => db.outboxMessage.findMany({ where: { toAddress: email }, select: { kind: true, subject: true, bodyText: true }, orderBy: { createdAt: "asc" } });

/** What the inviter can observe of an invitation: the answer and the listed row, ids left out. */
async function employerInvites(email: string) {
  const eva = await sessionFor("eva.bakker@vandijk.example");
  const result = await inviteToOrganisation.execute(eva, { email, name: "Nieuwe Collega", rights: ["SUBMIT_REQUESTS"], hrProfessional: false }, now);
  const listed = (await listOpenInvitations(eva, now)).find((i) => i.email === email);
  const { id, ...visible } = listed ?? { id: null };
  return { result: result.ok ? { ok: true, data: { ...result.data, id: result.data.id === id ? "listed" : "other" } } : result, visible: { ...visible, email: "<address>" } };
}

describe("inviting an address that belongs to someone else's account", () => {
  it("gives the employer the same outcome as for a free address; the holder is told instead of invited", async () => {
    const free = await employerInvites(FREE);
    expect(free.result).toEqual({ ok: true, data: { id: "listed", expiresAt: later(7 * 24).toISOString() } });
    for (const taken of [OTHER_ORGANISATION, BENEFICIARY]) {
      expect(await employerInvites(taken)).toEqual(free);
    }

    // The free address gets a link; the holders get a notice without one, in their own name.
    expect((await mailsTo(FREE)).map((m) => m.kind)).toEqual(["organisation.invite"]);
    for (const [taken, name] of [[OTHER_ORGANISATION, "Lisa Smit"], [BENEFICIARY, "Anna Jansen"]] as const) {
      const mails = await mailsTo(taken);
      expect(mails.map((m) => m.kind)).toEqual(["invitation.address_taken"]);
      expect(mails[0]!.subject).toBe("Uitnodiging voor Loket: u heeft al een account");
      expect(mails[0]!.bodyText).toContain(`Beste ${name},`);
      expect(mails[0]!.bodyText).toContain("Iemand van Bakkerij Van Dijk");
      expect(mails[0]!.bodyText).not.toContain("/uitnodiging/");
    }
    // The holders' accounts are untouched: no membership in the inviting organisation.
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await db.membership.count({ where: { organisationId: eva.organisationId!, user: { email: { in: [OTHER_ORGANISATION, BENEFICIARY] } } } })).toBe(0);
  });

  it("a resend to a taken address looks like any resend and again sends no link", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const invite = await inviteToOrganisation.execute(eva, { email: BENEFICIARY, name: "Anna", rights: [], hrProfessional: false }, now);
    if (!invite.ok) throw new Error(invite.reason);
    expect(await resendOrganisationInvite.execute(eva, { invitationId: invite.data.id }, later(1))).toEqual({ ok: true, data: { expiresAt: later(1 + 7 * 24).toISOString() } });
    expect((await mailsTo(BENEFICIARY)).map((m) => m.kind)).toEqual(["invitation.address_taken", "invitation.address_taken"]);
  });

  it("still names an address the inviter can see anyway: an own colleague, or for an admin a staff member", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await inviteToOrganisation.execute(eva, { email: "tom.visser@vandijk.example", name: "Tom", rights: [], hrProfessional: false }, now)).toEqual({ ok: false, reason: "EMAIL_IN_USE" });
    const admin = await sessionFor(ADMIN);
    expect(await inviteStaffMember.execute(admin, { name: "Xander Smit", email: "agent@loket.example", role: "CASE_HANDLER", teamIds: [] }, now)).toEqual({ ok: false, reason: "EMAIL_IN_USE" });
    expect(await db.invitation.count()).toBe(0);
  });

  it("gives an admin inviting staff the same outcome for a beneficiary's or employer's address as for a free one", async () => {
    const admin = await sessionFor(ADMIN);
    const outcomes = [];
    for (const email of ["noor.vos@loket.example", BENEFICIARY, "tom.visser@vandijk.example"]) {
      const result = await inviteStaffMember.execute(admin, { name: "Noor Vos", email, role: "CASE_HANDLER", teamIds: [] }, now);
      outcomes.push(result.ok ? { ...result, data: { ...result.data, email: "<address>" } } : result);
    }
    expect(outcomes).toEqual(Array(3).fill({ ok: true, data: { email: "<address>", expiresAt: later(7 * 24).toISOString() } }));
    expect((await listOpenStaffInvitations(admin, now)).map((i) => i.email).sort()).toEqual([BENEFICIARY, "noor.vos@loket.example", "tom.visser@vandijk.example"]);
    expect((await mailsTo(BENEFICIARY)).map((m) => [m.kind, m.bodyText.includes("werkplek van Loket")])).toEqual([["invitation.address_taken", true]]);
    expect((await mailsTo("noor.vos@loket.example")).map((m) => m.kind)).toEqual(["staff.invite"]);
  });
});

describe("invitations under a rate limit per inviter", () => {
  it("refuses past the budget with RATE_LIMITED and writes nothing; resends count; another inviter is not held back", async () => {
    const { points } = RATE_LIMITS.invitation_actor;
    const eva = await sessionFor("eva.bakker@vandijk.example");
    let firstId = "";
    for (let i = 0; i < points - 1; i++) {
      const result = await inviteToOrganisation.execute(eva, { email: `collega${i}@vandijk.example`, name: `Collega ${i}`, rights: [], hrProfessional: false }, now);
      if (!result.ok) throw new Error(`invitation ${i}: ${result.reason}`);
      firstId ||= result.data.id;
    }
    expect(await resendOrganisationInvite.execute(eva, { invitationId: firstId }, now)).toMatchObject({ ok: true });
    const invitations = await db.invitation.count();
    const mails = await db.outboxMessage.count();

    expect(await inviteToOrganisation.execute(eva, { email: FREE, name: "Nina Kok", rights: [], hrProfessional: false }, now)).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(await resendOrganisationInvite.execute(eva, { invitationId: firstId }, now)).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(await db.invitation.count()).toBe(invitations);
    expect(await db.outboxMessage.count()).toBe(mails);

    const lisa = await sessionFor(OTHER_ORGANISATION);
    expect(await inviteToOrganisation.execute(lisa, { email: "nieuw@zorggroepnoord.example", name: "Nieuw", rights: [], hrProfessional: false }, now)).toMatchObject({ ok: true });
  });

  it("holds an admin inviting staff to the same budget", async () => {
    const { points } = RATE_LIMITS.invitation_actor;
    const admin = await sessionFor(ADMIN);
    for (let i = 0; i < points; i++) {
      const result = await inviteStaffMember.execute(admin, { name: `Medewerker ${i}`, email: `medewerker${i}@loket.example`, role: "CASE_HANDLER", teamIds: [] }, now);
      if (!result.ok) throw new Error(`invitation ${i}: ${result.reason}`);
    }
    expect(await inviteStaffMember.execute(admin, { name: "Noor Vos", email: "noor.vos@loket.example", role: "CASE_HANDLER", teamIds: [] }, now)).toEqual({ ok: false, reason: "RATE_LIMITED" });
    const [open] = await listOpenStaffInvitations(admin, now);
    expect(await resendStaffInvite.execute(admin, { invitationId: open!.id }, now)).toEqual({ ok: false, reason: "RATE_LIMITED" });
    // A caller the action would refuse anyway spends nothing and hears the usual refusal.
    expect(await inviteStaffMember.execute(null, { name: "N", email: "n@loket.example", role: "CASE_HANDLER", teamIds: [] }, now)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
  });
});
