import { afterEach, describe, expect, it, vi } from "vitest";
import { totpKeyring } from "@/lib/auth/auth-secret";
import { encryptSecret, openTotpSecret, sealTotpSecret, totpKeyId } from "@/lib/auth/two-factor-rules";

const SECRET = "KRSXG5CMN5VWK5DEMVWW6U3UMFTGM4TP";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("TOTP secrets at rest", () => {
  it("name the key that sealed them, and open with it", () => {
    const stored = sealTotpSecret(SECRET, { current: "key-2026", previous: [] });
    expect(stored.startsWith(`${totpKeyId("key-2026")}:`)).toBe(true);
    expect(stored).not.toContain(SECRET);
    expect(openTotpSecret(stored, { current: "key-2026", previous: [] })).toEqual({ secret: SECRET, current: true });
  });

  it("survive a rotation: an old key still opens (and says so, for re-sealing); a forgotten key does not", () => {
    const stored = sealTotpSecret(SECRET, { current: "key-2026", previous: [] });
    expect(openTotpSecret(stored, { current: "key-2027", previous: ["key-2026"] })).toEqual({ secret: SECRET, current: false });
    expect(openTotpSecret(stored, { current: "key-2027", previous: [] })).toBeNull();
  });

  it("still open when stored in the older form without a key id (sealed with AUTH_SECRET)", () => {
    const legacy = encryptSecret(SECRET, "the-auth-secret");
    expect(legacy).not.toContain(":");
    expect(openTotpSecret(legacy, { current: "key-2027", previous: ["the-auth-secret"] })).toEqual({ secret: SECRET, current: false });
    expect(openTotpSecret(legacy, { current: "the-auth-secret", previous: [] })).toEqual({ secret: SECRET, current: false });
    expect(openTotpSecret(legacy, { current: "key-2027", previous: [] })).toBeNull();
  });

  it("refuse a tampered ciphertext", () => {
    const stored = sealTotpSecret(SECRET, { current: "key-2026", previous: [] });
    expect(openTotpSecret(`${stored.slice(0, -4)}AAAA`, { current: "key-2026", previous: [] })).toBeNull();
  });
});

describe("the TOTP keyring from the environment", () => {
  it("uses TOTP_ENCRYPTION_KEY, reads the old keys, and keeps AUTH_SECRET for secrets from before", () => {
    vi.stubEnv("AUTH_SECRET", "auth-secret-value");
    vi.stubEnv("TOTP_ENCRYPTION_KEY", "totp-key-new");
    vi.stubEnv("TOTP_ENCRYPTION_KEYS_OLD", " totp-key-old , ,totp-key-older");
    expect(totpKeyring()).toEqual({ current: "totp-key-new", previous: ["totp-key-old", "totp-key-older", "auth-secret-value"] });
  });

  it("falls back to AUTH_SECRET in development", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("AUTH_SECRET", "auth-secret-value");
    vi.stubEnv("TOTP_ENCRYPTION_KEY", "");
    vi.stubEnv("TOTP_ENCRYPTION_KEYS_OLD", "");
    expect(totpKeyring()).toEqual({ current: "auth-secret-value", previous: [] });
  });

  it("is required in production (not derived from the session key)", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("LOKET_EMBEDDED", "");
    vi.stubEnv("AUTH_SECRET", "auth-secret-value");
    vi.stubEnv("TOTP_ENCRYPTION_KEY", "");
    expect(() => totpKeyring()).toThrow(/TOTP_ENCRYPTION_KEY is not set/);
    vi.stubEnv("TOTP_ENCRYPTION_KEY", "totp-key-new");
    expect(totpKeyring().current).toBe("totp-key-new");
  });
});
