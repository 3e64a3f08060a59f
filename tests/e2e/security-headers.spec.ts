import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD, storageStateOf } from "./support";

// Records every Content-Security-Policy violation the page reports (the init script runs outside
// the page's CSP), so a nonce Next.js forgot would show up here.
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

const nonceOf = (csp: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

test.describe("security headers", () => {
  test("a page carries a CSP with a fresh nonce, which is on every script tag; no HSTS over http", async ({ page, request }) => {
    const violations = await watchViolations(page);
    const response = await page.goto("/login");
    const headers = response!.headers();
    const csp = headers["content-security-policy"];
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-content-type-options"]).toBe("nosniff");

    const html = await response!.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);

    // The page works under the policy: the form is interactive and nothing was blocked.
    await page.getByLabel("E-mailadres").fill("iemand@example.org");
    await expect(page.getByRole("button", { name: "Inloggen" })).toBeEnabled();
    expect(await violations()).toEqual([]);

    // Another request, another nonce.
    const again = await request.get("/login");
    expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(nonce);
  });

  test("HSTS is sent when a proxy in front says the request came over https", async ({ request }) => {
    const response = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });
});

test.describe("signed in", () => {
  test.use({ storageState: storageStateOf("beneficiary") });

  test("a signed-in page runs under the CSP without violations", async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(ACCOUNTS.beneficiary.place);
    expect(nonceOf(response!.headers()["content-security-policy"])).toBeTruthy();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // A client-side navigation loads more chunks; 'strict-dynamic' must let them through.
    await page.goto(`${ACCOUNTS.beneficiary.place}/nieuw`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await violations()).toEqual([]);
  });

  test("a signed-in visit to /login with a hostile callbackUrl goes home on our own origin", async ({ page, baseURL }) => {
    for (const hostile of ["%2F%09%2Fevil.example", "%2F%0a%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F..%2F%2Fevil.example"]) {
      const response = await page.request.get(`/login?callbackUrl=${hostile}`, { maxRedirects: 0 });
      expect(response.status(), hostile).toBe(307);
      expect(response.headers()["location"], hostile).toBe(ACCOUNTS.beneficiary.place);
      await page.goto(`/login?callbackUrl=${hostile}`);
      expect(new URL(page.url()).origin, hostile).toBe(new URL(baseURL!).origin);
      await expect(page).toHaveURL(new RegExp(`${ACCOUNTS.beneficiary.place}$`));
    }
    // A path of our own is still honoured.
    const ours = await page.request.get(`/login?callbackUrl=${encodeURIComponent("/portaal/nieuw?x=1")}`, { maxRedirects: 0 });
    expect(ours.headers()["location"]).toBe("/portaal/nieuw?x=1");
  });
});

test.describe("logging in with a hostile callbackUrl", () => {
  test("ends on our own origin, at the person's home", async ({ page, baseURL }) => {
    await page.goto("/login?callbackUrl=%2F%09%2Fevil.example");
    await page.getByLabel("E-mailadres").fill(ACCOUNTS.beneficiary.email);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(new RegExp(`${ACCOUNTS.beneficiary.place}$`));
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });

  test("next-auth's own redirect answers stay on our origin", async ({ playwright, baseURL }) => {
    // A fresh context without a session: signing out here ends nobody's session.
    const anonymous = await playwright.request.newContext({ baseURL });
    const { csrfToken } = (await (await anonymous.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answers: Record<string, string> = {};
    for (const callbackUrl of ["/\t/evil.example", "https://evil.example/", "//evil.example", "/portaal/vragen/x?y=1"]) {
      const response = await anonymous.post("/api/auth/signout", { form: { csrfToken, callbackUrl, json: "true" } });
      answers[callbackUrl] = ((await response.json()) as { url: string }).url;
    }
    const origin = new URL(baseURL!).origin;
    expect(answers).toEqual({
      "/\t/evil.example": `${origin}/`,
      "https://evil.example/": `${origin}/`,
      "//evil.example": `${origin}/`,
      "/portaal/vragen/x?y=1": `${origin}/portaal/vragen/x?y=1`,
    });
    await anonymous.dispose();
  });
});
