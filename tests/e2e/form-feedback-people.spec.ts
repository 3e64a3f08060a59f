import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./support";

// Issue 19 item 6 on the employer and admin forms: a refused field states the limit from its
// schema (written as a Dutch reader writes numbers), a missing choice says what to choose, every
// bad field speaks at once and one summary above the form counts them and links to the first.

const SUMMARY_ONE = "Controleer de velden hieronder: 1 veld klopt nog niet. Naar het eerste veld";
const SUMMARY_TWO = "Controleer de velden hieronder: 2 velden kloppen nog niet. Naar het eerste veld";

/** The summary's link points at the first bad field's own input. */
async function expectLinkTo(page: Page, form: ReturnType<Page["getByRole"]>, id: string) {
  const link = form.getByTestId("form-error").getByRole("link", { name: "Naar het eerste veld" });
  await expect(link).toHaveAttribute("href", `#${id}`);
  await expect(page.locator(`#${id}`)).toHaveAttribute("aria-invalid", "true");
}

test.describe("employer forms", () => {
  test.use({ storageState: storageStateOf("employer") });
  test.setTimeout(90_000);

  test("a question without a topic says what to choose; a too long reply and escalation name their limits", async ({ page }) => {
    await page.goto("/werkgever/vragen/nieuw");
    const question = page.locator("form").filter({ has: page.getByRole("button", { name: "Vraag versturen" }) });
    await page.getByLabel("Korte omschrijving").fill("Uurloon op de loonstrook");
    await page.getByLabel("Uw vraag").fill("Bij twee medewerkers staat een verkeerd uurloon op de loonstrook.");
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(question.getByTestId("form-error")).toHaveText(SUMMARY_ONE);
    await expect(page.locator("#categoryKey-error")).toHaveText("Kies een onderwerp voor uw vraag.");
    await expect(page.getByLabel("Onderwerp")).toBeFocused();
    await expectLinkTo(page, question, "categoryKey");

    await page.getByLabel("Onderwerp").selectOption({ label: "Proces en procedure" });
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(page).toHaveURL(/\/werkgever\/vragen\/LK-/);

    // A reply one character over its limit: the limit, the summary, the field marked, nothing added.
    const reply = page.locator("form").filter({ has: page.getByRole("button", { name: "Bericht versturen" }) });
    await reply.getByLabel("Uw bericht").fill("x".repeat(5_001));
    await reply.getByRole("button", { name: "Bericht versturen" }).click();
    await expect(reply.locator("#body-error")).toHaveText("Gebruik hoogstens 5.000 tekens.");
    await expect(reply.getByTestId("form-error")).toHaveText(SUMMARY_ONE);
    await expect(reply.getByLabel("Uw bericht")).toBeFocused();
    await expect(reply.getByLabel("Uw bericht")).toHaveAttribute("aria-describedby", "body-error");
    await expectLinkTo(page, reply, "body");
    await expect(reply.getByTestId("form-success")).toHaveCount(0);

    // The escalation: too short and too long both name their limit.
    const raise = page.getByRole("form", { name: "Escaleren" });
    await raise.getByLabel("Waarom escaleert u?").fill("Te laat");
    await raise.getByRole("button", { name: "Escaleren" }).click();
    await expect(raise.locator("#reason-error")).toHaveText("Gebruik minstens 10 tekens.");
    await raise.getByLabel("Waarom escaleert u?").fill("x".repeat(3_001));
    await raise.getByRole("button", { name: "Escaleren" }).click();
    await expect(raise.locator("#reason-error")).toHaveText("Gebruik hoogstens 3.000 tekens.");
    await expect(raise.getByTestId("form-error")).toHaveText(SUMMARY_ONE);
    await expectLinkTo(page, raise, "reason");
    await expect(page.getByTestId("escalation")).toHaveCount(0);
  });
});

test.describe("admin forms", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an API token with two bad fields shows both errors and one summary linked to the first", async ({ page }) => {
    await page.goto("/agent/beheer/api");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Token aanmaken" }) });
    await form.getByLabel("Naam (waarvoor is het token?)").fill("x");
    await form.getByRole("button", { name: "Token aanmaken" }).click();
    await expect(form.getByTestId("form-error")).toHaveCount(1);
    await expect(form.getByTestId("form-error")).toHaveText(SUMMARY_TWO);
    await expect(page.locator("#token-name-error")).toHaveText("Gebruik minstens 2 tekens.");
    await expect(page.locator("#token-scopes-error")).toHaveText("Kies minstens één scope.");
    await expect(form.getByLabel("Naam (waarvoor is het token?)")).toBeFocused();
    await expectLinkTo(page, form, "token-name");
    await expect(page.getByTestId("token-secret")).toHaveCount(0);
  });

  test("a staff invitation with two bad fields shows both errors and one summary linked to the first", async ({ page }) => {
    await page.goto("/agent/beheer/medewerkers");
    const invite = page.getByRole("form", { name: "Medewerker uitnodigen" });
    await invite.getByLabel("E-mailadres").fill("geen-adres");
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(invite.getByTestId("form-error")).toHaveText(SUMMARY_TWO);
    await expect(page.locator("#invite-name-error")).toHaveText("Gebruik minstens 2 tekens.");
    await expect(page.locator("#invite-email-error")).toHaveText("Vul een geldig e-mailadres in.");
    await expect(invite.getByLabel("Naam")).toBeFocused();
    await expectLinkTo(page, invite, "invite-name");

    await invite.getByLabel("Naam").fill("x".repeat(121));
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(page.locator("#invite-name-error")).toHaveText("Gebruik hoogstens 120 tekens.");
    await expect(invite.getByTestId("form-error")).toHaveText(SUMMARY_TWO);
  });
});
