import { describe, expect, it } from "vitest";
import { carriesNul, contentSecurityPolicy, HSTS, newNonce, securityHeaders, servedOverHttps } from "@/lib/security/headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only with this request's nonce (and what they load), in production", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    // Never the escape hatches that would undo the nonce.
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("lets next dev eval and open its websocket, and upgrades requests behind https", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("securityHeaders", () => {
  it("adds HSTS only over https", () => {
    expect(securityHeaders({ nonce: "n", dev: false, https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(HSTS).toBe("max-age=31536000; includeSubDomains");
    expect(Object.keys(securityHeaders({ nonce: "n", dev: false, https: false }))).toEqual(["Content-Security-Policy"]);
  });
});

describe("servedOverHttps", () => {
  const h = (values: Record<string, string>) => new Headers(values);
  it.each([
    [{}, "http:", undefined, false],
    [{}, "https:", undefined, true],
    [{ "x-forwarded-proto": "https" }, "http:", undefined, true],
    [{ "x-forwarded-proto": "HTTPS, http" }, "http:", undefined, true],
    [{ "x-forwarded-proto": "http" }, "http:", "http://localhost:3000", false],
    [{}, "http:", "https://loket.example", true],
    [{}, "http:", " HTTPS://loket.example", true],
  ])("headers %j, protocol %s, public URL %s -> %s", (headers, protocol, publicUrl, expected) => {
    expect(servedOverHttps(h(headers), protocol, publicUrl)).toBe(expected);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => newNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("carriesNul", () => {
  it("finds a NUL character in a path or query as sent, in either case of its escape", () => {
    expect(carriesNul("/agent?q=%00")).toBe(true);
    expect(carriesNul("/portaal/vragen/abc%00")).toBe(true);
    expect(carriesNul("/agent?q=a\u0000b")).toBe(true);
    expect(carriesNul("/agent?q=%2500")).toBe(false);
    expect(carriesNul("/agent?q=100%25&page=00")).toBe(false);
  });
});
