import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, storageStateOf } from "./support";

test.use({ storageState: storageStateOf("beneficiary") });

const shots = (name: string) => `test-results/portaal/${name}.png`;
const pdf = { name: "loonstrook.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n") };
const renamedExe = { name: "factuur.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) };

function amsterdamToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

async function sendMessage(page: Page, subject: string): Promise<string> {
  await page.goto("/portaal/nieuw");
  await page.getByLabel("Soort vraag").selectOption("DOSSIER_QUESTION");
  await page.getByLabel("Onderwerp").fill(subject);
  await page.getByLabel("Uw vraag").fill("Wanneer wordt mijn uitkering deze maand betaald?");
  await expect(page.getByTestId("kb-suggestions")).toContainText("Wanneer wordt mijn uitkering betaald?");
  await page.getByLabel("Bijlagen (optioneel)").setInputFiles([pdf]);
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page.getByTestId("sent-number")).toContainText(/Uw registratienummer is LK-\d{4}-\d{6}\. U krijgt uiterlijk .+ antwoord\./);
  return /LK-\d{4}-\d{6}/.exec((await page.getByTestId("sent-number").textContent()) ?? "")![0];
}

test.describe("beneficiary portal journey", () => {
  test("sends a message with an attachment and sees number, due date and acknowledgement", async ({ page }) => {
    await page.goto("/portaal/nieuw");
    await expectAccessible(page);
    const number = await sendMessage(page, "Betaling november <script>alert(1)</script>");
    await page.screenshot({ path: shots("01-message-sent"), fullPage: true });
    await page.getByRole("link", { name: "Bekijk uw vraag" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Betaling november <script>alert(1)</script>");
    await expect(page.getByText(number).first()).toBeVisible();
    await expect(page.getByTestId("message")).toHaveCount(2);
    await expect(page.getByTestId("message").nth(1)).toContainText("Automatisch bericht");
    await expect(page.getByTestId("message").nth(1)).toContainText(number);
    const download = page.getByRole("link", { name: "loonstrook.pdf" });
    const response = await page.request.get((await download.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expectAccessible(page);
    await page.screenshot({ path: shots("02-ticket"), fullPage: true });

    await page.getByLabel("Uw reactie").fill("Ik heb nog een aanvulling.");
    await page.getByRole("button", { name: "Reactie versturen" }).click();
    await expect(page.getByText("Uw reactie is verstuurd.")).toBeVisible();
    await expect(page.getByTestId("message")).toHaveCount(3);
  });

  test("refuses empty input and an executable renamed to .pdf with clear messages", async ({ page }) => {
    await page.goto("/portaal/nieuw");
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 3 velden kloppen nog niet. Naar het eerste veld");
    await expect(page.getByText("Vul dit veld in.").first()).toBeVisible();
    await page.getByLabel("Soort vraag").selectOption("GENERAL_QUESTION");
    await page.getByLabel("Onderwerp").fill("Factuur");
    await page.getByLabel("Uw vraag").fill("Zie bijlage");
    await page.getByLabel("Bijlagen (optioneel)").setInputFiles([renamedExe]);
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("Alleen PDF-, JPEG- en PNG-bestanden zijn toegestaan.");
    await expectAccessible(page);
    await page.screenshot({ path: shots("03-bad-input"), fullPage: true });
  });

  test("books, moves and cancels a callback appointment", async ({ page }) => {
    const number = await sendMessage(page, "Graag teruggebeld over mijn jaaropgave");
    await page.getByRole("link", { name: "Bekijk uw vraag" }).click();
    await page.getByRole("link", { name: "Laat mij terugbellen over deze vraag" }).click();
    await expect(page.getByLabel("Over welke vraag?")).toHaveValue(/.+/);
    await expectAccessible(page);
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Afspraak maken" }) });
    await form.locator('input[name="slotKey"]:not([disabled])').first().check();
    await page.getByLabel("Uw telefoonnummer").fill("06 1234 5678");
    await page.getByRole("button", { name: "Afspraak maken" }).click();
    await expect(page.getByText("Uw afspraak is gemaakt.")).toBeVisible();
    const appointment = page.getByTestId("appointment").filter({ hasText: `Over ${number}` });
    await expect(appointment).toHaveCount(1);
    await expect(appointment).toContainText("Wij bellen 0612345678");
    await page.screenshot({ path: shots("04-callback-booked"), fullPage: true });

    const before = await appointment.locator("time").textContent();
    await appointment.getByRole("button", { name: "Verzetten" }).click();
    await appointment.locator('input[name="slotKey"]:not([disabled])').nth(2).check();
    await appointment.getByRole("button", { name: "Afspraak verzetten" }).click();
    await expect(page.getByText("Uw afspraak is verzet.")).toBeVisible();
    await expect(appointment.locator("time")).not.toHaveText(before!);
    await expectAccessible(page);

    await page.goto("/portaal");
    await expect(page.getByTestId("appointment").filter({ hasText: `Over ${number}` })).toHaveCount(1);
    await page.goto("/portaal/terugbellen");
    // Our own dialog, not the browser's: Escape keeps the appointment and focus returns to the button.
    const row = page.getByTestId("appointment").filter({ hasText: `Over ${number}` });
    const cancelButton = row.getByRole("button", { name: "Annuleren" });
    await cancelButton.click();
    const dialog = page.getByRole("alertdialog", { name: "Weet u het zeker?" });
    await expect(dialog).toContainText("Weet u zeker dat u deze afspraak wilt annuleren?");
    await expect(dialog.getByRole("button", { name: "Afspraak houden" })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Afspraak houden" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(cancelButton).toBeFocused();
    await cancelButton.click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Afspraak annuleren" }).click();
    await expect(row.getByTestId("form-success")).toHaveText("Uw afspraak is geannuleerd.");
    await page.reload();
    await expect(page.getByTestId("appointment").filter({ hasText: `Over ${number}` })).toHaveCount(0);
  });

  test("files a complaint about an own ticket and sees its stage and due date", async ({ page }) => {
    const number = await sendMessage(page, "Vraag om een klacht over te dienen");
    await page.goto("/portaal/klachten");
    await expectAccessible(page);
    await page.getByLabel("Registratienummer van het contact").fill("LK-2026-999999");
    await page.getByLabel("Datum van het laatste contact of de laatste herinnering").fill(amsterdamToday());
    await page.getByLabel("Uw klacht", { exact: true }).fill("Ik heb nooit een antwoord gekregen op mijn vraag.");
    await page.getByRole("button", { name: "Klacht indienen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("Wij vinden geen vraag van u met dit registratienummer.");
    // Said at the number too, which is marked for screen readers.
    await expect(page.getByLabel("Registratienummer van het contact")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#subjectTicketNumber-error")).toContainText("Wij vinden geen vraag van u met dit registratienummer.");

    await page.getByLabel("Registratienummer van het contact").fill(number);
    await page.getByRole("button", { name: "Klacht indienen" }).click();
    await expect(page.getByTestId("form-success")).toContainText("Uw klacht is ontvangen onder nummer LK-");
    const complaint = page.getByTestId("complaint").first();
    await expect(complaint).toContainText(`Over ${number}`);
    await expect(complaint).toContainText("Fase 1: behandeling door het team");
    await page.screenshot({ path: shots("05-complaint"), fullPage: true });
    await complaint.getByRole("link", { name: "Bekijk klacht" }).click();
    await expect(page.getByTestId("complaint-stage")).toHaveText("Fase 1: behandeling door het team");
    await expectAccessible(page);
  });

  test("answers the satisfaction survey once on a resolved ticket", async ({ page }) => {
    let found = false;
    for (let p = 1; p <= 3 && !found; p++) {
      await page.goto(`/portaal?pagina=${p}`);
      const row = page.getByTestId("ticket-row").filter({ hasText: "Opgelost" }).first();
      if ((await row.count()) === 0) continue;
      await row.getByRole("link").click();
      found = true;
    }
    expect(found).toBe(true);
    await expect(page.getByRole("heading", { name: "Hoe tevreden bent u?" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Oordeel versturen" }).click();
    // Only the rating is required; the summary counts one field and the field says what to choose.
    await expect(page.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 1 veld klopt nog niet. Naar het eerste veld");
    await expect(page.getByText("Kies een oordeel van 1 tot 5.")).toBeVisible();
    await page.getByLabel("4 - tevreden").check();
    await page.getByLabel("Toelichting (optioneel)").fill("Vriendelijk geholpen");
    await page.getByRole("button", { name: "Oordeel versturen" }).click();
    await expect(page.getByTestId("survey-answered")).toHaveText("U gaf deze vraag een 4 uit 5.");
    // The form is gone; the thanks took its place and the focus.
    await expect(page.getByTestId("form-success")).toHaveText("Dank u wel voor uw oordeel.");
    await expect(page.getByTestId("form-success")).toBeFocused();
    await expect(page.getByRole("heading", { name: "Hoe tevreden bent u?" })).toHaveCount(0);
    await page.screenshot({ path: shots("06-survey"), fullPage: true });
  });

  test("shows how to reach the contact centre, and the dashboard", async ({ page }) => {
    await page.goto("/portaal/contact");
    const line = page.getByTestId("line-BENEFICIARY");
    await expect(line.getByTestId("opening-status")).toHaveText(/Nu open tot|Opent/);
    await expect(line.getByRole("heading", { name: "Gesloten op" })).toBeVisible();
    await expect(line.getByText("Eerste Kerstdag")).toBeVisible();
    // Every closed working day of the coming year: Whit Monday too, Whit Sunday (shut anyway) not.
    await expect(line.getByText("Tweede Pinksterdag")).toBeVisible();
    await expect(line.getByText("Eerste Pinksterdag")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Veelgestelde vragen" })).toBeVisible();
    await expect(page.getByText("Hoe wijzig ik mijn adres?")).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: shots("07-contact"), fullPage: true });
    await page.goto("/portaal");
    await expect(page.getByRole("heading", { name: "Uw vragen" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: shots("08-dashboard"), fullPage: true });
  });
});
