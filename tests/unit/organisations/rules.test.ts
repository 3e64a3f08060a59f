import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInvite, checkInviteManagement, checkRightsChange, hashToken, inviteExpiry, listedInvitesSince } from "@/lib/organisations/rules";

const now = new Date("2026-11-24T10:00:00Z");

describe("rights changes", () => {
  it("refuses leaving the organisation without anyone holding MANAGE_USERS", () => {
    const base = { actorId: "a", targetId: "a", currentRights: ["MANAGE_USERS"] as const, managersInOrganisation: 1 };
    expect(checkRightsChange({ ...base, nextRights: ["SUBMIT_REQUESTS"] })).toBe("LAST_MANAGER");
    expect(checkRightsChange({ ...base, nextRights: null })).toBe("LAST_MANAGER");
    expect(checkRightsChange({ ...base, nextRights: ["MANAGE_USERS"] })).toBeNull();
    expect(checkRightsChange({ ...base, managersInOrganisation: 2, nextRights: [] })).toBeNull();
  });
  it("never concerns a change that keeps or lacks MANAGE_USERS", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.subarray(["MANAGE_EMPLOYEES", "SUBMIT_REQUESTS"] as const), (managers, rights) => {
        expect(checkRightsChange({ actorId: "a", targetId: "b", currentRights: rights, nextRights: [], managersInOrganisation: managers })).toBeNull();
      }),
    );
  });
});

describe("invitations", () => {
  it("expire after seven days and are spent once", () => {
    const expiresAt = inviteExpiry(now);
    expect(expiresAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(checkInvite({ usedAt: null, revokedAt: null, expiresAt }, now)).toBeNull();
    expect(checkInvite({ usedAt: null, revokedAt: null, expiresAt }, expiresAt)).toBe("INVITE_EXPIRED");
    expect(checkInvite({ usedAt: now, revokedAt: null, expiresAt }, now)).toBe("INVITE_USED");
    expect(checkInvite(null, now)).toBe("INVITE_INVALID");
  });
  it("stop working once withdrawn, and an accepted one says so first", () => {
    const expiresAt = inviteExpiry(now);
    expect(checkInvite({ usedAt: null, revokedAt: now, expiresAt }, now)).toBe("INVITE_REVOKED");
    expect(checkInvite({ usedAt: null, revokedAt: now, expiresAt: now }, now)).toBe("INVITE_REVOKED");
    expect(checkInvite({ usedAt: now, revokedAt: now, expiresAt }, now)).toBe("INVITE_USED");
  });
  it("may be withdrawn or sent again while not accepted and not withdrawn, expired or not", () => {
    const expiresAt = inviteExpiry(now);
    expect(checkInviteManagement({ usedAt: null, revokedAt: null, expiresAt })).toBeNull();
    expect(checkInviteManagement({ usedAt: null, revokedAt: null, expiresAt: new Date(0) })).toBeNull();
    expect(checkInviteManagement({ usedAt: now, revokedAt: null, expiresAt })).toBe("INVITE_ACCEPTED");
    expect(checkInviteManagement({ usedAt: null, revokedAt: now, expiresAt })).toBe("INVITE_WITHDRAWN");
  });
  it("stay listed for 30 days after they expired", () => {
    expect(listedInvitesSince(now).toISOString()).toBe("2026-10-25T10:00:00.000Z");
  });
  it("store a hash that does not reveal the token", () => {
    expect(hashToken("abc")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken("abc")).not.toContain("abc");
    expect(hashToken("abc")).toBe(hashToken("abc"));
  });
});
