import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectAccessible, storageStateOf } from "./support";
import { e2eServer } from "./servers";

async function demoRow<T extends Record<string, unknown>>(sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: e2eServer().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<T>(sql);
    if (!rows[0]) throw new Error(`demo seed has no row for: ${sql}`);
    return rows[0];
  } finally {
    await client.end();
  }
}

test.describe("audit log and personal data export (admins)", () => {
  test.setTimeout(120_000);

  test("a case handler's read of a dossier ticket shows in the admin's filtered audit log, which exports as CSV", async ({ browser }) => {
    const dossier = await demoRow<{ id: string; number: string }>(
      `SELECT t.id, t.number FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" JOIN "TicketCategory" c ON c.id = t."categoryId"
       WHERE u.email = 'bram.devries@burger.example' AND c."dossierSensitive" AND c.key NOT IN ('HR_DESK', 'COMPLAINT') ORDER BY t."createdAt" LIMIT 1`,
    );
    const handler = await browser.newContext({ storageState: storageStateOf("handler") });
    const handlerPage = await handler.newPage();
    await handlerPage.goto(`/agent/tickets/${dossier.id}`);
    await expect(handlerPage.getByText(dossier.number).first()).toBeVisible();
    await handler.close();

    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const page = await admin.newPage();
    await page.goto("/agent/beheer/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Auditlog" })).toBeVisible();
    await page.getByLabel("Ticketnummer").fill(dossier.number.toLowerCase());
    await page.getByLabel("Persoon").fill("behandelaar@loket.example");
    await page.getByLabel("Actie").selectOption("ticket.dossier_viewed");
    await page.getByRole("button", { name: "Toon" }).click();
    await expect(page).toHaveURL(/action=ticket.dossier_viewed/);
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toContainText("Dossierticket ingezien");
    await expect(rows.first()).toContainText("Joost Meijer");
    await expect(rows.first().getByRole("link", { name: dossier.number })).toHaveAttribute("href", `/agent/tickets/${dossier.id}`);
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/screens/audit-log.png", fullPage: true });

    const csv = await page.request.get(await page.getByTestId("audit-csv").getAttribute("href").then((h) => h!));
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    // Ready for Dutch Excel: byte-order mark, semicolons, readable Dutch column names and labels.
    expect(text.startsWith("\uFEFFTijd (UTC);Tijd (Nederlandse tijd);Door (e-mail);Door (naam);Actie (code);Actie;Betreft;")).toBe(true);
    expect(text).toContain(`;behandelaar@loket.example;Joost Meijer;ticket.dossier_viewed;Dossierticket ingezien;Ticket;${dossier.id};${dossier.number};`);

    // A start after the end is refused next to the form.
    await page.goto("/agent/beheer/audit?from=2026-12-31&to=2026-01-01");
    await expect(page.getByRole("alert").filter({ hasText: "begindatum" })).toContainText("De begindatum ligt na de einddatum");
    await expect(page.getByTestId("audit-row")).toHaveCount(0);
    await admin.close();
  });

  test("an admin reads Anna's data as a readable page and downloads it as JSON", async ({ browser }) => {
    const anna = await demoRow<{ id: string }>(`SELECT id FROM "User" WHERE email = 'anna.jansen@burger.example'`);
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const page = await admin.newPage();
    await page.goto(`/agent/beheer/privacy/export/${anna.id}?format=html`);
    await expect(page.getByRole("heading", { level: 1, name: "Persoonsgegevens van Anna Jansen" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Vragen (tickets)" })).toBeVisible();
    // In Anna's language, whatever the admin reads Loket in: the page goes to her.
    await admin.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Persoonsgegevens van Anna Jansen" })).toBeVisible();
    await admin.clearCookies({ name: "NEXT_LOCALE" });
    await page.reload();
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/screens/audit-person-export.png", fullPage: true });
    const json = await page.request.get(`/agent/beheer/privacy/export/${anna.id}?format=json`);
    expect(json.headers()["content-disposition"]).toContain("attachment");
    const data = (await json.json()) as { schemaVersion: number; account: { email: string } };
    expect(data).toMatchObject({ schemaVersion: 1, account: { email: "anna.jansen@burger.example" } });
    await admin.close();
  });
});
