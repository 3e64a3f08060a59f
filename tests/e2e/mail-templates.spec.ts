import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

test.describe("mail texts (admin)", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("previews a draft live, names a broken placeholder, and is accessible", async ({ page }) => {
    await page.goto("/agent/beheer/mailteksten");
    await expect(page.getByRole("heading", { name: "Mailteksten", level: 1 })).toBeVisible();
    await expectAccessible(page);
    const card = page.getByTestId("template-callback.reminder");
    const body = card.getByLabel("Tekst", { exact: true });
    await body.fill("Wij bellen u tussen {tijd}, {klant}.");
    await expect(card.getByTestId("template-preview")).toContainText("Wij bellen u tussen 10:00-11:00, .");
    await expect(card.getByTestId("template-problems")).toContainText("{klant}");
    await page.screenshot({ path: "test-results/screens/templates-mailteksten.png", fullPage: true });
    await card.getByRole("button", { name: "Opslaan" }).click();
    await expect(card.getByRole("alert")).toContainText("het invulveld {klant} bestaat niet");
  });
});
