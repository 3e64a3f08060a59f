import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPassword, DEFAULT_PASSWORD_POLICY } from "@/lib/auth/password-policy";

const nina = { email: "nina.kok@vandijk.example", name: "Nina Kok" };

describe("the default password policy (NIST 800-63B)", () => {
  it("accepts a long passphrase without character-class rules", () => {
    expect(checkPassword("zonnige bakkerij ochtend", nina)).toBeNull();
  });
  it("refuses too short, too long, the user's name or address, and common passwords", () => {
    expect(checkPassword("kort1!", nina)).toBe("PASSWORD_TOO_SHORT");
    expect(checkPassword("x".repeat(129), nina)).toBe("PASSWORD_TOO_LONG");
    expect(checkPassword("mijn-naam-is-nina-hoor", nina)).toBe("PASSWORD_CONTAINS_NAME");
    expect(checkPassword("NINA.KOK-2026-wachtwoord", nina)).toBe("PASSWORD_CONTAINS_NAME");
    expect(checkPassword("Wachtwoord123", nina)).toBe("PASSWORD_COMMON");
  });
  it("refuses a password of too few different characters, such as only spaces", () => {
    expect(checkPassword(" ".repeat(16), nina)).toBe("PASSWORD_REPETITIVE");
    expect(checkPassword("xxxxxxxxxxxxxxxx", nina)).toBe("PASSWORD_REPETITIVE");
    // Case does not make a character different; three different ones are still too few.
    expect(checkPassword("AbAbAbAbAbAbAb", nina)).toBe("PASSWORD_REPETITIVE");
    expect(checkPassword("abc abc abc abc", nina)).toBeNull();
    expect(checkPassword("a b a b a b a b", nina)).toBe("PASSWORD_REPETITIVE");
  });
  it("counts characters, not bytes", () => {
    expect(checkPassword("éèêëéèêëéèê", nina)).toBe("PASSWORD_TOO_SHORT");
    expect(checkPassword("éèêëéèêëéèêë", nina)).toBeNull();
  });
  it("accepts every long enough random password of four or more different characters, free of the name", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 128, unit: fc.constantFrom(..."0123456789xyzXYZ!@#") }), (password) => {
        fc.pre(new Set(password.toLowerCase()).size >= 4);
        expect(checkPassword(password, nina, DEFAULT_PASSWORD_POLICY)).toBeNull();
      }),
    );
  });
});

describe("stricter legacy rules", () => {
  const legacy = { minLength: 10, maxLength: 20, requireClasses: 3, forbiddenCharacters: "<>'" };
  it("express length ranges, character classes and forbidden characters", () => {
    expect(checkPassword("alleenkleineletters", nina, legacy)).toBe("PASSWORD_CLASSES");
    expect(checkPassword("Gemengd2026abc", nina, legacy)).toBeNull();
    expect(checkPassword("Gemengd<2026>", nina, legacy)).toBe("PASSWORD_FORBIDDEN_CHARACTER");
    expect(checkPassword("Gemengd2026abcdefghijk", nina, legacy)).toBe("PASSWORD_TOO_LONG");
  });
});
