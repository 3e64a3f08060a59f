import { expect, test } from "@playwright/test";
import { authenticator } from "otplib";
import { expectAccessible, login, PASSWORD } from "./support";

// A code for the step after the current one: the server accepts one step either side, and it is
// never the step used at enrolment, so it is not refused as a replay.
const nextCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);

test.describe("two-factor sign-in with TOTP", () => {
  test.setTimeout(120_000);

  test("enrols with the QR code and a first code, then needs a code at login; wrong and replayed codes are refused", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, "tom.visser@vandijk.example");
    await expect(page).toHaveURL(/\/werkgever$/);
    await page.goto("/werkgever/beveiliging");
    await page.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
    await expect(page.getByRole("img", { name: /QR-code/ })).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await page.getByLabel("Code uit de app").fill("12");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect(page.getByText("Vul de zes cijfers uit uw app in.")).toBeVisible();
    // Enrolling asks for the password again: a wrong one is refused, and nothing is enabled.
    await page.getByLabel("Code uit de app").fill(authenticator.generate(secret));
    await page.getByLabel("Uw wachtwoord").fill("niet-het-wachtwoord");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("wachtwoord klopt niet");
    await page.getByLabel("Code uit de app").fill(authenticator.generate(secret));
    await page.getByLabel("Uw wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(/\/login/);

    await page.goto("/werkgever");
    await login(page, "tom.visser@vandijk.example");
    await expect(page).toHaveURL(/\/login\/twee-stappen/);
    await expect(page.getByRole("heading", { name: "Tweestapsverificatie" })).toBeVisible();
    await expectAccessible(page);
    // A pending login is not a session: the place refuses it.
    await page.goto("/werkgever");
    await expect(page).toHaveURL(/\/login\/twee-stappen/);

    await page.getByLabel("Code uit uw app of herstelcode").fill("000000");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("klopt niet");
    const code = nextCode(secret);
    await page.getByLabel("Code uit uw app of herstelcode").fill(code);
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect(page).toHaveURL(/\/werkgever$/);
    await expect(page.getByTestId("current-user")).toContainText("Tom Visser");

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(/\/login/);
    await login(page, "tom.visser@vandijk.example");
    await expect(page).toHaveURL(/\/login\/twee-stappen/);
    await page.getByLabel("Code uit uw app of herstelcode").fill(code);
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("al gebruikt");
    await context.close();
  });
});
