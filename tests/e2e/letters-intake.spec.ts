// An agent registers an incoming paper letter with its scan; it becomes a LETTER ticket whose
// answer clock started on the date of receipt. The form refuses a date in the future in Dutch.
import { expect, test } from "@playwright/test";
import { e2eQuery, expectAccessible, storageStateOf } from "./support";

test.use({ storageState: storageStateOf("agent") });

/** A calendar date in Amsterdam, `days` from today. */
const amsterdamDate = (days: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(Date.now() + days * 86_400_000));

test("registers a letter with its scan for a known sender, refusing a date in the future first", async ({ page }) => {
  const stamp = Date.now();
  await page.goto("/agent/post/nieuw");
  await expect(page.getByRole("heading", { level: 1, name: "Brief registreren" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Afzender zoeken" }).fill("K-100231");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("link", { name: "Kiezen: Anna Jansen" }).click();
  await expect(page.getByTestId("letter-sender")).toContainText("Anna Jansen");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "De brief" });
  // The category starts empty: the agent chooses one.
  await form.getByLabel("Onderwerpcategorie").selectOption({ index: 1 });
  await form.getByLabel("Onderwerp", { exact: true }).fill(`Brief over de betaling ${stamp}`);
  await form.getByLabel("Korte samenvatting van de inhoud").fill("Mevrouw vraagt wanneer de betaling komt.");
  await form.getByLabel("Scan van de brief (PDF, JPEG of PNG)").setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% scan\n") });
  const tomorrow = amsterdamDate(1);
  await form.getByLabel("Datum van ontvangst (poststempel)").fill(tomorrow);
  await form.getByRole("button", { name: "Brief registreren" }).click();
  await expect(form.getByRole("alert")).toContainText("De ontvangstdatum kan niet in de toekomst liggen");
  expect(await e2eQuery(`SELECT 1 FROM "Ticket" WHERE "subject" = $1`, [`Brief over de betaling ${stamp}`])).toHaveLength(0);

  const yesterday = amsterdamDate(-1);
  await form.getByLabel("Datum van ontvangst (poststempel)").fill(yesterday);
  await form.getByRole("button", { name: "Brief registreren" }).click();
  await expect(page.getByTestId("letter-registered")).toContainText(/Brief geregistreerd als LK-\d{4}-\d{6}/);
  await page.screenshot({ path: "test-results/screens/letter-intake.png", fullPage: true });
  const [ticket] = await e2eQuery<{ channel: string; replyChannel: string; started: string }>(
    `SELECT "channel", "replyChannel", to_char("slaStartedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS started FROM "Ticket" WHERE "subject" = $1`,
    [`Brief over de betaling ${stamp}`],
  );
  expect(ticket).toEqual({ channel: "LETTER", replyChannel: "LETTER", started: yesterday });
});

test("registers a letter from a new sender who has no e-mail address; the answer will be a letter", async ({ page }) => {
  const stamp = Date.now();
  const clientNumber = `K-E2E-${stamp}`;
  await page.goto("/agent/post/nieuw");
  const form = page.getByRole("form", { name: "De brief" });
  await form.getByLabel("Naam", { exact: true }).fill(`Gerda Papier ${stamp}`);
  await expect(form.getByLabel("E-mailadres (optioneel)")).toHaveValue("");
  await form.getByLabel("Klantnummer").fill(clientNumber);
  await form.getByLabel("Straat en huisnummer").fill("Kerkstraat 12");
  await form.getByLabel("Postcode").fill("3511 AB");
  await form.getByLabel("Plaats").fill("Utrecht");
  await form.getByLabel("Onderwerpcategorie").selectOption({ index: 1 });
  await form.getByLabel("Onderwerp", { exact: true }).fill(`Brief zonder e-mailadres ${stamp}`);
  await form.getByLabel("Korte samenvatting van de inhoud").fill("Mevrouw heeft geen e-mail en vraagt per brief naar haar betaling.");
  await form.getByLabel("Scan van de brief (PDF, JPEG of PNG)").setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% scan\n") });
  await form.getByRole("button", { name: "Brief registreren" }).click();
  await expect(page.getByTestId("letter-registered")).toContainText(/Brief geregistreerd als LK-\d{4}-\d{6}/);
  const [person] = await e2eQuery<{ email: string | null; street: string }>(`SELECT "email", "postalStreet" AS street FROM "User" WHERE "clientNumber" = $1`, [clientNumber]);
  expect(person).toEqual({ email: null, street: "Kerkstraat 12" });
  const [ticket] = await e2eQuery<{ replyChannel: string; mails: number }>(
    `SELECT t."replyChannel", (SELECT count(*)::int FROM "OutboxMessage" o WHERE o."ticketId" = t."id") AS mails FROM "Ticket" t WHERE t."subject" = $1`,
    [`Brief zonder e-mailadres ${stamp}`],
  );
  expect(ticket).toEqual({ replyChannel: "LETTER", mails: 0 });
});

test("a refused form leads to its first bad field as it stands in the page, not as the schema lists it", async ({ page }) => {
  await page.goto("/agent/post/nieuw");
  const form = page.getByRole("form", { name: "De brief" });
  await form.getByLabel("Naam", { exact: true }).fill("Anna Dubbel");
  await form.getByLabel("Klantnummer").fill(`K-E2E-${Date.now()}`);
  await form.getByRole("button", { name: "Brief registreren" }).click();
  // The address stands above the category, subject and scan: it is the first to fix.
  await expect(form.getByLabel("Straat en huisnummer")).toBeFocused();
  await expect(form.getByRole("link", { name: "Naar het eerste veld" })).toHaveAttribute("href", "#letter-street");
  await expect(form.getByText("Voeg de scan toe.")).toBeVisible();
});
