import { describe, expect, it } from "vitest";
import { deviceStillRemembered, deviceTokenIssuedAt, enrolmentProof, loginStepAfterPassword, sessionMayAct, signDeviceToken } from "@/lib/auth/two-factor-rules";

describe("the step after the password", () => {
  it("holds staff without TOTP for enrolment and keeps everyone else's rules", () => {
    expect(loginStepAfterPassword({ staff: true, totpEnabled: false, organisationRequires: false })).toBe("ENROL");
    expect(loginStepAfterPassword({ staff: true, totpEnabled: true, organisationRequires: false })).toBe("TOTP");
    expect(loginStepAfterPassword({ staff: false, totpEnabled: false, organisationRequires: false })).toBeNull();
    expect(loginStepAfterPassword({ staff: false, totpEnabled: false, organisationRequires: true })).toBe("MAIL");
    expect(loginStepAfterPassword({ staff: false, totpEnabled: true, organisationRequires: true })).toBe("TOTP");
  });

  it("lets a staff session act only after a second factor", () => {
    expect(sessionMayAct({ staff: true, secondFactorPassed: false })).toBe(false);
    expect(sessionMayAct({ staff: true, secondFactorPassed: true })).toBe(true);
    expect(sessionMayAct({ staff: false, secondFactorPassed: false })).toBe(true);
  });
});

describe("device tokens and enrolment proofs", () => {
  it("knows when a device token was minted: 30 days before its expiry", () => {
    const expires = new Date("2026-12-24T10:00:00Z");
    expect(deviceTokenIssuedAt(signDeviceToken("u1", expires, "k"))).toBe(new Date("2026-11-24T10:00:00Z").getTime());
    expect(deviceTokenIssuedAt("junk")).toBeNull();
    expect(deviceTokenIssuedAt(null)).toBeNull();
  });

  it("binds an enrolment proof to user, pending login and key", () => {
    const proof = enrolmentProof("u1", "nonce-a", "k");
    expect(enrolmentProof("u1", "nonce-a", "k")).toBe(proof);
    expect(enrolmentProof("u1", "nonce-b", "k")).not.toBe(proof);
    expect(enrolmentProof("u2", "nonce-a", "k")).not.toBe(proof);
    expect(enrolmentProof("u1", "nonce-a", "other")).not.toBe(proof);
  });
});

describe("remembered devices", () => {
  const t = (iso: string) => new Date(iso);
  it("count only when remembered after the enrolment and the last password change", () => {
    const issued = t("2026-11-20T10:00:00Z").getTime();
    expect(deviceStillRemembered(issued, [t("2026-11-01T00:00:00Z"), null])).toBe(true);
    expect(deviceStillRemembered(issued, [t("2026-11-01T00:00:00Z"), t("2026-11-21T00:00:00Z")])).toBe(false);
    expect(deviceStillRemembered(issued, [t("2026-11-22T00:00:00Z"), t("2026-11-01T00:00:00Z")])).toBe(false);
    expect(deviceStillRemembered(issued, [null, null])).toBe(true);
    expect(deviceStillRemembered(null, [null, null])).toBe(false);
  });
});
