import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { allE2eServers, E2E_WORKERS, e2eServer } from "./tests/e2e/servers";

// End-to-end tests run the production build in Debian's Chromium (Playwright cannot download
// browsers here): one server per worker, each on its own freshly seeded embedded database and port
// (tests/e2e/servers.ts). The first server builds; the others start from that build.
const servers = allE2eServers();
const PORT = servers[0]!.port;
// A real OpenID Connect provider for the single sign-on spec (scripts/oidc-dev-provider.ts), on a
// loopback port of its own next to the app's; the app is configured for it as staff IdP and broker.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 1000);
const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
// Debian's headless shell (package chromium-headless-shell) is the browser Playwright itself runs
// headless: without the full browser's UI, compositor and GPU process it took half the CPU of
// `chromium` on the same specs (227 -> 103 CPU-s), which on two cores is most of the e2e wall time.
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/${PORT}`,
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    // Inside a worker this is that worker's server.
    baseURL: e2eServer().baseURL,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    screenshot: "only-on-failure",
    // Recording a trace for every test (screencast frames and DOM snapshots) cost Chromium about
    // as much CPU as the tests themselves; CI retries a failure once, and that retry is traced.
    trace: "on-first-retry",
    launchOptions: {
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  globalSetup: "tests/e2e/global-setup.ts",
  projects: [
    // The logins are independent: spread them over the workers.
    { name: "setup", testMatch: /auth\.setup\.ts/, fullyParallel: true },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: [
    {
      command: "npx tsx scripts/oidc-dev-provider.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      env: { OIDC_DEV_PORT: String(OIDC_PORT), OIDC_DEV_APP_URL: servers.map((server) => server.baseURL).join(",") },
    },
    {
      // Every app server from one command (scripts/e2e-servers.sh): one build, then all servers at
      // once. Playwright waits here for the first; tests/e2e/global-setup.ts for the others.
      command: "bash scripts/e2e-servers.sh",
      url: `${servers[0]!.baseURL}/login`,
      // A cold production build on a busy two-core machine can take longer than five minutes.
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      env: {
        E2E_SERVERS: servers.map((server) => `${server.port}:${server.dbPort}`).join(" "),
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
