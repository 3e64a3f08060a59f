import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";

const secret = "unit-test-secret-unit-test-secret";

// The session cookie is an encrypted JWT: these pin what the app relies on when it treats a
// tampered or expired cookie as no session at all.
describe("session tokens", () => {
  it("decode for the right secret and expire after their lifetime", async () => {
    const token = await encode({ token: { uid: "u1", role: "BENEFICIARY", sv: 0 }, secret, maxAge: 60 });
    expect(await decode({ token, secret })).toMatchObject({ uid: "u1", role: "BENEFICIARY" });
    const expired = await encode({ token: { uid: "u1", role: "BENEFICIARY", sv: 0 }, secret, maxAge: -120 }); // beyond the 15 s clock tolerance
    await expect(decode({ token: expired, secret })).rejects.toThrow();
  });

  it("do not decode when tampered with or signed with another secret", async () => {
    const token = await encode({ token: { uid: "u1", role: "BENEFICIARY", sv: 0 }, secret, maxAge: 60 });
    await expect(decode({ token: `${token.slice(0, -6)}AAAAAA`, secret })).rejects.toThrow();
    await expect(decode({ token, secret: "another-secret-another-secret-xx" })).rejects.toThrow();
  });
});
