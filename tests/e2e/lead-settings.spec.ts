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

  // Issue 19 item 6: two refused fields of one settings form speak at once, each with its bounds,
  // under the one summary; nothing is saved.
  test("an SLA target with two bad fields shows both errors and one summary, and keeps the old values", async ({ page }) => {
    await page.goto("/agent/beheer/instellingen");
    const slaForm = () => page.locator("form").filter({ hasText: "Schriftelijke vraag" }).filter({ has: page.getByLabel("Dreigt te laat (%)") });
    const form = slaForm();
    await form.getByLabel("Dreigt te laat (%)").fill("80");
    await form.getByLabel("Doel (%)").fill("30");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect(form.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 2 velden kloppen nog niet. Naar het eerste veld");
    await expect(form.getByText("Kies een percentage van 5 tot en met 50.")).toBeVisible();
    await expect(form.getByText("Kies een percentage van 50 tot en met 100.")).toBeVisible();
    await expect(form.getByLabel("Dreigt te laat (%)")).toBeFocused();
    await expect(form.getByLabel("Doel (%)")).toHaveAttribute("aria-invalid", "true");
    await page.reload();
    const again = slaForm();
    await expect(again.getByLabel("Dreigt te laat (%)")).toHaveValue("20");
    await expect(again.getByLabel("Doel (%)")).toHaveValue("90");
  });

  test("chat settings out of bounds name their bounds, both at once", async ({ page }) => {
    await page.goto("/agent/beheer/lijnen");
    const form = page.locator("form").filter({ has: page.getByLabel("Chats tegelijk per medewerker") });
    await form.getByLabel("Chats tegelijk per medewerker").fill("0");
    await form.getByLabel("Bericht achterlaten aanbieden na (seconden)").fill("5000");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect(form.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 2 velden kloppen nog niet. Naar het eerste veld");
    await expect(form.getByText("Kies 1 tot en met 10 chats per medewerker.")).toBeVisible();
    await expect(form.getByText("Kies 30 tot en met 3.600 seconden.")).toBeVisible();
    await expect(form.getByLabel("Chats tegelijk per medewerker")).toBeFocused();
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
