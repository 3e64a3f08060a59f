import { beforeEach, describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/account/commands";
import { attemptLogin } from "@/lib/auth/mutations";
import { verifyPassword } from "@/lib/auth/password";
import { DEFAULT_PASSWORD_POLICY } from "@/lib/auth/password-policy";
import { getPasswordPolicy } from "@/lib/auth/password-settings";
import { loadSessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { updatePasswordPolicy } from "@/lib/settings/admin";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const DEMO = "Loket-demo-2026";
const NEW = "rustige herfstwandeling langs de gracht";
const BRAM = "bram.devries@burger.example";
const strict = { minLength: 16, maxLength: 64, requireClasses: 3, forbiddenCharacters: "<>" };

beforeEach(async () => {
  await seedDemo(now);
});

const row = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
const outbox = (email: string) => db.outboxMessage.findMany({ where: { toAddress: email, kind: "account.password_changed" } });

describe("the password policy setting", () => {
  it("lets an admin set a stricter policy, audited with both versions", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect(await updatePasswordPolicy.execute(admin, { ...strict, forbiddenCharacters: "<><" }, now)).toEqual({ ok: true, data: undefined });
    expect(await getPasswordPolicy(db)).toEqual(strict);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.password_policy", actorId: admin.id } });
    expect(event.data).toMatchObject({ from: { minLength: 12, maxLength: 128 }, to: strict });
  });

  it("refuses a minimum below 8, a minimum above the maximum, a maximum the login cannot take and an unsatisfiable class rule", async () => {
    const admin = await sessionFor("admin@loket.example");
    const base = { minLength: 12, maxLength: 128, requireClasses: 0, forbiddenCharacters: "" };
    const cases: [object, string, string][] = [
      [{ minLength: 6 }, "minLength", "MIN_BELOW_8"],
      [{ minLength: 40, maxLength: 20 }, "maxLength", "MIN_ABOVE_MAX"],
      [{ maxLength: 1000 }, "maxLength", "MAX_RANGE"],
      [{ minLength: 12.5 }, "minLength", "WHOLE_NUMBER"],
      [{ requireClasses: 4, forbiddenCharacters: "0123456789" }, "requireClasses", "UNSATISFIABLE"],
    ];
    for (const [change, field, code] of cases) {
      const result = await updatePasswordPolicy.execute(admin, { ...base, ...change }, now);
      expect(result).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { [field]: [code] } });
    }
    expect(await getPasswordPolicy(db)).toEqual(DEFAULT_PASSWORD_POLICY);
    expect(await db.auditEvent.count({ where: { action: "settings.password_policy" } })).toBe(0);
  });

  it("refuses anyone but an admin", async () => {
    for (const email of ["manager@loket.example", "eva.bakker@vandijk.example", BRAM]) {
      expect(await updatePasswordPolicy.execute(await sessionFor(email), strict, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    expect(await updatePasswordPolicy.execute(null, strict, now)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await getPasswordPolicy(db)).toEqual(DEFAULT_PASSWORD_POLICY);
  });
});

describe("changing one's own password", () => {
  it("stores an argon2id hash, ends every session, clears the lockout counter, audits and mails a notice", async () => {
    const bram = await sessionFor(BRAM);
    const before = await row(BRAM);
    await db.user.update({ where: { id: bram.id }, data: { failedLogins: 2 } });
    expect(await changeOwnPassword.execute(bram, { current: DEMO, password: NEW, confirm: NEW }, now)).toEqual({ ok: true, data: undefined });
    const after = await row(BRAM);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(after.passwordHash, NEW)).toBe(true);
    expect(after.passwordChangedAt?.toISOString()).toBe(now.toISOString());
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.failedLogins).toBe(0);
    // The session this change was made in is over too.
    expect(await loadSessionUser(bram.id, before.sessionVersion)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "account.password_changed", entityId: bram.id } })).toBe(1);
    const [mail] = await outbox(BRAM);
    expect(mail).toMatchObject({ subject: "Uw wachtwoord voor Loket is gewijzigd", locale: "nl", status: "PENDING" });
    expect(mail!.bodyText).toContain("/wachtwoord-vergeten");
    expect(mail!.bodyText).not.toContain(NEW);
    expect(await attemptLogin(db, { email: BRAM, password: DEMO }, now)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await attemptLogin(db, { email: BRAM, password: NEW }, now)).toMatchObject({ ok: true });
  });

  it("works for an employer contact and for staff, in their language", async () => {
    await db.user.update({ where: { email: "admin@loket.example" }, data: { locale: "en" } });
    for (const email of ["eva.bakker@vandijk.example", "admin@loket.example"]) {
      expect(await changeOwnPassword.execute(await sessionFor(email), { current: DEMO, password: NEW, confirm: NEW }, now)).toEqual({ ok: true, data: undefined });
    }
    expect((await outbox("admin@loket.example"))[0]).toMatchObject({ subject: "Your Loket password was changed", locale: "en" });
  });

  it("refuses a wrong current password, counts it toward the lockout, and locks at the fifth", async () => {
    const bram = await sessionFor(BRAM);
    const before = await row(BRAM);
    for (let i = 1; i <= 4; i++) {
      expect(await changeOwnPassword.execute(bram, { current: "niet-mijn-wachtwoord", password: NEW, confirm: NEW }, now)).toEqual({ ok: false, reason: "WRONG_PASSWORD" });
      expect((await row(BRAM)).failedLogins).toBe(i);
    }
    expect(await changeOwnPassword.execute(bram, { current: "niet-mijn-wachtwoord", password: NEW, confirm: NEW }, now)).toEqual({ ok: false, reason: "LOCKED" });
    // Locked: even the right password is refused now, for the change and for the login.
    expect(await changeOwnPassword.execute(bram, { current: DEMO, password: NEW, confirm: NEW }, now)).toEqual({ ok: false, reason: "LOCKED" });
    // (The login form answers a locked account like a wrong password: it does not say the account exists.)
    expect(await attemptLogin(db, { email: BRAM, password: DEMO }, now)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    const after = await row(BRAM);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await db.auditEvent.count({ where: { action: "account.password_wrong", entityId: bram.id } })).toBe(4);
    expect(await db.auditEvent.count({ where: { action: "auth.locked", entityId: bram.id } })).toBe(1);
    expect(await outbox(BRAM)).toHaveLength(0);
  });

  it("refuses the current password as the new one, a repetition that differs, and breaches of a stricter policy; nothing stored", async () => {
    const admin = await sessionFor("admin@loket.example");
    await updatePasswordPolicy.execute(admin, strict, now);
    const bram = await sessionFor(BRAM);
    const before = await row(BRAM);
    const change = (password: string, confirm = password) => changeOwnPassword.execute(bram, { current: DEMO, password, confirm }, now);
    expect(await change(DEMO)).toEqual({ ok: false, reason: "PASSWORD_UNCHANGED" });
    expect(await change(NEW, `${NEW}!`)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { confirm: ["PASSWORD_MISMATCH"] } });
    expect(await change("Kort-maar-1")).toEqual({ ok: false, reason: "PASSWORD_TOO_SHORT" });
    expect(await change("alleen kleine letters hier")).toEqual({ ok: false, reason: "PASSWORD_CLASSES" });
    expect(await change("Drie <soorten> tekens 2026")).toEqual({ ok: false, reason: "PASSWORD_FORBIDDEN_CHARACTER" });
    expect(await change("Bram de Vries zegt 2026!")).toEqual({ ok: false, reason: "PASSWORD_CONTAINS_NAME" });
    expect(await change(`Lang${"a".repeat(64)}1`)).toEqual({ ok: false, reason: "PASSWORD_TOO_LONG" });
    const after = await row(BRAM);
    expect([after.passwordHash, after.sessionVersion, after.passwordChangedAt]).toEqual([before.passwordHash, before.sessionVersion, before.passwordChangedAt]);
    expect(await outbox(BRAM)).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { action: "account.password_changed" } })).toBe(0);
    // The same person meets the stricter policy with a longer, mixed password.
    expect(await change("Herfst-Wandeling 2026 gracht")).toEqual({ ok: true, data: undefined });
  });

  it("refuses without a session", async () => {
    expect(await changeOwnPassword.execute(null, { current: DEMO, password: NEW, confirm: NEW }, now)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
  });
});
