import { loadBrandLogo } from "@/lib/brand/queries";

export const dynamic = "force-dynamic";

/**
 * The organisation's logo, public: the login page shows it before anyone signs in. Only PNG and
 * JPEG are ever stored (checked by content), so no script can ride along. A request naming the
 * current version may be cached for a year; a new logo gets a new version and so a new address.
 */
export async function GET(request: Request) {
  const logo = await loadBrandLogo();
  if (!logo) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const asked = new URL(request.url).searchParams.get("v");
  return new Response(Buffer.from(logo.bytes), {
    headers: {
      "Content-Type": logo.mime,
      "Content-Length": String(logo.bytes.length),
      "Cache-Control": asked === logo.version ? "public, max-age=31536000, immutable" : "public, max-age=60",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
