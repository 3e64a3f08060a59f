// Beneficiary administration: create, edit, invite to the portal (the invitation sets the existing
// account's password), deactivate, and merge duplicates, by the roles holding beneficiaries.manage.
import { beforeEach, describe, expect, it } from "vitest";
import { passwordStep } from "@/lib/auth/login-flow";
import { NO_PASSWORD } from "@/lib/auth/password";
import { createBeneficiaryAccount, inviteBeneficiaryToPortal, mergeBeneficiaryAccounts, setBeneficiaryAccountActive, updateBeneficiaryAccount } from "@/lib/beneficiaries/commands";
import { findDuplicateCandidate, getBeneficiary, searchBeneficiaries } from "@/lib/beneficiaries/queries";
import { db } from "@/lib/db/client";
import { acceptInvite } from "@/lib/organisations/commands";
import { listOpenStaffInvitations } from "@/lib/staff/queries";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { seedDemo, sessionFor } from "../support/fixtures";
import { loginContext } from "../support/login-context";

const now = new Date("2026-11-24T10:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const NEW_PASSWORD = "Zonnebloem-Tulp-42";

const sara = {
  name: "Sara el Amrani",
  email: "Sara.ElAmrani@Burger.example",
  clientNumber: "K-200100",
  phone: "0611122233",
  postalStreet: "Lindelaan 4",
  postalCode: "3511ab",
  postalCity: "Utrecht",
  locale: "en",
};

beforeEach(async () => {
  await seedDemo(now);
});

const coordinator = () => sessionFor("coordinator@loket.example");
const userByEmail = (email: string) => db.user.findUniqueOrThrow({ where: { email } });

async function created(fields: Record<string, unknown> = sara): Promise<string> {
  const result = await createBeneficiaryAccount.execute(await coordinator(), fields, now);
  if (!result.ok) throw new Error(result.reason);
  return (result.data as { id: string }).id;
}

async function inviteToken(address: string): Promise<string> {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "beneficiary.invite", toAddress: address }, orderBy: { createdAt: "desc" } });
  const token = /\/uitnodiging\/([\w-]+)/.exec(mail.bodyText)?.[1];
  if (!token) throw new Error("no link");
  return token;
}

/** Rows that a refused action must leave as they were. */
async function fingerprint() {
  const [users, invitations, audits, mails] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, email: true, name: true, clientNumber: true, phone: true, active: true, mergedIntoId: true, sessionVersion: true } }),
    db.invitation.count(),
    db.auditEvent.count(),
    db.outboxMessage.count(),
  ]);
  return JSON.stringify({ users, invitations, audits, mails });
}

describe("creating and editing a beneficiary", () => {
  it("creates an account without a password, lower-cased address, normalised postcode; audited; found by the search", async () => {
    const id = await created();
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ role: "BENEFICIARY", email: "sara.elamrani@burger.example", clientNumber: "K-200100", postalCode: "3511 AB", locale: "en", active: true, passwordHash: NO_PASSWORD });
    const co = await coordinator();
    expect(await db.auditEvent.count({ where: { action: "beneficiary.create", entityId: id, actorId: co.id } })).toBe(1);
    // Nothing verifies against the missing password.
    await expect(passwordStep(db, { email: user.email, password: NO_PASSWORD }, null, loginContext(now))).rejects.toThrow("INVALID_CREDENTIALS");
    for (const q of ["amrani", "SARA.ELAMRANI", "k-2001"]) expect((await searchBeneficiaries(co, q, 1, now)).rows.map((r) => r.id)).toEqual([id]);
    expect((await searchBeneficiaries(co, "", 1, now)).rows.find((r) => r.id === id)?.state).toBe("NOT_INVITED");
  });

  it("refuses an e-mail address or client number in use, and bad input; nothing is written", async () => {
    const co = await coordinator();
    const before = await fingerprint();
    expect(await createBeneficiaryAccount.execute(co, { ...sara, email: "AGENT@loket.example" }, now)).toEqual({ ok: false, reason: "EMAIL_IN_USE", fieldErrors: { email: ["EMAIL_IN_USE"] } });
    // Anna's K-100231 in any spelling people read it in: one number, hers (the searches find them as one).
    for (const clientNumber of ["K-100231", "k-100231", "K100231", "k.100.231"]) {
      expect(await createBeneficiaryAccount.execute(co, { ...sara, clientNumber }, now), clientNumber).toEqual({ ok: false, reason: "CLIENT_NUMBER_TAKEN", fieldErrors: { clientNumber: ["CLIENT_NUMBER_TAKEN"] } });
    }
    expect(await createBeneficiaryAccount.execute(co, { ...sara, email: "geen", postalCode: "1234", name: "" }, now)).toMatchObject({
      ok: false,
      reason: "INVALID_INPUT",
      fieldErrors: { name: ["TOO_SHORT:2"], email: ["INVALID_EMAIL"], postalCode: ["POSTCODE"] },
    });
    expect(await fingerprint()).toBe(before);
  });

  it("is for admins, coordinators and managers only", async () => {
    for (const email of ["agent@loket.example", "behandelaar@loket.example", "csm@loket.example", "ombudsman@loket.example", "anna.jansen@burger.example", "eva.bakker@vandijk.example"]) {
      expect(await createBeneficiaryAccount.execute(await sessionFor(email), sara, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    for (const [i, email] of ["admin@loket.example", "manager@loket.example"].entries()) {
      expect(await createBeneficiaryAccount.execute(await sessionFor(email), { ...sara, email: `p${i}@burger.example`, clientNumber: `K-3${i}` }, now)).toMatchObject({ ok: true });
    }
  });

  it("edits the details, audits the changed field names only; refuses a taken address or number and anyone not a beneficiary", async () => {
    const co = await coordinator();
    const id = await created();
    const edit = { ...sara, userId: id, name: "Sara El Amrani-Bos", phone: "", postalStreet: "Lindelaan 6" };
    expect(await updateBeneficiaryAccount.execute(co, edit, later(1))).toEqual({ ok: true, data: undefined });
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Sara El Amrani-Bos", phone: null, postalStreet: "Lindelaan 6" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "beneficiary.update", entityId: id } });
    expect((event.data as { fields: string[] }).fields.sort()).toEqual(["name", "phone", "postalStreet"]);
    expect(JSON.stringify(event.data)).not.toContain("Lindelaan");

    const before = await fingerprint();
    expect(await updateBeneficiaryAccount.execute(co, { ...edit, email: "bram.devries@burger.example" }, now)).toEqual({ ok: false, reason: "EMAIL_IN_USE", fieldErrors: { email: ["EMAIL_IN_USE"] } });
    expect(await updateBeneficiaryAccount.execute(co, { ...edit, clientNumber: "K-100232" }, now)).toEqual({ ok: false, reason: "CLIENT_NUMBER_TAKEN", fieldErrors: { clientNumber: ["CLIENT_NUMBER_TAKEN"] } });
    const agent = await userByEmail("agent@loket.example");
    expect(await updateBeneficiaryAccount.execute(co, { ...edit, userId: agent.id }, now)).toEqual({ ok: false, reason: "USER_NOT_FOUND" });
    expect(await updateBeneficiaryAccount.execute(co, { ...edit, userId: "no-such-user" }, now)).toEqual({ ok: false, reason: "USER_NOT_FOUND" });
    expect(await fingerprint()).toBe(before);
    expect(await getBeneficiary(co, agent.id, now)).toBeNull();
  });
});

describe("inviting a beneficiary to the portal", () => {
  it("mails a link in the person's language; accepting it sets this account's password (no new account) and she can log in", async () => {
    const co = await coordinator();
    const id = await created();
    const users = await db.user.count();
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: id }, now)).toEqual({ ok: true, data: undefined });
    const invite = await db.invitation.findFirstOrThrow({ where: { userId: id } });
    expect(invite).toMatchObject({ role: "BENEFICIARY", organisationId: null, email: "sara.elamrani@burger.example", invitedById: co.id });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "beneficiary.invite" } });
    expect(mail).toMatchObject({ toAddress: "sara.elamrani@burger.example", sensitive: true, locale: "en" });
    expect(mail.subject).toBe("Invitation to the Loket portal");
    // The expiry in her language and in Amsterdam time (10:00Z is 11:00 in winter), not "2026-12-01 10:00 UTC".
    expect(mail.bodyText).toContain("The link works once and until 1 December 2026, 11:00 (Amsterdam time).");
    expect((await getBeneficiary(co, id, now))?.state).toBe("INVITED");
    // Not a staff invitation: the staff page does not list it.
    expect(await listOpenStaffInvitations(await sessionFor("admin@loket.example"), now)).toEqual([]);

    const token = await inviteToken("sara.elamrani@burger.example");
    expect(await acceptInvite({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, later(1))).toEqual({ ok: true, data: { email: "sara.elamrani@burger.example" } });
    expect(await db.user.count()).toBe(users);
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user.passwordHash).not.toBe(NO_PASSWORD);
    expect(user).toMatchObject({ active: true, role: "BENEFICIARY", clientNumber: "K-200100" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invite.id } })).usedAt).not.toBeNull();
    await expect(passwordStep(db, { email: user.email, password: NEW_PASSWORD }, null, loginContext(later(2)))).resolves.toMatchObject({ id });
    expect((await getBeneficiary(co, id, later(2)))?.state).toBe("ACTIVE");
    // Once she has a password, another invitation is refused.
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: id }, later(3))).toEqual({ ok: false, reason: "ALREADY_ACTIVE" });
  });

  it("sending again replaces the link: the first one is withdrawn", async () => {
    const co = await coordinator();
    const id = await created();
    await inviteBeneficiaryToPortal.execute(co, { userId: id }, now);
    const first = await inviteToken("sara.elamrani@burger.example");
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: id }, later(1))).toMatchObject({ ok: true });
    const second = await inviteToken("sara.elamrani@burger.example");
    expect(second).not.toBe(first);
    expect(await acceptInvite({ token: first, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, later(2))).toEqual({ ok: false, reason: "INVITE_REVOKED" });
    expect(await db.auditEvent.findMany({ where: { entityId: id, action: { startsWith: "beneficiary.invite" } }, orderBy: { createdAt: "asc" }, select: { action: true } })).toEqual([
      { action: "beneficiary.invite" },
      { action: "beneficiary.invite_resend" },
    ]);
  });

  it("refuses an account with a password (ALREADY_ACTIVE), a deactivated one (ACCOUNT_INACTIVE), someone not a beneficiary and an unknown id; nothing is written", async () => {
    const co = await coordinator();
    const anna = await userByEmail("anna.jansen@burger.example");
    const id = await created();
    await setBeneficiaryAccountActive.execute(co, { userId: id, active: false }, now);
    const before = await fingerprint();
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: anna.id }, now)).toEqual({ ok: false, reason: "ALREADY_ACTIVE" });
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: id }, now)).toEqual({ ok: false, reason: "ACCOUNT_INACTIVE" });
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: (await userByEmail("tom.visser@vandijk.example")).id }, now)).toEqual({ ok: false, reason: "USER_NOT_FOUND" });
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: "no-such-user" }, now)).toEqual({ ok: false, reason: "USER_NOT_FOUND" });
    expect(await fingerprint()).toBe(before);
  });

  it("someone without an e-mail address is told to get one first (NO_EMAIL); with one added she is invited, and her address cannot be cleared once she logs in", async () => {
    const co = await coordinator();
    const id = await created({ ...sara, email: "" });
    const other = await created({ ...sara, email: "", clientNumber: "K-200101", name: "Tweede Zonder Adres" });
    expect(await db.user.findMany({ where: { id: { in: [id, other] } }, select: { email: true } })).toEqual([{ email: null }, { email: null }]);
    const before = await fingerprint();
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: id }, now)).toEqual({ ok: false, reason: "NO_EMAIL" });
    expect(await fingerprint()).toBe(before);

    expect(await updateBeneficiaryAccount.execute(co, { ...sara, email: "sara@burger.example", userId: id }, now)).toEqual({ ok: true, data: undefined });
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: id }, now)).toMatchObject({ ok: true });
    expect(await acceptInvite({ token: await inviteToken("sara@burger.example"), password: NEW_PASSWORD, confirm: NEW_PASSWORD }, now)).toEqual({ ok: true, data: expect.anything() });
    const kept = await fingerprint();
    expect(await updateBeneficiaryAccount.execute(co, { ...sara, email: " ", userId: id }, now)).toEqual({ ok: false, reason: "EMAIL_NEEDED_FOR_PORTAL", fieldErrors: { email: ["EMAIL_NEEDED_FOR_PORTAL"] } });
    expect(await fingerprint()).toBe(kept);
  });

  it("an invitation whose account got a password or was deactivated meanwhile cannot be accepted", async () => {
    const co = await coordinator();
    const id = await created();
    await inviteBeneficiaryToPortal.execute(co, { userId: id }, now);
    const token = await inviteToken("sara.elamrani@burger.example");
    expect(await setBeneficiaryAccountActive.execute(co, { userId: id, active: false }, later(1))).toMatchObject({ ok: true });
    expect(await acceptInvite({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, later(2))).toEqual({ ok: false, reason: "INVITE_REVOKED" });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBe(NO_PASSWORD);

    await setBeneficiaryAccountActive.execute(co, { userId: id, active: true }, later(3));
    await inviteBeneficiaryToPortal.execute(co, { userId: id }, later(3));
    const again = await inviteToken("sara.elamrani@burger.example");
    await db.user.update({ where: { id }, data: { passwordHash: "set-elsewhere" } });
    expect(await acceptInvite({ token: again, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, later(4))).toEqual({ ok: false, reason: "INVITE_INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBe("set-elsewhere");
  });
});

describe("deactivating a beneficiary", () => {
  it("ends her sessions and blocks login; reactivation lets her in again; both audited", async () => {
    const co = await coordinator();
    const anna = await userByEmail("anna.jansen@burger.example");
    expect(await setBeneficiaryAccountActive.execute(co, { userId: anna.id, active: false }, now)).toEqual({ ok: true, data: undefined });
    const off = await db.user.findUniqueOrThrow({ where: { id: anna.id } });
    expect(off).toMatchObject({ active: false, sessionVersion: anna.sessionVersion + 1 });
    await expect(passwordStep(db, { email: anna.email, password: DEMO_PASSWORD }, null, loginContext(now))).rejects.toThrow("INVALID_CREDENTIALS");
    expect(await setBeneficiaryAccountActive.execute(co, { userId: anna.id, active: true }, later(1))).toMatchObject({ ok: true });
    await expect(passwordStep(db, { email: anna.email, password: DEMO_PASSWORD }, null, loginContext(later(1)))).resolves.toMatchObject({ id: anna.id });
    expect(await db.auditEvent.findMany({ where: { entityId: anna.id, action: { startsWith: "beneficiary." } }, orderBy: { createdAt: "asc" }, select: { action: true } })).toEqual([
      { action: "beneficiary.deactivate" },
      { action: "beneficiary.reactivate" },
    ]);
  });

  it("refuses staff and employer accounts (USER_NOT_FOUND): they are managed elsewhere", async () => {
    const co = await coordinator();
    const before = await fingerprint();
    for (const email of ["agent@loket.example", "eva.bakker@vandijk.example"]) {
      expect(await setBeneficiaryAccountActive.execute(co, { userId: (await userByEmail(email)).id, active: false }, now)).toEqual({ ok: false, reason: "USER_NOT_FOUND" });
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe("merging duplicates", () => {
  /** Everything of Bram's that names him as the person it is about, as the seed and this test made it. */
  async function pointingAt(userId: string) {
    const [tickets, messages, appointments, complaints, calls, notes, satisfaction, notifications, holds] = await Promise.all([
      db.ticket.count({ where: { requesterId: userId } }),
      db.message.count({ where: { authorId: userId } }),
      db.callbackAppointment.count({ where: { personId: userId } }),
      db.complaint.count({ where: { complainantId: userId } }),
      db.callRecord.count({ where: { callerId: userId } }),
      db.contactNote.count({ where: { subjectId: userId } }),
      db.satisfactionResponse.count({ where: { respondentId: userId } }),
      db.notification.count({ where: { userId } }),
      db.legalHold.count({ where: { userId } }),
    ]);
    return { tickets, messages, appointments, complaints, calls, contactNotes: notes, satisfaction, notifications, legalHolds: holds };
  }

  async function giveBramOneOfEach(bramId: string, staffId: string) {
    const ticket = await db.ticket.findFirstOrThrow({ where: { requesterId: bramId } });
    await db.message.create({ data: { ticketId: ticket.id, direction: "INBOUND", channel: "PORTAL", authorId: bramId, body: "Nog een vraag." } });
    await db.callRecord.create({ data: { agentId: staffId, callerId: bramId, summary: "Belde over zijn betaling." } });
    await db.contactNote.create({ data: { subjectId: bramId, kind: "GENERAL", body: "Graag na 14:00 bellen." } });
    await db.notification.create({ data: { userId: bramId, kind: "test", dedupeKey: `merge-${bramId}`, entityType: "Ticket", entityId: ticket.id } });
    await db.legalHold.create({ data: { userId: bramId, reason: "Bezwaarprocedure", placedById: staffId } });
    const resolved = await db.ticket.create({ data: { number: "LK-2026-990001", subject: "Opgelost", categoryId: ticket.categoryId, channel: "PORTAL", status: "RESOLVED", requesterId: bramId } });
    await db.satisfactionResponse.create({ data: { ticketId: resolved.id, respondentId: bramId, score: 5, channel: "PORTAL", audience: "BENEFICIARY" } });
  }

  it("moves everything of B to A in one go, leaves nothing pointing at B, frees B's address and number, fills A's empty fields; audited with counts", async () => {
    const co = await coordinator();
    const bram = await userByEmail("bram.devries@burger.example");
    const staff = await userByEmail("behandelaar@loket.example");
    await giveBramOneOfEach(bram.id, staff.id);
    const survivorId = await created({ ...sara, phone: "", postalStreet: "", postalCode: "", postalCity: "" });
    await db.user.update({ where: { id: bram.id }, data: { postalStreet: "Dorpsstraat 1", postalCode: "1234 AB", postalCity: "Ede" } });
    const moving = await pointingAt(bram.id);
    for (const [kind, n] of Object.entries(moving)) expect(n, kind).toBeGreaterThan(0);

    const result = await mergeBeneficiaryAccounts.execute(co, { survivorId, duplicateId: bram.id }, later(1));
    expect(result).toEqual({ ok: true, data: moving });
    expect(await pointingAt(bram.id)).toEqual(Object.fromEntries(Object.keys(moving).map((k) => [k, 0])));
    expect(await pointingAt(survivorId)).toEqual(moving);

    const b = await db.user.findUniqueOrThrow({ where: { id: bram.id } });
    expect(b).toMatchObject({ active: false, mergedIntoId: survivorId, email: `merged-${bram.id}@invalid`, clientNumber: null, sessionVersion: bram.sessionVersion + 1 });
    const a = await db.user.findUniqueOrThrow({ where: { id: survivorId } });
    expect(a).toMatchObject({ phone: bram.phone, postalStreet: "Dorpsstraat 1", postalCode: "1234 AB", postalCity: "Ede", clientNumber: "K-200100", email: "sara.elamrani@burger.example" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "beneficiary.merge" } });
    expect(event).toMatchObject({ actorId: co.id, entityId: survivorId, data: { survivorId, duplicateId: bram.id, moved: moving } });
    // B's address and number are free again: a new account may use them.
    expect(await createBeneficiaryAccount.execute(co, { ...sara, email: "bram.devries@burger.example", clientNumber: "K-100232" }, later(2))).toMatchObject({ ok: true });
    // B no longer shows in the list, nor as a duplicate candidate.
    expect((await searchBeneficiaries(co, "Bram", 1, later(2))).rows.map((r) => r.id)).not.toContain(bram.id);
  });

  it("someone known only by letter takes over the e-mail address of the duplicate, and can then be invited with it", async () => {
    const co = await coordinator();
    const bram = await userByEmail("bram.devries@burger.example");
    const survivorId = await created({ ...sara, email: "" });
    expect(await mergeBeneficiaryAccounts.execute(co, { survivorId, duplicateId: bram.id }, later(1))).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: survivorId }, select: { email: true } })).toEqual({ email: "bram.devries@burger.example" });
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "beneficiary.merge" } })).data).toMatchObject({ filled: ["email"] });
    expect(await inviteBeneficiaryToPortal.execute(co, { userId: survivorId }, later(2))).toMatchObject({ ok: true });
  });

  it("keeps A's own phone and address", async () => {
    const co = await coordinator();
    const bram = await userByEmail("bram.devries@burger.example");
    const survivorId = await created();
    await mergeBeneficiaryAccounts.execute(co, { survivorId, duplicateId: bram.id }, now);
    expect(await db.user.findUniqueOrThrow({ where: { id: survivorId } })).toMatchObject({ phone: sara.phone, postalStreet: sara.postalStreet, postalCity: sara.postalCity });
  });

  it("refuses the same person, someone not a beneficiary, an account merged already and unknown ids; nothing is written", async () => {
    const co = await coordinator();
    const anna = await userByEmail("anna.jansen@burger.example");
    const bram = await userByEmail("bram.devries@burger.example");
    const tom = await userByEmail("tom.visser@vandijk.example");
    const saraId = await created();
    await mergeBeneficiaryAccounts.execute(co, { survivorId: saraId, duplicateId: bram.id }, now);
    const before = await fingerprint();
    const cases: [Record<string, string>, string][] = [
      [{ survivorId: anna.id, duplicateId: anna.id }, "SAME_PERSON"],
      [{ survivorId: anna.id, duplicateId: tom.id }, "NOT_A_BENEFICIARY"],
      [{ survivorId: tom.id, duplicateId: anna.id }, "NOT_A_BENEFICIARY"],
      [{ survivorId: anna.id, duplicateId: bram.id }, "ALREADY_MERGED"],
      [{ survivorId: bram.id, duplicateId: anna.id }, "ALREADY_MERGED"],
      [{ survivorId: anna.id, duplicateId: "no-such-user" }, "USER_NOT_FOUND"],
      [{ survivorId: "no-such-user", duplicateId: anna.id }, "USER_NOT_FOUND"],
    ];
    for (const [input, reason] of cases) expect(await mergeBeneficiaryAccounts.execute(co, input, later(1)), reason).toEqual({ ok: false, reason });
    expect(await mergeBeneficiaryAccounts.execute(await sessionFor("agent@loket.example"), { survivorId: anna.id, duplicateId: saraId }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await fingerprint()).toBe(before);
    // A merged account cannot be edited or reactivated either.
    expect(await setBeneficiaryAccountActive.execute(co, { userId: bram.id, active: true }, later(1))).toEqual({ ok: false, reason: "ALREADY_MERGED" });
    expect(await updateBeneficiaryAccount.execute(co, { ...sara, email: "b@burger.example", clientNumber: "K-9", userId: bram.id }, later(1))).toEqual({ ok: false, reason: "ALREADY_MERGED" });
  });

  it("the merge page finds the duplicate by exact client number or e-mail, never the person themself", async () => {
    const co = await coordinator();
    const anna = await userByEmail("anna.jansen@burger.example");
    const bram = await userByEmail("bram.devries@burger.example");
    expect((await findDuplicateCandidate(co, anna.id, "K-100232", now))?.id).toBe(bram.id);
    expect((await findDuplicateCandidate(co, anna.id, "Bram.DeVries@burger.example", now))?.id).toBe(bram.id);
    expect(await findDuplicateCandidate(co, anna.id, "K-100231", now)).toBeNull();
    expect(await findDuplicateCandidate(co, anna.id, "agent@loket.example", now)).toBeNull();
    expect(await findDuplicateCandidate(await sessionFor("agent@loket.example"), anna.id, "K-100232", now)).toBeNull();
  });
});
