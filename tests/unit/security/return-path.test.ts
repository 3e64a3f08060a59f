import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/rules";
import { MAX_RETURN_PATH, safeReturnPath } from "@/lib/security/return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/", "/"],
    ["/portaal", "/portaal"],
    ["/portaal/vragen/x?y=1", "/portaal/vragen/x?y=1"],
    ["/werkgever/vragen?status=open&page=2#lijst", "/werkgever/vragen?status=open&page=2#lijst"],
    ["/agent/tickets/abc123", "/agent/tickets/abc123"],
    // Normalised as a browser would, and still ours.
    ["/portaal/../agent", "/agent"],
    ["/portaal?q=a b", "/portaal?q=a%20b"],
    // An encoded slash inside the path is a literal character of one segment, not a new host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
  ])("keeps %j as %j", (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it.each([
    ["tab", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["carriage return", "/\r\n/evil.example"],
    ["null byte", "/\u0000/evil.example"],
    ["leading space", " //evil.example"],
    ["line separator", "/\u2028/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/portaal"],
    ["triple slash", "///evil.example"],
    ["backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["slash backslash slash", "/\\/evil.example"],
    ["dot segments to //", "/..//evil.example"],
    ["dot segment to //", "/.//evil.example"],
    ["encoded slashes, not a path", "%2F%2Fevil.example"],
    ["double-encoded", "%252F%252Fevil.example"],
    ["javascript", "javascript:alert(1)"],
    ["javascript with slash", "/javascript:alert(1)".slice(1)],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["https elsewhere", "https://evil.example/"],
    ["http elsewhere", "http://evil.example"],
    ["scheme-relative with credentials", "//user:pw@evil.example"],
    ["no slash", "portaal"],
    ["empty", ""],
    ["very long", `/${"a".repeat(MAX_RETURN_PATH)}`],
  ])("refuses %s", (_name, raw) => {
    expect(safeReturnPath(raw)).toBe("/");
  });

  it.each([[undefined], [null], [42], [["/portaal", "//evil.example"]], [{ toString: () => "/portaal" }]])("refuses a non-string %j", (raw) => {
    expect(safeReturnPath(raw)).toBe("/");
  });

  it("accepts an absolute URL on our own origin only when that origin is given", () => {
    expect(safeReturnPath("https://loket.example/agent?x=1", "https://loket.example")).toBe("/agent?x=1");
    expect(safeReturnPath("HTTPS://LOKET.EXAMPLE/agent", "https://loket.example")).toBe("/agent");
    expect(safeReturnPath("https://loket.example/agent")).toBe("/");
    expect(safeReturnPath("https://loket.example.evil.example/agent", "https://loket.example")).toBe("/");
    expect(safeReturnPath("https://loket.example@evil.example/agent", "https://loket.example")).toBe("/");
    expect(safeReturnPath("http://loket.example/agent", "https://loket.example")).toBe("/");
    expect(safeReturnPath("https://loket.example:8443/agent", "https://loket.example")).toBe("/");
    expect(safeReturnPath("/portaal", "https://loket.example")).toBe("/portaal");
    expect(safeReturnPath("/portaal", "not a url")).toBe("/");
  });

  it("never returns something a browser would read as another host", () => {
    // Every output is a single-slash path: resolved against any origin it stays on that origin.
    const samples = ["/a", "//b", "/\\c", "/./d", "/..//e", "/%2e%2e//f", "/%2e//g", "https://h", "/i?j=//k", "/l#//m"];
    for (const raw of samples) {
      const out = safeReturnPath(raw);
      expect(new URL(out, "https://loket.example").origin).toBe("https://loket.example");
      expect(out.startsWith("//")).toBe(false);
    }
    expect(samples).toHaveLength(10);
  });
});

describe("safeReturnPath on any input (property)", () => {
  it("always gives a path that stays on our origin, without control characters", () => {
    const pieces = fc.constantFrom("/", "//", "\\", ".", "..", "%2f", "%2e", "%09", "\t", "\n", "@", ":", "?", "#", "evil.example", "portaal", "https:", " ");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 12 }).map((p) => p.join(""))), (raw) => {
        const out = safeReturnPath(raw);
        expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
        expect(/[\u0000-\u001f\u007f\\]/.test(out)).toBe(false);
        expect(new URL(out, "https://loket.example").origin).toBe("https://loket.example");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the login pages' callbackUrl (safeCallbackPath)", () => {
  it.each(["/\t/evil.example", "/\n/evil.example", "/..//evil.example", "/portaal\r\nSet-Cookie: x=1"])("sends %j home instead", (raw) => {
    expect(safeCallbackPath(raw)).toBeNull();
  });

  it("keeps a path of ours", () => {
    expect(safeCallbackPath("/portaal/vragen/x?y=1")).toBe("/portaal/vragen/x?y=1");
  });
});
