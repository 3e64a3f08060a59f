// TOTP secrets are encrypted with their own key (TOTP_ENCRYPTION_KEY), not the session key, and
// survive a rotation: the stored form names its key, old keys still open, and a successful login
// re-encrypts with the current key. Secrets stored before (no key id, sealed with AUTH_SECRET, as
// the demo seed does) keep working.
import type { JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";
import { codeStep, passwordStep } from "@/lib/auth/login-flow";
import { openTotpSecret, signDeviceToken, totpCode, totpKeyId, type TotpKeyring } from "@/lib/auth/two-factor-rules";
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { DEMO_TOTP_SECRET } from "@/prisma/seed-totp";
import { seedDemo } from "../support/fixtures";
import { loginContext } from "../support/login-context";

const now = new Date("2026-11-24T10:00:00Z");
const at = (s: number) => new Date(now.getTime() + s * 1000);
const AGENT = "agent@loket.example";

async function loginWithCode(keys: TotpKeyring, when: Date, sessionKey = authSecret()) {
  const ctx = loginContext(when, { totpKeys: keys, key: sessionKey });
  const pending = await passwordStep(db, { email: AGENT, password: DEMO_PASSWORD }, null, ctx);
  const token: JWT = { uid: pending.id, role: pending.role, sv: pending.sv, tfa: pending.tfa, tfaMethod: pending.tfaMethod, tfaChallenge: pending.tfaChallenge };
  return codeStep(db, token, totpCode(DEMO_TOTP_SECRET, when), ctx);
}
const stored = async () => (await db.user.findUniqueOrThrow({ where: { email: AGENT } })).totpSecret!;

beforeEach(async () => {
  await seedDemo(now);
});

describe("rotating the TOTP key", () => {
  it("a secret from before (no key id, AUTH_SECRET) still works with a new TOTP key, and the login re-encrypts it with that key", async () => {
    const before = await stored();
    expect(before).not.toContain(":");
    await expect(loginWithCode({ current: "totp-key-1", previous: [authSecret()] }, at(30))).resolves.toMatchObject({ mfa: true });
    const after = await stored();
    expect(after.startsWith(`${totpKeyId("totp-key-1")}:`)).toBe(true);
    // AUTH_SECRET is no longer needed to open it.
    expect(openTotpSecret(after, { current: "totp-key-1", previous: [] })).toEqual({ secret: DEMO_TOTP_SECRET, current: true });
  });

  it("after a rotation the old key still opens, and the next login moves the secret to the new key", async () => {
    await loginWithCode({ current: "totp-key-1", previous: [authSecret()] }, at(30));
    await expect(loginWithCode({ current: "totp-key-2", previous: ["totp-key-1"] }, at(90))).resolves.toMatchObject({ mfa: true });
    expect((await stored()).startsWith(`${totpKeyId("totp-key-2")}:`)).toBe(true);
    // Without the key that sealed it, the code cannot be checked: keep old keys until all moved.
    await expect(loginWithCode({ current: "totp-key-3", previous: [] }, at(150))).rejects.toThrow("WRONG_CODE");
  });

  it("a new AUTH_SECRET does not disable the authenticator", async () => {
    await loginWithCode({ current: "totp-key-1", previous: [authSecret()] }, at(30));
    await expect(loginWithCode({ current: "totp-key-1", previous: ["a-brand-new-auth-secret"] }, at(90), "a-brand-new-auth-secret")).resolves.toMatchObject({ mfa: true });
  });

  it("a login through a remembered device re-encrypts too", async () => {
    const agent = await db.user.findUniqueOrThrow({ where: { email: AGENT } });
    const device = signDeviceToken(agent.id, new Date(at(10).getTime() + 30 * 86_400_000), authSecret());
    const ctx = loginContext(at(20), { totpKeys: { current: "totp-key-1", previous: [authSecret()] } });
    await expect(passwordStep(db, { email: AGENT, password: DEMO_PASSWORD }, device, ctx)).resolves.toMatchObject({ mfa: true });
    expect((await stored()).startsWith(`${totpKeyId("totp-key-1")}:`)).toBe(true);
  });
});
