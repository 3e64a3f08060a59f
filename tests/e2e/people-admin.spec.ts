// Beneficiaries (issue 14 item 1): a coordinator creates a customer and invites her; she accepts the
// mailed link, lands in the portal and asks for another e-mail address, confirmed by the mailed
// link. A duplicate account is merged, the two side by side first. Screenshots:
// test-results/screens/people-*.png.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, mailedLink, storageStateOf } from "./support";

const PASSWORD = "Zonnebloem-Tulp-42";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/people-${name}.png`, fullPage: true });
}

async function createCustomer(page: Page, c: { name: string; email: string; number: string }) {
  await page.goto("/agent/beheer/klanten");
  const form = page.getByRole("form", { name: "Klant aanmaken" });
  await form.getByLabel("Naam", { exact: true }).fill(c.name);
  await form.getByLabel("E-mailadres").fill(c.email);
  await form.getByLabel("Klantnummer").fill(c.number);
  await form.getByLabel("Telefoonnummer (optioneel)").fill("0612345678");
  await form.getByRole("button", { name: "Klant aanmaken" }).click();
  await expect(page).toHaveURL(/\/agent\/beheer\/klanten\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
}

test.describe("customers", () => {
  test.setTimeout(180_000);
  test.use({ storageState: storageStateOf("coordinator") });

  test("created and invited by a coordinator, she sets her password from the link, enters the portal and changes her e-mail address", async ({ page, browser }) => {
    const stamp = Date.now();
    const customer = { name: `Sara Amrani ${stamp}`, email: `sara.${stamp}@burger.example`, number: `K-E2E-${stamp}` };

    await page.goto("/agent/beheer/klanten");
    await expect(page.getByRole("heading", { level: 1, name: "Uitkeringsgerechtigden" })).toBeVisible();
    // A client number already in use is refused next to the form.
    const form = page.getByRole("form", { name: "Klant aanmaken" });
    await form.getByLabel("Naam", { exact: true }).fill(customer.name);
    await form.getByLabel("E-mailadres").fill(customer.email);
    await form.getByLabel("Klantnummer").fill("K-100231");
    await form.getByRole("button", { name: "Klant aanmaken" }).click();
    await expect(form.getByRole("alert")).toContainText("Dit klantnummer hoort al bij een andere klant");
    await expectAccessible(page);
    await shot(page, "1-list");

    await createCustomer(page, customer);
    await expect(page.getByText("Nog niet uitgenodigd").first()).toBeVisible();
    await page.getByTestId("invite-beneficiary").click();
    await expect(page.getByText(`De uitnodiging is verstuurd naar ${customer.email}.`)).toBeVisible();
    await expect(page.getByText(/Uitnodiging verstuurd; de link is geldig tot/)).toBeVisible();
    await expectAccessible(page);
    await shot(page, "2-detail");

    // She opens the link signed out, chooses a password and logs in: the portal, as herself.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const her = await context.newPage();
    await her.goto(await mailedLink(customer.email, "beneficiary.invite", /\/uitnodiging\/[\w-]+/));
    await expect(her.getByText(`Welkom ${customer.name}. Kies een wachtwoord voor Mijn Loket.`)).toBeVisible();
    await her.getByLabel("Nieuw wachtwoord", { exact: true }).fill(PASSWORD);
    await her.getByLabel("Herhaal wachtwoord").fill(PASSWORD);
    await her.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(her.getByText("U kunt nu inloggen op Mijn Loket.")).toBeVisible();
    await shot(her, "3-accepted");
    await login(her, customer.email, PASSWORD);
    await expect(her).toHaveURL(/\/portaal/);

    // Another address: the link goes to the new one; confirming it changes the login name.
    const newEmail = `sara.nieuw.${stamp}@burger.example`;
    await her.goto("/portaal/wachtwoord");
    const change = her.getByRole("form", { name: "E-mailadres wijzigen" });
    await change.getByLabel("Nieuw e-mailadres").fill(newEmail);
    await change.getByLabel("Huidig wachtwoord").fill(PASSWORD);
    await change.getByRole("button", { name: "Bevestigingslink sturen" }).click();
    await expect(her.getByText(`Wij hebben een link gestuurd naar ${newEmail}.`)).toBeVisible();
    await expectAccessible(her);
    await shot(her, "4-email-change");
    await her.goto(await mailedLink(newEmail, "account.email_change", /\/e-mail-bevestigen\/[\w-]+/));
    await expect(her.getByText(`Bevestig dat u voortaan ${newEmail} gebruikt voor Loket.`)).toBeVisible();
    await expectAccessible(her);
    await her.getByRole("button", { name: "Bevestigen" }).click();
    await expect(her.getByText(`Uw e-mailadres is gewijzigd in ${newEmail}.`)).toBeVisible();
    await shot(her, "5-email-confirmed");
    await context.close();

    // The coordinator sees her as active in the portal, under the new address.
    await page.goto(`/agent/beheer/klanten?q=${encodeURIComponent(customer.number)}`);
    const row = page.getByTestId("customer-row").filter({ hasText: customer.name });
    await expect(row).toContainText(newEmail);
    await expect(row).toContainText("Actief in Mijn Loket");
  });

  test("a duplicate is found by client number, shown beside the account and merged into it", async ({ page }) => {
    const stamp = Date.now();
    const keep = { name: `Piet Dubbel ${stamp}`, email: `piet.${stamp}@burger.example`, number: `K-KEEP-${stamp}` };
    const dup = { name: `P. Dubbel ${stamp}`, email: `p.dubbel.${stamp}@burger.example`, number: `K-DUP-${stamp}` };
    await createCustomer(page, dup);
    await createCustomer(page, keep);
    const find = page.getByLabel("Klantnummer of e-mailadres van het dubbele account");
    await find.fill(dup.number);
    await find.press("Enter");
    await expect(page.getByTestId("merge-survivor")).toContainText(keep.name);
    await expect(page.getByTestId("merge-duplicate")).toContainText(dup.name);
    await expectAccessible(page);
    await shot(page, "6-merge");
    await page.getByTestId("merge-beneficiaries").click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(dup.name);
    await dialog.getByRole("button").last().click();
    // The merge ends on the survivor's own page, without the duplicate, and the note stays there.
    await expect(page).toHaveURL(/\/agent\/beheer\/klanten\/[^/?]+\?samengevoegd=0-0-0-0-0$/);
    await expect(page.getByTestId("merge-duplicate")).toHaveCount(0);
    await expect(page.getByTestId("form-success")).toHaveText(/^Samengevoegd: 0 vragen/);
    await shot(page, "7-merged");
    await page.goto(`/agent/beheer/klanten?q=${encodeURIComponent(`Dubbel ${stamp}`)}`);
    await expect(page.getByTestId("customer-row")).toHaveCount(1);
    await expect(page.getByTestId("customer-row")).toContainText(keep.name);
  });
});
