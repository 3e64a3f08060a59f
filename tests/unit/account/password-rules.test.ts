import { describe, expect, it } from "vitest";
import { checkResetToken, hashResetToken, newResetToken, resetExpiry } from "@/lib/account/rules";
import { DEFAULT_PASSWORD_POLICY } from "@/lib/auth/password-policy";
import { describePolicy, passwordPolicyInputSchema, usableClasses } from "@/lib/auth/password-policy-setting";

const now = new Date("2026-11-24T10:00:00Z");

describe("the password policy an admin may set", () => {
  const base = { minLength: 12, maxLength: 128, requireClasses: 0, forbiddenCharacters: "" };
  it("accepts the NIST default and form strings, and drops duplicate forbidden characters", () => {
    expect(passwordPolicyInputSchema.parse({ ...base, minLength: "14", forbiddenCharacters: "<<>" })).toEqual({ ...base, minLength: 14, forbiddenCharacters: "<>" });
  });
  it("refuses a minimum below 8 and a range upside down", () => {
    expect(passwordPolicyInputSchema.safeParse({ ...base, minLength: 7 }).success).toBe(false);
    expect(passwordPolicyInputSchema.safeParse({ ...base, minLength: 20, maxLength: 16 }).success).toBe(false);
    expect(passwordPolicyInputSchema.safeParse({ ...base, minLength: 16, maxLength: 16 }).success).toBe(true);
  });
  it("knows when forbidden characters leave too few kinds of characters", () => {
    expect(usableClasses("")).toBe(4);
    expect(usableClasses("0123456789")).toBe(3);
    expect(usableClasses("0123456789abcdefghijklmnopqrstuvwxyz")).toBe(2);
    expect(passwordPolicyInputSchema.safeParse({ ...base, requireClasses: 3, forbiddenCharacters: "0123456789" }).success).toBe(true);
    expect(passwordPolicyInputSchema.safeParse({ ...base, requireClasses: 4, forbiddenCharacters: "0123456789" }).success).toBe(false);
  });
  it("describes the default without class or character rules, and a legacy policy with them", () => {
    expect(describePolicy(DEFAULT_PASSWORD_POLICY).map((r) => r.rule)).toEqual(["length", "notName", "notCommon"]);
    expect(describePolicy({ minLength: 10, maxLength: 16, requireClasses: 3, forbiddenCharacters: "<>" })).toEqual([
      { rule: "length", min: 10, max: 16 },
      { rule: "classes", count: 3 },
      { rule: "forbidden", characters: "<>" },
      { rule: "notName" },
      { rule: "notCommon" },
    ]);
  });
});

describe("reset links", () => {
  it("are random, stored as a hash and valid for 60 minutes", () => {
    const token = newResetToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newResetToken()).not.toBe(token);
    expect(hashResetToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(resetExpiry(now).getTime() - now.getTime()).toBe(3_600_000);
  });
  it("are refused when unknown, of an inactive account, used or expired", () => {
    const row = { usedAt: null, expiresAt: resetExpiry(now), user: { active: true } };
    expect(checkResetToken(row, now)).toBeNull();
    expect(checkResetToken(null, now)).toBe("RESET_INVALID");
    expect(checkResetToken({ ...row, user: { active: false } }, now)).toBe("RESET_INVALID");
    expect(checkResetToken({ ...row, usedAt: now }, now)).toBe("RESET_USED");
    expect(checkResetToken(row, resetExpiry(now))).toBe("RESET_EXPIRED");
  });
});
