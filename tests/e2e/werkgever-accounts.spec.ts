import { expect, test } from "@playwright/test";
import { expectAccessible, INVITE_LINK, mailedLink, storageStateOf } from "./support";

test.describe("accounts and rights", () => {
  test.setTimeout(90_000);

  test.use({ storageState: storageStateOf("employer") });

  test("invites a colleague and grants rights; refuses the last manager dropping their own right", async ({ page, browser }) => {
    // A fresh address each run: a retry, or a rerun against a reused server, finds the last one open.
    const nina = `nina.kok.${Date.now()}@vandijk.example`;
    await page.goto("/werkgever/accounts");
    await expectAccessible(page);
    const invite = page.getByRole("form", { name: "Collega uitnodigen" });
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(invite.getByTestId("form-error")).toBeVisible();
    await invite.getByLabel("Naam").fill("Nina Kok");
    await invite.getByLabel("E-mailadres").fill(nina);
    await invite.getByLabel("Werknemergegevens beheren").check();
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(invite.getByTestId("form-success")).toContainText(nina);
    const pending = page.getByTestId("pending-invitation").filter({ hasText: nina });
    await expect(pending).toContainText(/Werknemergegevens beheren, Vragen en verzoeken indienen · geldig tot .* \(over 7 dagen\)/);

    // Withdrawn (after confirming), the invitation leaves the list and its link says so.
    const link = await mailedLink(nina, "organisation.invite", INVITE_LINK);
    await page.addLocatorHandler(page.getByRole("alertdialog"), (confirmDialog) => confirmDialog.getByRole("button").last().click(), { times: 1 });
    await pending.getByRole("button", { name: "Uitnodiging voor Nina Kok intrekken" }).click();
    await expect(pending).toHaveCount(0);
    const invitee = await browser.newContext();
    const linkPage = await invitee.newPage();
    await linkPage.goto(link);
    await expect(linkPage.getByRole("alert").filter({ hasText: "ingetrokken" })).toBeVisible();
    await invitee.close();

    const tom = page.getByRole("form", { name: "Rechten van Tom Visser" });
    await tom.getByLabel("Werknemergegevens beheren").check();
    await tom.getByLabel("HR-professional (HR-desk)").check();
    await tom.getByRole("button", { name: "Rechten opslaan" }).click();
    await expect(tom.getByTestId("form-success")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: "Rechten van Tom Visser" }).getByLabel("Werknemergegevens beheren")).toBeChecked();

    const eva = page.getByRole("form", { name: "Rechten van Eva Bakker" });
    await eva.getByLabel("Rechtenbeheer").uncheck();
    await eva.getByRole("button", { name: "Rechten opslaan" }).click();
    await expect(eva.getByTestId("form-error")).toContainText("laatste met rechtenbeheer");
    // The refusal kept the right: the box shows it ticked again.
    await expect(eva.getByLabel("Rechtenbeheer")).toBeChecked();
    await expectAccessible(page);
  });

  test("an unknown invitation link gets a clear message", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/uitnodiging/dit-is-geen-geldige-uitnodigingslink-0000000");
    await expect(page.getByRole("alert").filter({ hasText: "niet geldig" })).toBeVisible();
    await expectAccessible(page);
    await context.close();
  });
});
