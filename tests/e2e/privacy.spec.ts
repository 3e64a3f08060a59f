// Privacy administration (issue 14 item 5): the admin finds a person, sees what Loket holds, a
// legal hold blocks erasure until released, and erasure wipes the person. The spec makes its own
// person. Screenshots: test-results/screens/privacy-*.png.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectAccessible, storageStateOf } from "./support";
import { e2eServer } from "./servers";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/privacy-${name}.png`, fullPage: true });
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

/** A beneficiary of this run with one closed question. */
async function makePerson(): Promise<{ id: string; name: string; email: string }> {
  const run = Date.now().toString(36);
  const person = { id: `e2e-privacy-${run}`, name: `Priva Testpersoon ${run}`, email: `priva.${run}@burger.example` };
  await query(`INSERT INTO "User" (id, email, name, role, "passwordHash", phone, "clientNumber", "updatedAt") VALUES ($1, $2, $3, 'BENEFICIARY', '!no-password', '0612300000', $4, now())`, [person.id, person.email, person.name, `KL-E2E-${run}`]);
  const [category] = await query<{ id: string }>(`SELECT id FROM "TicketCategory" WHERE key = 'GENERAL_QUESTION'`, []);
  await query(
    `INSERT INTO "Ticket" (id, number, subject, "categoryId", channel, status, "requesterId", "closedAt", "updatedAt") VALUES ($1, $2, 'Vraag over mijn toeslag', $3, 'PORTAL', 'CLOSED', $4, now(), now())`,
    [`${person.id}-t`, `LK-2026-${String(Date.now()).slice(-6)}`, category!.id, person.id],
  );
  return person;
}

test.describe("privacy administration", () => {
  test.setTimeout(120_000);
  test.use({ storageState: storageStateOf("admin") });

  test("the privacy page shows the terms and holds, finds a person; a hold blocks erasure until released; erasure wipes the person", async ({ page }) => {
    await page.addLocatorHandler(page.getByRole("alertdialog"), (confirmDialog) => confirmDialog.getByRole("button").last().click());
    const person = await makePerson();

    await page.goto("/agent/beheer/privacy");
    await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();
    await expect(page.getByTestId("retention-tickets")).toContainText("Gesloten vragen");
    await expectAccessible(page);
    // Saving a term under its minimum is refused next to the field.
    const terms = page.getByRole("form", { name: "Bewaartermijnen" });
    await terms.getByLabel("Termijn voor Auditlog").fill("6");
    await terms.getByLabel("Eenheid voor Auditlog").selectOption("MONTHS");
    await terms.getByRole("button", { name: "Bewaartermijnen opslaan" }).click();
    await expect(terms.getByText("korter dan het minimum")).toBeVisible();
    // A term of 0 is under the field's minimum and the class's: said once.
    await terms.getByLabel("Termijn voor Auditlog").fill("0");
    await terms.getByRole("button", { name: "Bewaartermijnen opslaan" }).click();
    await expect(terms.locator("#audit-error")).toHaveText("Deze termijn is korter dan het minimum.");
    await terms.getByLabel("Termijn voor Auditlog").fill("5");
    await terms.getByLabel("Eenheid voor Auditlog").selectOption("YEARS");
    await terms.getByRole("button", { name: "Bewaartermijnen opslaan" }).click();
    await expect(terms.getByTestId("form-success")).toBeVisible();

    // One character finds nobody on purpose, and says so.
    await page.goto("/agent/beheer/privacy?q=x");
    await expect(page.getByTestId("people-too-short")).toHaveText("Typ minstens twee tekens om te zoeken.");
    await page.getByRole("searchbox", { name: "Naam, e-mailadres of klantnummer" }).fill(person.email);
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page.getByTestId("person-row")).toHaveCount(1);
    await shot(page, "overview");
    await page.getByRole("link", { name: person.name }).click();

    await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
    await expect(page.getByTestId("export-json")).toHaveAttribute("href", `/agent/beheer/privacy/export/${person.id}?format=json`);
    await page.getByText("Blokkade plaatsen", { exact: true }).first().click();
    const hold = page.getByRole("form", { name: "Blokkade plaatsen" });
    await hold.getByLabel("Reden (bijv. lopende procedure, zaaknummer)").fill("Bezwaarprocedure E2E");
    await hold.getByRole("button", { name: "Blokkade plaatsen" }).click();
    await expect(page.getByTestId("person-holds")).toContainText("Bezwaarprocedure E2E");
    await expectAccessible(page);
    await shot(page, "person");

    const erase = page.getByRole("form", { name: "Verwijderen op verzoek" });
    await erase.getByLabel("Reden van verwijdering").fill("Verzoek AVG-E2E");
    await erase.getByLabel(/definitief worden verwijderd/).check();
    await erase.getByTestId("erase").click();
    await expect(erase.getByTestId("form-error")).toContainText("blokkade");

    await page.goto("/agent/beheer/privacy");
    await page.getByTestId("hold-row").filter({ hasText: person.name }).getByTestId("release-hold").click();
    await expect(page.getByTestId("hold-row").filter({ hasText: person.name })).toContainText("Opgeheven op");

    await page.goto(`/agent/beheer/privacy/personen/${person.id}`);
    await erase.getByLabel("Reden van verwijdering").fill("Verzoek AVG-E2E");
    await erase.getByLabel(/definitief worden verwijderd/).check();
    await erase.getByTestId("erase").click();
    await expect(page.getByTestId("person-status")).toContainText("Verwijderd op");
    await expect(page.getByRole("heading", { level: 1, name: "Verwijderde persoon" })).toBeVisible();
    const [row] = await query<{ email: string; phone: string | null }>(`SELECT email, phone FROM "User" WHERE id = $1`, [person.id]);
    expect(row).toEqual({ email: `erased-${person.id}@invalid`, phone: null });
    await shot(page, "erased");
  });
});
