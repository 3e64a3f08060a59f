// The second step of a login is held on the server (LoginChallenge): wrong codes are counted, the
// fifth ends the login, every wrong code counts toward the account lock, and a spent TOTP step is
// refused by a unique constraint (TwoFactorUse), not by looking for an earlier audit event.
import type { JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { codeStep, passwordStep } from "@/lib/auth/login-flow";
import { attemptLogin } from "@/lib/auth/mutations";
import { TOTP_STEP_SECONDS, totpCode } from "@/lib/auth/two-factor-rules";
import { db } from "@/lib/db/client";
import { changeTwoFactorSetting } from "@/lib/organisations/commands";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { DEMO_TOTP_SECRET } from "@/prisma/seed-totp";
import { seedDemo, sessionFor } from "../support/fixtures";
import { loginContext } from "../support/login-context";

const now = new Date("2026-11-24T10:00:00Z");
const at = (s: number) => new Date(now.getTime() + s * 1000);
const HANDLER = "behandelaar@loket.example";
const login = (email: string, when: Date) => passwordStep(db, { email, password: DEMO_PASSWORD }, null, loginContext(when));
const tokenOf = (user: Awaited<ReturnType<typeof login>>): JWT => ({ uid: user.id, role: user.role, sv: user.sv, tfa: user.tfa, tfaMethod: user.tfaMethod, tfaChallenge: user.tfaChallenge });
const wrongAt = (when: Date) => (totpCode(DEMO_TOTP_SECRET, when) === "000000" ? "111111" : "000000");
const actionsOf = async (userId: string) =>
  (await db.auditEvent.findMany({ where: { entityId: userId, action: { startsWith: "auth." } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => e.action);

beforeEach(async () => {
  await seedDemo(now);
});

describe("wrong second-factor codes", () => {
  it("five wrong codes end the login: TOO_MANY_ATTEMPTS, even for the right code after; each one audited and counted toward the lock", async () => {
    const pending = await login(HANDLER, at(10));
    expect(pending).toMatchObject({ tfa: "pending", tfaMethod: "TOTP" });
    for (let i = 1; i <= 4; i++) {
      await expect(codeStep(db, tokenOf(pending), wrongAt(at(10 + i)), loginContext(at(10 + i)))).rejects.toThrow("WRONG_CODE");
    }
    expect(await db.loginChallenge.findUniqueOrThrow({ where: { id: pending.tfaChallenge! } })).toMatchObject({ attempts: 4, endedAt: null });
    await expect(codeStep(db, tokenOf(pending), wrongAt(at(15)), loginContext(at(15)))).rejects.toThrow("TOO_MANY_ATTEMPTS");
    const challenge = await db.loginChallenge.findUniqueOrThrow({ where: { id: pending.tfaChallenge! } });
    expect(challenge.attempts).toBe(5);
    expect(challenge.endedAt?.toISOString()).toBe(at(15).toISOString());
    await expect(codeStep(db, tokenOf(pending), totpCode(DEMO_TOTP_SECRET, at(16)), loginContext(at(16)))).rejects.toThrow("TOO_MANY_ATTEMPTS");

    // Five failed attempts lock the account for 15 minutes, like five wrong passwords; the owner gets a mail.
    const user = await db.user.findUniqueOrThrow({ where: { email: HANDLER } });
    expect(user.lockedUntil?.toISOString()).toBe(new Date(at(15).getTime() + 15 * 60_000).toISOString());
    expect(await db.outboxMessage.count({ where: { kind: "auth.account_locked", toAddress: HANDLER } })).toBe(1);
    expect(await actionsOf(user.id)).toEqual([
      "auth.login",
      "auth.two_factor_failed",
      "auth.two_factor_failed",
      "auth.two_factor_failed",
      "auth.two_factor_failed",
      "auth.locked",
      "auth.two_factor_failed",
      "auth.two_factor_locked_out",
    ]);
    await expect(login(HANDLER, at(20))).rejects.toThrow("INVALID_CREDENTIALS");
  });

  it("wrong codes add up across logins: a new login does not start the count again", async () => {
    const first = await login(HANDLER, at(10));
    for (let i = 1; i <= 3; i++) await expect(codeStep(db, tokenOf(first), wrongAt(at(10 + i)), loginContext(at(10 + i)))).rejects.toThrow("WRONG_CODE");
    const second = await login(HANDLER, at(20));
    await expect(codeStep(db, tokenOf(second), wrongAt(at(21)), loginContext(at(21)))).rejects.toThrow("WRONG_CODE");
    await expect(codeStep(db, tokenOf(second), wrongAt(at(22)), loginContext(at(22)))).rejects.toThrow("TOO_MANY_ATTEMPTS");
    expect((await db.loginChallenge.findUniqueOrThrow({ where: { id: second.tfaChallenge! } })).endedAt).not.toBeNull();
    // The older challenge is refused as well: the account is locked.
    await expect(codeStep(db, tokenOf(first), totpCode(DEMO_TOTP_SECRET, at(23)), loginContext(at(23)))).rejects.toThrow("TOO_MANY_ATTEMPTS");
  });

  it("a completed login forgives earlier failures", async () => {
    await attemptLogin(db, { email: HANDLER, password: "wrong-1" }, at(1));
    const pending = await login(HANDLER, at(10));
    await expect(codeStep(db, tokenOf(pending), wrongAt(at(11)), loginContext(at(11)))).rejects.toThrow("WRONG_CODE");
    expect((await db.user.findUniqueOrThrow({ where: { email: HANDLER } })).failedLogins).toBe(2);
    await expect(codeStep(db, tokenOf(pending), totpCode(DEMO_TOTP_SECRET, at(12)), loginContext(at(12)))).resolves.toMatchObject({ mfa: true });
    expect((await db.user.findUniqueOrThrow({ where: { email: HANDLER } })).failedLogins).toBe(0);
  });

  it("a challenge lives ten minutes", async () => {
    const pending = await login(HANDLER, at(0));
    await expect(codeStep(db, tokenOf(pending), totpCode(DEMO_TOTP_SECRET, at(601)), loginContext(at(601)))).rejects.toThrow("SESSION_EXPIRED");
  });

  it("a token without a challenge, or with another person's, is refused", async () => {
    const pending = await login(HANDLER, at(10));
    const agentPending = await login("agent@loket.example", at(10));
    const code = totpCode(DEMO_TOTP_SECRET, at(11));
    await expect(codeStep(db, { ...tokenOf(pending), tfaChallenge: undefined }, code, loginContext(at(11)))).rejects.toThrow("SESSION_EXPIRED");
    await expect(codeStep(db, { ...tokenOf(pending), tfaChallenge: agentPending.tfaChallenge }, code, loginContext(at(11)))).rejects.toThrow("SESSION_EXPIRED");
  });

  it("mailed codes have the same limit", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await changeTwoFactorSetting.execute(eva, { required: true }, now)).toMatchObject({ ok: true });
    const pending = await login("tom.visser@vandijk.example", at(10));
    expect(pending).toMatchObject({ tfa: "pending", tfaMethod: "MAIL" });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "auth.login_code", toAddress: "tom.visser@vandijk.example" } });
    const code = /\b(\d{6})\b/.exec(mail.bodyText)![1]!;
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) await expect(codeStep(db, tokenOf(pending), wrong, loginContext(at(10 + i)))).rejects.toThrow("WRONG_CODE");
    await expect(codeStep(db, tokenOf(pending), wrong, loginContext(at(15)))).rejects.toThrow("TOO_MANY_ATTEMPTS");
    await expect(codeStep(db, tokenOf(pending), code, loginContext(at(16)))).rejects.toThrow("TOO_MANY_ATTEMPTS");
  });
});

describe("a TOTP code works once", () => {
  it("a step already spent (a row in TwoFactorUse) is refused as a replay, and nothing of the attempt is kept", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: HANDLER } });
    const step = Math.floor(at(30).getTime() / 1000 / TOTP_STEP_SECONDS);
    await db.twoFactorUse.create({ data: { userId: user.id, marker: `totp:${step}` } });
    const pending = await login(HANDLER, at(30));
    await expect(codeStep(db, tokenOf(pending), totpCode(DEMO_TOTP_SECRET, at(30)), loginContext(at(30)))).rejects.toThrow("REPLAYED_CODE");
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.loginChallenge.findUniqueOrThrow({ where: { id: pending.tfaChallenge! } })).toMatchObject({ endedAt: null, attempts: 0 });
  });

  it.skipIf(inject("databaseKind") === "pglite")("two logins sending the same code at once: exactly one gets in (needs PostgreSQL: the embedded database runs one transaction at a time)", async () => {
    const a = await login(HANDLER, at(40));
    const b = await login(HANDLER, at(40));
    const code = totpCode(DEMO_TOTP_SECRET, at(41));
    const outcomes = await Promise.allSettled([codeStep(db, tokenOf(a), code, loginContext(at(41))), codeStep(db, tokenOf(b), code, loginContext(at(41)))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as Error).message).toBe("REPLAYED_CODE");
  });
});
