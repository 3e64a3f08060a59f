import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

test.describe("settings (admin)", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("adds and removes a closure day", async ({ page }) => {
    await page.goto("/agent/beheer/instellingen");
    await expect(page.getByRole("heading", { name: "Instellingen", level: 1 })).toBeVisible();
    await expectAccessible(page);
    const section = page.getByRole("region", { name: "Sluitingsdagen" });
    await section.getByLabel("Datum").fill("2027-06-15");
    await section.getByLabel("Reden (Nederlands)").fill("Verhuizing");
    await section.getByLabel("Reden (Engels)").fill("Office move");
    await section.getByRole("button", { name: "Toevoegen" }).click();
    await expect(section.getByText("2027-06-15", { exact: true })).toBeVisible();

    await section.getByLabel("Datum").fill("2027-06-15");
    await section.getByLabel("Reden (Nederlands)").fill("Nog eens");
    await section.getByLabel("Reden (Engels)").fill("Again");
    await section.getByRole("button", { name: "Toevoegen" }).click();
    await expect(section.getByRole("alert")).toHaveText("Deze dag is al een sluitingsdag.");

    await section.getByRole("button", { name: "Verwijder 2027-06-15" }).click();
    await expect(section.getByText("Geen sluitingsdagen ingesteld.")).toBeVisible();
  });

  test("refuses a line that closes before it opens and keeps the old hours", async ({ page }) => {
    await page.goto("/agent/beheer/instellingen");
    const section = page.getByRole("region", { name: "Openingstijden telefoonlijnen" });
    const employer = section.locator("form").nth(1);
    await employer.getByLabel("Maandag Open").fill("17:00");
    await employer.getByRole("button", { name: "Opslaan" }).click();
    await expect(employer.getByRole("alert")).toHaveText("De sluitingstijd moet na de openingstijd liggen.");
    await page.reload();
    await expect(page.getByRole("region", { name: "Openingstijden telefoonlijnen" }).locator("form").nth(1).getByLabel("Maandag Open")).toHaveValue("09:00");
  });
});

test.describe("settings rights", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("a manager cannot open the settings", async ({ page }) => {
    await page.goto("/agent/beheer/instellingen");
    await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
  });
});
