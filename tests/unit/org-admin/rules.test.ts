import { describe, expect, it } from "vitest";
import { normaliseExternalNumber, ORG_PAGE_SIZE, pageWindow, parseOrgListFilter } from "@/lib/org-admin/rules";
import { organisationFieldsSchema } from "@/lib/org-admin/schema";

describe("the organisation list's filter", () => {
  it("reads search, kind, state and page from the URL", () => {
    expect(parseOrgListFilter({ q: "  van dijk ", kind: "PARTNER", active: "no", page: "3" })).toEqual({ q: "van dijk", kind: "PARTNER", active: false, page: 3 });
    expect(parseOrgListFilter({ active: "yes", kind: ["EMPLOYER", "PARTNER"] })).toEqual({ q: "", kind: "EMPLOYER", active: true, page: 1 });
  });

  it("falls back to everything, page 1, for what it does not know", () => {
    expect(parseOrgListFilter({ kind: "SHOP", active: "maybe", page: "-2" })).toEqual({ q: "", kind: null, active: null, page: 1 });
    expect(parseOrgListFilter({ page: "abc" }).page).toBe(1);
  });

  it("pages by 25 and shows the last page for a page past the end", () => {
    expect(ORG_PAGE_SIZE).toBe(25);
    expect(pageWindow(0, 1)).toEqual({ pages: 1, page: 1, skip: 0 });
    expect(pageWindow(25, 2)).toEqual({ pages: 1, page: 1, skip: 0 });
    expect(pageWindow(26, 2)).toEqual({ pages: 2, page: 2, skip: 25 });
    expect(pageWindow(60, 99)).toEqual({ pages: 3, page: 3, skip: 50 });
  });
});

describe("organisation fields", () => {
  it("normalises the external number and the postcode; empty optional fields are none", () => {
    expect(normaliseExternalNumber("  wg-40012 ")).toBe("WG-40012");
    const parsed = organisationFieldsSchema.parse({ externalNumber: "kp-00344", name: " Gemeente Utrecht ", kind: "PARTNER", customerSuccessManagerId: "", postalCode: "3511ab", postalStreet: "" });
    expect(parsed).toMatchObject({ externalNumber: "KP-00344", name: "Gemeente Utrecht", isPartner: false, customerSuccessManagerId: null, fixedCaseHandlerId: null, postalCode: "3511 AB", postalStreet: null });
  });

  it("names each wrong field once", () => {
    const result = organisationFieldsSchema.safeParse({ externalNumber: "WG 40012", name: "Van Dijk", kind: "EMPLOYER", postalCode: "35111" });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([["externalNumber", "EXTERNAL_NUMBER"], ["postalCode", "POSTCODE"]]);
  });
});
