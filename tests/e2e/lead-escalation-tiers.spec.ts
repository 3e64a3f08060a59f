import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

test.describe("an escalation through both tiers at the lead desk", () => {
  test.setTimeout(90_000);

  test("the coordinator moves it up, the manager resolves it, the employer sees the outcome", async ({ browser }) => {
    const employer = await browser.newContext({ storageState: storageStateOf("employer") });
    const portal = await employer.newPage();
    await portal.goto("/werkgever/vragen/nieuw");
    await portal.getByLabel("Onderwerp").selectOption({ label: "Proces en procedure" });
    await portal.getByLabel("Korte omschrijving").fill("Jaaropgaven ontbreken");
    await portal.getByLabel("Uw vraag").fill("Voor drie medewerkers ontbreekt de jaaropgave in het portaal.");
    await portal.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(portal).toHaveURL(/\/werkgever\/vragen\/LK-/);
    const number = /LK-\d{4}-\d{6}/.exec(portal.url())![0];
    const raise = portal.getByRole("form", { name: "Escaleren" });
    await raise.getByLabel("Waarom escaleert u?").fill("De aangifte moet morgen de deur uit.");
    await raise.getByRole("button", { name: "Escaleren" }).click();
    await expect(portal.getByTestId("escalation").first()).toContainText("Niveau 1");

    const coordinator = await browser.newContext({ storageState: storageStateOf("coordinator") });
    const board = await coordinator.newPage();
    await board.goto("/agent/escalaties?tier=1");
    await expectAccessible(board);
    const card = board.getByRole("listitem").filter({ hasText: number });
    // Raised escalations land with a coordinator of the ticket's team already as owner.
    await expect(card).toContainText("Eigenaar: Fatima el Amrani");
    await expect(card.getByRole("button", { name: "Zelf oppakken" })).toHaveCount(0);
    await card.getByRole("button", { name: "Naar niveau 2" }).click();
    await card.getByLabel("Waarom gaat dit naar de manager?").fill("kort");
    await card.getByRole("button", { name: "Doorzetten naar niveau 2" }).click();
    await expect(card.getByRole("alert")).toContainText("1 veld klopt nog niet");
    await expect(card.getByText("Gebruik minstens 10 tekens.")).toBeVisible();
    await card.getByLabel("Waarom gaat dit naar de manager?").fill("Raakt de loonaangifte van morgen: een besluit van de manager is nodig.");
    await card.getByRole("button", { name: "Doorzetten naar niveau 2" }).click();
    await expect(card).toContainText("Doorgezet naar niveau 2");
    await coordinator.close();

    const manager = await browser.newContext({ storageState: storageStateOf("manager") });
    const tier2 = await manager.newPage();
    await tier2.goto("/agent/escalaties?tier=2");
    const open = tier2.getByRole("listitem").filter({ hasText: number });
    await open.getByRole("button", { name: "Oplossen" }).click();
    await open.getByLabel("Uitkomst voor de werkgever").fill("De jaaropgaven zijn vandaag opnieuw aangemaakt en staan in het portaal.");
    await open.getByRole("button", { name: "Oplossen en uitkomst versturen" }).click();
    await expect(open).toContainText("Opgelost");
    await expectAccessible(tier2);
    await manager.close();

    await portal.goto("/werkgever/escalaties");
    await expect(portal.getByTestId("escalation").filter({ hasText: "Niveau 2" }).first()).toContainText("De jaaropgaven zijn vandaag opnieuw aangemaakt");
    await employer.close();

    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const outbox = await admin.newPage();
    await outbox.goto("/agent/beheer/mail");
    await expect(outbox.getByText(`Uw escalatie (${number}), niveau 2`).first()).toBeVisible();
    await admin.close();
  });
});
