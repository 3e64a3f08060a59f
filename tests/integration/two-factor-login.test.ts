import { beforeEach, describe, expect, it } from "vitest";
import { attemptLogin } from "@/lib/auth/mutations";
import { beginTotpEnrolment, confirmTotpEnrolment, sendMailCode, verifySecondFactor } from "@/lib/auth/two-factor";
import { finishTotpEnrolment, startTotpEnrolment } from "@/lib/auth/two-factor-commands";
import { decryptSecret, mailCodeHash, totpCode } from "@/lib/auth/two-factor-rules";
import { db } from "@/lib/db/client";
import { changeTwoFactorSetting } from "@/lib/organisations/commands";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const KEY = "integration-test-key";
const PASSWORD = "Loket-demo-2026";
const seconds = (s: number) => new Date(now.getTime() + s * 1000);

beforeEach(async () => {
  await seedDemo(now);
});

async function enrol(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const { secret } = await db.$transaction((tx) => beginTotpEnrolment(tx, user.id, KEY));
  const { recoveryCodes } = await db.$transaction((tx) => confirmTotpEnrolment(tx, user.id, totpCode(secret, now), KEY, now));
  return { user, secret, recoveryCodes };
}

describe("TOTP enrolment", () => {
  it("stores the secret encrypted, enables it after a right first code, and hands out ten recovery codes", async () => {
    const { user, secret, recoveryCodes } = await enrol("tom.visser@vandijk.example");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(decryptSecret(row.totpSecret!, KEY)).toBe(secret);
    expect(row.totpEnabledAt?.toISOString()).toBe(now.toISOString());
    expect(recoveryCodes).toHaveLength(10);
    expect(row.recoveryCodes.some((c) => recoveryCodes.includes(c))).toBe(false);
  });

  it("refuses a wrong first code and stays disabled", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    const started = await startTotpEnrolment.execute(tom, {}, now);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.data.qr).toMatch(/^data:image\/png;base64,/);
    expect(started.data.uri).toContain("otpauth://totp/");
    expect(await finishTotpEnrolment.execute(tom, { code: "12345" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await finishTotpEnrolment.execute(tom, { code: "000000" }, now)).toMatchObject({ ok: false, reason: "WRONG_CODE" });
    expect((await db.user.findUniqueOrThrow({ where: { id: tom.id } })).totpEnabledAt).toBeNull();
  });
});

describe("the second step of a login", () => {
  it("asks for TOTP once enrolled and nothing before", async () => {
    expect(await attemptLogin(db, { email: "tom.visser@vandijk.example", password: PASSWORD }, now)).toMatchObject({ ok: true, user: { secondFactor: null } });
    await enrol("tom.visser@vandijk.example");
    expect(await attemptLogin(db, { email: "tom.visser@vandijk.example", password: PASSWORD }, now)).toMatchObject({ ok: true, user: { secondFactor: "TOTP" } });
  });

  it("accepts the current code once and refuses a wrong or replayed one", async () => {
    const { user, secret } = await enrol("tom.visser@vandijk.example");
    const at = seconds(90);
    const code = totpCode(secret, at);
    const pending = { userId: user.id, method: "TOTP" as const };
    const wrong = code === "000000" ? "111111" : "000000";
    await expect(db.$transaction((tx) => verifySecondFactor(tx, pending, wrong, KEY, at))).rejects.toMatchObject({ code: "WRONG_CODE" });
    await expect(db.$transaction((tx) => verifySecondFactor(tx, pending, code, KEY, at))).resolves.toBeUndefined();
    await expect(db.$transaction((tx) => verifySecondFactor(tx, pending, code, KEY, seconds(100)))).rejects.toMatchObject({ code: "REPLAYED_CODE" });
  });

  it("the enrolment code cannot be replayed at login", async () => {
    const { user, secret } = await enrol("tom.visser@vandijk.example");
    await expect(db.$transaction((tx) => verifySecondFactor(tx, { userId: user.id, method: "TOTP" }, totpCode(secret, now), KEY, now))).rejects.toMatchObject({ code: "REPLAYED_CODE" });
  });

  it("accepts a recovery code once", async () => {
    const { user, recoveryCodes } = await enrol("tom.visser@vandijk.example");
    const code = recoveryCodes[0]!.toUpperCase();
    const pending = { userId: user.id, method: "TOTP" as const };
    await expect(db.$transaction((tx) => verifySecondFactor(tx, pending, code, KEY, seconds(60)))).resolves.toBeUndefined();
    await expect(db.$transaction((tx) => verifySecondFactor(tx, pending, code, KEY, seconds(120)))).rejects.toMatchObject({ code: "WRONG_CODE" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).recoveryCodes).toHaveLength(9);
  });

  it("mails a six-digit code when the organisation demands two-factor; the code works once and expires", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await changeTwoFactorSetting.execute(eva, { required: true }, now)).toMatchObject({ ok: true });
    const login = await attemptLogin(db, { email: "tom.visser@vandijk.example", password: PASSWORD }, now);
    expect(login).toMatchObject({ ok: true, user: { secondFactor: "MAIL" } });
    const tom = await db.user.findUniqueOrThrow({ where: { email: "tom.visser@vandijk.example" } });
    const mailed = await db.$transaction((tx) => sendMailCode(tx, tom.id, KEY, now));
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "auth.login_code", toAddress: tom.email } });
    const code = /\b(\d{6})\b/.exec(mail.bodyText)?.[1];
    expect(code).toBeDefined();
    expect(mailed.codeHash).not.toContain(code!);
    expect(mailed.codeHash.endsWith(mailCodeHash(code!, mailed.nonce, KEY))).toBe(true);
    const pending = { userId: tom.id, method: "MAIL" as const, nonce: mailed.nonce, codeHash: mailed.codeHash };
    await expect(db.$transaction((tx) => verifySecondFactor(tx, pending, code!, KEY, seconds(11 * 60)))).rejects.toMatchObject({ code: "CODE_EXPIRED" });
    await expect(db.$transaction((tx) => verifySecondFactor(tx, pending, code === "123456" ? "654321" : "123456", KEY, seconds(30)))).rejects.toMatchObject({ code: "WRONG_CODE" });
    await expect(db.$transaction((tx) => verifySecondFactor(tx, pending, code!, KEY, seconds(30)))).resolves.toBeUndefined();
    await expect(db.$transaction((tx) => verifySecondFactor(tx, pending, code!, KEY, seconds(40)))).rejects.toMatchObject({ code: "REPLAYED_CODE" });
  });

  it("lets only MANAGE_USERS holders change the organisation setting, for their own organisation", async () => {
    const tom = await sessionFor("tom.visser@vandijk.example");
    expect(await changeTwoFactorSetting.execute(tom, { required: true }, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    expect(await changeTwoFactorSetting.execute(lisa, { required: true }, now)).toMatchObject({ ok: true });
    const orgs = await db.organisation.findMany({ select: { externalNumber: true, twoFactorRequired: true } });
    expect(orgs.filter((o) => o.twoFactorRequired).map((o) => o.externalNumber)).toEqual(["WG-40877"]);
  });
});
