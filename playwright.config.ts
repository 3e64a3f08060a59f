import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run the production build on its own embedded database, freshly seeded, on a
// port of its own, in Debian's Chromium (Playwright cannot download browsers here).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// A real OpenID Connect provider for the single sign-on spec (scripts/oidc-dev-provider.ts), on a
// loopback port of its own next to the app's; the app is configured for it as staff IdP and broker.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 1000);
const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: [
    {
      command: "npx tsx scripts/oidc-dev-provider.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      env: { OIDC_DEV_PORT: String(OIDC_PORT), OIDC_DEV_APP_URL: baseURL },
    },
    {
      command: "bash scripts/e2e-server.sh",
      url: `${baseURL}/login`,
      // A cold production build on a busy two-core machine can take longer than five minutes.
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        LOKET_OIDC_STAFF_ISSUER: OIDC_ISSUER,
        LOKET_OIDC_STAFF_CLIENT_ID: "loket-staff",
        LOKET_OIDC_STAFF_CLIENT_SECRET: "loket-staff-secret",
        LOKET_OIDC_CITIZEN_ISSUER: OIDC_ISSUER,
        LOKET_OIDC_CITIZEN_CLIENT_ID: "loket-citizen",
        LOKET_OIDC_CITIZEN_CLIENT_SECRET: "loket-citizen-secret",
      },
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],

});
