import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

test.describe("a macro in a reply", () => {
  test("the handler inserts a macro filled from the ticket, sends it, and the ticket waits for the customer", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("handler") });
    const page = await context.newPage();
    await page.goto("/agent?channel=PORTAL&status=OPEN");
    await page.getByTestId("queue-table").getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("LK-");
    const requester = (await page.locator("dt", { hasText: "Aanvrager" }).locator("xpath=following-sibling::dd[1]").innerText()).split(/[·\n]/)[0]!.trim();
    expect(requester.length).toBeGreaterThan(2);

    await page.getByLabel("Macro invoegen").selectOption({ label: "Vraag om aanvullende stukken" });
    await page.getByRole("button", { name: "Invoegen", exact: true }).click();
    const body = page.getByLabel("Antwoord", { exact: true });
    await expect(body).toHaveValue(new RegExp(`^Beste ${requester},`));
    await expect(page.getByTestId("macro-note")).toContainText("Bij versturen: zet status op Wacht op klant");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Antwoord verstuurd" })).toBeVisible();
    await expect(page.getByTestId("ticket-status")).toHaveText("Wacht op klant");
    await expect(page.getByText(`Beste ${requester},`).first()).toBeVisible();
    await context.close();
  });
});
