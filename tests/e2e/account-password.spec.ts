import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, mailedLink, PASSWORD, storageStateOf } from "./support";

// Bram's password is changed here and set back to the demo password at the end; no other spec
// logs in as Bram (login.spec only tries a wrong password).
const BRAM = "bram.devries@burger.example";
const NEW = "rustige herfstwandeling langs de gracht";

function mailedResetLink(email: string): Promise<string> {
  return mailedLink(email, "account.password_reset", /\/wachtwoord-herstellen\/[A-Za-z0-9_-]+/);
}

async function fillNewPassword(page: Page, password: string, confirm = password) {
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(password);
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(confirm);
}

test.describe.serial("passwords", () => {
  test.setTimeout(90_000);

  test("forgotten: the request answers the same for anyone, the mailed link sets a new password once, and the login takes it", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await expect(page.getByRole("heading", { name: "Wachtwoord vergeten" })).toBeVisible();
    await page.getByRole("button", { name: "Link versturen" }).click();
    await expect(page.getByText("Vul dit veld in.")).toBeVisible();
    await page.getByLabel("E-mailadres").fill("geen-adres");
    await page.getByRole("button", { name: "Link versturen" }).click();
    await expect(page.getByText(/geldig e-mailadres/)).toBeVisible();
    await expectAccessible(page);
    for (const email of ["niemand@burger.example", BRAM]) {
      await page.getByLabel("E-mailadres").fill(email);
      await page.getByRole("button", { name: "Link versturen" }).click();
      await expect(page.getByTestId("form-success")).toHaveText(new RegExp(`Als er een actief account bij ${email.replace(".", "\\.")} hoort`));
    }

    const link = await mailedResetLink(BRAM);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Nieuw wachtwoord instellen" })).toBeVisible();
    await expect(page.getByTestId("password-policy")).toContainText("Minimaal 12 en maximaal 128 tekens");
    await expectAccessible(page);
    await fillNewPassword(page, "te kort");
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("te kort");
    await fillNewPassword(page, NEW, `${NEW}.`);
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await expect(page.getByText("De twee wachtwoorden zijn niet gelijk.")).toBeVisible();
    await fillNewPassword(page, NEW);
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await expect(page.getByTestId("form-success")).toContainText("nieuwe wachtwoord is ingesteld");
    await expectAccessible(page);

    // The link works once; an unknown one gets the same way out.
    await page.goto(link);
    await expect(page.getByRole("alert").filter({ hasText: "al gebruikt" })).toBeVisible();
    await page.goto("/wachtwoord-herstellen/dit-is-geen-geldige-herstellink-00000000000");
    await expect(page.getByRole("alert").filter({ hasText: "niet geldig" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Nieuwe link aanvragen" })).toHaveAttribute("href", "/wachtwoord-vergeten");
    await expectAccessible(page);

    await login(page, BRAM, PASSWORD);
    await expect(page.getByTestId("form-error")).toContainText("klopt niet");
    await login(page, BRAM, NEW);
    await expect(page).toHaveURL(/\/portaal$/);
  });

  test("change: a beneficiary changes the password from the header, is signed out everywhere and logs in with the new one", async ({ page }) => {
    await login(page, BRAM, NEW);
    await expect(page).toHaveURL(/\/portaal$/);
    await page.getByRole("link", { name: "Wachtwoord wijzigen" }).click();
    await expect(page).toHaveURL(/\/portaal\/wachtwoord$/);
    await expect(page.getByTestId("password-policy")).toContainText("Niet uw naam");
    await expectAccessible(page);
    const form = page.getByRole("form", { name: "Wachtwoord wijzigen" });
    await form.getByLabel("Huidig wachtwoord").fill("niet-het-goede-wachtwoord");
    await fillNewPassword(page, PASSWORD);
    await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
    await expect(form.getByTestId("form-error")).toContainText("huidige wachtwoord klopt niet");
    await form.getByLabel("Huidig wachtwoord").fill(NEW);
    await fillNewPassword(page, NEW);
    await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
    await expect(form.getByTestId("form-error")).toContainText("hetzelfde als het huidige");
    // Back to the demo password, so the demo account stays as documented.
    await fillNewPassword(page, PASSWORD);
    await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
    await expect(page).toHaveURL(/\/wachtwoord-gewijzigd$/);
    await expect(page.getByRole("status")).toContainText("Al uw sessies zijn beëindigd");
    await expectAccessible(page);
    await page.goto("/portaal");
    await expect(page).toHaveURL(/\/login/);
    await login(page, BRAM, PASSWORD);
    await expect(page).toHaveURL(/\/portaal$/);
  });

  test("policy setting: an admin sees the active policy and a minimum below 8 is refused", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("admin") });
    const page = await context.newPage();
    await page.goto("/agent/beheer/instellingen");
    const form = page.getByRole("form", { name: "Wachtwoordbeleid" });
    await expect(page.getByText("Minimaal 12 en maximaal 128 tekens").first()).toBeVisible();
    await form.getByLabel("Minimale lengte (8 tot 128)").fill("6");
    await form.getByRole("button", { name: "Wachtwoordbeleid opslaan" }).click();
    await expect(form.getByText("ten minste 8 tekens")).toBeVisible();
    await form.getByLabel("Minimale lengte (8 tot 128)").fill("40");
    await form.getByLabel("Maximale lengte (tot 256)").fill("20");
    await form.getByRole("button", { name: "Wachtwoordbeleid opslaan" }).click();
    await expect(form.getByText("minstens gelijk zijn aan de minimale lengte")).toBeVisible();
    await expectAccessible(page);
    await context.close();
  });
});
