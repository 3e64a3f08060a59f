import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

// Its own client numbers and addresses per run, so a rerun against the same database imports anew.
const RUN = Date.now().toString(36);
const FILE = [
  "klantnummer;naam;e-mail;telefoon;straat;postcode;plaats;taal",
  `E2E-${RUN}-1;"Vos, Noor";noor.${RUN}@import.example;0612345678;Dorpsstraat 1;3511 AB;Utrecht;nl`,
  `E2E-${RUN}-2;Sem de Boer;sem.${RUN}@import.example;;Kerkweg 2;12345;Zeist;en`,
  `E2E-${RUN}-3;Lotte Smit;lotte.${RUN}@import.example;;Laan 3;3701 CD;Zeist;nl`,
].join("\r\n");

test.use({ storageState: storageStateOf("admin") });

async function upload(page: Page, dryRun: boolean) {
  await page.goto("/agent/beheer/import");
  const form = page.getByRole("form", { name: "Bestand inlezen" });
  await form.getByLabel("Klanten (uitkeringsgerechtigden)").check();
  await form.getByLabel("CSV-bestand").setInputFiles({ name: `klanten-${RUN}.csv`, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${FILE}`, "utf8") });
  const box = form.getByLabel("Proefdraai: alleen controleren, niets opslaan");
  await expect(box).toBeChecked();
  if (!dryRun) await box.uncheck();
  return form;
}

test.describe("bulk import (admins)", () => {
  test.setTimeout(120_000);

  test("a dry run lists the bad line; the real import then creates the rest and reports its counts", async ({ page }) => {
    const form = await upload(page, true);
    await expect(page.getByRole("heading", { level: 1, name: "Importeren" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/screens/import-upload.png", fullPage: true });
    await form.getByRole("button", { name: "Bestand inlezen" }).click();

    await expect(page).toHaveURL(/\/agent\/beheer\/import\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Proefdraai");
    // The page refreshes itself until the background job is done.
    await expect(page.getByTestId("import-status")).toHaveText("Klaar", { timeout: 60_000 });
    const bar = page.getByRole("progressbar", { name: "Voortgang" });
    await expect(bar).toHaveAttribute("aria-valuenow", "3");
    await expect(bar).toHaveAttribute("aria-valuemax", "3");
    const problems = page.getByTestId("import-problem");
    await expect(problems).toHaveCount(1);
    await expect(problems.first()).toContainText("3");
    await expect(problems.first()).toContainText("postcode");
    await expect(problems.first()).toContainText("Geen geldige Nederlandse postcode");
    await expect(page.getByTestId("import-count-created")).toHaveText("2");
    await expect(page.getByText("Dit was een proefdraai: er is niets opgeslagen.")).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/screens/import-dry-run.png", fullPage: true });

    const real = await upload(page, false);
    await real.getByRole("button", { name: "Bestand inlezen" }).click();
    await expect(page).toHaveURL(/\/agent\/beheer\/import\/[\w-]+$/);
    await expect(page.getByTestId("import-status")).toHaveText("Klaar", { timeout: 60_000 });
    await expect(page.getByTestId("import-count-created")).toHaveText("2");
    await expect(page.getByTestId("import-count-unchanged")).toHaveText("0");
    await expect(page.getByTestId("import-count-problems")).toHaveText("1");
    await expect(page.getByTestId("import-problem")).toHaveCount(1);
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/screens/import-result.png", fullPage: true });

    // Both jobs are listed on the import page.
    await page.getByRole("link", { name: "Terug naar alle imports" }).click();
    await expect(page.getByTestId("import-jobs").getByRole("link", { name: `klanten-${RUN}.csv` })).toHaveCount(2);
  });

  test("an empty file and a picture are refused with what is wrong, and no job is made", async ({ page }) => {
    await page.goto("/agent/beheer/import");
    const form = page.getByRole("form", { name: "Bestand inlezen" });
    await form.getByLabel("CSV-bestand").setInputFiles({ name: "leeg.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
    await form.getByRole("button", { name: "Bestand inlezen" }).click();
    await expect(form.getByRole("alert")).toHaveText("Het bestand is leeg.");
    // The start of a PNG, named .csv as people do.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await form.getByLabel("CSV-bestand").setInputFiles({ name: "foto.csv", mimeType: "text/csv", buffer: png });
    await form.getByRole("button", { name: "Bestand inlezen" }).click();
    await expect(form.getByRole("alert")).toHaveText(/^Dit is geen CSV-bestand: het bevat geen tekst\./);
    await expect(page).toHaveURL(/\/agent\/beheer\/import$/);
  });
});
