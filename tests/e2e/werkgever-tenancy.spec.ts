import { expect, test } from "@playwright/test";
import { login, storageStateOf } from "./support";

test.describe("cross-tenant and rights", () => {
  test("a contact of another organisation cannot open organisation A's ticket", async ({ browser }) => {
    const employer = await browser.newContext({ storageState: storageStateOf("employer") });
    const page = await employer.newPage();
    await page.goto("/werkgever");
    const number = (await page.getByRole("link", { name: /^LK-/ }).first().textContent())!.trim();
    await employer.close();

    const other = await browser.newContext();
    const lisa = await other.newPage();
    await login(lisa, "lisa.smit@zorggroepnoord.example");
    await expect(lisa).toHaveURL(/\/werkgever$/);
    await expect(lisa.getByRole("link", { name: number })).toHaveCount(0);
    const response = await lisa.goto(`/werkgever/vragen/${number}`);
    expect(response?.status()).toBe(404);
    await expect(lisa.getByText("Pagina niet gevonden")).toBeVisible();
    await other.close();
  });

  test("a contact without MANAGE_USERS cannot reach the rights page and has no link to it", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, "tom.visser@vandijk.example");
    await expect(page).toHaveURL(/\/werkgever$/);
    await expect(page.getByRole("link", { name: "Accounts en rechten" })).toHaveCount(0);
    // A page of one's own place without the right: "no access" with 403 (issue 19 item 7).
    const response = await page.goto("/werkgever/accounts");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
    await context.close();
  });
});
