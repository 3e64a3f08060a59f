import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support";

// The contact-reason report (issue 18, item 15) on the demo data of this quarter.
test.describe("contact-reason report", () => {
  test.use({ storageState: storageStateOf("coordinator") });

  test("the coordinator sees questions per reason and channel and downloads them for Excel", async ({ page }) => {
    await page.goto("/agent/kpi");
    await expect(page.getByRole("heading", { name: "Contactredenen", exact: true })).toBeVisible();
    const table = page.getByTestId("contact-reasons");
    await expect(table.getByRole("rowheader", { name: "Algemene vraag" }).first()).toBeVisible();
    await expect(table.getByRole("rowheader", { name: "Alle vragen" })).toBeVisible();
    await expect(table.getByRole("rowheader", { name: "Klacht" })).toHaveCount(0);
    // The per-week counts behind the sparklines, as a table.
    await page.getByText("Aantallen per week als tabel").click();
    await expect(page.getByTestId("contact-reasons-weeks").getByRole("columnheader", { name: /^\d{4}-W\d{2}/ }).first()).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("region", { name: "Contactredenen" }).getByRole("link", { name: "Download als CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^loket-kpi-contactReasons-.*\.csv$/);
    const bytes = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(bytes).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFFContactreden;Kanaal;\d{4}-W\d{2}.*;Deze periode;Vorige periode [\d-]+ - [\d-]+;Verandering \(%\)$/);
    expect(text).toContain("Algemene vraag;Alle kanalen;");
    expect(text).toMatch(/\r\nAlle vragen;Alle kanalen;[\d;-]*\r\n$/);
  });
});
