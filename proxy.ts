// Next.js 16 Proxy (the former middleware): every page response gets a Content-Security-Policy
// with a fresh nonce, and HSTS when served over https (lib/security/headers.ts). Next.js reads the
// nonce from the request's Content-Security-Policy header and puts it on its own script tags; pages
// therefore render per request (the root layout reads the locale cookie, so they all do already).
import { type NextRequest, NextResponse } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/rules";
import { carriesNul, newNonce, securityHeaders, servedOverHttps } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  // PostgreSQL's text cannot hold a NUL character, so an address with one (%00) would fail deep in
  // a page's query as a 500; no one types it, so it is refused here.
  if (carriesNul(`${request.nextUrl.pathname}${request.nextUrl.search}`)) return new NextResponse("400 Bad Request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: servedOverHttps(request.headers, request.nextUrl.protocol, process.env.AUTH_URL ?? process.env.NEXTAUTH_URL),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Always set here (never the client's own value): where to return to after login.
  requestHeaders.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the static build output and icons: they carry no scripts of their own.
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      // A prefetch is not a page view; its nonce would never be used.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
