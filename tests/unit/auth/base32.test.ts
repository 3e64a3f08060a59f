import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode } from "@/lib/auth/base32";
import { generateTotpSecret, matchTotp, totpCode } from "@/lib/auth/two-factor-rules";

describe("base32 (RFC 4648)", () => {
  // The RFC's test vectors, without the padding authenticator apps leave out.
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ];

  it("encodes and decodes the RFC's examples", () => {
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain)), plain).toBe(encoded);
      expect(base32Decode(encoded).toString(), encoded).toBe(plain);
    }
  });

  it("reads a secret typed by hand: lower case, spaces, padding", () => {
    expect(base32Decode("mzxw 6ytb oi======").toString()).toBe("foobar");
  });

  it("gives back every byte string it encoded", () => {
    for (let length = 0; length < 64; length++) {
      const bytes = randomBytes(length);
      expect(base32Decode(base32Encode(bytes)).equals(bytes), String(length)).toBe(true);
    }
  });

  it("refuses a character outside the alphabet", () => {
    expect(() => base32Decode("MZXW1")).toThrow("not base32");
  });
});

describe("TOTP with this codec", () => {
  // RFC 6238, appendix B: the SHA-1 secret "12345678901234567890", six digits of each code.
  const secret = base32Encode(Buffer.from("12345678901234567890"));

  it("gives the RFC's codes", () => {
    expect(secret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    const codes: [number, string][] = [
      [59, "287082"],
      [1111111109, "081804"],
      [1234567890, "005924"],
      [2000000000, "279037"],
    ];
    for (const [seconds, code] of codes) expect(totpCode(secret, new Date(seconds * 1000)), String(seconds)).toBe(code);
    expect(matchTotp("287082", secret, new Date(59_000))).toBe(1);
  });

  it("makes 20-byte secrets an authenticator app can read", () => {
    const fresh = generateTotpSecret();
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(fresh)).toHaveLength(20);
  });
});
