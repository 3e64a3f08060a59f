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
    await expect(section.getByText("15 juni 2027", { exact: true })).toBeVisible();

    await section.getByLabel("Datum").fill("2027-06-15");
    await section.getByLabel("Reden (Nederlands)").fill("Nog eens");
    await section.getByLabel("Reden (Engels)").fill("Again");
    await section.getByRole("button", { name: "Toevoegen" }).click();
    await expect(section.getByRole("alert")).toHaveText("Deze dag is al een sluitingsdag.");

    // A Saturday is refused with its reason, and nothing is added.
    await section.getByLabel("Datum").fill("2027-06-19");
    await section.getByLabel("Reden (Nederlands)").fill("Zaterdag");
    await section.getByLabel("Reden (Engels)").fill("Saturday");
    await section.getByRole("button", { name: "Toevoegen" }).click();
    await expect(section.getByRole("alert")).toHaveText("Deze datum valt in een weekend; dan is het klantcontact al gesloten. Kies een werkdag.");
    await expect(section.getByText("19 juni 2027", { exact: true })).toHaveCount(0);

    // Removing asks first (our own dialog); cancelling keeps the day.
    await section.getByRole("button", { name: "Verwijder 15 juni 2027" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("Sluitingsdag 15 juni 2027 (Verhuizing) verwijderen?");
    await dialog.getByRole("button", { name: "Nee, terug" }).click();
    await expect(section.getByText("15 juni 2027", { exact: true })).toBeVisible();
    await section.getByRole("button", { name: "Verwijder 15 juni 2027" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Verwijderen" }).click();
    await expect(section.getByText("Geen sluitingsdagen ingesteld.")).toBeVisible();
  });

  test("refuses a line that closes before it opens and keeps the old hours", async ({ page }) => {
    // Every line's hours live on the lines page since lines became rows (tests/e2e/lead-lines.spec.ts).
    await page.goto("/agent/beheer/instellingen");
    await page.getByRole("region", { name: "Openingstijden telefoonlijnen" }).getByRole("link").click();
    const employer = page.getByTestId("admin-line-EMPLOYER");
    await employer.getByLabel("Werkgeverslijn: Maandag").fill("17:00-09:00");
    await employer.getByRole("button", { name: "Openingstijden opslaan" }).click();
    await expect(employer.getByRole("alert")).toHaveText("Een tijdvak moet sluiten na het openen.");
    await page.reload();
    await expect(page.getByTestId("admin-line-EMPLOYER").getByLabel("Werkgeverslijn: Maandag")).toHaveValue("09:00-16:00");
  });
});

test.describe("settings rights", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("a manager cannot open the settings", async ({ page }) => {
    expect((await page.goto("/agent/beheer/instellingen"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  });
});
