import { expect, test } from "@playwright/test";
import { e2eQuery, expectAccessible, login, PASSWORD } from "./support";

test.describe("logging in", () => {
  test("the login page is accessible and sends an anonymous visitor there from any place", async ({ page }) => {
    await page.goto("/agent");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fagent$/);
    await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a wrong password and an unknown user get the same clear message", async ({ page }) => {
    await login(page, "bram.devries@burger.example", "not-the-password");
    await expect(page.getByTestId("form-error")).toHaveText(/e-mailadres of wachtwoord klopt niet/);
    await login(page, "niemand@burger.example", PASSWORD);
    await expect(page.getByTestId("form-error")).toHaveText(/e-mailadres of wachtwoord klopt niet/);
    await expectAccessible(page);
  });

  test("empty fields are caught before anything is sent", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Vul uw e-mailadres en wachtwoord in.");
  });

  test("five failures lock the account, and the right password is refused while locked", async ({ page }) => {
    const email = "p.mulder@utrecht.example";
    for (let i = 0; i < 4; i++) {
      await login(page, email, `wrong-${i}`);
      await expect(page.getByTestId("form-error")).toHaveText(/klopt niet/);
    }
    await login(page, email, "wrong-5");
    await expect(page.getByTestId("form-error")).toHaveText(/tijdelijk geblokkeerd/);
    await login(page, email, PASSWORD);
    await expect(page.getByTestId("form-error")).toHaveText(/tijdelijk geblokkeerd/);
  });

  test("after logging in, the visitor lands where they were going; logging out ends the session", async ({ page }) => {
    await page.goto("/werkgever");
    await page.getByLabel("E-mailadres").fill("tom.visser@vandijk.example");
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(/\/werkgever$/);
    await expect(page.getByTestId("current-user")).toContainText("Tom Visser");
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/werkgever");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a link to a question opened signed out leads back to that question after logging in", async ({ page }) => {
    const [ticket] = await e2eQuery<{ id: string }>(
      `SELECT t.id FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" WHERE u.email = 'bram.devries@burger.example' ORDER BY t."createdAt" LIMIT 1`,
    );
    await page.goto(`/portaal/vragen/${ticket!.id}`);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=%2Fportaal%2Fvragen%2F${ticket!.id}$`));
    await page.getByLabel("E-mailadres").fill("bram.devries@burger.example");
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(new RegExp(`/portaal/vragen/${ticket!.id}$`));
  });

  test("a session cookie saved before logout opens nothing after it", async ({ page, context }) => {
    await login(page, "bram.devries@burger.example");
    await expect(page).toHaveURL(/\/portaal$/);
    const saved = (await context.cookies()).find((c) => c.name.includes("session-token"));
    expect(saved).toBeDefined();
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(/\/login/);
    await context.addCookies([saved!]);
    await page.goto("/portaal");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a tampered session cookie is not a session", async ({ page, context }) => {
    await login(page, "bram.devries@burger.example");
    await expect(page).toHaveURL(/\/portaal$/);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name.includes("session-token"));
    expect(session).toBeDefined();
    await context.addCookies([{ ...session!, value: `${session!.value.slice(0, -8)}AAAAAAAA` }]);
    await page.goto("/portaal");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  });
});
