import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support";

// Read-only: the queue is searched, not changed.
test.use({ storageState: storageStateOf("handler") });

// A search longer than the filter reads used to be dropped without a word (the whole queue came
// back), and a 50,000-character one got the browser's HTTP 431 page. The field now stops at the
// limit, so what is searched is what the field shows.
test("the queue's search field takes 200 characters, and a pasted 50,000-character word is searched as its first 200", async ({ page }) => {
  await page.goto("/agent");
  const field = page.getByLabel("Zoeken");
  await field.fill("x".repeat(50_000));
  await expect(field).toHaveValue("x".repeat(200));
  await field.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${"x".repeat(200)}(&|$)`));
  await expect(page.getByTestId("queue-total")).toHaveText("Geen vragen");
  await expect(page.getByLabel("Zoeken")).toHaveValue("x".repeat(200));
});
