// Where to send someone back to after login: only a path on our own origin, never another host.
// Pure; used by the login and two-factor pages (through safeCallbackPath in lib/auth/rules.ts) and
// by next-auth's redirect callback (lib/auth/options.ts).
//
// The value is resolved with the WHATWG URL parser, the one browsers use, so "/\t/evil.example",
// "/\\evil.example" or "/..//evil.example" are read exactly as a browser would read them, and
// anything that does not stay on our origin becomes "/". Control characters and backslashes are
// refused outright: no return path of ours has them, and a browser silently drops or rewrites them
// (a tab in "/\t/evil" turns it into "//evil", a newline makes an invalid Location header).

const DUMMY_ORIGIN = "https://return-path.invalid";
export const MAX_RETURN_PATH = 2048;
// C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators.
const REFUSED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/;

/**
 * A path ("/portaal/vragen/x?y=1#z") on our origin, or "/" for anything else. With `ownOrigin`
 * (e.g. "https://loket.example"), an absolute URL on exactly that origin is accepted too.
 */
export function safeReturnPath(raw: unknown, ownOrigin?: string): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_RETURN_PATH || REFUSED.test(raw)) return "/";
  let base: URL;
  try {
    base = new URL(ownOrigin ?? DUMMY_ORIGIN);
  } catch {
    return "/";
  }
  // Without a known origin only a path will do; with one, an absolute URL on it as well.
  if (!raw.startsWith("/") && !(ownOrigin && raw.toLowerCase().startsWith(`${base.origin.toLowerCase()}/`))) return "/";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin || url.username || url.password) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/..//evil" resolves to the path "//evil", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}
