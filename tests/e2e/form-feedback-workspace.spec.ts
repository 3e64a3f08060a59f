import { expect, test } from "@playwright/test";
import { e2eQuery, pageAs } from "./support";

// Issue 19 item 6 on the workspace forms: a refused field names its limit as a Dutch reader writes
// numbers, every refused field speaks at once under the one shared summary (linked to the first
// bad field, which has focus), and a missing choice says what to choose. Nothing is stored.

test("a too long reply names the limit of 20.000 characters", async ({ browser }) => {
  const page = await pageAs(browser, "handler");
  await page.goto("/agent?channel=PORTAL&status=OPEN");
  await page.getByTestId("queue-table").getByRole("link").first().click();
  const body = page.locator("#reply-body");
  await body.fill("x".repeat(20_001));
  await page.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(page.locator("#reply-body-error")).toHaveText("Gebruik hoogstens 20.000 tekens.");
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expect(body).toHaveAttribute("aria-describedby", "reply-body-error");
  await expect(page.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 1 veld klopt nog niet. Naar het eerste veld");
  await expect(body).toBeFocused();
  await page.context().close();
});

test("a macro with two bad fields shows both errors at once and one summary linked to the first", async ({ browser }) => {
  const page = await pageAs(browser, "coordinator");
  await page.goto("/agent/kennisbank/macros/nieuw");
  await page.locator("#macro-title").fill("Ab");
  await page.locator("#macro-body").fill("kort");
  await page.getByRole("button", { name: "Opslaan" }).click();
  const summary = page.getByTestId("form-error");
  await expect(summary).toHaveCount(1);
  await expect(summary).toHaveText("Controleer de velden hieronder: 2 velden kloppen nog niet. Naar het eerste veld");
  await expect(page.locator("#macro-title-error")).toHaveText("Gebruik minstens 3 tekens.");
  await expect(page.locator("#macro-body-error")).toHaveText("Gebruik minstens 10 tekens.");
  await expect(page.locator("#macro-body")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#macro-title")).toBeFocused();
  // The summary's link leads to the first bad field.
  await expect(summary.getByRole("link", { name: "Naar het eerste veld" })).toHaveAttribute("href", "#macro-title");
  await summary.getByRole("link", { name: "Naar het eerste veld" }).click();
  await expect(page).toHaveURL(/#macro-title$/);

  // One field fixed: one error left, and the count follows.
  await page.locator("#macro-title").fill("Bevestiging ontvangst");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(summary).toHaveText("Controleer de velden hieronder: 1 veld klopt nog niet. Naar het eerste veld");
  await expect(page.locator("#macro-title-error")).toHaveCount(0);
  await expect(page.locator("#macro-body")).toBeFocused();
  expect(await e2eQuery(`SELECT 1 FROM "Macro" WHERE "body" = 'kort'`)).toHaveLength(0);
  await page.context().close();
});

test("a letter without a category says what to choose", async ({ browser }) => {
  const page = await pageAs(browser, "agent");
  const subject = `Brief zonder categorie ${Date.now()}`;
  await page.goto("/agent/post/nieuw");
  await page.getByRole("searchbox", { name: "Afzender zoeken" }).fill("K-100231");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("link", { name: "Kiezen: Anna Jansen" }).click();
  // The chosen sender redraws the page: wait for it before filling in the letter.
  await expect(page.getByTestId("letter-sender")).toContainText("Anna Jansen");
  const form = page.getByRole("form", { name: "De brief" });
  await form.getByLabel("Onderwerp", { exact: true }).fill(subject);
  await form.getByLabel("Korte samenvatting van de inhoud").fill("Mevrouw vraagt wanneer de betaling komt.");
  await form.getByLabel("Scan van de brief (PDF, JPEG of PNG)").setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% scan\n") });
  await form.getByRole("button", { name: "Brief registreren" }).click();
  await expect(page.locator("#letter-categoryKey-error")).toHaveText("Kies een categorie.");
  await expect(form.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 1 veld klopt nog niet. Naar het eerste veld");
  await expect(form.getByLabel("Onderwerpcategorie")).toBeFocused();
  expect(await e2eQuery(`SELECT 1 FROM "Ticket" WHERE "subject" = $1`, [subject])).toHaveLength(0);
  await page.context().close();
});

test("a closure day without a date or reasons says to choose a date and fill in both reasons", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/agent/beheer/instellingen");
  const form = page.locator("form").filter({ has: page.locator("#closure-date") });
  await form.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.locator("#closure-date-error")).toHaveText("Kies een datum.");
  await expect(page.locator("#closure-nl-error")).toHaveText("Vul dit veld in.");
  await expect(page.locator("#closure-en-error")).toHaveText("Vul dit veld in.");
  await expect(page.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 3 velden kloppen nog niet. Naar het eerste veld");
  await expect(page.locator("#closure-date")).toBeFocused();
  await expect(page.locator("#closure-date")).toHaveAttribute("aria-describedby", "closure-date-error");
  await page.context().close();
});
