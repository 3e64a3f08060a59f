import { describe, expect, it } from "vitest";
import {
  cookieFrom,
  decryptSecret,
  deviceTokenValid,
  encryptSecret,
  generateRecoveryCodes,
  generateTotpSecret,
  matchTotp,
  requiredSecondFactor,
  signDeviceToken,
  totpCode,
} from "@/lib/auth/two-factor-rules";

const now = new Date("2026-11-24T10:00:00Z");
const KEY = "unit-test-key";

describe("which second factor a login needs", () => {
  it("is TOTP once enrolled, a mailed code when the organisation demands it, else none", () => {
    expect(requiredSecondFactor({ totpEnabled: true, organisationRequires: false })).toBe("TOTP");
    expect(requiredSecondFactor({ totpEnabled: true, organisationRequires: true })).toBe("TOTP");
    expect(requiredSecondFactor({ totpEnabled: false, organisationRequires: true })).toBe("MAIL");
    expect(requiredSecondFactor({ totpEnabled: false, organisationRequires: false })).toBeNull();
  });
});

describe("TOTP", () => {
  const secret = generateTotpSecret();
  it("accepts the current code and one step either side, and names the step", () => {
    const step = Math.floor(now.getTime() / 30_000);
    expect(matchTotp(totpCode(secret, now), secret, now)).toBe(step);
    expect(matchTotp(totpCode(secret, new Date(now.getTime() - 30_000)), secret, now)).toBe(step - 1);
    expect(matchTotp(totpCode(secret, new Date(now.getTime() + 30_000)), secret, now)).toBe(step + 1);
  });
  it("refuses old codes and malformed input", () => {
    expect(matchTotp(totpCode(secret, new Date(now.getTime() - 120_000)), secret, now)).toBeNull();
    expect(matchTotp("12345", secret, now)).toBeNull();
    expect(matchTotp("abcdef", secret, now)).toBeNull();
  });
});

describe("secrets at rest and device tokens", () => {
  it("encrypts the TOTP secret so that only the key opens it", () => {
    const stored = encryptSecret("JBSWY3DPEHPK3PXP", KEY);
    expect(stored).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(stored, KEY)).toBe("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(stored, "another-key")).toBeNull();
  });
  it("remembers a device for its user until expiry, and refuses tampering", () => {
    const expires = new Date(now.getTime() + 30 * 86_400_000);
    const token = signDeviceToken("user-1", expires, KEY);
    expect(deviceTokenValid(token, "user-1", now, KEY)).toBe(true);
    expect(deviceTokenValid(token, "user-2", now, KEY)).toBe(false);
    expect(deviceTokenValid(token, "user-1", expires, KEY)).toBe(false);
    expect(deviceTokenValid(token.replace("user-1", "user-2"), "user-2", now, KEY)).toBe(false);
    expect(deviceTokenValid(`${token.slice(0, -2)}xx`, "user-1", now, KEY)).toBe(false);
  });
  it("reads a cookie from a header", () => {
    expect(cookieFrom("a=1; loket-device=x.y.z; b=2", "loket-device")).toBe("x.y.z");
    expect(cookieFrom("a=1", "loket-device")).toBeNull();
  });
  it("hands out ten distinct recovery codes", () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes.every((c) => /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/.test(c))).toBe(true);
  });
});
