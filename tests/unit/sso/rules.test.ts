import { describe, expect, it } from "vitest";
import { breakGlassEmails, ssoConfig } from "@/lib/sso/config";
import { linkIntentUser, linkIntentValue } from "@/lib/sso/link-intent";
import { companyNumber, identifierHash, idpShowsMfa, normaliseIdentifier, passesElevenTest } from "@/lib/sso/rules";

describe("when the IdP's login counts as MFA", () => {
  it.each([
    [["pwd", "mfa"], true],
    [["pwd", "otp"], true],
    [["hwk"], true],
    [["MFA"], true],
    [["pwd"], false],
    [["pwd", "kba"], false],
    [[], false],
    ["mfa", false], // not an array: ignored
  ])("amr %j -> %s", (amr, expected) => {
    expect(idpShowsMfa({ amr }, [])).toBe(expected);
  });

  it("an acr counts only when the admin listed it", () => {
    expect(idpShowsMfa({ amr: ["pwd"], acr: "2" }, [])).toBe(false);
    expect(idpShowsMfa({ amr: ["pwd"], acr: "2" }, ["2", "urn:mfa"])).toBe(true);
    expect(idpShowsMfa({ acr: 2 }, ["2"])).toBe(false);
  });
});

describe("BSN and KvK numbers", () => {
  it("are normalised before hashing, so the same number always gives the same hash", () => {
    expect(normaliseIdentifier("bsn", "12345678")).toBe("012345678");
    expect(normaliseIdentifier("bsn", "123.456.782")).toBe("123456782");
    expect(normaliseIdentifier("bsn", 123456782)).toBe("123456782");
    expect(normaliseIdentifier("kvk", "6912 3456")).toBe("69123456");
    expect(normaliseIdentifier("bsn", "12345678901")).toBeNull();
    expect(normaliseIdentifier("bsn", "abc")).toBeNull();
    expect(normaliseIdentifier("bsn", undefined)).toBeNull();
  });

  it("a KvK number is eight digits and an RSIN nine; a number-typed claim gets its leading zero back", () => {
    expect(normaliseIdentifier("kvk", "69123456")).toBe("69123456");
    expect(normaliseIdentifier("kvk", 1234567)).toBe("01234567");
    expect(normaliseIdentifier("kvk", "123456789")).toBeNull();
    expect(normaliseIdentifier("rsin", "857.341.259")).toBe("857341259");
    expect(normaliseIdentifier("rsin", 57341259)).toBe("057341259");
    expect(normaliseIdentifier("rsin", "1234567")).toBeNull();
    expect(normaliseIdentifier("rsin", "1234567890")).toBeNull();
  });

  it("the 11-test passes a real BSN or RSIN and refuses one wrong digit or two digits swapped", () => {
    for (const valid of ["123456782", "857341261", "001234560", "111222333"]) expect(passesElevenTest(valid)).toBe(true);
    // The first with its last digit one off, then two neighbours swapped, then the form's old demo value.
    for (const invalid of ["123456783", "213456782", "857341259", "12345678", "12345678a"]) expect(passesElevenTest(invalid)).toBe(false);
  });

  it("eHerkenning's company number: KvK from the KvK claim, an RSIN from its own claim or as nine digits in the KvK claim", () => {
    expect(companyNumber("6912 3456", undefined)).toEqual({ kind: "kvk", value: "69123456" });
    expect(companyNumber(undefined, "857341259")).toEqual({ kind: "rsin", value: "857341259" });
    expect(companyNumber("857341259", undefined)).toEqual({ kind: "rsin", value: "857341259" });
    // Both sent: the KvK number names the company.
    expect(companyNumber("69123456", "857341259")).toEqual({ kind: "kvk", value: "69123456" });
    expect(companyNumber("abc", "12")).toBeNull();
    expect(companyNumber(undefined, undefined)).toBeNull();
  });

  it("hash with the key: another key or another kind gives another value, and the number is not in it", () => {
    const hash = identifierHash("bsn", "123456782", "k1");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("123456782");
    expect(identifierHash("bsn", "123456782", "k1")).toBe(hash);
    expect(identifierHash("bsn", "123456782", "k2")).not.toBe(hash);
    expect(identifierHash("kvk", "123456782", "k1")).not.toBe(hash);
  });
});

describe("the link intent cookie", () => {
  const now = new Date("2026-11-24T10:00:00Z");
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  it("names its account for ten minutes, then nothing", () => {
    const value = linkIntentValue("user-1", now, "secret");
    expect(linkIntentUser(value, later(9), "secret")).toBe("user-1");
    expect(linkIntentUser(value, later(10), "secret")).toBeNull();
  });

  it("a changed account, expiry or key is refused", () => {
    const value = linkIntentValue("user-1", now, "secret");
    const [, expires, mac] = value.split(".");
    expect(linkIntentUser(`user-2.${expires}.${mac}`, now, "secret")).toBeNull();
    expect(linkIntentUser(`user-1.${Number(expires) + 3_600_000}.${mac}`, now, "secret")).toBeNull();
    expect(linkIntentUser(value, now, "other-secret")).toBeNull();
    expect(linkIntentUser("", now, "secret")).toBeNull();
    expect(linkIntentUser(undefined, now, "secret")).toBeNull();
  });
});

describe("configuration by environment", () => {
  it("a side is on only with issuer, client id and secret; claim names default to bsn and kvk", () => {
    expect(ssoConfig({})).toEqual({ staff: null, citizen: null });
    expect(ssoConfig({ LOKET_OIDC_STAFF_ISSUER: "https://idp.example/", LOKET_OIDC_STAFF_CLIENT_ID: "loket" }).staff).toBeNull();
    const config = ssoConfig({
      LOKET_OIDC_STAFF_ISSUER: "https://idp.example/realms/x/",
      LOKET_OIDC_STAFF_CLIENT_ID: "loket",
      LOKET_OIDC_STAFF_CLIENT_SECRET: "s",
      LOKET_OIDC_STAFF_MFA_ACR: "2, urn:mfa",
      LOKET_OIDC_CITIZEN_ISSUER: "https://broker.example",
      LOKET_OIDC_CITIZEN_CLIENT_ID: "loket",
      LOKET_OIDC_CITIZEN_CLIENT_SECRET: "s",
      LOKET_OIDC_CITIZEN_KVK_CLAIM: "urn:etoegang:kvk",
    });
    expect(config.staff).toEqual({ issuer: "https://idp.example/realms/x", clientId: "loket", clientSecret: "s", mfaAcrValues: ["2", "urn:mfa"] });
    expect(config.citizen).toMatchObject({ bsnClaim: "bsn", kvkClaim: "urn:etoegang:kvk", rsinClaim: "rsin" });
  });

  it("break-glass addresses are compared in lower case", () => {
    expect(breakGlassEmails({ LOKET_SSO_BREAK_GLASS_EMAILS: " Admin@Loket.example ,x@y.example" })).toEqual(["admin@loket.example", "x@y.example"]);
    expect(breakGlassEmails({})).toEqual([]);
  });
});
