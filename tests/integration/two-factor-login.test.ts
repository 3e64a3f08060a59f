import type { JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { codeStep, passwordStep } from "@/lib/auth/login-flow";
import { attemptLogin } from "@/lib/auth/mutations";
import { beginTotpEnrolment, confirmTotpEnrolment } from "@/lib/auth/two-factor";
import { finishTotpEnrolment, startTotpEnrolment } from "@/lib/auth/two-factor-commands";
import { openTotpSecret, totpCode, totpKeyId, type TotpKeyring } from "@/lib/auth/two-factor-rules";
import { db } from "@/lib/db/client";
import { changeTwoFactorSetting } from "@/lib/organisations/commands";
import { seedDemo, sessionFor } from "../support/fixtures";
import { loginContext } from "../support/login-context";

const now = new Date("2026-11-24T10:00:00Z");
const KEYS: TotpKeyring = { current: "integration-test-key", previous: [] };
const PASSWORD = "Loket-demo-2026";
const TOM = "tom.visser@vandijk.example";
const seconds = (s: number) => new Date(now.getTime() + s * 1000);
const ctx = (when: Date) => loginContext(when, { totpKeys: KEYS });
const login = (when: Date) => passwordStep(db, { email: TOM, password: PASSWORD }, null, ctx(when));
const tokenOf = (user: Awaited<ReturnType<typeof login>>): JWT => ({ uid: user.id, role: user.role, sv: user.sv, tfa: user.tfa, tfaMethod: user.tfaMethod, tfaChallenge: user.tfaChallenge });
const otherThan = (code: string) => (code === "000000" ? "111111" : "000000");

beforeEach(async () => {
  await seedDemo(now);
});

async function enrol(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const { secret } = await db.$transaction((tx) => beginTotpEnrolment(tx, user.id, KEYS));
  const { recoveryCodes } = await db.$transaction((tx) => confirmTotpEnrolment(tx, user.id, totpCode(secret, now), KEYS, now));
  return { user, secret, recoveryCodes };
}

describe("TOTP enrolment", () => {
  it("stores the secret encrypted under the named current key, enables it after a right first code, and hands out ten recovery codes", async () => {
    const { user, secret, recoveryCodes } = await enrol(TOM);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpSecret!.startsWith(`${totpKeyId(KEYS.current)}:`)).toBe(true);
    expect(openTotpSecret(row.totpSecret!, KEYS)).toEqual({ secret, current: true });
    expect(row.totpEnabledAt?.toISOString()).toBe(now.toISOString());
    expect(recoveryCodes).toHaveLength(10);
    expect(row.recoveryCodes.some((c) => recoveryCodes.includes(c))).toBe(false);
  });

  it("refuses a wrong first code and stays disabled", async () => {
    const tom = await sessionFor(TOM);
    const started = await startTotpEnrolment.execute(tom, {}, now);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.data.qr).toMatch(/^data:image\/png;base64,/);
    expect(started.data.uri).toContain("otpauth://totp/");
    expect(await finishTotpEnrolment.execute(tom, { code: "12345", password: PASSWORD }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await finishTotpEnrolment.execute(tom, { code: "000000", password: PASSWORD }, now)).toMatchObject({ ok: false, reason: "WRONG_CODE" });
    expect((await db.user.findUniqueOrThrow({ where: { id: tom.id } })).totpEnabledAt).toBeNull();
  });
});

describe("the second step of a login", () => {
  it("asks for TOTP once enrolled and nothing before", async () => {
    expect(await attemptLogin(db, { email: TOM, password: PASSWORD }, now)).toMatchObject({ ok: true, user: { secondFactor: null } });
    await enrol(TOM);
    expect(await attemptLogin(db, { email: TOM, password: PASSWORD }, now)).toMatchObject({ ok: true, user: { secondFactor: "TOTP" } });
  });

  it("accepts the current code once and refuses a wrong or replayed one", async () => {
    const { secret } = await enrol(TOM);
    const code = totpCode(secret, seconds(90));
    const first = await login(seconds(90));
    await expect(codeStep(db, tokenOf(first), otherThan(code), ctx(seconds(90)))).rejects.toThrow("WRONG_CODE");
    await expect(codeStep(db, tokenOf(first), code, ctx(seconds(91)))).resolves.toMatchObject({ mfa: true });
    const second = await login(seconds(100));
    await expect(codeStep(db, tokenOf(second), code, ctx(seconds(100)))).rejects.toThrow("REPLAYED_CODE");
  });

  it("the enrolment code cannot be replayed at login", async () => {
    const { secret } = await enrol(TOM);
    const pending = await login(now);
    await expect(codeStep(db, tokenOf(pending), totpCode(secret, now), ctx(now))).rejects.toThrow("REPLAYED_CODE");
  });

  it("accepts a recovery code once", async () => {
    const { user, recoveryCodes } = await enrol(TOM);
    const code = recoveryCodes[0]!.toUpperCase();
    await expect(codeStep(db, tokenOf(await login(seconds(60))), code, ctx(seconds(60)))).resolves.toMatchObject({ mfa: true });
    await expect(codeStep(db, tokenOf(await login(seconds(120))), code, ctx(seconds(120)))).rejects.toThrow("WRONG_CODE");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).recoveryCodes).toHaveLength(9);
  });

  it("mails a six-digit code when the organisation demands two-factor; the code works once, for its own login, and expires", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await changeTwoFactorSetting.execute(eva, { required: true }, now)).toMatchObject({ ok: true });
    const pending = await login(now);
    expect(pending).toMatchObject({ tfa: "pending", tfaMethod: "MAIL" });
    // The session token carries the challenge id only; the code's hash stays on the server.
    expect(Object.keys(pending).filter((k) => k.startsWith("tfa")).sort()).toEqual(["tfa", "tfaChallenge", "tfaMethod"]);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "auth.login_code", toAddress: TOM } });
    expect(mail.sensitive).toBe(true);
    const code = /\b(\d{6})\b/.exec(mail.bodyText)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const challenge = await db.loginChallenge.findUniqueOrThrow({ where: { id: pending.tfaChallenge! } });
    expect(challenge).toMatchObject({ method: "MAIL", attempts: 0, endedAt: null });
    expect(challenge.codeHash).not.toContain(code!);
    expect(challenge.expiresAt.toISOString()).toBe(seconds(10 * 60).toISOString());

    await expect(codeStep(db, tokenOf(pending), code!, ctx(seconds(11 * 60)))).rejects.toThrow("CODE_EXPIRED");
    await expect(codeStep(db, tokenOf(pending), otherThan(code!), ctx(seconds(30)))).rejects.toThrow("WRONG_CODE");
    await expect(codeStep(db, tokenOf(pending), code!, ctx(seconds(30)))).resolves.toMatchObject({ mfa: true });
    // Spent: the challenge ended, and the code is marked used.
    await expect(codeStep(db, tokenOf(pending), code!, ctx(seconds(40)))).rejects.toThrow("SESSION_EXPIRED");
    expect(await db.twoFactorUse.count({ where: { userId: pending.id, marker: `mail:${challenge.id}` } })).toBe(1);
  });

  it("lets only MANAGE_USERS holders change the organisation setting, for their own organisation", async () => {
    const tom = await sessionFor(TOM);
    expect(await changeTwoFactorSetting.execute(tom, { required: true }, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    expect(await changeTwoFactorSetting.execute(lisa, { required: true }, now)).toMatchObject({ ok: true });
    const orgs = await db.organisation.findMany({ select: { externalNumber: true, twoFactorRequired: true } });
    expect(orgs.filter((o) => o.twoFactorRequired).map((o) => o.externalNumber)).toEqual(["WG-40877"]);
  });
});
