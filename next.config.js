import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several builds (e.g. parallel e2e runs) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and WebAssembly packages stay in node_modules instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@prisma/client", "pg"],
  poweredByHeader: false,
  experimental: {
    // The build cache speeds up the next build in this checkout; CI builds once in a fresh clone,
    // where writing it only costs time (about 30 s here).
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // forbidden() and app/forbidden.tsx: "no access" is answered with HTTP 403 (lib/auth/session.ts).
    authInterrupts: true,
    serverActions: {
      // Forms with attachments go through server actions (1 MB by default): this must carry what
      // the upload rule allows. Keep equal to UPLOAD_REQUEST_LIMIT_BYTES in lib/uploads/rules.ts
      // (3 files x 10 MB + 1 MB; the config cannot import TypeScript, a unit test checks they agree).
      bodySizeLimit: 31 * 1024 * 1024,
    },
    // proxy.ts sees every request first and buffers its body, cutting off past 10 MB by default:
    // the same limit, or an allowed upload would arrive truncated.
    proxyClientMaxBodySize: 31 * 1024 * 1024,
  },
  typedRoutes: false,
  // `npm test` type-checks the whole project (with Next's route types) before the e2e build:
  // the build need not do it a second time.
  typescript: { ignoreBuildErrors: process.env.LOKET_BUILD_TYPES_CHECKED === "1" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          // Nothing here uses these browser features; an injected frame or script cannot ask for them.
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()" },
          // The Content-Security-Policy (with a nonce per request) and HSTS come from proxy.ts.
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
