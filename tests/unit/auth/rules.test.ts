import { describe, expect, it } from "vitest";
import { afterFailedLogin, canEnter, homePath, isLocked, placeOf, safeCallbackPath } from "@/lib/auth/rules";

const now = new Date("2026-11-24T10:00:00Z");

describe("places", () => {
  it("sends each role to its own place and nowhere else", () => {
    expect(placeOf("BENEFICIARY")).toBe("portaal");
    expect(placeOf("EMPLOYER_CONTACT")).toBe("werkgever");
    for (const role of ["CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "CUSTOMER_SUCCESS_MANAGER", "OMBUDS", "ADMIN"] as const) {
      expect(homePath(role)).toBe("/agent");
      expect(canEnter(role, "portaal")).toBe(false);
      expect(canEnter(role, "werkgever")).toBe(false);
    }
    expect(canEnter("BENEFICIARY", "agent")).toBe(false);
    expect(canEnter("EMPLOYER_CONTACT", "portaal")).toBe(false);
  });
});

describe("lockout", () => {
  it("locks on the fifth failure for exactly 15 minutes", () => {
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) {
      state = afterFailedLogin(state.failedLogins, now);
      expect(state.lockedUntil).toBeNull();
    }
    expect(state.failedLogins).toBe(4);
    state = afterFailedLogin(state.failedLogins, now);
    expect(state.lockedUntil?.toISOString()).toBe("2026-11-24T10:15:00.000Z");
    expect(isLocked(state.lockedUntil, new Date("2026-11-24T10:14:59Z"))).toBe(true);
    expect(isLocked(state.lockedUntil, new Date("2026-11-24T10:15:00Z"))).toBe(false);
  });
});

describe("post-login destination", () => {
  it("accepts same-site paths and refuses anything that leaves the site", () => {
    expect(safeCallbackPath("/agent?x=1")).toBe("/agent?x=1");
    expect(safeCallbackPath("https://evil.example/")).toBeNull();
    expect(safeCallbackPath("//evil.example")).toBeNull();
    expect(safeCallbackPath("/\\evil.example")).toBeNull();
    expect(safeCallbackPath(undefined)).toBeNull();
  });
});
