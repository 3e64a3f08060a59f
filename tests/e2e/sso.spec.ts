import { expect, test, type Page } from "@playwright/test";
import { DEMO_TOTP_SECRET, e2eQuery, expectAccessible, login, passTotpStep } from "./support";

// Single sign-on through a real OpenID Connect provider (scripts/oidc-dev-provider.ts, started by
// playwright.config.ts and configured as the app's staff IdP and DigiD broker). The accounts are
// this spec's own: copies of a demo agent, a demo citizen and a demo employer contact under new addresses.
const STAFF_EMAIL = "sso.medewerker@loket.example";
const CITIZEN_EMAIL = "sso.burger@burger.example";
const EMPLOYER_EMAIL = "sso.werkgever@vandijk.example";

async function copyAccount(from: string, id: string, email: string, name: string) {
  await e2eQuery(
    `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "totpSecret", "totpEnabledAt", "updatedAt")
     SELECT $2, $3, $4, "role", "passwordHash", "totpSecret", "totpEnabledAt", now() FROM "User" WHERE "email" = $1
     ON CONFLICT ("email") DO NOTHING`,
    [from, id, email, name],
  );
}

async function setIdpMfaCounts(on: boolean) {
  await e2eQuery(
    `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('sso.staff', $1::jsonb, now())
     ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = now()`,
    [JSON.stringify({ idpMfaCounts: on, staffPasswordOff: false })],
  );
}

/** At the provider's own login page (another origin): type the username and sign in. */
async function signInAtProvider(page: Page, username: string) {
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("single sign-on", () => {
  test.beforeAll(async () => {
    await copyAccount("agent@loket.example", "e2e-sso-staff", STAFF_EMAIL, "SSO Medewerker");
    await copyAccount("anna.jansen@burger.example", "e2e-sso-citizen", CITIZEN_EMAIL, "SSO Burger");
    await copyAccount("tom.visser@vandijk.example", "e2e-sso-employer", EMPLOYER_EMAIL, "SSO Werkgever");
    // A contact of Tom's organisation, which has the KvK number the provider's eHerkenning login asserts.
    await e2eQuery(
      `INSERT INTO "Membership" ("id", "userId", "organisationId", "rights")
       SELECT 'e2e-sso-employer-membership', 'e2e-sso-employer', m."organisationId", m."rights" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
       WHERE u."email" = 'tom.visser@vandijk.example' ON CONFLICT DO NOTHING`,
    );
    await e2eQuery(`UPDATE "Organisation" SET "kvkNumber" = '69123456' WHERE "externalNumber" = 'WG-40012'`);
  });

  test.afterAll(async () => {
    await e2eQuery(`DELETE FROM "Setting" WHERE "key" = 'sso.staff'`);
  });

  test("a staff member logs in through the IdP, still passes Loket's TOTP, and reaches the workspace", async ({ page }) => {
    await setIdpMfaCounts(false);
    await page.goto("/login");
    await expectAccessible(page);
    await page.getByRole("group", { name: "of log in met" }).getByRole("button", { name: "Het account van uw organisatie" }).click();
    await signInAtProvider(page, "idp-sso-medewerker");
    await passTotpStep(page, DEMO_TOTP_SECRET);
    await expect(page).toHaveURL(/\/agent(\/|$)/);
    const [link] = await e2eQuery<{ subject: string }>(`SELECT "subject" FROM "ExternalIdentity" WHERE "userId" = 'e2e-sso-staff' AND "provider" = 'staff'`);
    expect(link?.subject).toBe("idp-sso-medewerker");
    const events = await e2eQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "entityId" = 'e2e-sso-staff' AND "action" = 'auth.login' AND "data"->>'method' = 'sso'`);
    expect(events[0]?.n).toBe(1);
  });

  test("with the IdP's MFA counting as second step, the IdP login alone opens the workspace", async ({ page }) => {
    await setIdpMfaCounts(true);
    await page.goto("/login");
    await page.getByRole("button", { name: "Het account van uw organisatie" }).click();
    await signInAtProvider(page, "idp-sso-medewerker");
    await expect(page).toHaveURL(/\/agent(\/|$)/);
    const sessions = await e2eQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "AuthSession" WHERE "userId" = 'e2e-sso-staff' AND "endedAt" IS NULL`);
    expect(sessions[0]?.n).toBe(2);
  });

  test("a subject the IdP knows but Loket does not is refused with a clear message", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Het account van uw organisatie" }).click();
    await signInAtProvider(page, "idp-onbekend");
    await expect(page).toHaveURL(/\/login\?error=SSO_UNKNOWN/);
    await expect(page.getByTestId("form-error")).toHaveText(/hoort bij geen enkel medewerkersaccount in Loket/);
    await expectAccessible(page);
  });

  test("DigiD: an unlinked BSN is refused; after the citizen links it from their account, DigiD logs them in", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "DigiD of eHerkenning" }).click();
    await signInAtProvider(page, "digid-anna");
    await expect(page.getByTestId("form-error")).toHaveText(/nog geen Loket-account gekoppeld/);

    // Forget the provider's own session, so it asks who is there again.
    await page.context().clearCookies({ domain: "127.0.0.1" });
    await login(page, CITIZEN_EMAIL);
    await expect(page).toHaveURL(/\/portaal/);
    await page.goto("/portaal/wachtwoord");
    await page.getByRole("button", { name: "DigiD koppelen" }).click();
    await signInAtProvider(page, "digid-anna");
    await expect(page).toHaveURL(/\/portaal\/wachtwoord\?sso=LINKED/);
    await expect(page.getByRole("status").filter({ hasText: "Gekoppeld." })).toBeVisible();
    await expectAccessible(page);

    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByRole("button", { name: "DigiD of eHerkenning" }).click();
    await signInAtProvider(page, "digid-anna");
    await expect(page).toHaveURL(/\/portaal$/);
  });

  test("eHerkenning: an employer contact links their own eHerkenning on their account page, then logs in with it", async ({ page }) => {
    await login(page, EMPLOYER_EMAIL);
    await expect(page).toHaveURL(/\/werkgever/);
    await page.goto("/werkgever/wachtwoord");
    await expect(page.getByText("iedere collega koppelt zijn eigen eHerkenning")).toBeVisible();
    await page.getByRole("button", { name: "eHerkenning koppelen" }).click();
    await signInAtProvider(page, "eh-sso-werkgever");
    await expect(page).toHaveURL(/\/werkgever\/wachtwoord\?sso=LINKED/);
    await expect(page.getByRole("status").filter({ hasText: "Gekoppeld." })).toBeVisible();
    await expectAccessible(page);
    const [link] = await e2eQuery<{ kind: string; subject: string }>(`SELECT "kind", "subject" FROM "ExternalIdentity" WHERE "userId" = 'e2e-sso-employer' AND "provider" = 'citizen'`);
    expect(link?.kind).toBe("eherkenning");
    expect(link?.subject).not.toContain("eh-sso-werkgever");

    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByRole("button", { name: "DigiD of eHerkenning" }).click();
    await signInAtProvider(page, "eh-sso-werkgever");
    await expect(page).toHaveURL(/\/werkgever$/);
    const events = await e2eQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "entityId" = 'e2e-sso-employer' AND "action" = 'auth.login' AND "data"->>'kind' = 'eherkenning'`,
    );
    expect(events[0]?.n).toBeGreaterThanOrEqual(1);
  });
});
