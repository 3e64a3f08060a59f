import { expect, test } from "@playwright/test";
import { formatDateKeyLong } from "../../lib/calendar/format";
import { e2eQuery, expectAccessible, storageStateOf } from "./support";

/** "yyyy-MM-dd" of a day relative to today in Amsterdam, the calendar the app uses. */
function amsterdamDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

/** The same day as the admin reads it: "5 december 2026". */
function shownDate(offsetDays = 0): string {
  return formatDateKeyLong(amsterdamDate(offsetDays), "nl");
}

test.describe("contact lines (admin) and the beneficiary contact page", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an added line shows on the contact page, open, and closed on its own closure day", async ({ page, browser }) => {
    // Two people, three forms and two accessibility scans: 16 s alone, past 30 s beside a second worker.
    test.slow();
    const stamp = Date.now().toString().slice(-7);
    const name = `E2E-lijn ${stamp}`;
    const key = `E2E_LIJN_${stamp}`;
    await page.goto("/agent/beheer/lijnen");
    await expect(page.getByRole("heading", { name: "Contactlijnen", level: 1 })).toBeVisible();
    const add = page.getByRole("region", { name: "Lijn toevoegen" });
    await add.getByLabel("Naam (Nederlands)").fill(name);
    await add.getByLabel("Naam (Engels)").fill(`E2E line ${stamp}`);
    await add.getByLabel("Telefoonnummer").fill("088 - 765 43 21");
    // A day's hours that do not read as times: said at that day, and counted by the summary.
    await add.getByLabel("Maandag", { exact: true }).fill("banaan");
    await add.getByRole("button", { name: "Lijn toevoegen" }).click();
    await expect(add.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 1 veld klopt nog niet. Naar het eerste veld");
    await expect(add.locator("#new-line-hours-1-error")).toHaveText("Schrijf de tijden als 09:00-12:00, 13:00-17:00.");
    await expect(add.getByLabel("Maandag", { exact: true })).toHaveAttribute("aria-invalid", "true");
    for (const day of ["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"]) {
      await add.getByLabel(day, { exact: true }).fill("00:00-24:00");
    }
    await add.getByRole("button", { name: "Lijn toevoegen" }).click();
    await expect(add.getByRole("status")).toHaveText("Opgeslagen.");
    const line = page.getByTestId(`admin-line-${key}`);
    await expect(line.getByRole("heading", { name })).toBeVisible();
    await expectAccessible(page);

    // Periods of a day must not overlap; the old hours stay.
    await line.getByLabel(`${name}: Maandag`).fill("13:00-17:00, 09:00-12:00");
    await line.getByRole("button", { name: "Openingstijden opslaan" }).click();
    await expect(line.getByRole("alert")).toHaveText("De tijdvakken van een dag mogen elkaar niet overlappen en staan op volgorde.");

    const beneficiary = await browser.newContext({ storageState: storageStateOf("beneficiary") });
    const portal = await beneficiary.newPage();
    await portal.goto("/portaal/contact");
    const card = portal.getByTestId(`line-${key}`);
    await expect(card.getByRole("heading", { name })).toBeVisible();
    await expect(card.getByRole("link", { name: "088 - 765 43 21" })).toHaveAttribute("href", "tel:+31887654321");
    // Open around the clock: open now, unless today is a national holiday.
    await expect(card.getByTestId("opening-status")).toHaveText(/^(Nu open tot|Opent)/);
    await expectAccessible(portal);

    // A closure day in the past is refused; today's closes the line.
    await line.getByLabel("Datum").fill(amsterdamDate(-1));
    await line.getByLabel("Reden (Nederlands)").fill("Storing");
    await line.getByLabel("Reden (Engels)").fill("Outage");
    await line.getByRole("button", { name: "Sluitingsdag toevoegen" }).click();
    // The hours form's message above stays; this is the closure form's own.
    await expect(line.getByRole("alert").filter({ hasText: "verleden" })).toHaveText("Deze datum ligt in het verleden. Kies vandaag of een latere dag.");
    await line.getByLabel("Datum").fill(amsterdamDate());
    await line.getByRole("button", { name: "Sluitingsdag toevoegen" }).click();
    await expect(line.getByText(shownDate(), { exact: true })).toBeVisible();

    await portal.reload();
    await expect(card.getByTestId("opening-status")).toHaveText(/^Opent /);
    await expect(card.getByText("Vandaag gesloten: Storing")).toBeVisible();

    // Removing it asks first, in our own dialog: "no" keeps the day, "yes" opens the line again.
    await line.getByRole("button", { name: `Verwijder ${shownDate()}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(`Sluitingsdag ${shownDate()} (Storing) van deze lijn verwijderen?`);
    await dialog.getByRole("button", { name: "Nee, terug" }).click();
    await expect(dialog).toBeHidden();
    await expect(line.getByText(shownDate(), { exact: true })).toBeVisible();
    await line.getByRole("button", { name: `Verwijder ${shownDate()}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Verwijderen" }).click();
    await expect(line.getByText(shownDate(), { exact: true })).toHaveCount(0);
    await portal.reload();
    await expect(card.getByText("Vandaag gesloten: Storing")).toHaveCount(0);
    await beneficiary.close();
  });

  test("a closure day on a Saturday of a weekday line is refused with its reason, and nothing is added", async ({ page }) => {
    // The coming Saturday (a week on when today is one), in Amsterdam.
    const weekday = new Date(`${amsterdamDate()}T12:00:00Z`).getUTCDay();
    const saturday = amsterdamDate((6 - weekday + 7) % 7 || 7);
    await page.goto("/agent/beheer/lijnen");
    const line = page.getByTestId("admin-line-BENEFICIARY");
    await line.getByLabel("Datum").fill(saturday);
    await line.getByLabel("Reden (Nederlands)").fill("Zaterdag");
    await line.getByLabel("Reden (Engels)").fill("Saturday");
    await line.getByRole("button", { name: "Sluitingsdag toevoegen" }).click();
    await expect(line.getByRole("alert").filter({ hasText: "weekdag" })).toHaveText(
      "Deze lijn is op die weekdag al gesloten, dus een sluitingsdag verandert niets. Kies een dag waarop de lijn open is.",
    );
    await expect(line.getByText(formatDateKeyLong(saturday, "nl"), { exact: true })).toHaveCount(0);
    expect((await e2eQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "LineClosureDay" WHERE "lineKey" = 'BENEFICIARY' AND "date" = $1`, [saturday]))[0]!.n).toBe(0);
  });
});
