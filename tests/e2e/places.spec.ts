import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, storageStateOf, type RoleKey } from "./support";

// Read-only checks, independent of each other: spread over the workers.
test.describe.configure({ mode: "parallel" });

const PLACES = ["/portaal", "/werkgever", "/agent"] as const;

for (const role of Object.keys(ACCOUNTS) as RoleKey[]) {
  test.describe(`${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("sees their own place and is refused the others", async ({ page }) => {
      const account = ACCOUNTS[role];
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`${account.place}$`));
      await expect(page.getByTestId("place-name")).toHaveText(account.placeName);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);

      for (const other of PLACES.filter((p) => p !== account.place)) {
        const response = await page.goto(other);
        // Refused, and said so with the status too (issue 19 item 7), not a 200 or a 404.
        expect(response?.status()).toBe(403);
        await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
        // No data of that place leaks onto the refusal page.
        await expect(page.getByRole("table")).toHaveCount(0);
        await expectAccessible(page);
      }
    });
  });
}

test.describe("beneficiary portal", () => {
  test.use({ storageState: storageStateOf("beneficiary") });

  test("lists only Anna's own questions, with registration numbers", async ({ page }, testInfo) => {
    await page.goto("/portaal");
    await expect(page.getByRole("heading", { name: "Mijn vragen" })).toBeVisible();
    const rows = page.getByRole("row");
    expect(await rows.count()).toBeGreaterThan(5);
    await expect(page.getByText(/^LK-\d{4}-\d{6}$/).first()).toBeVisible();
    await expect(page.getByText("Bezwaar tegen de hoogte van mijn uitkering")).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath("portaal.png"), fullPage: true });
  });

  test("switches the interface to English and back", async ({ page }) => {
    await page.goto("/portaal");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "My questions" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect(page.getByRole("heading", { name: "Mijn vragen" })).toBeVisible();
  });
});

test.describe("agent workspace", () => {
  test.use({ storageState: storageStateOf("handler") });

  test("shows the queue with the urgent request on top", async ({ page }, testInfo) => {
    await page.goto("/agent");
    const firstRow = page.getByRole("row").nth(1);
    await expect(firstRow).toContainText("Spoed");
    await page.screenshot({ path: testInfo.outputPath("agent.png"), fullPage: true });
  });
});
