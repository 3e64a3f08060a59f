import { expect, test, type Page } from "@playwright/test";
import { authenticator } from "otplib";
import { expectAccessible, INVITE_LINK, login, mailedLink, storageStateOf } from "./support";

const NOOR = "noor.vos@loket.example";
const NOOR_PASSWORD = "Zonnebloem-Tulp-42";

function mailedInvitation(email: string): Promise<string> {
  return mailedLink(email, "staff.invite", INVITE_LINK);
}

async function acceptDialogs(page: Page) {
  await page.addLocatorHandler(page.getByRole("alertdialog"), (confirmDialog) => confirmDialog.getByRole("button").last().click());
}

test.describe("staff accounts and teams (admins)", () => {
  test.setTimeout(150_000);

  test("an admin invites a staff member, who sets a password, must enrol TOTP at first login, and reaches the queue", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const adminPage = await admin.newPage();
    await acceptDialogs(adminPage);

    // Teams first: a duplicate key is refused, a new team appears with no members.
    await adminPage.goto("/agent/beheer/teams");
    await expect(adminPage.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
    await expectAccessible(adminPage);
    const create = adminPage.getByRole("form", { name: "Team aanmaken" });
    await create.getByLabel("Sleutel").fill("uitkeringen");
    await create.getByLabel("Naam").fill("Nog een team");
    await create.getByRole("button", { name: "Team aanmaken" }).click();
    await expect(create.getByTestId("form-error")).toContainText("al een team met deze sleutel");
    await create.getByLabel("Sleutel").fill("met spatie");
    await create.getByRole("button", { name: "Team aanmaken" }).click();
    await expect(create.getByText("Gebruik 2 tot 40 kleine letters")).toBeVisible();
    await create.getByLabel("Sleutel").fill("pensioenen");
    await create.getByLabel("Naam").fill("Team Pensioenen");
    await create.getByRole("button", { name: "Team aanmaken" }).click();
    await expect(create.getByTestId("form-success")).toContainText("Team Pensioenen");
    await expect(adminPage.getByTestId("team-row").filter({ hasText: "pensioenen" })).toContainText("0");

    // Staff: bad input and an address in use are refused; then the invitation goes out.
    await adminPage.goto("/agent/beheer/medewerkers");
    await expect(adminPage.getByTestId("staff-row").filter({ hasText: "agent@loket.example" })).toContainText("Ingesteld sinds");
    await expectAccessible(adminPage);
    const invite = adminPage.getByRole("form", { name: "Medewerker uitnodigen" });
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(invite.getByTestId("form-error")).toBeVisible();
    await expect(invite.getByText("Vul een geldig e-mailadres in.")).toBeVisible();
    await invite.getByLabel("Naam").fill("Noor Vos");
    await invite.getByLabel("E-mailadres").fill("agent@loket.example");
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(invite.getByTestId("form-error")).toContainText("al een medewerkersaccount met dit e-mailadres");
    await invite.getByLabel("E-mailadres").fill(NOOR);
    await invite.getByLabel("Rol").selectOption({ label: "Behandelaar" });
    await invite.getByLabel("Team Pensioenen").check();
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(invite.getByTestId("form-success")).toContainText(NOOR);
    const pending = adminPage.getByTestId("pending-invitation").filter({ hasText: NOOR });
    await expect(pending).toContainText("Noor Vos");
    await expect(pending).toContainText("Behandelaar · geldig tot");
    await expectAccessible(adminPage);

    // A second invitation to the same address is refused; sending the first again replaces its link.
    await invite.getByLabel("Naam").fill("Noor Vos");
    await invite.getByLabel("E-mailadres").fill(NOOR);
    await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(invite.getByTestId("form-error")).toContainText("al een uitnodiging open");
    const firstLink = await mailedInvitation(NOOR);
    await pending.getByRole("button", { name: "Uitnodiging voor Noor Vos opnieuw versturen" }).click();
    await expect(pending.getByTestId("form-success")).toContainText("de vorige link werkt niet meer");
    const invitee = await browser.newContext();
    const page = await invitee.newPage();
    await page.goto(firstLink);
    await expect(page.getByRole("alert").filter({ hasText: "niet geldig" })).toBeVisible();

    // The invitee: the mailed link, a password, then the login holds her until TOTP is enrolled.
    const secondLink = await mailedInvitation(NOOR);
    expect(secondLink).not.toBe(firstLink);
    await page.goto(secondLink);
    await expect(page.getByText("uitgenodigd als Behandelaar voor de werkplek van Loket")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Nieuw wachtwoord").fill(NOOR_PASSWORD);
    await page.getByLabel("Herhaal wachtwoord").fill(NOOR_PASSWORD);
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(page.getByTestId("form-success")).toContainText("Uw account is aangemaakt");

    await page.goto("/agent");
    await login(page, NOOR, NOOR_PASSWORD);
    await expect(page).toHaveURL(/\/login\/twee-stappen\/instellen/);
    await expect(page.getByRole("heading", { name: "Tweestapsverificatie instellen" })).toBeVisible();
    await expectAccessible(page);
    // Held for enrolment, the login is no session: the workspace and its API send her back.
    await page.goto("/agent/beheer/medewerkers");
    await expect(page).toHaveURL(/\/login\/twee-stappen\/instellen/);
    expect((await page.request.get("/api/agent/queue")).status()).toBe(403);

    await page.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
    await expect(page.getByRole("img", { name: /QR-code/ })).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await page.getByLabel("Code uit de app").fill("12");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect(page.getByText("Deze waarde klopt niet.").or(page.getByTestId("form-error"))).toBeVisible();
    const code = authenticator.generate(secret);
    await page.getByLabel("Code uit de app").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("klopt niet");
    await page.getByLabel("Code uit de app").fill(authenticator.generate(secret));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Verder naar de werkplek" }).click();
    // Logging in returns to the page last asked for (issue 19 item 4): the staff page, which a
    // first-line agent may not open, so it says so; her own workspace is one click away.
    await expect(page).toHaveURL(/\/agent\/beheer\/medewerkers$/);
    await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
    await page.goto("/agent");
    await expect(page.getByRole("heading", { level: 1, name: "Wachtrij" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText("Noor Vos");

    // Back at the admin: Noor is listed with TOTP; deactivating her ends her session at once.
    await adminPage.reload();
    const row = adminPage.getByTestId("staff-row").filter({ hasText: NOOR });
    await expect(row).toContainText("Ingesteld sinds");
    await expect(row).toContainText("Team Pensioenen");
    await row.locator("summary").click();
    await row.getByRole("button", { name: "Noor Vos deactiveren" }).click();
    await expect(row).toContainText("Gedeactiveerd");
    await page.goto("/agent");
    await expect(page).toHaveURL(/\/login/);
    await invitee.close();
    await admin.close();
  });

  test("the last admin cannot demote themselves, and other roles do not get these pages", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const page = await admin.newPage();
    await page.goto("/agent/beheer/medewerkers");
    const row = page.getByTestId("staff-row").filter({ hasText: "admin@loket.example" });
    await row.locator("summary").click();
    const form = row.getByRole("form", { name: "Rol en teams van Beheer Loket" });
    await form.getByLabel("Rol").selectOption({ label: "Manager" });
    await form.getByRole("button", { name: "Rol en teams opslaan" }).click();
    await expect(form.getByTestId("form-error")).toContainText("laatste actieve beheerder");
    await admin.close();

    const coordinator = await browser.newContext({ storageState: storageStateOf("coordinator") });
    const other = await coordinator.newPage();
    for (const path of ["/agent/beheer/medewerkers", "/agent/beheer/teams"]) {
      expect((await other.goto(path))?.status()).toBe(403);
      await expect(other.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
    }
    await expect(other.getByRole("link", { name: "Medewerkers" })).toHaveCount(0);
    await coordinator.close();
  });
});
