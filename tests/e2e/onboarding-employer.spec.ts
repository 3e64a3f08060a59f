// Onboarding an employer from nothing to its first question (issue 14): the admin creates the
// organisation with a fixed case handler and invites its main contact; the contact accepts the
// mailed link, signs in and files a question, which lands with that handler. Deactivated, the
// organisation's contact is kept out with a clear message. Screenshots: test-results/screens/onboarding-*.png.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectAccessible, INVITE_LINK, login, mailedLink, storageStateOf } from "./support";
import { e2eServer } from "./servers";

const HANDLER = { email: "behandelaar@loket.example", name: "Joost Meijer" };
const PASSWORD = "Zonnebloem-Tulp-42";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/onboarding-${name}.png`, fullPage: true });
}

async function query<T extends Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eServer().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test.describe("onboarding an employer", () => {
  test.setTimeout(180_000);
  test.use({ storageState: storageStateOf("admin") });

  test("from a new organisation to its first question, assigned to the fixed case handler", async ({ page, browser }) => {
    // Unique per run, so the spec can run again against the same database.
    const stamp = Date.now();
    const number = `E2E-${stamp}`;
    const name = `Kinderopvang Onboarding ${stamp}`;
    const contact = `hoofd.${stamp}@onboarding.example`;

    // 1. The admin opens the organisations and creates one; a bad postcode is named next to its field.
    await page.goto("/agent/beheer/organisaties");
    await expect(page.getByRole("heading", { level: 1, name: "Organisaties" })).toBeVisible();
    await expect(page.getByTestId("organisation-row").filter({ hasText: "WG-40012" })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "1-list");
    const create = page.getByRole("form", { name: "Nieuwe organisatie" });
    await create.getByLabel("Werkgeversnummer").fill(number.toLowerCase());
    await create.getByLabel("Naam").fill(name);
    await create.getByLabel("Vaste behandelaar").selectOption({ label: HANDLER.name });
    await create.getByLabel("Klantmanager (customer success manager)").selectOption({ label: "Ingrid Dekker" });
    await create.getByLabel("Straat en huisnummer").fill("Oudegracht 12");
    await create.getByLabel("Postcode").fill("12345");
    await create.getByLabel("Plaats").fill("Utrecht");
    // One digit of the RSIN typed wrong: its check digit does not add up.
    await create.getByLabel("RSIN").fill("123 456 783");
    await create.getByRole("button", { name: "Organisatie aanmaken" }).click();
    await expect(create.getByLabel("Postcode")).toHaveAttribute("aria-invalid", "true");
    await expect(create.getByText("Vul een Nederlandse postcode in")).toBeVisible();
    await expect(create.getByLabel("RSIN")).toHaveAttribute("aria-invalid", "true");
    await expect(create.getByText("Dit RSIN klopt niet")).toBeVisible();
    await create.getByLabel("Postcode").fill("3511ab");
    await create.getByLabel("RSIN").fill("123 456 782");
    await create.getByRole("button", { name: "Organisatie aanmaken" }).click();

    // 2. Its page: the details as saved, then the main contact's invitation.
    await expect(page).toHaveURL(/\/agent\/beheer\/organisaties\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const details = page.getByRole("form", { name: "Gegevens" });
    await expect(details.getByLabel("Werkgeversnummer")).toHaveValue(number);
    await expect(details.getByLabel("Postcode")).toHaveValue("3511 AB");
    await expect(details.getByLabel("RSIN")).toHaveValue("123456782");
    await expect(details.getByLabel("Vaste behandelaar")).toHaveValue(/.+/);
    await expectAccessible(page);
    await shot(page, "2-created");
    const invite = page.getByRole("form", { name: "Hoofdcontactpersoon uitnodigen" });
    await invite.getByLabel("Naam").fill("Sanne de Wit");
    await invite.getByLabel("E-mailadres").fill(contact);
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(invite.getByTestId("form-success")).toContainText(contact);
    await expect(page.getByTestId("pending-invitation").filter({ hasText: contact })).toContainText("Rechtenbeheer, Vragen en verzoeken, Werknemergegevens");
    await expectAccessible(page);
    await shot(page, "3-invited");

    // 3. The contact opens the mailed link (only its hash is stored: the link comes from the outbox) and sets a password.
    const link = await mailedLink(contact, "organisation.invite", INVITE_LINK);
    const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const portal = await invitee.newPage();
    await portal.goto(link);
    await expect(portal.getByText(name).first()).toBeVisible();
    await portal.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
    await portal.getByLabel("Herhaal wachtwoord").fill(PASSWORD);
    await shot(portal, "4-invitation");
    await portal.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(portal.getByTestId("form-success")).toContainText("Uw account is aangemaakt");

    // 4. Signs in and files the organisation's first question.
    await login(portal, contact, PASSWORD);
    await expect(portal).toHaveURL(/\/werkgever/);
    await shot(portal, "5-portal");
    await portal.goto("/werkgever/vragen/nieuw");
    await portal.getByLabel("Onderwerp").selectOption({ label: "Proces en procedure" });
    await portal.getByLabel("Korte omschrijving").fill("Eerste aanmelding medewerkers");
    await portal.getByLabel("Uw vraag").fill("Hoe melden wij onze eerste medewerkers aan voor de loonadministratie?");
    await portal.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(portal).toHaveURL(/\/werkgever\/vragen\/LK-\d{4}-\d{6}/);
    const ticketNumber = /LK-\d{4}-\d{6}/.exec(portal.url())![0];
    await shot(portal, "6-question");

    const [ticket] = await query<{ assignee: string | null; organisation: string }>(
      `SELECT a.email AS assignee, o."externalNumber" AS organisation FROM "Ticket" t JOIN "Organisation" o ON o.id = t."organisationId" LEFT JOIN "User" a ON a.id = t."assigneeId" WHERE t.number = $1`,
      [ticketNumber],
    );
    expect(ticket).toEqual({ assignee: HANDLER.email, organisation: number });

    // 5. The admin sees the contact; deactivating signs them out and keeps them out with a clear message.
    await page.reload();
    await expect(page.getByTestId("organisation-contact").filter({ hasText: contact })).toContainText("Rechtenbeheer, Vragen en verzoeken, Werknemergegevens");
    await page.addLocatorHandler(page.getByRole("alertdialog"), (confirmDialog) => confirmDialog.getByRole("button").last().click(), { times: 1 });
    await page.getByRole("button", { name: `${name} deactiveren` }).click();
    await expect(page.getByTestId("organisation-inactive")).toBeVisible();
    await expect(page.getByRole("button", { name: `${name} weer activeren` })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "7-deactivated");
    await portal.goto("/werkgever");
    await expect(portal).toHaveURL(/\/login/);
    await login(portal, contact, PASSWORD);
    await expect(portal.getByTestId("form-error")).toContainText("Uw organisatie heeft geen toegang meer");
    await shot(portal, "8-login-refused");
    await invitee.close();
  });
});
