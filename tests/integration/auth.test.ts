import { beforeEach, describe, expect, it } from "vitest";
import { attemptLogin } from "@/lib/auth/mutations";
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { seedDemo } from "../support/fixtures";

const email = "anna.jansen@burger.example";
const t0 = new Date("2026-11-24T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

beforeEach(async () => {
  await seedDemo();
});

describe("password login", () => {
  it("lets a person in with the right password and tells the session who they are", async () => {
    const outcome = await attemptLogin(db, { email, password: DEMO_PASSWORD }, t0);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.user.role).toBe("BENEFICIARY");
    expect(outcome.user.email).toBe(email);
    const employer = await attemptLogin(db, { email: "eva.bakker@vandijk.example", password: DEMO_PASSWORD }, t0);
    expect(employer.ok && employer.user.rights).toContain("MANAGE_USERS");
    expect(employer.ok && employer.user.organisationId).toBeTruthy();
  });

  it("gives a wrong password and an unknown user the same answer", async () => {
    expect(await attemptLogin(db, { email, password: "wrong-password-1" }, t0)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await attemptLogin(db, { email: "nobody@nowhere.example", password: DEMO_PASSWORD }, t0)).toEqual({
      ok: false,
      reason: "INVALID_CREDENTIALS",
    });
  });

  it("locks the account for 15 minutes after five failures, even for the right password, and answers it like a wrong password", async () => {
    const unknown = await attemptLogin(db, { email: "nobody@nowhere.example", password: DEMO_PASSWORD }, t0);
    for (let i = 1; i <= 4; i++) {
      expect(await attemptLogin(db, { email, password: `wrong-${i}` }, minutes(i))).toEqual(unknown);
    }
    const fifth = await attemptLogin(db, { email, password: "wrong-5" }, minutes(5));
    expect(fifth).toEqual(unknown);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).lockedUntil?.toISOString()).toBe(minutes(20).toISOString());

    // Locked: the right password gets the very answer of an unknown address and a wrong password.
    const stillLocked = await attemptLogin(db, { email, password: DEMO_PASSWORD }, minutes(19));
    expect(stillLocked).toEqual(unknown);
    expect(stillLocked).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });

    const afterwards = await attemptLogin(db, { email, password: DEMO_PASSWORD }, minutes(21));
    expect(afterwards.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.failedLogins).toBe(0);

    const events = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "auth.login_failed",
      "auth.login_failed",
      "auth.login_failed",
      "auth.login_failed",
      "auth.locked",
      "auth.login",
    ]);
  });

  it("tells the owner of a locked account by mail, once, in their language", async () => {
    for (let i = 1; i <= 5; i++) await attemptLogin(db, { email, password: `wrong-${i}` }, minutes(i));
    await attemptLogin(db, { email, password: DEMO_PASSWORD }, minutes(6));
    const mails = await db.outboxMessage.findMany({ where: { toAddress: email, kind: "auth.account_locked" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ sensitive: false, subject: "Uw Loket-account is tijdelijk geblokkeerd", locale: "nl" });
    expect(mails[0]!.bodyText).toContain("/wachtwoord-vergeten");
    expect(mails[0]!.bodyText).toContain("10:20");
  });

  it("counts failures from zero again after a successful login", async () => {
    for (let i = 1; i <= 4; i++) await attemptLogin(db, { email, password: `wrong-${i}` }, minutes(i));
    expect((await attemptLogin(db, { email, password: DEMO_PASSWORD }, minutes(5))).ok).toBe(true);
    expect(await attemptLogin(db, { email, password: "wrong-again" }, minutes(6))).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
  });

  it("refuses a deactivated account with the right password", async () => {
    await db.user.update({ where: { email }, data: { active: false } });
    expect(await attemptLogin(db, { email, password: DEMO_PASSWORD }, t0)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
  });
});
