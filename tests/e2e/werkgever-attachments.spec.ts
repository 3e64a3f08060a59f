import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, login, storageStateOf } from "./support";

const pdf = Buffer.from("%PDF-1.7\n% loonstaat november\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

test.describe("employer attachments", () => {
  test.setTimeout(90_000);

  test("a question's attachment shows on the ticket page, downloads for the organisation and is 404 for another", async ({ browser }, testInfo) => {
    const employer = await browser.newContext({ storageState: storageStateOf("employer") });
    const page = await employer.newPage();
    await page.goto("/werkgever/vragen/nieuw");
    await page.getByLabel("Onderwerp").selectOption({ label: "Proces en procedure" });
    await page.getByLabel("Korte omschrijving").fill("Loonstaat november");
    await page.getByLabel("Uw vraag").fill("Bijgaand de loonstaat van november; klopt de inhouding?");
    await page.locator("#files").setInputFiles({ name: "loonstaat november.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(page).toHaveURL(/\/werkgever\/vragen\/LK-\d{4}-\d{6}/);

    const link = page.getByRole("link", { name: "loonstaat november.pdf" });
    await expect(page.getByText("Bijlagen", { exact: true })).toBeVisible();
    await expect(link.locator("..")).toContainText("(1 kB)");
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("werkgever-ticket-attachment.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("loonstaat november.pdf");
    expect((await readFile((await download.path())!)).equals(pdf)).toBe(true);
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/api\/uploads\/\w+$/);
    await employer.close();

    // A colleague with the right to see the organisation's tickets gets it too.
    const colleague = await browser.newContext();
    const tom = await colleague.newPage();
    await login(tom, "tom.visser@vandijk.example");
    await expect(tom).toHaveURL(/\/werkgever$/);
    const ok = await tom.request.get(href);
    expect(ok.status()).toBe(200);
    expect(ok.headers()["content-type"]).toBe("application/pdf");
    await colleague.close();

    // A contact of another organisation gets the same answer as for an id that does not exist.
    const other = await browser.newContext();
    const lisa = await other.newPage();
    await login(lisa, "lisa.smit@zorggroepnoord.example");
    await expect(lisa).toHaveURL(/\/werkgever$/);
    expect((await lisa.request.get(href)).status()).toBe(404);
    expect((await lisa.request.get("/api/uploads/does-not-exist")).status()).toBe(404);
    await other.close();
  });
});
