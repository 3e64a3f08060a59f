import { describe, expect, it } from "vitest";
import { badFields, errorCode, formatLimit, limitedText, parseErrorCode } from "@/lib/forms/error-code";

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

describe("limitedText: the schema's own limits travel with its refusals", () => {
  it("names the maximum and the minimum it was given", () => {
    const text = limitedText(150, 3);
    expect(text.safeParse("x".repeat(151)).error?.issues.map((i) => i.message)).toEqual(["TOO_LONG:150"]);
    expect(text.safeParse(" ab ").error?.issues.map((i) => i.message)).toEqual(["TOO_SHORT:3"]);
    expect(text.parse("  abc  ")).toBe("abc");
  });

  it("reads an empty required text as REQUIRED, not as 'use at least 1 character'", () => {
    expect(limitedText(10_000).safeParse("   ").error?.issues.map((i) => i.message)).toEqual(["REQUIRED"]);
  });
});

describe("badFields: what the refusal summary counts", () => {
  it("lists every field with an error, in order, and skips empty lists", () => {
    expect(badFields({ categoryKey: ["CHOOSE_TOPIC"], subject: [], body: ["TOO_LONG:10000"] })).toEqual(["categoryKey", "body"]);
    expect(badFields(undefined)).toEqual([]);
  });
});
