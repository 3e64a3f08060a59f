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
