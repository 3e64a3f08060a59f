import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

test.describe("KPI dashboard", () => {
  test.use({ storageState: storageStateOf("coordinator") });

  test("shows every key figure against its target, with definitions and CSV export", async ({ page }, testInfo) => {
    await page.goto("/agent/kpi?from=2026-10-01&to=2026-12-31");
    await expect(page.getByRole("heading", { name: "Kerncijfers" })).toBeVisible();
    const summary = page.getByRole("table", { name: "Kerncijfers met doel en oordeel" });
    for (const name of ["Opgelost in eerste contact", "Schriftelijke vragen binnen 5 werkdagen", "Spoedverzoeken op tijd beantwoord", "Tevredenheid (4 of 5)"]) {
      await expect(summary.getByRole("rowheader", { name })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "Zo rekenen wij" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("kpi.png"), fullPage: true });

    const csv = await page.request.get("/agent/kpi/export?table=summary&from=2026-10-01&to=2026-12-31");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    // Ready for Dutch Excel: byte-order mark, semicolons, decimal commas, Dutch names and verdicts.
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.slice(1).split("\r\n");
    expect(header).toBe("Kerncijfer;Onderdeel;Teller;Noemer;Waarde;Doel;Doel is;Oordeel");
    expect(lines).toContainEqual(expect.stringMatching(/^Opgelost in eerste contact;;\d+;\d+;[\d,]*;[\d,]+;minimaal;(Gehaald|Niet gehaald|Geen gegevens)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Klachten op tijd beantwoord;fase 1;/));
    expect(text).not.toMatch(/\b(MET|MISSED|NO_TARGET|NO_DATA|STAGE_1|atLeast)\b/);
    const escalations = await (await page.request.get("/agent/kpi/export?table=escalations&from=2026-10-01&to=2026-12-31")).text();
    expect(escalations.slice(1).split("\r\n").slice(0, 3)).toEqual([
      "Niveau;< 1 dag;1-3 dagen;3-7 dagen;> 7 dagen",
      expect.stringMatching(/^Niveau 1(;\d+){4}$/),
      expect.stringMatching(/^Niveau 2(;\d+){4}$/),
    ]);
  });

  test("explains a period that ends before it starts", async ({ page }) => {
    await page.goto("/agent/kpi?from=2026-12-31&to=2026-10-01");
    await expect(page.locator("#period-error")).toContainText("begindatum ligt niet na de einddatum");
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("says so when a date of the period does not exist, apart from a reversed period", async ({ page }) => {
    await page.goto("/agent/kpi?from=2026-02-30&to=2026-03-31");
    await expect(page.locator("#period-error")).toContainText("Kies een bestaande datum");
    await expect(page.locator("#period-error")).not.toContainText("einddatum");
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});

test.describe("lead desk rights", () => {
  test.use({ storageState: storageStateOf("agent") });

  test("a first-line agent cannot open the KPIs, their export or the mail admin", async ({ page }) => {
    // No access is said with the status too (403), not as a page that does not exist.
    expect((await page.goto("/agent/kpi"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
    const csv = await page.request.get("/agent/kpi/export?table=summary");
    expect(csv.status()).toBe(403);
    expect((await page.goto("/agent/beheer/mail"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  });
});

test.describe("outgoing mail (admin)", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("lists the outbox by status", async ({ page }) => {
    await page.goto("/agent/beheer/mail");
    await expect(page.getByRole("heading", { name: "Uitgaande e-mail" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Filter op status" })).toBeVisible();
    await page.getByRole("link", { name: /^Mislukt/ }).click();
    await expect(page).toHaveURL(/status=FAILED/);
    await expectAccessible(page);
  });
});
