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

// Our codec (the derived key cached) must read what next-auth wrote and the other way round:
// sessions opened before a deploy stay valid, and next-auth's own routes read ours.
describe("our session token codec", async () => {
  const { decodeSessionToken, encodeSessionToken } = await import("@/lib/auth/session-token");

  it("reads next-auth's tokens and next-auth reads ours", async () => {
    const theirs = await encode({ token: { uid: "u1", role: "CASE_HANDLER", sv: 3 }, secret, maxAge: 60 });
    expect(await decodeSessionToken(theirs, secret)).toMatchObject({ uid: "u1", role: "CASE_HANDLER", sv: 3 });
    const ours = await encodeSessionToken({ uid: "u2", role: "BENEFICIARY", sv: 0 }, secret, 60);
    expect(await decode({ token: ours, secret })).toMatchObject({ uid: "u2", role: "BENEFICIARY", sv: 0 });
  });

  it("gives no session for an expired, tampered, foreign or missing token", async () => {
    const expired = await encodeSessionToken({ uid: "u1" }, secret, -120);
    expect(await decodeSessionToken(expired, secret)).toBeNull();
    const token = await encodeSessionToken({ uid: "u1" }, secret, 60);
    expect(await decodeSessionToken(token, secret)).toMatchObject({ uid: "u1" });
    expect(await decodeSessionToken(`${token.slice(0, -6)}AAAAAA`, secret)).toBeNull();
    expect(await decodeSessionToken(token, "another-secret-another-secret-xx")).toBeNull();
    expect(await decodeSessionToken(undefined, secret)).toBeNull();
    expect(await decodeSessionToken("not-a-token", secret)).toBeNull();
  });

  it("keeps one key per secret, so a rotated secret does not read old tokens", async () => {
    const first = await encodeSessionToken({ uid: "u1" }, secret, 60);
    const other = "rotated-secret-rotated-secret-xxx";
    const second = await encodeSessionToken({ uid: "u1" }, other, 60);
    expect(await decodeSessionToken(first, other)).toBeNull();
    expect(await decodeSessionToken(second, secret)).toBeNull();
    expect(await decodeSessionToken(second, other)).toMatchObject({ uid: "u1" });
  });
});
