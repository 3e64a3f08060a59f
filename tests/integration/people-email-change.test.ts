// Changing one's e-mail address: re-authentication, a link to the new address, a notice to the old
// one, and confirmation by that link; the mailed login codes then follow the new address.
import { beforeEach, describe, expect, it } from "vitest";
import { confirmEmailChangeWithToken, requestOwnEmailChange } from "@/lib/account/email-change-commands";
import { emailChangeLinkState } from "@/lib/account/email-change";
import { passwordStep } from "@/lib/auth/login-flow";
import { db } from "@/lib/db/client";
import { changeTwoFactorSetting } from "@/lib/organisations/commands";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { seedDemo, sessionFor } from "../support/fixtures";
import { loginContext } from "../support/login-context";

const now = new Date("2026-11-24T10:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const ANNA = "anna.jansen@burger.example";
const NEW = "anna.nieuw@burger.example";

beforeEach(async () => {
  await seedDemo(now);
});

async function tokenMailedTo(address: string): Promise<string> {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "account.email_change", toAddress: address }, orderBy: { createdAt: "desc" } });
  const token = /\/e-mail-bevestigen\/([\w-]+)/.exec(mail.bodyText)?.[1];
  if (!token) throw new Error("no link in the mail");
  return token;
}

/** What a refusal must leave alone: no change row, no mail, the address as it was. */
async function state(userId: string) {
  const [changes, mails, user] = await Promise.all([
    db.emailChange.count({ where: { userId } }),
    db.outboxMessage.count({ where: { kind: { startsWith: "account.email_change" } } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }),
  ]);
  return { changes, mails, email: user.email };
}

describe("requesting an e-mail change", () => {
  it("mails a confirmation link (sensitive) to the new address and a notice to the old one; the address changes only on confirmation", async () => {
    const anna = await sessionFor(ANNA);
    const result = await requestOwnEmailChange.execute(anna, { email: " Anna.Nieuw@Burger.example ", current: DEMO_PASSWORD }, now);
    expect(result).toEqual({ ok: true, data: { email: NEW } });

    const change = await db.emailChange.findFirstOrThrow({ where: { userId: anna.id } });
    expect(change).toMatchObject({ newEmail: NEW, usedAt: null });
    expect(change.expiresAt.toISOString()).toBe(later(24).toISOString());
    const token = await tokenMailedTo(NEW);
    expect(change.tokenHash).not.toContain(token);
    expect(await db.outboxMessage.findFirstOrThrow({ where: { kind: "account.email_change", toAddress: NEW } })).toMatchObject({ sensitive: true });
    const notice = await db.outboxMessage.findFirstOrThrow({ where: { kind: "account.email_change_notice" } });
    expect(notice.toAddress).toBe(ANNA);
    expect(notice.bodyText).toContain(NEW);
    expect(notice.bodyText).not.toContain(token);
    expect((await db.user.findUniqueOrThrow({ where: { id: anna.id } })).email).toBe(ANNA);
    expect(await db.auditEvent.count({ where: { action: "account.email_change_requested", entityId: anna.id } })).toBe(1);

    expect(await emailChangeLinkState(token, later(1))).toEqual({ ok: true, email: NEW });
    expect(await confirmEmailChangeWithToken({ token }, later(1))).toEqual({ ok: true, data: { email: NEW } });
    expect((await db.user.findUniqueOrThrow({ where: { id: anna.id } })).email).toBe(NEW);
    expect((await db.emailChange.findUniqueOrThrow({ where: { id: change.id } })).usedAt?.toISOString()).toBe(later(1).toISOString());
    expect(await db.auditEvent.count({ where: { action: "account.email_changed", entityId: anna.id, actorId: anna.id } })).toBe(1);
    // The new address logs in; the old one no longer does.
    await expect(passwordStep(db, { email: NEW, password: DEMO_PASSWORD }, null, loginContext(later(2)))).resolves.toMatchObject({ id: anna.id });
    await expect(passwordStep(db, { email: ANNA, password: DEMO_PASSWORD }, null, loginContext(later(2)))).rejects.toThrow("INVALID_CREDENTIALS");
  });

  it("refuses a wrong password (counted toward the lockout), the same address and an address in use; nothing is written or mailed", async () => {
    const anna = await sessionFor(ANNA);
    const before = await state(anna.id);
    expect(await requestOwnEmailChange.execute(anna, { email: NEW, current: "verkeerd-wachtwoord" }, now)).toEqual({ ok: false, reason: "WRONG_PASSWORD" });
    expect((await db.user.findUniqueOrThrow({ where: { id: anna.id } })).failedLogins).toBe(1);
    expect(await requestOwnEmailChange.execute(anna, { email: ANNA.toUpperCase(), current: DEMO_PASSWORD }, now)).toEqual({ ok: false, reason: "SAME_EMAIL" });
    expect(await requestOwnEmailChange.execute(anna, { email: "bram.devries@burger.example", current: DEMO_PASSWORD }, now)).toEqual({ ok: false, reason: "EMAIL_IN_USE" });
    expect(await requestOwnEmailChange.execute(anna, { email: "geen-adres", current: "" }, now)).toMatchObject({
      ok: false,
      reason: "INVALID_INPUT",
      fieldErrors: { email: ["INVALID_EMAIL"], current: ["REQUIRED"] },
    });
    // A password beyond the bound names the bound, so the form can say it.
    expect(await requestOwnEmailChange.execute(anna, { email: NEW, current: "x".repeat(1025) }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { current: ["TOO_LONG:1024"] } });
    expect(await requestOwnEmailChange.execute(null, { email: NEW, current: DEMO_PASSWORD }, now)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await state(anna.id)).toEqual(before);
  });

  it("five wrong passwords lock the account: LOCKED, also for the right password after", async () => {
    const anna = await sessionFor(ANNA);
    for (let i = 0; i < 4; i++) expect(await requestOwnEmailChange.execute(anna, { email: NEW, current: "verkeerd" }, now)).toMatchObject({ reason: "WRONG_PASSWORD" });
    expect(await requestOwnEmailChange.execute(anna, { email: NEW, current: "verkeerd" }, now)).toMatchObject({ reason: "LOCKED" });
    expect(await requestOwnEmailChange.execute(anna, { email: NEW, current: DEMO_PASSWORD }, now)).toMatchObject({ reason: "LOCKED" });
    expect(await db.emailChange.count({ where: { userId: anna.id } })).toBe(0);
  });

  it("a newer request replaces the open older one: the first link no longer works", async () => {
    const anna = await sessionFor(ANNA);
    await requestOwnEmailChange.execute(anna, { email: "eerste@burger.example", current: DEMO_PASSWORD }, now);
    const first = await tokenMailedTo("eerste@burger.example");
    await requestOwnEmailChange.execute(anna, { email: "tweede@burger.example", current: DEMO_PASSWORD }, later(1));
    const second = await tokenMailedTo("tweede@burger.example");
    expect(await confirmEmailChangeWithToken({ token: first }, later(2))).toEqual({ ok: false, reason: "EMAIL_CHANGE_USED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: anna.id } })).email).toBe(ANNA);
    expect(await confirmEmailChangeWithToken({ token: second }, later(2))).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: anna.id } })).email).toBe("tweede@burger.example");
  });
});

describe("confirming an e-mail change", () => {
  it("refuses an unknown, a used and an expired link, and an address taken meanwhile; the account keeps its address", async () => {
    const anna = await sessionFor(ANNA);
    expect(await confirmEmailChangeWithToken({ token: "x".repeat(43) }, now)).toEqual({ ok: false, reason: "EMAIL_CHANGE_INVALID" });
    expect(await emailChangeLinkState("kort", now)).toEqual({ ok: false, reason: "EMAIL_CHANGE_INVALID" });

    await requestOwnEmailChange.execute(anna, { email: NEW, current: DEMO_PASSWORD }, now);
    const token = await tokenMailedTo(NEW);
    expect(await confirmEmailChangeWithToken({ token }, later(24))).toEqual({ ok: false, reason: "EMAIL_CHANGE_EXPIRED" });
    expect(await emailChangeLinkState(token, later(25))).toEqual({ ok: false, reason: "EMAIL_CHANGE_EXPIRED" });

    await requestOwnEmailChange.execute(anna, { email: NEW, current: DEMO_PASSWORD }, later(1));
    const fresh = await tokenMailedTo(NEW);
    // Someone else took the address between the request and the confirmation.
    await db.user.update({ where: { email: "bram.devries@burger.example" }, data: { email: NEW } });
    expect(await confirmEmailChangeWithToken({ token: fresh }, later(2))).toEqual({ ok: false, reason: "EMAIL_IN_USE" });
    expect((await db.user.findUniqueOrThrow({ where: { id: anna.id } })).email).toBe(ANNA);
    expect(await db.auditEvent.count({ where: { action: "account.email_changed" } })).toBe(0);

    await db.user.update({ where: { email: NEW }, data: { email: "bram.devries@burger.example" } });
    expect(await confirmEmailChangeWithToken({ token: fresh }, later(2))).toMatchObject({ ok: true });
    expect(await confirmEmailChangeWithToken({ token: fresh }, later(3))).toEqual({ ok: false, reason: "EMAIL_CHANGE_USED" });
    expect(await db.auditEvent.count({ where: { action: "account.email_changed" } })).toBe(1);
  });

  it("a deactivated account's link counts as unknown", async () => {
    const anna = await sessionFor(ANNA);
    await requestOwnEmailChange.execute(anna, { email: NEW, current: DEMO_PASSWORD }, now);
    const token = await tokenMailedTo(NEW);
    await db.user.update({ where: { id: anna.id }, data: { active: false } });
    expect(await confirmEmailChangeWithToken({ token }, later(1))).toEqual({ ok: false, reason: "EMAIL_CHANGE_INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: anna.id } })).email).toBe(ANNA);
  });

  it("reset links mailed to the old address stop working once the new one is confirmed", async () => {
    const anna = await sessionFor(ANNA);
    await db.passwordResetToken.create({ data: { userId: anna.id, tokenHash: "oude-link", expiresAt: later(1), createdAt: now } });
    await requestOwnEmailChange.execute(anna, { email: NEW, current: DEMO_PASSWORD }, now);
    await confirmEmailChangeWithToken({ token: await tokenMailedTo(NEW) }, now);
    expect((await db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: "oude-link" } })).usedAt).not.toBeNull();
  });

  it("mailed login codes follow the confirmed address", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await changeTwoFactorSetting.execute(eva, { required: true }, now)).toMatchObject({ ok: true });
    const tom = await sessionFor("tom.visser@vandijk.example");
    expect(await requestOwnEmailChange.execute(tom, { email: "tom.nieuw@vandijk.example", current: DEMO_PASSWORD }, now)).toMatchObject({ ok: true });
    expect(await confirmEmailChangeWithToken({ token: await tokenMailedTo("tom.nieuw@vandijk.example") }, later(1))).toMatchObject({ ok: true });

    const pending = await passwordStep(db, { email: "tom.nieuw@vandijk.example", password: DEMO_PASSWORD }, null, loginContext(later(2)));
    expect(pending).toMatchObject({ tfa: "pending", tfaMethod: "MAIL" });
    const codes = await db.outboxMessage.findMany({ where: { kind: "auth.login_code" }, select: { toAddress: true } });
    expect(codes).toEqual([{ toAddress: "tom.nieuw@vandijk.example" }]);
  });
});
