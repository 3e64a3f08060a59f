// Organisation administration (issue 14, item 1): create, edit, invite the main contact,
// deactivate and reactivate, and the fixed case handler who takes every new question.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { attemptLogin } from "@/lib/auth/mutations";
import { loadSessionUser, type SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { fileQuestion } from "@/lib/employer/commands";
import { listHrDeskSlots, requestHrDeskConversation } from "@/lib/employer/hr-desk";
import { unchecked } from "@/lib/mail/auth-results";
import { processInbound, storeInbound } from "@/lib/mail/ingest";
import {
  createOrganisationAction,
  inviteMainContactAction,
  resendOrganisationInviteAsAdmin,
  setOrganisationActiveAction,
  updateOrganisationAction,
  withdrawOrganisationInviteAsAdmin,
} from "@/lib/org-admin/commands";
import { acceptInvite, inviteToOrganisation } from "@/lib/organisations/commands";
import { submitUrgentRequest } from "@/lib/urgent/commands";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const NEW_PASSWORD = "Zonnebloem-Tulp-42";
let admin: SessionUser;

beforeEach(async () => {
  await seedDemo(now);
  admin = await sessionFor("admin@loket.example");
});

const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
const orgByNumber = (externalNumber: string) => db.organisation.findUniqueOrThrow({ where: { externalNumber } });
/** Everything an organisation action may write: a refused call must leave all of it as it was. */
async function snapshot() {
  const [organisations, invitations, users, audits, mails] = await Promise.all([
    db.organisation.findMany({ orderBy: { id: "asc" } }),
    db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, sessionVersion: true, active: true } }),
    db.auditEvent.count(),
    db.outboxMessage.count(),
  ]);
  return { organisations, invitations, users, audits, mails };
}

const fields = { externalNumber: " wg-51234 ", name: "Kinderopvang De Vlinder", kind: "EMPLOYER", isPartner: false, twoFactorRequired: true, postalStreet: "Oudegracht 12", postalCode: "3511ab", postalCity: "Utrecht" };

describe("creating an organisation", () => {
  it("stores every field (number and postcode normalised) with its CSM and fixed case handler, audited", async () => {
    const [csm, handler] = await Promise.all([userId("csm@loket.example"), userId("behandelaar@loket.example")]);
    const result = await createOrganisationAction.execute(admin, { ...fields, customerSuccessManagerId: csm, fixedCaseHandlerId: handler }, now);
    expect(result).toMatchObject({ ok: true });
    const row = await orgByNumber("WG-51234");
    expect(row).toMatchObject({
      id: result.ok ? result.data.id : "",
      name: "Kinderopvang De Vlinder",
      kind: "EMPLOYER",
      isPartner: false,
      twoFactorRequired: true,
      customerSuccessManagerId: csm,
      fixedCaseHandlerId: handler,
      postalStreet: "Oudegracht 12",
      postalCode: "3511 AB",
      postalCity: "Utrecht",
      active: true,
    });
    expect(await db.auditEvent.count({ where: { action: "organisation.create", organisationId: row.id, actorId: admin.id } })).toBe(1);
  });

  it("creates a partner without CSM or handler; empty selects and address are none", async () => {
    const result = await createOrganisationAction.execute(admin, { externalNumber: "KP-00999", name: "Gemeente Amersfoort", kind: "PARTNER", isPartner: true, customerSuccessManagerId: "", fixedCaseHandlerId: "", postalStreet: "", postalCode: "", postalCity: "" }, now);
    expect(result).toMatchObject({ ok: true });
    expect(await orgByNumber("KP-00999")).toMatchObject({ kind: "PARTNER", isPartner: true, customerSuccessManagerId: null, fixedCaseHandlerId: null, postalCode: null });
  });

  it("refuses a taken number, someone who is not an active CSM or handler, and bad input; nothing is written", async () => {
    const before = await snapshot();
    const [agent, csm, handler] = await Promise.all([userId("agent@loket.example"), userId("csm@loket.example"), userId("behandelaar@loket.example")]);
    const reason = async (input: object) => {
      const result = await createOrganisationAction.execute(admin, { ...fields, ...input }, now);
      return result.ok ? "OK" : result.reason;
    };
    // Compared as people read it: lower case and spaces are the same number.
    expect(await reason({ externalNumber: " wg-40012" })).toBe("EXTERNAL_NUMBER_TAKEN");
    expect(await reason({ customerSuccessManagerId: agent })).toBe("CSM_NOT_FOUND");
    expect(await reason({ customerSuccessManagerId: "no-such-user" })).toBe("CSM_NOT_FOUND");
    expect(await reason({ fixedCaseHandlerId: agent })).toBe("HANDLER_NOT_FOUND");
    expect(await reason({ fixedCaseHandlerId: csm })).toBe("HANDLER_NOT_FOUND");
    await db.user.update({ where: { id: handler }, data: { active: false } });
    expect(await reason({ fixedCaseHandlerId: handler })).toBe("HANDLER_NOT_FOUND");
    await db.user.update({ where: { id: handler }, data: { active: true } });
    const bad = await createOrganisationAction.execute(admin, { ...fields, externalNumber: "", name: "X", kind: "SHOP", postalCode: "12345" }, now);
    expect(bad).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { externalNumber: ["TOO_SHORT:2"], name: ["TOO_SHORT:2"], kind: ["CHOOSE_KIND"], postalCode: ["POSTCODE"] } });
    expect(await snapshot()).toEqual(before);
  });

  it("is for admins only", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    expect(await createOrganisationAction.execute(coordinator, fields, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(await createOrganisationAction.execute(null, fields, now)).toMatchObject({ ok: false, reason: "UNAUTHENTICATED" });
  });
});

describe("editing an organisation", () => {
  it("changes the fields and audits which ones changed", async () => {
    const vandijk = await orgByNumber("WG-40012");
    const handler = await userId("coordinator@loket.example");
    const result = await updateOrganisationAction.execute(admin, { organisationId: vandijk.id, ...fields, externalNumber: "WG-40012", name: "Bakkerij Van Dijk en Zonen B.V.", customerSuccessManagerId: vandijk.customerSuccessManagerId, fixedCaseHandlerId: handler }, now);
    expect(result).toMatchObject({ ok: true });
    expect(await orgByNumber("WG-40012")).toMatchObject({ name: "Bakkerij Van Dijk en Zonen B.V.", fixedCaseHandlerId: handler, twoFactorRequired: true, postalCode: "3511 AB" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "organisation.update", organisationId: vandijk.id } });
    expect((event.data as { changed: string[] }).changed).toEqual(expect.arrayContaining(["name", "fixedCaseHandlerId", "twoFactorRequired"]));
    expect((event.data as { changed: string[] }).changed).not.toContain("externalNumber");
  });

  it("keeps a current handler who has become inactive when other fields change; choosing them anew is refused", async () => {
    const vandijk = await orgByNumber("WG-40012");
    const zorg = await orgByNumber("WG-40877");
    const handler = await userId("behandelaar@loket.example");
    await db.organisation.update({ where: { id: vandijk.id }, data: { fixedCaseHandlerId: handler } });
    await db.user.update({ where: { id: handler }, data: { active: false } });
    const base = { ...fields, customerSuccessManagerId: vandijk.customerSuccessManagerId, fixedCaseHandlerId: handler };
    expect(await updateOrganisationAction.execute(admin, { organisationId: vandijk.id, ...base, externalNumber: "WG-40012", name: "Van Dijk" }, now)).toMatchObject({ ok: true });
    expect(await updateOrganisationAction.execute(admin, { organisationId: zorg.id, ...base, externalNumber: "WG-40877" }, now)).toMatchObject({ ok: false, reason: "HANDLER_NOT_FOUND" });
  });

  it("refuses an unknown organisation, another organisation's number, a wrong CSM or handler; nothing is written", async () => {
    const vandijk = await orgByNumber("WG-40012");
    const agent = await userId("agent@loket.example");
    const before = await snapshot();
    const reason = async (input: object) => {
      const result = await updateOrganisationAction.execute(admin, { organisationId: vandijk.id, ...fields, externalNumber: "WG-40012", ...input }, now);
      return result.ok ? "OK" : result.reason;
    };
    expect(await reason({ organisationId: "no-such-organisation" })).toBe("NOT_FOUND");
    expect(await reason({ externalNumber: "wg-40877" })).toBe("EXTERNAL_NUMBER_TAKEN");
    expect(await reason({ customerSuccessManagerId: agent })).toBe("CSM_NOT_FOUND");
    expect(await reason({ fixedCaseHandlerId: agent })).toBe("HANDLER_NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });
});

/** Reads the link of the latest invitation mail to an address, as the invitee would. */
async function tokenMailedTo(email: string): Promise<string> {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "organisation.invite", toAddress: email }, orderBy: { createdAt: "desc" } });
  const token = /\/uitnodiging\/([\w-]+)/.exec(mail.bodyText)?.[1];
  if (!token) throw new Error("no link in the invitation mail");
  return token;
}

describe("inviting the main contact", () => {
  it("mails a link with every right; the contact joins, signs in and invites a colleague", async () => {
    const created = await createOrganisationAction.execute(admin, fields, now);
    if (!created.ok) throw new Error(created.reason);
    const organisationId = created.data.id;
    const result = await inviteMainContactAction.execute(admin, { organisationId, name: "Sanne de Wit", email: "Sanne@Vlinder.example" }, now);
    expect(result).toMatchObject({ ok: true, data: { email: "sanne@vlinder.example" } });
    const invite = await db.invitation.findFirstOrThrow({ where: { organisationId } });
    expect(invite).toMatchObject({ email: "sanne@vlinder.example", role: "EMPLOYER_CONTACT", invitedById: admin.id });
    expect([...invite.rights].sort()).toEqual(["MANAGE_EMPLOYEES", "MANAGE_USERS", "SUBMIT_REQUESTS"]);
    expect(await db.auditEvent.count({ where: { action: "organisation.main_contact_invite", organisationId, entityId: invite.id } })).toBe(1);

    const token = await tokenMailedTo("sanne@vlinder.example");
    expect(await acceptInvite({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, now)).toMatchObject({ ok: true });
    const login = await attemptLogin(db, { email: "sanne@vlinder.example", password: NEW_PASSWORD }, now);
    expect(login).toMatchObject({ ok: true, user: { organisationId } });
    const sanne = await sessionFor("sanne@vlinder.example");
    expect([...sanne.rights].sort()).toEqual(["MANAGE_EMPLOYEES", "MANAGE_USERS", "SUBMIT_REQUESTS"]);
    // As today: the main contact grants colleagues access in the employer portal.
    expect(await inviteToOrganisation.execute(sanne, { name: "Piet de Wit", email: "piet@vlinder.example", rights: ["SUBMIT_REQUESTS"] }, now)).toMatchObject({ ok: true });
  });

  it("refuses an unknown or deactivated organisation, an open invitation and an existing contact; nothing is written", async () => {
    const vandijk = await orgByNumber("WG-40012");
    const zorg = await orgByNumber("WG-40877");
    expect(await inviteMainContactAction.execute(admin, { organisationId: vandijk.id, name: "Nieuw Hoofd", email: "hoofd@vandijk.example" }, now)).toMatchObject({ ok: true });
    await db.organisation.update({ where: { id: zorg.id }, data: { active: false, deactivatedAt: now } });
    const before = await snapshot();
    const reason = async (input: { organisationId: string; email: string }) => {
      const result = await inviteMainContactAction.execute(admin, { name: "Nieuw Hoofd", ...input }, now);
      return result.ok ? "OK" : result.reason;
    };
    expect(await reason({ organisationId: "no-such-organisation", email: "iemand@elders.example" })).toBe("NOT_FOUND");
    expect(await reason({ organisationId: zorg.id, email: "iemand@zorggroepnoord.example" })).toBe("ORGANISATION_INACTIVE");
    expect(await reason({ organisationId: vandijk.id, email: "hoofd@vandijk.example" })).toBe("INVITE_OPEN");
    expect(await reason({ organisationId: vandijk.id, email: "eva.bakker@vandijk.example" })).toBe("EMAIL_IN_USE");
    expect(await snapshot()).toEqual(before);
  });

  it("withdraws and resends the organisation's invitations; refuses staff invitations, unknown ones and a deactivated organisation's", async () => {
    const vandijk = await orgByNumber("WG-40012");
    await inviteMainContactAction.execute(admin, { organisationId: vandijk.id, name: "Nieuw Hoofd", email: "hoofd@vandijk.example" }, now);
    const invite = await db.invitation.findFirstOrThrow({ where: { email: "hoofd@vandijk.example" } });
    const first = await tokenMailedTo("hoofd@vandijk.example");
    const later = new Date(now.getTime() + 60_000);
    expect(await resendOrganisationInviteAsAdmin.execute(admin, { invitationId: invite.id }, later)).toMatchObject({ ok: true });
    expect(await tokenMailedTo("hoofd@vandijk.example")).not.toBe(first);
    expect(await acceptInvite({ token: first, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, later)).toMatchObject({ ok: false, reason: "INVITE_INVALID" });
    expect(await withdrawOrganisationInviteAsAdmin.execute(admin, { invitationId: invite.id }, later)).toMatchObject({ ok: true });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invite.id } })).revokedAt).toEqual(later);

    const staffInvite = await db.invitation.create({ data: { organisationId: null, role: "CALLCENTER_AGENT", email: "nieuw@loket.example", name: "Nieuw", tokenHash: "staff-hash", expiresAt: later, invitedById: admin.id } });
    const zorg = await orgByNumber("WG-40877");
    const zorgInvite = await db.invitation.create({ data: { organisationId: zorg.id, email: "nieuw@zorggroepnoord.example", name: "Nieuw", tokenHash: "zorg-hash", expiresAt: later, invitedById: admin.id } });
    await db.organisation.update({ where: { id: zorg.id }, data: { active: false, deactivatedAt: now } });
    const before = await snapshot();
    for (const action of [resendOrganisationInviteAsAdmin, withdrawOrganisationInviteAsAdmin]) {
      expect(await action.execute(admin, { invitationId: staffInvite.id }, later)).toMatchObject({ ok: false, reason: "INVITATION_NOT_FOUND" });
      expect(await action.execute(admin, { invitationId: "no-such-invitation" }, later)).toMatchObject({ ok: false, reason: "INVITATION_NOT_FOUND" });
      expect(await action.execute(admin, { invitationId: invite.id }, later)).toMatchObject({ ok: false, reason: "INVITE_WITHDRAWN" });
    }
    expect(await resendOrganisationInviteAsAdmin.execute(admin, { invitationId: zorgInvite.id }, later)).toMatchObject({ ok: false, reason: "ORGANISATION_INACTIVE" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("deactivating an organisation", () => {
  it("signs its contacts out, keeps them out and lapses open invitations; tickets stay; reactivation lets them in again", async () => {
    const vandijk = await orgByNumber("WG-40012");
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" } });
    const lisa = await db.user.findUniqueOrThrow({ where: { email: "lisa.smit@zorggroepnoord.example" } });
    await inviteMainContactAction.execute(admin, { organisationId: vandijk.id, name: "Nieuw Hoofd", email: "hoofd@vandijk.example" }, now);
    const tickets = await db.ticket.count({ where: { organisationId: vandijk.id } });
    expect(tickets).toBeGreaterThan(0);
    expect(await loadSessionUser(eva.id, eva.sessionVersion)).not.toBeNull();

    expect(await setOrganisationActiveAction.execute(admin, { organisationId: vandijk.id, active: false }, now)).toMatchObject({ ok: true });
    expect(await orgByNumber("WG-40012")).toMatchObject({ active: false, deactivatedAt: now });
    // The session Eva holds ends, and a fresh one cannot be loaded either while the organisation is inactive.
    expect(await loadSessionUser(eva.id, eva.sessionVersion)).toBeNull();
    const bumped = await db.user.findUniqueOrThrow({ where: { id: eva.id } });
    expect(bumped.sessionVersion).toBe(eva.sessionVersion + 1);
    expect(await loadSessionUser(eva.id, bumped.sessionVersion)).toBeNull();
    expect(await attemptLogin(db, { email: eva.email!, password: DEMO_PASSWORD }, now)).toEqual({ ok: false, reason: "ORGANISATION_INACTIVE" });
    // Only the right password learns why: a wrong one reads as ever.
    expect(await attemptLogin(db, { email: eva.email!, password: "Verkeerd-wachtwoord-1" }, now)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    // Another organisation's contact is untouched.
    expect(await loadSessionUser(lisa.id, lisa.sessionVersion)).not.toBeNull();
    expect((await db.invitation.findFirstOrThrow({ where: { email: "hoofd@vandijk.example" } })).revokedAt).toEqual(now);
    expect(await db.ticket.count({ where: { organisationId: vandijk.id } })).toBe(tickets);
    expect(await db.auditEvent.count({ where: { action: "organisation.deactivate", organisationId: vandijk.id } })).toBe(1);

    const later = new Date(now.getTime() + 3_600_000);
    expect(await setOrganisationActiveAction.execute(admin, { organisationId: vandijk.id, active: true }, later)).toMatchObject({ ok: true });
    expect(await orgByNumber("WG-40012")).toMatchObject({ active: true, deactivatedAt: null });
    expect(await attemptLogin(db, { email: eva.email!, password: DEMO_PASSWORD }, later)).toMatchObject({ ok: true });
    expect(await loadSessionUser(eva.id, bumped.sessionVersion)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "organisation.reactivate", organisationId: vandijk.id } })).toBe(1);
  });

  it("refuses an unknown organisation, and asking for the state it has changes nothing", async () => {
    const vandijk = await orgByNumber("WG-40012");
    const before = await snapshot();
    expect(await setOrganisationActiveAction.execute(admin, { organisationId: "no-such-organisation", active: false }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    expect(await setOrganisationActiveAction.execute(admin, { organisationId: vandijk.id, active: true }, now)).toMatchObject({ ok: true });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the fixed case handler", () => {
  async function withHandler(email: string | null) {
    const vandijk = await orgByNumber("WG-40012");
    const handler = email ? await userId(email) : null;
    await db.organisation.update({ where: { id: vandijk.id }, data: { fixedCaseHandlerId: handler } });
    return handler;
  }
  const question = { categoryKey: "PROCEDURE", subject: "Aanvraag subsidie", body: "Hoe vragen wij loonkostensubsidie aan?" };
  const assigneeOf = async (number: string) => (await db.ticket.findUniqueOrThrow({ where: { number } })).assigneeId;

  it("takes every new question, urgent request and HR-desk conversation of the organisation", async () => {
    const handler = await withHandler("behandelaar@loket.example");
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const filed = await fileQuestion.execute(eva, question, now);
    if (!filed.ok) throw new Error(filed.reason);
    expect(await assigneeOf(filed.data.number)).toBe(handler);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: filed.data.number }, include: { events: true } });
    expect(ticket.events.map((e) => e.kind)).toContain("assignee");

    const urgent = await submitUrgentRequest.execute(eva, { subject: "Loonbeslag verwerken", reason: "De salarisrun sluit morgen", forWhom: "Medewerker 1187" }, now);
    if (!urgent.ok) throw new Error(urgent.reason);
    expect(await assigneeOf(urgent.data.number)).toBe(handler);

    const slot = (await listHrDeskSlots(now))[0]!;
    const hr = await requestHrDeskConversation.execute(eva, { subject: "Re-integratie", body: "Graag een gesprek over re-integratie.", phone: "020 123 4567", slot: slot.key }, now);
    if (!hr.ok) throw new Error(hr.reason);
    expect(await assigneeOf(hr.data.number)).toBe(handler);

    // Another organisation's questions are not theirs.
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    const other = await fileQuestion.execute(lisa, question, now);
    if (!other.ok) throw new Error(other.reason);
    expect(await assigneeOf(other.data.number)).toBeNull();
  });

  it("takes a verified mail from the organisation's contact", async () => {
    const handler = await withHandler("coordinator@loket.example");
    const deps = { db, inboundDir: mkdtempSync(path.join(tmpdir(), "loket-org-admin-")) };
    const raw = Buffer.from(["From: Eva Bakker <eva.bakker@vandijk.example>", "To: vragen@loket.example", "Subject: Vraag over de loonaangifte", "Message-ID: <org-admin-1@vandijk.example>", "", "Klopt de loonaangifte van november?", ""].join("\r\n"));
    const verified = { ...unchecked("smtp", "test"), verdict: "PASS" as const };
    const stored = await storeInbound(deps, raw, now, verified);
    const outcome = await processInbound(deps, stored.id, now);
    expect(outcome).toMatchObject({ kind: "TICKET_CREATED" });
    if (outcome.kind !== "TICKET_CREATED") return;
    expect((await db.ticket.findUniqueOrThrow({ where: { id: outcome.ticketId } })).assigneeId).toBe(handler);
  });

  it("leaves the ticket unassigned without a handler, or when the handler is no longer active", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    await withHandler(null);
    const none = await fileQuestion.execute(eva, question, now);
    if (!none.ok) throw new Error(none.reason);
    expect(await assigneeOf(none.data.number)).toBeNull();
    const handler = await withHandler("behandelaar@loket.example");
    await db.user.update({ where: { id: handler! }, data: { active: false } });
    const inactive = await fileQuestion.execute(eva, question, now);
    if (!inactive.ok) throw new Error(inactive.reason);
    expect(await assigneeOf(inactive.data.number)).toBeNull();
  });
});
