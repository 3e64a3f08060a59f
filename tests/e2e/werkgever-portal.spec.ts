import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, storageStateOf } from "./support";

async function fileQuestion(page: Page, subject: string): Promise<string> {
  await page.goto("/werkgever/vragen/nieuw");
  await page.getByLabel("Onderwerp").selectOption({ label: "Proces en procedure" });
  await page.getByLabel("Korte omschrijving").fill(subject);
  await page.getByLabel("Uw vraag").fill("Hoe melden wij een medewerker af die per volgende maand vertrekt?");
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page).toHaveURL(/\/werkgever\/vragen\/LK-\d{4}-\d{6}/);
  return /LK-\d{4}-\d{6}/.exec(page.url())![0];
}

test.describe("employer questions and urgent requests", () => {
  test.setTimeout(90_000);

  test.use({ storageState: storageStateOf("employer") });

  test("files a question; bad input gets messages next to the fields; the organisation list shows it", async ({ page }) => {
    await page.goto("/werkgever/vragen/nieuw");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("Controleer de velden hieronder:");
    await expect(page.getByLabel("Korte omschrijving")).toHaveAttribute("aria-invalid", "true");

    const number = await fileQuestion(page, "Afmelden vertrekkende medewerker");
    await expect(page.getByTestId("form-success")).toContainText(number);
    await expectAccessible(page);
    await page.goto("/werkgever");
    await expect(page.getByRole("link", { name: number })).toBeVisible();
    await expectAccessible(page);
  });

  test("an urgent request without a phone pre-announcement says so and counts down to its real deadline", async ({ page }) => {
    await page.goto("/werkgever/spoed");
    await expect(page.getByTestId("pre-announcement")).toContainText("geen telefonische aankondiging");
    await expectAccessible(page);
    await page.getByLabel("Korte omschrijving").fill("Loonbeslag verwerken");
    await page.getByRole("button", { name: "Spoedverzoek versturen" }).click();
    await expect(page.getByTestId("form-error")).toBeVisible();
    await expect(page.locator("#reason-error")).toHaveText("Gebruik minstens 5 tekens.");
    await expect(page.locator("#forWhom-error")).toHaveText("Gebruik minstens 2 tekens.");

    await page.getByLabel("Waarom is het spoed?").fill("De salarisrun sluit morgen om 9 uur");
    await page.getByLabel("Voor wie?").fill("Personeelsnummer 1187");
    await page.getByRole("button", { name: "Spoedverzoek versturen" }).click();
    await expect(page).toHaveURL(/spoed=nieuw/);
    await expect(page.getByTestId("form-success")).toContainText("geen telefonische aankondiging");
    await expect(page.getByText("Niet telefonisch aangekondigd.", { exact: true })).toBeVisible();
    // The clock counts the employer line's opening hours: the countdown names its real deadline.
    await expect(page.getByTestId("countdown").first()).toContainText(/Nog \d+ uur \d+ min \(uiterlijk /);
    await expectAccessible(page);
    await page.goto("/werkgever");
    await expect(page.getByRole("heading", { name: "Lopende spoedverzoeken" })).toBeVisible();
  });
});

test.describe("complaint and HR desk", () => {
  test.use({ storageState: storageStateOf("employer") });
  test.setTimeout(90_000);

  test("a complaint about another organisation's number is refused; the HR desk books a callback slot", async ({ page }) => {
    await page.goto("/werkgever/klacht");
    await expectAccessible(page);
    await page.getByLabel("Registratienummer van het contact").fill("LK-2026-999999");
    await page.getByLabel("Datum van het laatste contact of de laatste herinnering").fill("2026-11-20");
    await page.getByLabel("Uw klacht").fill("Wij kregen drie keer een ander antwoord op dezelfde vraag.");
    await page.getByRole("button", { name: "Klacht indienen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("hoort niet bij een vraag van uw organisatie");

    await page.goto("/werkgever/hr-desk");
    await expectAccessible(page);
    await page.getByLabel("Onderwerp").fill("Re-integratie");
    await page.getByLabel("Waar wilt u over praten?").fill("Wij willen sparren over een re-integratietraject.");
    await page.getByLabel("Telefoonnummer").fill("020 123 4567");
    await page.getByLabel("Tijdvak voor het terugbellen").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Gesprek aanvragen" }).click();
    await expect(page).toHaveURL(/\/werkgever\/vragen\/LK-/);
    await expect(page.getByText("HR-desk").first()).toBeVisible();
  });
});

test.describe("urgent request after a phone pre-announcement", () => {
  test("links to the organisation's open pre-announcement logged by an agent", async ({ browser }) => {
    const agent = await browser.newContext({ storageState: storageStateOf("agent") });
    const agentPage = await agent.newPage();
    await agentPage.goto("/agent/telefoon");
    const form = agentPage.getByRole("form", { name: "Vooraankondiging spoedverzoek (werkgever)" });
    await form.getByLabel("Werkgever").selectOption({ label: "Zorggroep Noord (WG-40877)" });
    await form.getByLabel("Naam beller").fill("Lisa Smit");
    await form.getByLabel("Onderwerp").fill("Ontslag op staande voet");
    await form.getByLabel("Waarom spoed").fill("Uitbetaling moet vandaag");
    await form.getByLabel("Voor wie").fill("Personeelsnummer 77");
    await form.getByLabel("Overdragen aan").selectOption({ index: 1 });
    await form.getByRole("button", { name: "Vooraankondiging vastleggen" }).click();
    await expect(agentPage.getByText("Vooraankondiging vastgelegd")).toBeVisible();
    await agent.close();

    const lisa = await browser.newContext();
    const page = await lisa.newPage();
    await login(page, "lisa.smit@zorggroepnoord.example");
    await expect(page).toHaveURL(/\/werkgever$/);
    await page.goto("/werkgever/spoed");
    // Requests pair with the oldest open announcement first: the demo's own, or this one.
    await expect(page.getByTestId("pre-announcement")).toContainText("U heeft dit spoedverzoek telefonisch aangekondigd (");
    await page.getByLabel("Korte omschrijving").fill("Ontslag op staande voet");
    await page.getByLabel("Waarom is het spoed?").fill("Uitbetaling moet vandaag gebeuren");
    await page.getByLabel("Voor wie?").fill("Personeelsnummer 77");
    await page.getByRole("button", { name: "Spoedverzoek versturen" }).click();
    await expect(page).toHaveURL(/spoed=gekoppeld/);
    await expect(page.getByText("Gekoppeld aan uw telefonische aankondiging.", { exact: true })).toBeVisible();
    await lisa.close();
  });
});
