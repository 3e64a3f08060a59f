import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

test.describe("a complaint through stages 1 to 3", () => {
  test.setTimeout(90_000);

  test("the beneficiary asks for the ombudsman, the ombudsman answers and refers to the external body", async ({ browser }, testInfo) => {
    // Stage 1 was answered in the demo data; Anna is not satisfied.
    const anna = await browser.newContext({ storageState: storageStateOf("beneficiary") });
    const portal = await anna.newPage();
    await portal.goto("/portaal/klachten");
    const seeded = portal.getByTestId("complaint").filter({ hasText: "Fase 1" }).first();
    await seeded.getByRole("link", { name: "Bekijk klacht" }).click();
    await portal.getByLabel("Waarom bent u niet tevreden?").fill("Ik ben nog steeds niet teruggebeld en niemand legt uit waarom.");
    await portal.getByRole("button", { name: "Interne ombudsman vragen" }).click();
    await expect(portal.getByTestId("complaint-stage")).toHaveText("Fase 2: interne ombudsman");
    // The form is gone; its confirmation says when she hears back, and has the focus.
    const done = portal.getByTestId("form-success");
    await expect(done).toHaveText(/^Uw verzoek is doorgestuurd naar de interne ombudsman\. U krijgt uiterlijk \d+ \w+ \d{4} een reactie\.$/);
    await expect(done).toBeFocused();
    const complaintUrl = portal.url();

    // The coordinator sees it moved on, but not the ombudsman's notes.
    const ombuds = await browser.newContext({ storageState: storageStateOf("ombuds") });
    const desk = await ombuds.newPage();
    await desk.goto("/agent/klachten?stage=STAGE_2");
    await expect(desk.getByRole("heading", { name: "Klachten", level: 1 })).toBeVisible();
    await expectAccessible(desk);
    // Other complaints may be in stage 2 too (the demo has one, other specs add some): open this one.
    await expect(desk.getByRole("table").getByRole("link").first()).toBeVisible();
    await desk.goto(`/agent/klachten/${new URL(complaintUrl).pathname.split("/").pop()}`);
    await desk.getByLabel("Nieuwe aantekening").fill("Gesproken met de teamleider: terugbelafspraken zijn twee keer vergeten.");
    await desk.getByRole("button", { name: "Aantekening opslaan" }).click();
    await expect(desk.getByText("terugbelafspraken zijn twee keer vergeten")).toBeVisible();

    // The ombudsman hears Anna first: a question she reads with her complaint, the term paused.
    await desk.getByLabel("Vraag aan de klager").fill("Op welke dagen had u een terugbelafspraak?");
    await desk.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(desk.getByTestId("form-success")).toContainText("De klacht wacht nu op de klager");
    await portal.goto(complaintUrl);
    await expect(portal.getByText("Wij wachten op uw reactie; daarna loopt de termijn verder.")).toBeVisible();
    await portal.getByRole("link", { name: "Naar het gesprek over uw klacht" }).click();
    await expect(portal.getByText("Op welke dagen had u een terugbelafspraak?")).toBeVisible();
    await portal.getByLabel("Uw reactie").fill("Op 3 en 10 november, allebei in de ochtend.");
    await portal.getByRole("button", { name: "Reactie versturen" }).click();
    await expect(portal.getByText("Op 3 en 10 november, allebei in de ochtend.")).toBeVisible();
    await portal.goto(complaintUrl);
    await expect(portal.getByText("Reactie uiterlijk")).toBeVisible();
    await expect(portal.getByText("Wij wachten op uw reactie; daarna loopt de termijn verder.")).toHaveCount(0);
    await desk.reload();

    await expect(desk.getByRole("button", { name: "Doorverwijzen naar de externe instantie" })).toHaveCount(0);
    await desk.getByLabel("Antwoord aan de klager").fill("Uw klacht is gegrond: wij hebben u ten onrechte niet teruggebeld.");
    await desk.getByRole("button", { name: "Antwoord versturen" }).click();
    // The external body of the subject's category (the default or the pension body) follows the answer.
    await expect(desk.getByText(/Nationale ombudsman|Ombudsman Pensioenen/).first()).toBeVisible();
    await expectAccessible(desk);
    await desk.getByRole("button", { name: "Doorverwijzen naar de externe instantie" }).click();
    await expect(desk.getByText("Fase 3: externe instantie · Doorverwezen")).toBeVisible();
    await desk.screenshot({ path: testInfo.outputPath("complaint-stage-3.png"), fullPage: true });
    const deskUrl = desk.url();
    await ombuds.close();

    const coordinator = await browser.newContext({ storageState: storageStateOf("coordinator") });
    const line = await coordinator.newPage();
    await line.goto(deskUrl);
    await expect(line.getByText(/alleen voor de ombudsman zichtbaar/)).toBeVisible();
    await expect(line.getByText("terugbelafspraken zijn twee keer vergeten")).toHaveCount(0);
    await coordinator.close();

    await portal.goto(complaintUrl);
    await expect(portal.getByTestId("complaint-stage")).toHaveText("Fase 3: externe instantie");
    await anna.close();
  });
});
