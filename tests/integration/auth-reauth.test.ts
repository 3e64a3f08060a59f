// Changing the second factor asks for the password again: a session left open cannot switch in
// another authenticator. A wrong password counts like a failed login.
import { beforeEach, describe, expect, it } from "vitest";
import { finishTotpEnrolment, startTotpEnrolment } from "@/lib/auth/two-factor-commands";
import { totpCode } from "@/lib/auth/two-factor-rules";
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const TOM = "tom.visser@vandijk.example";

beforeEach(async () => {
  await seedDemo(now);
});

async function started() {
  const tom = await sessionFor(TOM);
  const begun = await startTotpEnrolment.execute(tom, {}, now);
  if (!begun.ok) throw new Error(begun.reason);
  return { tom, secret: begun.data.secret };
}

describe("enrolling TOTP from the account pages", () => {
  it("needs the password: without it INVALID_INPUT, a wrong one WRONG_PASSWORD (counted and audited), and nothing is enabled", async () => {
    const { tom, secret } = await started();
    const code = totpCode(secret, now);
    expect(await finishTotpEnrolment.execute(tom, { code }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { password: expect.any(Array) } });
    expect(await finishTotpEnrolment.execute(tom, { code, password: "" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { password: ["REQUIRED"] } });
    expect(await finishTotpEnrolment.execute(tom, { code, password: "niet-mijn-wachtwoord" }, now)).toEqual({ ok: false, reason: "WRONG_PASSWORD" });
    const row = await db.user.findUniqueOrThrow({ where: { id: tom.id } });
    expect(row.totpEnabledAt).toBeNull();
    expect(row.failedLogins).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "auth.reauth_failed", entityId: tom.id } })).toBe(1);
    expect(await finishTotpEnrolment.execute(tom, { code, password: DEMO_PASSWORD }, now)).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    expect((await db.user.findUniqueOrThrow({ where: { id: tom.id } })).totpEnabledAt?.toISOString()).toBe(now.toISOString());
  });

  it("the fifth wrong password locks the account; then even the right one is refused (LOCKED)", async () => {
    const { tom, secret } = await started();
    const code = totpCode(secret, now);
    for (let i = 1; i <= 4; i++) expect(await finishTotpEnrolment.execute(tom, { code, password: `fout-${i}` }, now)).toEqual({ ok: false, reason: "WRONG_PASSWORD" });
    expect(await finishTotpEnrolment.execute(tom, { code, password: "fout-5" }, now)).toEqual({ ok: false, reason: "LOCKED" });
    expect(await finishTotpEnrolment.execute(tom, { code, password: DEMO_PASSWORD }, now)).toEqual({ ok: false, reason: "LOCKED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: tom.id } })).totpEnabledAt).toBeNull();
    expect(await db.outboxMessage.count({ where: { kind: "auth.account_locked", toAddress: TOM } })).toBe(1);
  });
});
