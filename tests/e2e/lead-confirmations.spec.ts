import { expect, type Page, test } from "@playwright/test";
import { annaFilesComplaint, expectAccessible, storageStateOf } from "./support";

// Issue 19 item 5: every action on the escalation pages and the complaint desk says what happened,
// next to where it happened, and a new action clears the previous confirmation. Each test makes
// its own question, escalation or complaint.


async function newEmployerQuestion(page: Page, subject: string): Promise<string> {
  await page.goto("/werkgever/vragen/nieuw");
  await page.getByLabel("Onderwerp").selectOption({ label: "Proces en procedure" });
  await page.getByLabel("Korte omschrijving").fill(subject);
  await page.getByLabel("Uw vraag").fill("Voor twee medewerkers staat het verkeerde uurloon op de loonstrook.");
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page).toHaveURL(/\/werkgever\/vragen\/LK-/);
  return /LK-\d{4}-\d{6}/.exec(page.url())![0];
}

test.describe("confirmations on the escalation pages and the complaint desk", () => {
  test.setTimeout(120_000);

  test("the employer reads what raising and moving to tier 2 did; the newest action's note replaces the previous one", async ({ browser }) => {
    const employer = await browser.newContext({ storageState: storageStateOf("employer") });
    const page = await employer.newPage();
    const number = await newEmployerQuestion(page, "Uurloon klopt niet");

    // The page arrives with the note that the question was filed; escalating replaces it.
    await expect(page.getByTestId("form-success")).toHaveText(`Uw vraag is ontvangen onder nummer ${number}.`);
    const raise = page.getByRole("form", { name: "Escaleren", exact: true });
    await raise.getByLabel("Waarom escaleert u?").fill("De salarisrun is overmorgen en wij hebben nog geen antwoord.");
    await raise.getByRole("button", { name: "Escaleren" }).click();
    // The form goes away once an escalation runs; the confirmation stays above the list.
    await expect(page.getByTestId("form-success")).toHaveText(/^Uw escalatie is verstuurd naar de teamcoördinator, met uw customer success manager in kopie\. U krijgt uiterlijk .+ een reactie\.$/);
    await expect(page.getByRole("form", { name: "Escaleren", exact: true })).toHaveCount(0);
    await expect(page.getByTestId("form-success")).toHaveCount(1);

    await page.goto("/werkgever/escalaties");
    // Tier 1 of this question (once moved up, its tier 2 is listed too).
    const mine = page.getByTestId("escalation").filter({ hasText: number }).filter({ hasText: "Niveau 1" });
    const tier2 = mine.getByRole("form", { name: "Doorescaleren naar de manager" });
    await tier2.getByLabel("Waarom doorescaleren?").fill("Er is nog steeds geen oplossing voor de loonstrook.");
    await tier2.getByLabel("Ik ben niet tevreden over de behandeling op niveau 1").check();
    await tier2.getByRole("button", { name: "Doorescaleren naar de manager" }).click();
    // The tier-2 form is gone with the move (before this change its note went with it): the
    // confirmation stands in the escalation itself and has the focus.
    const moved = mine.getByTestId("form-success");
    await expect(moved).toHaveText(/^Uw escalatie is doorgezet naar de manager \(niveau 2\), met uw customer success manager in kopie\. U krijgt uiterlijk .+ een reactie\.$/);
    await expect(moved).toBeFocused();
    await expect(mine).toContainText("Doorgezet");
    await expect(page.getByTestId("form-success")).toHaveCount(1);
    await expectAccessible(page);

    // A new action (a general concern) clears the tier-2 note.
    const general = page.getByRole("form", { name: "Escaleren", exact: true });
    await general.getByLabel("Waarom escaleert u?").fill("Wij krijgen al weken geen antwoord op onze vragen over de loonstroken.");
    await general.getByRole("button", { name: "Escaleren" }).click();
    await expect(page.getByTestId("form-success")).toHaveText(/^Uw escalatie is verstuurd naar de teamcoördinator/);
    await expect(page.getByTestId("form-success")).toHaveCount(1);
    await expect(mine.getByTestId("form-success")).toHaveCount(0);
    await employer.close();
  });

  test("the coordinator's and the manager's answers are confirmed, shown on the board, and reach the employer's page", async ({ browser }) => {
    const employer = await browser.newContext({ storageState: storageStateOf("employer") });
    const portal = await employer.newPage();
    const number = await newEmployerQuestion(portal, "Reiskosten niet uitbetaald");
    const raise = portal.getByRole("form", { name: "Escaleren", exact: true });
    await raise.getByLabel("Waarom escaleert u?").fill("De reiskosten van drie medewerkers zijn al twee maanden niet betaald.");
    await raise.getByRole("button", { name: "Escaleren" }).click();
    await expect(portal.getByTestId("escalation").filter({ hasText: "Niveau 1" })).toHaveCount(1);

    const coordinator = await browser.newContext({ storageState: storageStateOf("coordinator") });
    const board = await coordinator.newPage();
    await board.goto("/agent/escalaties?tier=1");
    const card = board.getByRole("listitem").filter({ hasText: number });
    await card.getByRole("button", { name: "Werkgever antwoorden" }).click();
    await card.getByLabel("Antwoord aan de werkgever (met de CSM in kopie)").fill("Wij zoeken vandaag uit waarom de reiskosten zijn blijven liggen.");
    await card.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(card.getByTestId("form-success")).toHaveText("Uw antwoord is gemaild naar de werkgever (de customer success manager in kopie) en staat nu bij deze escalatie.");
    await expect(card.getByTestId("form-success")).toBeFocused();
    await expect(card.getByTestId("escalation-answer")).toContainText("Antwoord van Fatima el Amrani");
    await expect(card.getByTestId("escalation-answer")).toContainText("Wij zoeken vandaag uit waarom de reiskosten zijn blijven liggen.");
    await expectAccessible(board);

    // Starting the next action clears the previous confirmation.
    await card.getByRole("button", { name: "Naar niveau 2" }).click();
    await expect(board.getByTestId("form-success")).toHaveCount(0);
    await card.getByLabel("Waarom gaat dit naar de manager?").fill("Uitbetaling buiten de normale run vraagt een besluit van de manager.");
    await card.getByRole("button", { name: "Doorzetten naar niveau 2" }).click();
    await expect(card.getByTestId("form-success")).toHaveText("De escalatie is doorgezet naar niveau 2: een manager neemt hem over. De werkgever heeft een mail gekregen.");
    await expect(card).toContainText("Doorgezet naar niveau 2");
    await coordinator.close();

    const manager = await browser.newContext({ storageState: storageStateOf("manager") });
    const tier2 = await manager.newPage();
    await tier2.goto("/agent/escalaties?tier=2");
    const open = tier2.getByRole("listitem").filter({ hasText: number });
    await open.getByRole("button", { name: "Werkgever antwoorden" }).click();
    await open.getByLabel("Antwoord aan de werkgever (met de CSM in kopie)").fill("De reiskosten worden deze week buiten de run om uitbetaald.");
    await open.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(open.getByTestId("form-success")).toHaveText("Uw antwoord is gemaild naar de werkgever (de customer success manager in kopie) en staat nu bij deze escalatie.");
    const answer = open.getByTestId("escalation-answer");
    await expect(answer).toContainText("Antwoord van Henk Bos");
    await expect(answer).toContainText("De reiskosten worden deze week buiten de run om uitbetaald.");
    // After a reload (no client state) the board still shows it: it is stored, not only mailed.
    await tier2.reload();
    await expect(tier2.getByRole("listitem").filter({ hasText: number }).getByTestId("escalation-answer")).toContainText("De reiskosten worden deze week buiten de run om uitbetaald.");
    await expect(tier2.getByTestId("form-success")).toHaveCount(0);
    await expectAccessible(tier2);
    await manager.close();

    await portal.goto("/werkgever/escalaties");
    const onPortal = portal.getByTestId("escalation").filter({ hasText: number }).filter({ hasText: "Niveau 2" });
    await expect(onPortal.getByTestId("escalation-answer")).toContainText("Antwoord van Henk Bos");
    await expect(onPortal.getByTestId("escalation-answer")).toContainText("De reiskosten worden deze week buiten de run om uitbetaald.");
    await expectAccessible(portal);
    await employer.close();
  });

  test("the coordinator's complaint answer and note are confirmed, one at a time", async ({ browser }) => {
    const { complaintId, portal } = await annaFilesComplaint(browser, "Ik ben drie keer niet teruggebeld terwijl dat wel was afgesproken.");
    await portal.context().close();

    const coordinator = await browser.newContext({ storageState: storageStateOf("coordinator") });
    const desk = await coordinator.newPage();
    await desk.goto(`/agent/klachten/${complaintId}`);
    await desk.getByLabel("Nieuwe aantekening").fill("Teamleider gevraagd naar de gemiste terugbelafspraken.");
    await desk.getByRole("button", { name: "Aantekening opslaan" }).click();
    await expect(desk.getByTestId("form-success")).toHaveText("Uw aantekening is opgeslagen.");

    await desk.getByLabel("Antwoord aan de klager").fill("U had gelijk: wij hebben u ten onrechte niet teruggebeld. Een medewerker belt u morgen.");
    await desk.getByRole("button", { name: "Antwoord versturen" }).click();
    const done = desk.getByTestId("form-success");
    await expect(done).toHaveText("Uw antwoord is naar de klager verstuurd, met waar de klant daarna terecht kan. Het staat nu in het gesprek.");
    await expect(done).toHaveCount(1);
    await expect(done).toBeFocused();
    await expect(desk.getByText("Een medewerker belt u morgen.").first()).toBeVisible();
    await expectAccessible(desk);
    await coordinator.close();
  });
});
