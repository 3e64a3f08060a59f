// The login and code steps consume the shared rate limits (lib/security/rate-limit.ts): per
// account e-mail and per client address for the password, per user and per address for the code.
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { codeStep, passwordStep, type LoginContext } from "@/lib/auth/login-flow";
import { totpCode } from "@/lib/auth/two-factor-rules";
import { db } from "@/lib/db/client";
import { closeRateLimits, consumeRateLimit, RATE_LIMITS, refundRateLimit, resetRateLimit, type RateLimitKind } from "@/lib/security/rate-limit";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { DEMO_TOTP_SECRET } from "@/prisma/seed-totp";
import { seedDemo } from "../support/fixtures";
import { loginContext } from "../support/login-context";

const now = new Date("2026-11-24T10:00:00Z");
const REAL_LIMITS: LoginContext["limits"] = { consume: consumeRateLimit, reset: resetRateLimit, refund: refundRateLimit };
// Keys of this run only: the counters live in the database, on the real clock.
const run = `${process.pid}-${Date.now()}`;

/** Records which budgets were asked, and refuses one kind with a wait. */
function spyLimits(refuse?: { kind: RateLimitKind; retryAfterSeconds: number }) {
  const asked: string[] = [];
  const limits: LoginContext["limits"] = {
    consume: async (kind, key) => {
      asked.push(`${kind}:${key}`);
      return refuse?.kind === kind ? { ok: false, retryAfterSeconds: refuse.retryAfterSeconds } : { ok: true };
    },
    reset: async () => {},
  };
  return { asked, limits };
}

beforeEach(async () => {
  await seedDemo(now);
});

afterAll(async () => {
  await closeRateLimits();
});

describe("rate limits on the login", () => {
  it("the password step counts per account e-mail and per client address; a spent budget refuses with the wait in minutes, before any password work", async () => {
    const { asked, limits } = spyLimits({ kind: "login_ip", retryAfterSeconds: 121 });
    const ctx = loginContext(now, { limits, ip: "198.51.100.4" });
    await expect(passwordStep(db, { email: "Anna.Jansen@burger.example", password: "wrong" }, null, ctx)).rejects.toThrow("RATE_LIMITED:3");
    expect(asked).toEqual(["login_account:anna.jansen@burger.example", "login_ip:198.51.100.4"]);
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    expect(anna.failedLogins).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: anna.id } })).toBe(0);
  });

  it("the code step counts per user and per client address", async () => {
    const pending = await passwordStep(db, { email: "agent@loket.example", password: DEMO_PASSWORD }, null, loginContext(now));
    const token: JWT = { uid: pending.id, role: pending.role, sv: pending.sv, tfa: pending.tfa, tfaMethod: pending.tfaMethod, tfaChallenge: pending.tfaChallenge };
    const { asked, limits } = spyLimits({ kind: "second_factor_user", retryAfterSeconds: 30 });
    await expect(codeStep(db, token, totpCode(DEMO_TOTP_SECRET, now), loginContext(now, { limits, ip: "198.51.100.5" }))).rejects.toThrow("RATE_LIMITED:1");
    expect(asked).toEqual([`second_factor_user:${pending.id}`]);
    // Refused before the code was looked at: the challenge counted nothing.
    expect(await db.loginChallenge.findUniqueOrThrow({ where: { id: pending.tfaChallenge! } })).toMatchObject({ attempts: 0, endedAt: null });
  });

  it("with the shared store: the account's budget runs out after its attempts, for any address", async () => {
    const email = `nobody-${run}@nowhere.example`;
    const budget = RATE_LIMITS.login_account.points;
    for (let i = 0; i < budget; i++) {
      const ctx = loginContext(now, { limits: REAL_LIMITS, ip: `192.0.2.${i + 1}` });
      await expect(passwordStep(db, { email, password: `guess-${i}` }, null, ctx)).rejects.toThrow("INVALID_CREDENTIALS");
    }
    const ctx = loginContext(now, { limits: REAL_LIMITS, ip: "192.0.2.200" });
    await expect(passwordStep(db, { email, password: "guess-last" }, null, ctx)).rejects.toThrow(/^RATE_LIMITED:(1[0-5]|[1-9])$/);
  });

  it("with the shared store: the per-address budget counts failures, so one office address can sign everyone in", async () => {
    const ip = `198.51.100.${(process.pid % 200) + 20}`;
    await resetRateLimit("login_ip", ip);
    const budget = RATE_LIMITS.login_ip.points;
    // More successful logins from one address than the budget holds: each gets its attempt back.
    for (let i = 0; i < budget + 5; i++) {
      const user = await passwordStep(db, { email: "anna.jansen@burger.example", password: DEMO_PASSWORD }, null, loginContext(now, { limits: REAL_LIMITS, ip }));
      expect(user.email).toBe("anna.jansen@burger.example");
    }
    // Failures are counted: unknown addresses (no account lock in the way) until the budget is spent.
    for (let i = 0; i < budget; i++) {
      const ctx = loginContext(now, { limits: REAL_LIMITS, ip });
      await expect(passwordStep(db, { email: `x${i}-${run}@nowhere.example`, password: "guess" }, null, ctx)).rejects.toThrow("INVALID_CREDENTIALS");
    }
    const ctx = loginContext(now, { limits: REAL_LIMITS, ip });
    await expect(passwordStep(db, { email: "anna.jansen@burger.example", password: DEMO_PASSWORD }, null, ctx)).rejects.toThrow(/^RATE_LIMITED:/);
    await resetRateLimit("login_ip", ip);
  });
});

