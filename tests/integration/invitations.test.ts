import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptInvite, inviteToOrganisation, resendOrganisationInvite, withdrawOrganisationInvite } from "@/lib/organisations/commands";
import { findInvitation, listOpenInvitations } from "@/lib/organisations/queries";
import { checkInvite } from "@/lib/organisations/rules";
import { inviteStaffMember, resendStaffInvite, withdrawStaffInvite } from "@/lib/staff/commands";
import { listOpenStaffInvitations } from "@/lib/staff/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const PASSWORD = "Zonnige-Bakkerij-Ochtend-7";
const NINA = "nina.kok@vandijk.example";
const NOOR = "noor.vos@loket.example";

beforeEach(async () => {
  await seedDemo(now);
});

/** The token of every invitation link mailed to an address, oldest first. */
async function mailedTokens(email: string): Promise<string[]> {
  const mails = await db.outboxMessage.findMany({ where: { toAddress: email, kind: { in: ["organisation.invite", "staff.invite"] } }, orderBy: { createdAt: "asc" } });
  return mails.map((m) => /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(m.bodyText)![1]!);
}

const accept = (token: string, at: Date) => acceptInvite({ token, password: PASSWORD, confirm: PASSWORD }, at);

async function inviteNina() {
  const eva = await sessionFor("eva.bakker@vandijk.example");
  const result = await inviteToOrganisation.execute(eva, { email: NINA, name: "Nina Kok", rights: ["SUBMIT_REQUESTS"], hrProfessional: false }, now);
  if (!result.ok) throw new Error(`invite failed: ${result.reason}`);
  return { eva, invitationId: result.data.id };
}

async function inviteNoor() {
  const admin = await sessionFor("admin@loket.example");
  expect(await inviteStaffMember.execute(admin, { name: "Noor Vos", email: NOOR, role: "CASE_HANDLER", teamIds: [] }, now)).toMatchObject({ ok: true });
  const { id } = await db.invitation.findFirstOrThrow({ where: { email: NOOR } });
  return { admin, invitationId: id };
}

describe("withdrawing an invitation", () => {
  it("stops the link at once, takes it off the list and records who did it", async () => {
    const { eva, invitationId } = await inviteNina();
    const [token] = await mailedTokens(NINA);
    expect(await withdrawOrganisationInvite.execute(eva, { invitationId }, later(1))).toEqual({ ok: true, data: undefined });

    expect(await accept(token!, later(2))).toMatchObject({ ok: false, reason: "INVITE_REVOKED" });
    // The invitation page reads the link the same way before it shows the password form.
    expect(checkInvite(await findInvitation(token!), later(2))).toBe("INVITE_REVOKED");
    expect(await db.user.count({ where: { email: NINA } })).toBe(0);
    expect(await listOpenInvitations(eva, later(2))).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "invitation.withdraw", entityId: invitationId, actorId: eva.id } })).toBe(1);
    // Withdrawn stays withdrawn: neither a second withdrawal nor a new link brings it back.
    expect(await withdrawOrganisationInvite.execute(eva, { invitationId }, later(3))).toMatchObject({ ok: false, reason: "INVITE_WITHDRAWN" });
    expect(await resendOrganisationInvite.execute(eva, { invitationId }, later(3))).toMatchObject({ ok: false, reason: "INVITE_WITHDRAWN" });
    expect(await mailedTokens(NINA)).toHaveLength(1);
    // Inviting the person afresh is the way back.
    expect(await inviteToOrganisation.execute(eva, { email: NINA, name: "Nina Kok", rights: [], hrProfessional: false }, later(4))).toMatchObject({ ok: true });
  });

  it("refuses an invitation that was already accepted: the account is managed from then on", async () => {
    const { eva, invitationId } = await inviteNina();
    const [token] = await mailedTokens(NINA);
    expect(await accept(token!, later(1))).toMatchObject({ ok: true });
    expect(await withdrawOrganisationInvite.execute(eva, { invitationId }, later(2))).toMatchObject({ ok: false, reason: "INVITE_ACCEPTED" });
    expect(await resendOrganisationInvite.execute(eva, { invitationId }, later(2))).toMatchObject({ ok: false, reason: "INVITE_ACCEPTED" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).revokedAt).toBeNull();
  });
});

describe("sending an invitation again", () => {
  it("mails a new link valid for seven days from now; the earlier link stops working", async () => {
    const { eva, invitationId } = await inviteNina();
    const result = await resendOrganisationInvite.execute(eva, { invitationId }, later(30));
    expect(result).toEqual({ ok: true, data: { expiresAt: later(30 + 7 * 24).toISOString() } });
    const [first, second] = await mailedTokens(NINA);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);

    expect(await accept(first!, later(31))).toMatchObject({ ok: false, reason: "INVITE_INVALID" });
    expect(await accept(second!, later(31))).toMatchObject({ ok: true });
    const nina = await db.user.findUniqueOrThrow({ where: { email: NINA }, include: { memberships: true } });
    expect(nina.memberships).toMatchObject([{ rights: ["SUBMIT_REQUESTS"] }]);
    expect(await db.auditEvent.count({ where: { action: "invitation.resend", entityId: invitationId } })).toBe(1);
  });

  it("revives an expired invitation, which stays listed as expired for 30 days", async () => {
    const { eva, invitationId } = await inviteNina();
    const eightDays = later(8 * 24);
    const listed = await listOpenInvitations(eva, eightDays);
    expect(listed.map((i) => i.id)).toEqual([invitationId]);
    expect(listed[0]!.expiresAt.getTime()).toBeLessThan(eightDays.getTime());
    expect(await listOpenInvitations(eva, later(40 * 24))).toEqual([]);

    expect(await resendOrganisationInvite.execute(eva, { invitationId }, eightDays)).toMatchObject({ ok: true });
    const tokens = await mailedTokens(NINA);
    expect(await accept(tokens.at(-1)!, later(8 * 24 + 1))).toMatchObject({ ok: true });
  });

  it("when the address got an account elsewhere meanwhile, answers as usual but mails the holder a notice, not a link", async () => {
    const { eva, invitationId } = await inviteNina();
    await db.user.create({ data: { email: NINA, name: "Nina Kok", role: "EMPLOYER_CONTACT", passwordHash: "x", createdAt: now } });
    // Not the inviter's colleague: saying "in use" would tell them someone else has an account.
    expect(await resendOrganisationInvite.execute(eva, { invitationId }, later(1))).toMatchObject({ ok: true });
    expect(await mailedTokens(NINA)).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { toAddress: NINA, kind: "invitation.address_taken" } })).toBe(1);
  });

  it("refuses when the address became the inviter's own colleague meanwhile, and mails nothing", async () => {
    const { eva, invitationId } = await inviteNina();
    await db.user.create({
      data: { email: NINA, name: "Nina Kok", role: "EMPLOYER_CONTACT", passwordHash: "x", createdAt: now, memberships: { create: { organisationId: eva.organisationId!, createdAt: now } } },
    });
    expect(await resendOrganisationInvite.execute(eva, { invitationId }, later(1))).toMatchObject({ ok: false, reason: "EMAIL_IN_USE" });
    expect(await mailedTokens(NINA)).toHaveLength(1);
  });
});

describe("a second invitation to the same address", () => {
  it("is refused while the first is open, in the same organisation and for staff, and replaces it once it expired", async () => {
    const { eva } = await inviteNina();
    const again = { email: NINA, name: "Nina Kok", rights: [], hrProfessional: false };
    expect(await inviteToOrganisation.execute(eva, again, later(1))).toMatchObject({ ok: false, reason: "INVITE_OPEN" });
    // Once it expired, the new invitation replaces it: one listed, the old link says withdrawn.
    const [oldToken] = await mailedTokens(NINA);
    expect(await inviteToOrganisation.execute(eva, again, later(7 * 24 + 1))).toMatchObject({ ok: true });
    expect(await listOpenInvitations(eva, later(7 * 24 + 2))).toHaveLength(1);
    expect(await accept(oldToken!, later(7 * 24 + 2))).toMatchObject({ ok: false, reason: "INVITE_REVOKED" });

    const { admin } = await inviteNoor();
    expect(await inviteStaffMember.execute(admin, { name: "Noor Vos", email: NOOR, role: "ADMIN", teamIds: [] }, later(1))).toMatchObject({ ok: false, reason: "INVITE_OPEN" });
    expect(await db.invitation.count({ where: { email: NOOR } })).toBe(1);
  });
});

describe("staff invitations", () => {
  it("are withdrawn and sent again by an admin, like an organisation's", async () => {
    const { admin, invitationId } = await inviteNoor();
    expect(await resendStaffInvite.execute(admin, { invitationId }, later(1))).toEqual({ ok: true, data: undefined });
    const [first, second] = await mailedTokens(NOOR);
    expect(await accept(first!, later(2))).toMatchObject({ ok: false, reason: "INVITE_INVALID" });
    expect((await listOpenStaffInvitations(admin, later(2)))[0]!.expiresAt).toEqual(later(1 + 7 * 24));

    expect(await withdrawStaffInvite.execute(admin, { invitationId }, later(3))).toMatchObject({ ok: true });
    expect(await accept(second!, later(4))).toMatchObject({ ok: false, reason: "INVITE_REVOKED" });
    expect(await db.user.count({ where: { email: NOOR } })).toBe(0);
  });
});

describe("who may manage which invitation", () => {
  it("keeps each organisation, and the staff invitations, to their own managers", async () => {
    const { invitationId: ninaInvite } = await inviteNina();
    const { invitationId: noorInvite } = await inviteNoor();
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example"); // manages another organisation
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const admin = await sessionFor("admin@loket.example");
    const tom = await sessionFor("tom.visser@vandijk.example"); // same organisation, no MANAGE_USERS
    const coordinator = await sessionFor("coordinator@loket.example");

    for (const invitationId of [ninaInvite, noorInvite]) {
      const theirs = invitationId === ninaInvite ? eva : admin;
      for (const action of [withdrawOrganisationInvite, resendOrganisationInvite]) {
        if (theirs !== eva) expect(await action.execute(eva, { invitationId }, later(1))).toMatchObject({ ok: false, reason: "INVITATION_NOT_FOUND" });
        expect(await action.execute(lisa, { invitationId }, later(1))).toMatchObject({ ok: false, reason: "INVITATION_NOT_FOUND" });
        expect(await action.execute(tom, { invitationId }, later(1))).toMatchObject({ ok: false, reason: "FORBIDDEN" });
      }
      for (const action of [withdrawStaffInvite, resendStaffInvite]) {
        if (theirs !== admin) expect(await action.execute(admin, { invitationId }, later(1))).toMatchObject({ ok: false, reason: "INVITATION_NOT_FOUND" });
        expect(await action.execute(coordinator, { invitationId }, later(1))).toMatchObject({ ok: false, reason: "FORBIDDEN" });
        expect(await action.execute(eva, { invitationId }, later(1))).toMatchObject({ ok: false, reason: "FORBIDDEN" });
      }
    }
    expect(await withdrawOrganisationInvite.execute(null, { invitationId: ninaInvite }, later(1))).toMatchObject({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await resendStaffInvite.execute(admin, { invitationId: "" }, later(1))).toMatchObject({ ok: false, reason: "INVALID_INPUT" });

    // Nothing changed: both links still work and no second mail went out.
    expect(await db.invitation.count({ where: { revokedAt: { not: null } } })).toBe(0);
    expect(await mailedTokens(NINA)).toHaveLength(1);
    expect(await mailedTokens(NOOR)).toHaveLength(1);
    expect(await listOpenInvitations(lisa, later(1))).toEqual([]);
    expect(await listOpenStaffInvitations(coordinator, later(1))).toEqual([]);
    expect((await listOpenInvitations(eva, later(1))).map((i) => i.id)).toEqual([ninaInvite]);
    expect((await listOpenStaffInvitations(admin, later(1))).map((i) => i.id)).toEqual([noorInvite]);
  });
});
