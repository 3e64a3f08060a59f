// The response headers that depend on the request: the Content-Security-Policy with this
// request's nonce, and HSTS when the app is reached over https. Pure, so it is unit tested;
// proxy.ts applies it. Headers that never vary stay in next.config.js.
import type { HeaderReader } from "./client-ip";

export interface SecurityHeaderInput {
  /** Fresh for every request (newNonce). */
  nonce: string;
  /** `next dev` evaluates code with eval() for fast refresh and talks to it over a websocket. */
  dev: boolean;
  https: boolean;
}

/** 128 random bits, base64: what the CSP nonce-source grammar accepts. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev, https }: SecurityHeaderInput): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // Next.js puts the nonce on its own script tags (read from this header on the request);
    // 'strict-dynamic' lets those scripts load the page's chunks, and nothing else runs.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Inline style attributes (React style={...}) and Next's injected styles; no nonce here, since a
    // nonce would make browsers ignore 'unsafe-inline'. Styles cannot run code.
    ["style-src", "'self'", "'unsafe-inline'"],
    // data: for the QR code of the two-factor enrolment, blob: for previews of chosen files.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Served over https: the request came in over https (directly, or as a proxy in front says with
 * X-Forwarded-Proto), or the public URL the app is configured with is https. A forged header on
 * plain http does no harm: browsers ignore HSTS received over http.
 */
export function servedOverHttps(headers: HeaderReader, requestProtocol: string, publicUrl: string | undefined): boolean {
  if (requestProtocol === "https:") return true;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "https") return true;
  return (publicUrl ?? "").trim().toLowerCase().startsWith("https://");
}

/** The headers to set on the response (and, for the CSP, on the request so Next.js finds the nonce). */
export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(input),
    ...(input.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** Whether a request's path and query (as sent, %-encoded) carry a NUL character. */
export function carriesNul(pathAndQuery: string): boolean {
  return /%00/i.test(pathAndQuery) || pathAndQuery.includes("\u0000");
}
