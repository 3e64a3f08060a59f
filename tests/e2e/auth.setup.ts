import { expect, test as setup, type APIRequestContext } from "@playwright/test";
import { allE2eServers } from "./servers";
import { ACCOUNTS, DEMO_TOTP_SECRET, isDemoStaff, PASSWORD, storageStateFor, totpNow, type RoleKey } from "./support";

// One saved login per role on every server, so the specs start signed in whichever worker runs them.
// These log in over HTTP, the same requests the login and code forms send through next-auth's
// signIn (login.spec and keyboard-journeys drive those forms in the browser): 18 browser logins
// were half a minute of the run.
for (const server of allE2eServers()) {
  for (const role of Object.keys(ACCOUNTS) as RoleKey[]) {
    setup(`log in as ${role} on :${server.port}`, async ({ browser }) => {
      const context = await browser.newContext({ baseURL: server.baseURL });
      const account = ACCOUNTS[role];
      await signIn(context.request, "credentials", { email: account.email, password: PASSWORD });
      if (isDemoStaff(account.email)) await signIn(context.request, "two-factor", { code: totpNow(DEMO_TOTP_SECRET) });
      // Signed in means the role's own place answers, not a way back to the login page.
      const place = await context.request.get(account.place);
      expect(place.status()).toBe(200);
      expect(new URL(place.url()).pathname).toBe(account.place);
      await context.storageState({ path: storageStateFor(server, role) });
      await context.close();
    });
  }
}

/** next-auth's credentials callback as `signIn(provider, { ...fields, redirect: false })` posts it. */
async function signIn(request: APIRequestContext, provider: string, fields: Record<string, string>): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post(`/api/auth/callback/${provider}`, {
    form: { ...fields, csrfToken, callbackUrl: "/", json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `${provider} step`).toBe(200);
  const { url } = (await response.json()) as { url: string };
  // A refused step answers with the login page and an error in its query.
  expect(new URL(url).searchParams.get("error"), `${provider} step`).toBeNull();
}
