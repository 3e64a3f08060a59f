import { expect, test } from "@playwright/test";
import { formatDateKeyLong } from "../../lib/calendar/format";
import { annaFilesComplaint, expectAccessible, storageStateOf, todayInAmsterdam } from "./support";

const REASON = "Twee teams geven u een ander antwoord; de onafhankelijke ombudsman beoordeelt welk antwoord klopt.";

test.describe("the internal ombudsman (issue 18, items 11 and 12)", () => {
  test.setTimeout(90_000);

  test("a coordinator hands a complaint to the ombudsman with a reason, and the complainant reads it", async ({ browser }) => {
    const { complaintId, portal } = await annaFilesComplaint(browser, "Ik kreeg van twee medewerkers een ander antwoord.");

    const coordinator = await browser.newContext({ storageState: storageStateOf("coordinator") });
    const desk = await coordinator.newPage();
    await desk.goto(`/agent/klachten/${complaintId}`);
    // The last contact date reads as people write it ("5 december 2026"), not as the date field's "2026-12-05".
    await expect(desk.getByText("Laatste contact of herinnering", { exact: true }).locator("xpath=following-sibling::dd")).toHaveText(formatDateKeyLong(todayInAmsterdam(), "nl"));
    await desk.getByRole("button", { name: "Doorsturen naar de ombudsman" }).click();
    await expect(desk.getByText("Gebruik minstens 10 tekens.")).toBeVisible();
    await desk.getByLabel("Reden voor de klager").fill(REASON);
    await desk.getByRole("button", { name: "Doorsturen naar de ombudsman" }).click();
    await expect(desk.getByText("Fase 2: interne ombudsman · Open")).toBeVisible();
    await expect(desk.getByTestId("ombuds-referral")).toContainText(REASON);
    await expect(desk.getByRole("button", { name: "Doorsturen naar de ombudsman" })).toHaveCount(0);
    await expectAccessible(desk);
    await coordinator.close();

    await portal.reload();
    await expect(portal.getByTestId("complaint-stage")).toHaveText("Fase 2: interne ombudsman");
    await expect(portal.getByTestId("ombuds-referral")).toContainText(REASON);
    await expectAccessible(portal);
    await portal.context().close();
  });

  test("an employer asks for the ombudsman from their complaint's page", async ({ browser }) => {
    const eva = await browser.newContext({ storageState: storageStateOf("employer") });
    const page = await eva.newPage();
    await page.goto("/werkgever/klacht");
    const answered = page.getByTestId("complaint").filter({ hasText: "Beantwoord" }).first();
    await expect(answered).toContainText("Fase 1: behandeling door het team");
    await answered.getByRole("link", { name: "Bekijk klacht en antwoorden" }).click();
    const panel = page.getByTestId("complaint-panel");
    await expect(panel.getByTestId("complaint-status")).toHaveText("Beantwoord");
    await expectAccessible(page);
    await panel.getByRole("button", { name: "Interne ombudsman vragen" }).click();
    await expect(panel.getByText("Gebruik minstens 10 tekens.")).toBeVisible();
    await panel.getByLabel("Waarom bent u niet tevreden?").fill("Het antwoord verklaart niet waarom onze vraag twee weken bleef liggen.");
    await panel.getByRole("button", { name: "Interne ombudsman vragen" }).click();
    await expect(panel.getByTestId("complaint-stage")).toHaveText("Fase 2: interne ombudsman");
    await expect(panel.getByTestId("complaint-status")).toHaveText("In behandeling");
    await expect(page.getByText("Het antwoord verklaart niet waarom")).toBeVisible();
    await eva.close();
  });
});
