import { describe, expect, it } from "vitest";
import { afterLoginUrl, loginReturnPath, placeOfPath, returnPathFor } from "@/lib/auth/rules";

describe("returnPathFor: where a signed-in person lands after login", () => {
  it("keeps the page asked for inside the person's own place, with its query", () => {
    expect(returnPathFor("/portaal/vragen/abc?tab=2", "BENEFICIARY")).toBe("/portaal/vragen/abc?tab=2");
    expect(returnPathFor("/agent/tickets/t1", "CALLCENTER_AGENT")).toBe("/agent/tickets/t1");
    expect(returnPathFor("/werkgever/vragen/LK-2026-000010", "EMPLOYER_CONTACT")).toBe("/werkgever/vragen/LK-2026-000010");
  });

  it("sends a person asked to go to another place to their own home", () => {
    expect(returnPathFor("/agent/tickets/t1", "BENEFICIARY")).toBe("/portaal");
    expect(returnPathFor("/portaal/vragen/x", "ADMIN")).toBe("/agent");
    expect(returnPathFor("/werkgever", "BENEFICIARY")).toBe("/portaal");
    // A look-alike prefix is not the place.
    expect(returnPathFor("/portaalx/vragen", "BENEFICIARY")).toBe("/portaal");
    expect(returnPathFor("/login", "BENEFICIARY")).toBe("/portaal");
  });

  it("never leaves the origin", () => {
    for (const evil of ["//evil.example/portaal", "/\\evil.example", "https://evil.example/portaal", "/\t/evil.example", "/..//evil.example", "javascript:alert(1)", ["/portaal", "/agent"], 42, null, undefined, ""]) {
      expect(returnPathFor(evil, "BENEFICIARY")).toBe("/portaal");
    }
  });
});

describe("loginReturnPath: the page a visitor who is not signed in is sent back to", () => {
  it("prefers the requested page over the layout's place", () => {
    expect(loginReturnPath("/portaal/vragen/abc", "/portaal")).toBe("/portaal/vragen/abc");
  });
  it("falls back to the page's own path for a request outside its place or an unsafe one", () => {
    expect(loginReturnPath("/agent/x", "/portaal")).toBe("/portaal");
    expect(loginReturnPath("//evil.example/portaal", "/portaal")).toBe("/portaal");
    expect(loginReturnPath(null, "/werkgever/vragen/1")).toBe("/werkgever/vragen/1");
  });
});

describe("placeOfPath and afterLoginUrl", () => {
  it("reads the place from the first segment only", () => {
    expect(placeOfPath("/agent")).toBe("agent");
    expect(placeOfPath("/agent?x=1")).toBe("agent");
    expect(placeOfPath("/agenten")).toBeNull();
  });
  it("routes a target through the login page, which checks the role", () => {
    expect(afterLoginUrl("/portaal/vragen/a b")).toBe("/login?callbackUrl=%2Fportaal%2Fvragen%2Fa%20b");
    expect(afterLoginUrl(null)).toBe("/");
    expect(afterLoginUrl("/")).toBe("/");
  });
});
