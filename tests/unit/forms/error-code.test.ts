import { describe, expect, it } from "vitest";
import { errorCode, formatLimit, parseErrorCode } from "@/lib/forms/error-code";

describe("field error codes carrying a limit", () => {
  it("splits a code from the limit it carries", () => {
    expect(parseErrorCode("TOO_LONG:10000")).toEqual({ code: "TOO_LONG", limit: 10000 });
    expect(parseErrorCode(errorCode("TOO_LONG", 200))).toEqual({ code: "TOO_LONG", limit: 200 });
  });

  it("leaves a plain code as it is, and a malformed limit out", () => {
    expect(parseErrorCode("REQUIRED")).toEqual({ code: "REQUIRED" });
    expect(parseErrorCode("TOO_LONG:lots")).toEqual({ code: "TOO_LONG:lots" });
  });

  it("writes the limit as a Dutch or English reader expects", () => {
    expect(formatLimit(10000, "nl")).toBe("10.000");
    expect(formatLimit(10000, "en")).toBe("10,000");
    expect(formatLimit(200, "nl")).toBe("200");
  });
});
