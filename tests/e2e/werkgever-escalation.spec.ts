import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

test.describe("escalation through both tiers", () => {
  test.setTimeout(90_000);

  test("tier 1 to the coordinator, refused tier 2 until declared unsatisfactory, then the manager; both mails in the outbox", async ({ browser }) => {
    const employer = await browser.newContext({ storageState: storageStateOf("employer") });
    const page = await employer.newPage();
    await page.goto("/werkgever/vragen/nieuw");
    await page.getByLabel("Onderwerp").selectOption({ label: "Proces en procedure" });
    await page.getByLabel("Korte omschrijving").fill("Loonstrook klopt niet");
    await page.getByLabel("Uw vraag").fill("De loonstrook van oktober heeft een verkeerd uurloon.");
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(page).toHaveURL(/\/werkgever\/vragen\/LK-/);
    const number = /LK-\d{4}-\d{6}/.exec(page.url())![0];

    const raise = page.getByRole("form", { name: "Escaleren" });
    await raise.getByRole("button", { name: "Escaleren" }).click();
    await expect(raise.getByTestId("form-error")).toBeVisible();
    await raise.getByLabel("Waarom escaleert u?").fill("Wij wachten al twee weken en de salarisrun nadert.");
    await raise.getByRole("button", { name: "Escaleren" }).click();
    const escalation = page.getByTestId("escalation").first();
    await expect(escalation).toContainText("Niveau 1");
    await expect(escalation).toContainText("Fatima el Amrani");
    // What she wrote stays with it.
    await expect(escalation.getByTestId("escalation-reason")).toHaveText("Wij wachten al twee weken en de salarisrun nadert.");
    // On the question's own page the escalation is about this question, not a "general concern".
    await expect(escalation).not.toContainText("Algemene zorg");
    await expectAccessible(page);

    await page.goto("/werkgever/escalaties");
    await expect(page.getByTestId("escalation").first().getByRole("link", { name: number })).toBeVisible();
    const tier2 = page.getByRole("form", { name: "Doorescaleren naar de manager" }).first();
    await tier2.getByLabel("Waarom doorescaleren?").fill("Er gebeurt nog steeds niets met onze vraag.");
    await tier2.getByRole("button", { name: "Doorescaleren naar de manager" }).click();
    await expect(tier2.getByTestId("form-error")).toContainText("Doorescaleren kan pas");
    await tier2.getByLabel("Ik ben niet tevreden over de behandeling op niveau 1").check();
    await tier2.getByRole("button", { name: "Doorescaleren naar de manager" }).click();
    await expect(page.getByTestId("escalation").filter({ hasText: "Niveau 2" }).first()).toContainText("Henk Bos");
    await expect(page.getByTestId("escalation").filter({ hasText: "Niveau 1" }).first()).toContainText("Doorgezet");
    await expectAccessible(page);
    await employer.close();

    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/agent/beheer/mail");
    await expect(adminPage.getByText(`Escalatie niveau 1: Bakkerij Van Dijk B.V. (${number})`)).toBeVisible();
    await expect(adminPage.getByText(`Escalatie niveau 2: Bakkerij Van Dijk B.V. (${number})`)).toBeVisible();
    await admin.close();
  });
});
