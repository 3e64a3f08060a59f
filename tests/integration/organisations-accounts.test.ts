import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { acceptInvite, changeRights, deactivateColleague, inviteToOrganisation } from "@/lib/organisations/commands";
import { listOrganisationAccounts } from "@/lib/organisations/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const GOOD_PASSWORD = "Zonnige-Bakkerij-Ochtend-7";

beforeEach(async () => {
  await seedDemo(now);
});

async function invite(rights: string[] = ["SUBMIT_REQUESTS"], email = "Nina.Kok@vandijk.example") {
  const eva = await sessionFor("eva.bakker@vandijk.example");
  const result = await inviteToOrganisation.execute(eva, { email, name: "Nina Kok", rights, hrProfessional: false }, now);
  if (!result.ok) throw new Error(`invite failed: ${result.reason}`);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "organisation.invite", toAddress: email.toLowerCase() } });
  const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail.bodyText)?.[1];
  if (!token) throw new Error("no link in the mail");
  return { eva, token, mail };
}

describe("inviting a colleague", () => {
  it("mails a one-time link with an expiry; accepting it creates the account with the granted rights", async () => {
    const { eva, token, mail } = await invite(["SUBMIT_REQUESTS", "MANAGE_EMPLOYEES"]);
    // Seven days on, in Dutch time (10:00Z on 1 December is 11:00 in Amsterdam), never UTC.
    expect(mail.bodyText).toContain("geldig tot 1 december 2026 om 11:00 (Nederlandse tijd).");
    expect(mail.bodyText).not.toContain("UTC");
    // The organisation's name ends in "B.V.": the sentence ends on it with one full stop.
    expect(mail.bodyText).toContain("werkgeversportaal van Bakkerij Van Dijk B.V. Kies uw wachtwoord");
    expect(mail.bodyText).not.toContain("B.V..");
    const stored = await db.invitation.findFirstOrThrow({ where: { email: "nina.kok@vandijk.example" } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime()).toBe(later(7 * 24).getTime());

    const accepted = await acceptInvite({ token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, later(1));
    expect(accepted).toMatchObject({ ok: true, data: { email: "nina.kok@vandijk.example" } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "nina.kok@vandijk.example" }, include: { memberships: true } });
    expect(user.role).toBe("EMPLOYER_CONTACT");
    expect(user.memberships[0]).toMatchObject({ organisationId: eva.organisationId, rights: ["SUBMIT_REQUESTS", "MANAGE_EMPLOYEES"] });
    expect(await verifyPassword(user.passwordHash, GOOD_PASSWORD)).toBe(true);
  });

  it("refuses a reused link, an expired link and an unknown link", async () => {
    const { token } = await invite();
    expect(await acceptInvite({ token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, later(1))).toMatchObject({ ok: true });
    expect(await acceptInvite({ token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, later(2))).toMatchObject({ ok: false, reason: "INVITE_USED" });
    const second = await invite(["SUBMIT_REQUESTS"], "n.kok@vandijk.example");
    expect(await acceptInvite({ token: second.token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, later(7 * 24 + 1))).toMatchObject({ ok: false, reason: "INVITE_EXPIRED" });
    expect(await acceptInvite({ token: "x".repeat(43), password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, later(1))).toMatchObject({ ok: false, reason: "INVITE_INVALID" });
    expect(await db.user.count({ where: { email: "n.kok@vandijk.example" } })).toBe(0);
  });

  it("refuses a password that breaks the policy, keeps the link usable, and stores no account", async () => {
    const { token } = await invite();
    expect(await acceptInvite({ token, password: "kort", confirm: "kort" }, later(1))).toMatchObject({ ok: false, reason: "PASSWORD_TOO_SHORT" });
    expect(await acceptInvite({ token, password: "nina.kok-wachtwoord", confirm: "nina.kok-wachtwoord" }, later(1))).toMatchObject({ ok: false, reason: "PASSWORD_CONTAINS_NAME" });
    expect(await acceptInvite({ token, password: "wachtwoord123", confirm: "wachtwoord123" }, later(1))).toMatchObject({ ok: false, reason: "PASSWORD_COMMON" });
    expect(await acceptInvite({ token, password: GOOD_PASSWORD, confirm: "iets anders" }, later(1))).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await db.user.count({ where: { email: "nina.kok@vandijk.example" } })).toBe(0);
    expect(await acceptInvite({ token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, later(1))).toMatchObject({ ok: true });
  });

  it("applies stricter legacy rules from the password policy setting", async () => {
    await db.setting.update({ where: { key: "passwordPolicy" }, data: { value: { minLength: 14, maxLength: 64, requireClasses: 3, forbiddenCharacters: "<>" } } });
    const { token } = await invite();
    expect(await acceptInvite({ token, password: "zonnigebakkerij", confirm: "zonnigebakkerij" }, later(1))).toMatchObject({ ok: false, reason: "PASSWORD_CLASSES" });
    expect(await acceptInvite({ token, password: "Zonnige<Bakkerij>7", confirm: "Zonnige<Bakkerij>7" }, later(1))).toMatchObject({ ok: false, reason: "PASSWORD_FORBIDDEN_CHARACTER" });
    expect(await acceptInvite({ token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, later(1))).toMatchObject({ ok: true });
  });

  it("refuses an address that already has an account, and a contact without MANAGE_USERS", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await inviteToOrganisation.execute(eva, { email: "tom.visser@vandijk.example", name: "Tom", rights: [], hrProfessional: false }, now)).toMatchObject({ ok: false, reason: "EMAIL_IN_USE" });
    const tom = await sessionFor("tom.visser@vandijk.example");
    expect(await inviteToOrganisation.execute(tom, { email: "x.y@vandijk.example", name: "X Y", rights: ["MANAGE_USERS"], hrProfessional: false }, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(await listOrganisationAccounts(tom)).toEqual([]);
    expect(await db.invitation.count()).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: "organisation.invite" } })).toBe(0);
  });
});

describe("rights and deactivation", () => {
  it("grants and revokes rights of a colleague", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const tom = await sessionFor("tom.visser@vandijk.example");
    expect(await changeRights.execute(eva, { userId: tom.id, rights: ["SUBMIT_REQUESTS", "MANAGE_USERS"], hrProfessional: true }, now)).toMatchObject({ ok: true });
    const granted = await sessionFor("tom.visser@vandijk.example");
    expect(granted.rights).toEqual(["SUBMIT_REQUESTS", "MANAGE_USERS"]);
    expect(granted.hrProfessional).toBe(true);
    expect(await changeRights.execute(eva, { userId: tom.id, rights: [], hrProfessional: false }, now)).toMatchObject({ ok: true });
    expect((await sessionFor("tom.visser@vandijk.example")).rights).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "organisation.rights", entityId: tom.id } })).toBe(2);
  });

  it("refuses the last MANAGE_USERS holder removing their own right or deactivating themselves", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await changeRights.execute(eva, { userId: eva.id, rights: ["SUBMIT_REQUESTS"], hrProfessional: true }, now)).toMatchObject({ ok: false, reason: "LAST_MANAGER" });
    expect(await deactivateColleague.execute(eva, { userId: eva.id }, now)).toMatchObject({ ok: false, reason: "LAST_MANAGER" });
    expect((await sessionFor("eva.bakker@vandijk.example")).rights).toContain("MANAGE_USERS");
    // With a second holder, Eva may step down.
    const tom = await sessionFor("tom.visser@vandijk.example");
    await changeRights.execute(eva, { userId: tom.id, rights: ["MANAGE_USERS"], hrProfessional: false }, now);
    expect(await changeRights.execute(eva, { userId: eva.id, rights: ["SUBMIT_REQUESTS"], hrProfessional: true }, now)).toMatchObject({ ok: true });
  });

  it("deactivates a colleague: their session ends", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const tom = await sessionFor("tom.visser@vandijk.example");
    expect(await deactivateColleague.execute(eva, { userId: tom.id }, now)).toMatchObject({ ok: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: tom.id } });
    expect(row.active).toBe(false);
    await expect(sessionFor("tom.visser@vandijk.example")).rejects.toThrow();
  });

  it("refuses a rights change or deactivation of another organisation's user", async () => {
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    const tom = await sessionFor("tom.visser@vandijk.example");
    expect(await changeRights.execute(lisa, { userId: tom.id, rights: ["MANAGE_USERS"], hrProfessional: true }, now)).toMatchObject({ ok: false, reason: "USER_NOT_FOUND" });
    expect(await deactivateColleague.execute(lisa, { userId: tom.id }, now)).toMatchObject({ ok: false, reason: "USER_NOT_FOUND" });
    expect((await sessionFor("tom.visser@vandijk.example")).rights).toEqual(["SUBMIT_REQUESTS"]);
    expect((await listOrganisationAccounts(lisa)).some((m) => m.user.id === tom.id)).toBe(false);
  });

  it("refuses a contact without MANAGE_USERS", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await changeRights.execute(tom, { userId: tom.id, rights: ["MANAGE_USERS"], hrProfessional: false }, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(await deactivateColleague.execute(tom, { userId: eva.id }, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
  });
});
