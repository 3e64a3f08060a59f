import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

const SCREENS = "test-results/screens";

test.describe("employer service overview", () => {
  test.use({ storageState: storageStateOf("employer") });
  test.setTimeout(90_000);

  test("Eva sees her line and account contact, chooses a period, filters, and downloads the list", async ({ page }) => {
    await page.goto("/werkgever");
    await expect(page.getByTestId("csm")).toContainText("@loket.example");
    await expect(page.getByTestId("employer-line")).toBeVisible();

    await page.getByRole("link", { name: "Vragenoverzicht", exact: true }).click();
    await expect(page).toHaveURL(/\/werkgever\/overzicht$/);
    await expect(page.getByRole("heading", { name: "Overzicht van uw vragen" })).toBeVisible();
    await expectAccessible(page);

    // A period the wrong way round is explained, not shown.
    await page.getByLabel("Van", { exact: true }).fill("2026-12-31");
    await page.getByLabel("Tot en met").fill("2026-01-01");
    await page.getByRole("button", { name: "Periode tonen" }).click();
    await expect(page.getByTestId("period-error")).toContainText("De begindatum ligt na de einddatum");

    await page.getByRole("link", { name: "Afgelopen 12 maanden" }).click();
    await expect(page.getByRole("link", { name: "Afgelopen 12 maanden" })).toHaveAttribute("aria-current", "true");
    await expect(page.getByTestId("figures-status")).toBeVisible();
    await expect(page.getByTestId("category-PROCEDURE")).toBeVisible();

    await page.getByLabel("Onderwerp", { exact: true }).selectOption({ label: "Proces en procedure" });
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Opgelost of beantwoord" });
    await page.getByRole("button", { name: "Filteren" }).click();
    await expect(page).toHaveURL(/categorie=PROCEDURE/);
    const rows = page.getByTestId("overview-list").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const number = (await rows.first().getByRole("link").textContent())!.trim();
    expect(number).toMatch(/^LK-\d{4}-\d{6}$/);
    await expectAccessible(page);
    await page.screenshot({ path: `${SCREENS}/service-overview.png`, fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByTestId("export-link").click();
    const file = await (await download).path();
    const csv = await readFile(file, "utf8");
    expect(csv.startsWith("\uFEFFRegistratienummer;Onderwerp;")).toBe(true);
    expect(csv).toContain(`${number};`);
    // Statuses and timings as the list shows them, not their codes.
    expect(csv).not.toMatch(/;(NEW|OPEN|PENDING_CUSTOMER|RESOLVED|CLOSED|IN_TIME|LATE|NONE)(;|\r\n)/);
    // Only the filtered list, and never Zorggroep Noord's questions.
    expect(csv).not.toContain("Status ziekmelding");
    expect(csv).not.toContain("Aanmelding nieuwe collectieve regeling");
  });

  test("a category the filter does not offer filters nothing, as the choice then reads", async ({ page }) => {
    await page.goto("/werkgever/overzicht");
    const all = await page.getByTestId("overview-list").locator("tbody tr").count();
    expect(all).toBeGreaterThan(0);
    await page.goto("/werkgever/overzicht?categorie=ONBEKEND");
    await expect(page.getByLabel("Onderwerp", { exact: true })).toHaveValue("");
    await expect(page.getByTestId("overview-list").locator("tbody tr")).toHaveCount(all);
    await expect(page.getByTestId("export-link")).not.toHaveAttribute("href", /categorie=/);
  });

  test("a download link with a bad period answers the overview's own sentence, not a code", async ({ page }) => {
    const reversed = await page.request.get("/werkgever/overzicht/export?van=2026-12-01&tot=2026-11-01");
    expect(reversed.status()).toBe(400);
    expect(await reversed.text()).toBe("De begindatum ligt na de einddatum. Kies een begindatum vóór de einddatum.");
    const badDate = await page.request.get("/werkgever/overzicht/export?van=31-12-2026&tot=2026-12-31");
    expect(await badDate.text()).toBe("Vul twee geldige datums in (dag-maand-jaar).");
  });

  test("Eva rates a resolved question she asked", async ({ page }) => {
    await page.goto("/werkgever/overzicht?zoek=Status+ziekmelding&status=RESOLVED");
    await page.getByTestId("overview-list").locator("tbody tr").first().getByRole("link").click();
    await expect(page.getByTestId("employer-survey")).toBeVisible();
    await page.getByRole("button", { name: "Oordeel versturen" }).click();
    // The one summary above the form; under the rating, what to choose (issue 19 item 6).
    await expect(page.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 1 veld klopt nog niet. Naar het eerste veld");
    await expect(page.locator("#survey-score-error")).toHaveText("Kies een oordeel van 1 tot en met 5.");
    await expect(page.getByTestId("form-error").getByRole("link")).toHaveAttribute("href", "#survey-score");
    await page.getByLabel("4 - tevreden").check();
    await page.getByRole("button", { name: "Oordeel versturen" }).click();
    await expect(page.getByTestId("survey-answered")).toContainText("4 uit 5");
    await expect(page.getByTestId("employer-survey")).toHaveCount(0);
    await expectAccessible(page);
    await page.screenshot({ path: `${SCREENS}/service-survey.png`, fullPage: true });
  });
});
