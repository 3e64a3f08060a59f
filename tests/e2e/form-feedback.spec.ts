import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support";

test.use({ storageState: storageStateOf("beneficiary") });

// Issue 19 item 6: a refused field says the limit, written as a Dutch reader writes numbers.
test("a too long question names the limit of 10.000 characters", async ({ page }) => {
  await page.goto("/portaal/nieuw");
  await page.getByLabel("Soort vraag").selectOption("GENERAL_QUESTION");
  await page.getByLabel("Onderwerp").fill("Een heel lange vraag");
  await page.getByLabel("Uw vraag").fill("x".repeat(10_001));
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page.locator("#body-error")).toHaveText("Gebruik hoogstens 10.000 tekens.");
  await expect(page.getByLabel("Uw vraag")).toHaveAttribute("aria-invalid", "true");
});

// Issue 19 item 6: every refused field speaks at once, above them one summary line in the wording
// all forms share, and a missing choice says what to choose.
test("two bad fields and a missing choice: all errors at once and one summary", async ({ page }) => {
  await page.goto("/portaal/nieuw");
  await page.getByLabel("Onderwerp").fill("Ab");
  await page.getByLabel("Uw vraag").fill("x".repeat(10_001));
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  const summary = page.getByTestId("form-error");
  await expect(summary).toHaveCount(1);
  await expect(summary).toHaveText("Controleer de velden hieronder: 3 velden kloppen nog niet. Naar het eerste veld");
  await expect(page.locator("#categoryKey-error")).toHaveText("Kies een soort vraag.");
  await expect(page.locator("#subject-error")).toHaveText("Gebruik minstens 3 tekens.");
  await expect(page.locator("#body-error")).toHaveText("Gebruik hoogstens 10.000 tekens.");
  // Focus is on the first bad field, the choice; the summary's link leads there too.
  await expect(page.getByLabel("Soort vraag")).toBeFocused();
  await expect(summary.getByRole("link", { name: "Naar het eerste veld" })).toHaveAttribute("href", "#categoryKey");

  await page.getByLabel("Soort vraag").selectOption("GENERAL_QUESTION");
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(summary).toHaveText("Controleer de velden hieronder: 2 velden kloppen nog niet. Naar het eerste veld");
  await expect(page.locator("#categoryKey-error")).toHaveCount(0);
  await expect(page.getByLabel("Onderwerp")).toBeFocused();
});

// The callback form, sent empty for a new question: the question, the moment and the number are
// named at once, the moment (a date and a slot) counted as the one choice it is on the form.
test("an empty callback booking names its three fields at once, and the summary's link reaches the first", async ({ page }) => {
  await page.goto("/portaal/terugbellen");
  await page.getByLabel("Telefoonnummer").fill("");
  await page.getByRole("button", { name: "Afspraak maken" }).click();
  const summary = page.getByTestId("form-error");
  await expect(summary).toHaveText("Controleer de velden hieronder: 3 velden kloppen nog niet. Naar het eerste veld");
  await expect(page.locator("#question-error")).toBeVisible();
  await expect(page.locator("#slot-error")).toHaveText("Kies een moment: een dag en een tijdvak.");
  await expect(page.locator("#phone-error")).toBeVisible();
  await page.getByLabel("Waar wilt u over gebeld worden?").fill("Over de hoogte van mijn uitkering");
  await page.getByRole("button", { name: "Afspraak maken" }).click();
  await expect(summary).toHaveText("Controleer de velden hieronder: 2 velden kloppen nog niet. Naar het eerste veld");
  await expect(summary.getByRole("link", { name: "Naar het eerste veld" })).toHaveAttribute("href", "#slot");
  await expect(page.locator("#slot")).toHaveAttribute("type", "radio");
});
