import { describe, expect, it } from "vitest";
import { refusalOf } from "@/components/auth/login-errors";

const KNOWN = new Set(["INVALID_CREDENTIALS", "TOO_MANY_ATTEMPTS"]);

describe("the refusal a login form shows", () => {
  it("passes known codes, reads the wait of a rate limit, and makes anything else generic", () => {
    expect(refusalOf("INVALID_CREDENTIALS", KNOWN)).toEqual({ key: "INVALID_CREDENTIALS" });
    expect(refusalOf("TOO_MANY_ATTEMPTS", KNOWN)).toEqual({ key: "TOO_MANY_ATTEMPTS" });
    expect(refusalOf("RATE_LIMITED:7", KNOWN)).toEqual({ key: "RATE_LIMITED", minutes: 7 });
    expect(refusalOf("RATE_LIMITED:x", KNOWN)).toEqual({ key: "GENERIC" });
    expect(refusalOf("LOCKED", KNOWN)).toEqual({ key: "GENERIC" });
    expect(refusalOf("connect ECONNREFUSED 127.0.0.1:5432", KNOWN)).toEqual({ key: "GENERIC" });
    expect(refusalOf(undefined, KNOWN)).toEqual({ key: "GENERIC" });
  });
});
