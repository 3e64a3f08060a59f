import { describe, expect, it } from "vitest";
import { checkAdminChange, staffRoleOf, unknownTeams } from "@/lib/staff/rules";

describe("staff rules", () => {
  it("accepts only staff roles", () => {
    expect(staffRoleOf("CASE_HANDLER")).toBe("CASE_HANDLER");
    expect(staffRoleOf("ADMIN")).toBe("ADMIN");
    expect(staffRoleOf("BENEFICIARY")).toBeNull();
    expect(staffRoleOf("EMPLOYER_CONTACT")).toBeNull();
    expect(staffRoleOf("admin")).toBeNull();
  });

  it("keeps one active admin", () => {
    expect(checkAdminChange({ currentRole: "ADMIN", active: true, nextRole: "MANAGER", activeAdmins: 1 })).toBe("LAST_ADMIN");
    expect(checkAdminChange({ currentRole: "ADMIN", active: true, nextRole: null, activeAdmins: 1 })).toBe("LAST_ADMIN");
    expect(checkAdminChange({ currentRole: "ADMIN", active: true, nextRole: "ADMIN", activeAdmins: 1 })).toBeNull();
    expect(checkAdminChange({ currentRole: "ADMIN", active: true, nextRole: null, activeAdmins: 2 })).toBeNull();
    expect(checkAdminChange({ currentRole: "ADMIN", active: false, nextRole: "MANAGER", activeAdmins: 1 })).toBeNull();
    expect(checkAdminChange({ currentRole: "MANAGER", active: true, nextRole: null, activeAdmins: 1 })).toBeNull();
  });

  it("names the teams that do not exist", () => {
    expect(unknownTeams(["a", "b", "a"], ["a"])).toEqual(["b"]);
    expect(unknownTeams([], [])).toEqual([]);
  });
});
