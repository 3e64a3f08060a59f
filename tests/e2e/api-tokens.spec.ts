// API tokens (issue 16 item 1) end to end: an admin creates a token at /agent/beheer/api, copies
// the secret shown once, calls the real server with it (no login redirect, no same-origin check
// in the way), sees its last use, revokes it through our confirm dialog, and the API refuses it.
import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

test.describe("API tokens (admins)", () => {
  test.use({ storageState: storageStateOf("admin") });
  test.setTimeout(120_000);

  test("create a token, use it against /api/v1, revoke it", async ({ page, request }) => {
    const name = `Back office ${Date.now().toString(36)}`;
    await page.goto("/agent/beheer/api");
    await expect(page.getByRole("heading", { level: 1, name: "API-tokens" })).toBeVisible();
    await expect(page).toHaveTitle(/^API-tokens/);

    // No scope chosen: refused with the field named.
    await page.getByLabel("Naam (waarvoor is het token?)").fill(name);
    await page.getByRole("button", { name: "Token aanmaken" }).click();
    await expect(page.getByTestId("form-error")).toContainText("Controleer de velden hieronder: 1 veld klopt nog niet.");
    await expect(page.getByText("Kies minstens één scope.")).toBeVisible();

    await page.getByLabel("Naam (waarvoor is het token?)").fill(name);
    await page.getByLabel("Werkt namens medewerker").selectOption({ label: "Henk Bos" });
    await page.getByLabel("tickets:read").check();
    await page.getByRole("button", { name: "Token aanmaken" }).click();
    const shown = page.getByTestId("token-secret");
    await expect(shown).toContainText("maar één keer getoond");
    const secret = ((await shown.locator("code").textContent()) ?? "").trim();
    expect(secret).toMatch(/^lk_[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page);

    // A plain HTTP client with the token: JSON, not the login page.
    const list = await request.get("/api/v1/tickets?limit=2", { headers: { Authorization: `Bearer ${secret}` }, maxRedirects: 0 });
    expect(list.status()).toBe(200);
    expect((await list.json()).data.length).toBe(2);
    const write = await request.post("/api/v1/tickets", { headers: { Authorization: `Bearer ${secret}`, Origin: "https://elders.example" }, data: {}, maxRedirects: 0 });
    expect(write.status()).toBe(403);
    expect(write.headers()["content-type"]).toBe("application/problem+json");
    expect((await write.json()).code).toBe("INSUFFICIENT_SCOPE");
    const doc = await request.get("/api/v1/openapi.json");
    expect((await doc.json()).paths["/api/v1/tickets"].get).toBeTruthy();

    await page.reload();
    await expect(page.getByTestId("token-secret")).toHaveCount(0);
    const row = page.getByTestId("api-token-row").filter({ hasText: name });
    await expect(row).toContainText(secret.slice(0, 11));
    await expect(row).toContainText("Actief");
    await expect(row).not.toContainText("—");

    await row.getByRole("button", { name: "Intrekken" }).click();
    await page.getByTestId("confirm-dialog").getByRole("button").last().click();
    await expect(row).toContainText("Ingetrokken");
    const refused = await request.get("/api/v1/tickets", { headers: { Authorization: `Bearer ${secret}` }, maxRedirects: 0 });
    expect(refused.status()).toBe(401);
  });
});
