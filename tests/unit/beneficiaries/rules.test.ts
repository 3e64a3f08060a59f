import { describe, expect, it } from "vitest";
import { checkEmailChange, emailChangeExpiry, hashEmailChangeToken } from "@/lib/account/email-change-rules";
import { emailChangeRefusal, inviteRefusal, mergedContactFields, mergedEmail, mergeRefusal, mergeSummaryParam, pageOf, parseMergeSummary } from "@/lib/beneficiaries/rules";

const side = (id: string, over: Partial<{ role: string; mergedIntoId: string | null; erasedAt: Date | null }> = {}) => ({ id, role: "BENEFICIARY", mergedIntoId: null, erasedAt: null, ...over });
const empty = { email: null, phone: null, postalStreet: null, postalCode: null, postalCity: null };
const mail = "anna@example.nl";

describe("inviting a beneficiary", () => {
  it("is for an active account without a password; a merged account says so before an inactive one", () => {
    expect(inviteRefusal({ active: true, hasPassword: false, mergedIntoId: null, email: mail })).toBeNull();
    expect(inviteRefusal({ active: true, hasPassword: true, mergedIntoId: null, email: mail })).toBe("ALREADY_ACTIVE");
    expect(inviteRefusal({ active: false, hasPassword: false, mergedIntoId: null, email: mail })).toBe("ACCOUNT_INACTIVE");
    expect(inviteRefusal({ active: false, hasPassword: true, mergedIntoId: "a", email: mail })).toBe("ALREADY_MERGED");
  });

  it("needs an e-mail address to send the invitation to; the account's own state is said first", () => {
    expect(inviteRefusal({ active: true, hasPassword: false, mergedIntoId: null, email: null })).toBe("NO_EMAIL");
    expect(inviteRefusal({ active: false, hasPassword: false, mergedIntoId: null, email: null })).toBe("ACCOUNT_INACTIVE");
  });

  it("keeps the address of someone who logs in: it may be changed, not cleared", () => {
    expect(emailChangeRefusal({ hasPassword: true }, null)).toBe("EMAIL_NEEDED_FOR_PORTAL");
    expect(emailChangeRefusal({ hasPassword: true }, mail)).toBeNull();
    expect(emailChangeRefusal({ hasPassword: false }, null)).toBeNull();
  });
});

describe("merging", () => {
  it("refuses the same person first, then a non-beneficiary on either side, then a merged or erased account", () => {
    expect(mergeRefusal(side("a"), side("b"))).toBeNull();
    expect(mergeRefusal(side("a", { role: "ADMIN" }), side("a"))).toBe("SAME_PERSON");
    expect(mergeRefusal(side("a", { role: "CASE_HANDLER" }), side("b"))).toBe("NOT_A_BENEFICIARY");
    expect(mergeRefusal(side("a"), side("b", { role: "EMPLOYER_CONTACT", mergedIntoId: "x" }))).toBe("NOT_A_BENEFICIARY");
    expect(mergeRefusal(side("a"), side("b", { mergedIntoId: "a" }))).toBe("ALREADY_MERGED");
    expect(mergeRefusal(side("a", { erasedAt: new Date() }), side("b"))).toBe("ALREADY_MERGED");
  });

  it("fills a missing phone, and the address only as a whole when the survivor has none", () => {
    const b = { email: null, phone: "0612345678", postalStreet: "Dorpsstraat 1", postalCode: "1234 AB", postalCity: "Ede" };
    expect(mergedContactFields(empty, b)).toEqual({ phone: "0612345678", postalStreet: "Dorpsstraat 1", postalCode: "1234 AB", postalCity: "Ede" });
    expect(mergedContactFields({ ...empty, phone: "0201234567" }, b)).toEqual({ postalStreet: "Dorpsstraat 1", postalCode: "1234 AB", postalCity: "Ede" });
    // A survivor with part of an address keeps it: a mix of two people's addresses is nobody's.
    expect(mergedContactFields({ ...empty, postalCity: "Utrecht" }, b)).toEqual({ phone: "0612345678" });
    expect(mergedContactFields(b, empty)).toEqual({});
  });

  it("gives someone known only by letter the e-mail address of their portal account, never replacing one", () => {
    expect(mergedContactFields(empty, { ...empty, email: mail })).toEqual({ email: mail });
    expect(mergedContactFields({ ...empty, email: "oud@example.nl" }, { ...empty, email: mail })).toEqual({});
  });

  it("gives the merged account a unique undeliverable address", () => {
    expect(mergedEmail("c1")).toBe("merged-c1@invalid");
    expect(mergedEmail("c1")).not.toBe(mergedEmail("c2"));
  });
});

describe("paging", () => {
  it("reads the page from the address, defaulting to 1", () => {
    expect(pageOf(undefined)).toBe(1);
    expect(pageOf("3")).toBe(3);
    expect(pageOf("0")).toBe(1);
    expect(pageOf("-2")).toBe(1);
    expect(pageOf("abc")).toBe(1);
  });
});

describe("e-mail change links", () => {
  const now = new Date("2026-11-24T10:00:00Z");
  it("live 24 hours, once, for an active account", () => {
    const expiresAt = emailChangeExpiry(now);
    expect(expiresAt.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    const row = { usedAt: null, expiresAt, user: { active: true } };
    expect(checkEmailChange(row, now)).toBeNull();
    expect(checkEmailChange(row, expiresAt)).toBe("EMAIL_CHANGE_EXPIRED");
    expect(checkEmailChange({ ...row, usedAt: now }, now)).toBe("EMAIL_CHANGE_USED");
    expect(checkEmailChange({ ...row, user: { active: false } }, now)).toBe("EMAIL_CHANGE_INVALID");
    expect(checkEmailChange(null, now)).toBe("EMAIL_CHANGE_INVALID");
  });

  it("store a hash, never the token itself", () => {
    expect(hashEmailChangeToken("abc")).not.toContain("abc");
    expect(hashEmailChangeToken("abc")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEmailChangeToken("abc")).not.toBe(hashEmailChangeToken("abd"));
  });
});

describe("the merge note carried to the survivor's page", () => {
  it("comes back as the counts that went in", () => {
    const summary = { tickets: 3, appointments: 1, complaints: 0, calls: 12, contactNotes: 2 };
    expect(mergeSummaryParam(summary)).toBe("3-1-0-12-2");
    expect(parseMergeSummary(mergeSummaryParam(summary))).toEqual(summary);
  });
  it("is nothing for what else a URL may carry", () => {
    for (const value of [undefined, "", "3-1-0-12", "3-1-0-12-2-9", "a-1-0-12-2", "-1-1-0-12-2", "3-1-0-12-2 ", "99999999-0-0-0-0"]) {
      expect(parseMergeSummary(value), String(value)).toBeNull();
    }
  });
});
