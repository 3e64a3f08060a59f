import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/rules";
import { periodProblem, periodSchema } from "@/lib/kpi/period";
import { decodePathParam, firstParam } from "@/lib/util/url-params";

// Hole 8 of issue 13, the URL side: a page or route must answer a hostile query with 4xx or its
// default view, never a 500. Next hands `?a=1&a=2` to a page as an array, and dates that match
// yyyy-MM-dd need not exist.

describe("firstParam", () => {
  it("takes the first of repeated values and leaves single or missing ones", () => {
    expect(firstParam(["a", "b"])).toBe("a");
    expect(firstParam("a")).toBe("a");
    expect(firstParam(undefined)).toBeUndefined();
    expect(firstParam([])).toBeUndefined();
  });
});

describe("decodePathParam", () => {
  it("decodes a path part and gives null for a malformed escape instead of throwing", () => {
    expect(decodePathParam("LK-2026-000001")).toBe("LK-2026-000001");
    expect(decodePathParam("a%20b")).toBe("a b");
    expect(decodePathParam("%")).toBeNull();
    expect(decodePathParam("%E0%A4%A")).toBeNull();
  });
});

describe("the login pages' callback path", () => {
  it("is null for a repeated ?callbackUrl=, which Next gives as an array", () => {
    expect(safeCallbackPath(["/agent", "/portaal"] as never)).toBeNull();
    expect(safeCallbackPath("/agent")).toBe("/agent");
  });
});

describe("the KPI period from ?from=&to=", () => {
  it.each([["2026-02-30", "2026-03-01"], ["2026-13-01", "2026-13-02"], ["0000-00-00", "2026-01-01"], ["2026-01-01", "2026-04-31"], ["2026-01-01", "9999-12-31"]])(
    "refuses %s .. %s, which look like dates but are none",
    (from, to) => {
      expect(periodSchema.safeParse({ from, to }).success).toBe(false);
      expect(periodProblem({ from, to })).toBe("NOT_A_DATE");
    },
  );

  it("tells a reversed period of real dates from a date that does not exist", () => {
    expect(periodProblem({ from: "2026-03-31", to: "2026-01-01" })).toBe("FROM_AFTER_TO");
    expect(periodProblem({ from: "2026-01-01", to: "2026-01-01" })).toBeNull();
    expect(periodProblem({ from: "2026-04-31", to: "2026-01-01" })).toBe("NOT_A_DATE");
  });

  it("accepts real dates, including a leap day", () => {
    expect(periodSchema.safeParse({ from: "2028-02-29", to: "2028-03-31" }).success).toBe(true);
  });
});
