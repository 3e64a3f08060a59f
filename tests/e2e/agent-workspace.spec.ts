import { expect, test } from "@playwright/test";
import { backdateAttempts, moveBookedAppointment, pastDate } from "./callback-db";
import { expectAccessible, login, pageAs, storageStateOf } from "./support";

test.describe("phone call → callback → two failed attempts → note on the next call", () => {
  test("the agent books a callback, the handler fails twice, the agent sees the note", async ({ browser }) => {
    // Three people and a fresh login in one journey: more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    const agent = await pageAs(browser, "agent");
    // An unknown caller is not offered a callback: it needs someone to call back.
    await agent.goto("/agent/telefoon?caller=unknown");
    await expect(agent.getByLabel("Terugbelafspraak maken")).toHaveCount(0);
    await expect(agent.getByTestId("callback-needs-caller")).toHaveText("Een terugbelafspraak kan alleen met een bekende beller.");
    await agent.goto("/agent/telefoon");
    await agent.getByRole("searchbox", { name: "Beller zoeken" }).fill("Bram");
    await agent.getByRole("button", { name: "Zoeken" }).click();
    await agent.getByRole("link", { name: "Kiezen: Bram de Vries" }).click();
    await expect(agent.getByTestId("caller-panel")).toContainText("K-100232");
    await expectAccessible(agent);

    await agent.getByLabel("Onderwerp").first().fill("Vraag over betaling");
    await agent.getByLabel("Samenvatting van het gesprek").fill("Wil een behandelaar spreken over de betaling.");
    await agent.getByLabel("Terugbelafspraak maken").check();
    const slot = agent.getByLabel("Moment van terugbellen");
    const firstSlot = await slot.locator("option").nth(1).getAttribute("value");
    expect(firstSlot).toMatch(/^\d{4}-\d{2}-\d{2}\|(MORNING|AFTERNOON)$/);
    await slot.selectOption(firstSlot!);
    await agent.getByRole("button", { name: "Gesprek vastleggen" }).click();
    await expect(agent.getByRole("status").filter({ hasText: "terugbelafspraak gemaakt" })).toBeVisible();
    // The handler calls once the slot has come: here, by moving the appointment into the past.
    const date = pastDate();
    const appointmentId = await moveBookedAppointment("Bram de Vries", "Vraag over betaling", date);

    const handler = await pageAs(browser, "handler");
    await handler.goto(`/agent/terugbellen?date=${date}`);
    const row = handler.getByTestId("callback-row").filter({ hasText: "Bram de Vries" }).filter({ hasText: "Vraag over betaling" });
    await expect(row).toHaveCount(1);
    await expectAccessible(handler);
    // No outcome chosen: the form says what to choose, under the field and in the one summary.
    await row.getByRole("button", { name: "Vastleggen" }).click();
    await expect(row.getByTestId("form-error")).toHaveText("Controleer de velden hieronder: 1 veld klopt nog niet. Naar het eerste veld");
    await expect(row.getByText("Kies een uitkomst van de belpoging.")).toBeVisible();
    await expect(row.getByLabel("Uitkomst")).toBeFocused();
    for (const note of ["Geen gehoor om 10:05", "Voicemail ingesproken"]) {
      await row.getByLabel("Uitkomst").selectOption(note.startsWith("Geen") ? "NO_ANSWER" : "VOICEMAIL");
      await row.getByLabel("Notitie").fill(note);
      await row.getByRole("button", { name: "Vastleggen" }).click();
      await expect(row.getByText(note)).toBeVisible();
      // A second try counts only after the minimum interval: as if the handler waited.
      await backdateAttempts(appointmentId, 15);
    }
    await expect(row.getByTestId("callback-status")).toHaveText("niet bereikt");
    await expect(row.getByRole("button", { name: "Vastleggen" })).toHaveCount(0);

    await agent.goto("/agent/telefoon?q=Bram");
    await agent.getByRole("link", { name: "Kiezen: Bram de Vries" }).click();
    const note = agent.getByTestId("note-unreachable").first();
    await expect(note).toBeVisible();
    await expect(note).toContainText("2");

    // Bram sees it too, on his own dashboard, with a way to book again for the same question.
    const bram = await (await browser.newContext()).newPage();
    await login(bram, "bram.devries@burger.example");
    const invitation = bram.getByTestId("unreachable-note");
    await expect(invitation).toContainText("twee keer geprobeerd");
    await expectAccessible(bram);
    await invitation.getByRole("link", { name: "Nieuwe afspraak maken" }).click();
    await expect(bram).toHaveURL(/\/portaal\/terugbellen\?vraag=/);
    await expect(bram.getByLabel("Over welke vraag?")).toHaveValue(/.+/);
    await agent.context().close();
    await handler.context().close();
    await bram.context().close();
  });
});

test.describe("replying by mail", () => {
  test("a handler's mail reply lands in the outbox with the registration number", async ({ browser }) => {
    const handler = await pageAs(browser, "handler");
    await handler.goto("/agent?channel=EMAIL&status=NEW&category=GENERAL_QUESTION");
    const link = handler.getByTestId("queue-table").getByRole("link").first();
    const number = (await link.textContent())!.trim();
    await link.click();
    await expect(handler.getByRole("heading", { level: 1 })).toContainText(number);
    await expect(handler.getByLabel("Kanaal")).toHaveValue("EMAIL");
    await handler.getByLabel("Antwoord", { exact: true }).fill("Uw adreswijziging is verwerkt.");
    await handler.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(handler.getByRole("status").filter({ hasText: "Antwoord verstuurd per e-mail" })).toBeVisible();
    await expect(handler.getByTestId("timeline")).toContainText("Uw adreswijziging is verwerkt.");
    await expect(handler.getByTestId("ticket-status")).toHaveText(/Open/);
    await expectAccessible(handler);

    const admin = await pageAs(browser, "admin");
    await admin.goto("/agent/beheer/mail");
    await expect(admin.getByRole("row").filter({ hasText: number }).first()).toBeVisible();
    await handler.context().close();
    await admin.context().close();
  });

  test("an empty reply shows an error next to the field and in an alert", async ({ browser }) => {
    const handler = await pageAs(browser, "handler");
    await handler.goto("/agent?channel=PORTAL&status=OPEN");
    await handler.getByTestId("queue-table").getByRole("link").first().click();
    await handler.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(handler.getByRole("alert").filter({ hasText: "Controleer" })).toBeVisible();
    await expect(handler.getByText("Vul een tekst in van minstens 2 tekens.")).toBeVisible();
    await handler.context().close();
  });
});

test.describe("first-line agent and dossier tickets", () => {
  test("is refused a dossier ticket by URL and cannot find it in the queue", async ({ browser }) => {
    const handler = await pageAs(browser, "handler");
    await handler.goto("/agent?category=DOSSIER_QUESTION");
    const link = handler.getByTestId("queue-table").getByRole("link").first();
    const href = (await link.getAttribute("href"))!;
    const number = (await link.textContent())!.trim();
    await handler.context().close();

    const agent = await pageAs(browser, "agent");
    const response = await agent.goto(href);
    expect(response?.status()).toBe(404);
    await expect(agent.getByText(number)).toHaveCount(0);
    await agent.goto(`/agent?q=${number}`);
    await expect(agent.getByTestId("queue-total")).toHaveText("Geen vragen");
    await agent.context().close();
  });
});

test.describe("queue", () => {
  test.use({ storageState: storageStateOf("handler") });

  test("filters, searches, and takes the next ticket", async ({ page }) => {
    await page.goto("/agent");
    await expect(page.getByTestId("queue-table")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Kanaal").selectOption("LETTER");
    await page.getByRole("button", { name: "Filter toepassen" }).click();
    await expect(page).toHaveURL(/channel=LETTER/);
    const channels = await page.getByTestId("queue-table").locator("tbody tr td:nth-child(4)").allTextContents();
    expect(channels.length).toBeGreaterThan(0);
    expect(channels.every((c) => c === "Brief")).toBe(true);
    await page.goto("/agent");
    await page.getByRole("button", { name: "Volgende oppakken" }).click();
    await expect(page).toHaveURL(/\/agent\/tickets\//);
    await expect(page.getByTestId("ticket-assignee")).toHaveText("Joost Meijer");
    await expectAccessible(page);
  });
});

test.describe("knowledge base", () => {
  test("a coordinator publishes an article with script in it, shown as text", async ({ browser }) => {
    const coordinator = await pageAs(browser, "coordinator");
    await coordinator.goto("/agent/kennisbank/nieuw");
    await coordinator.getByRole("button", { name: "Opslaan" }).click();
    await expect(coordinator.getByRole("alert").filter({ hasText: "Controleer" })).toBeVisible();
    // Both refused fields show at once, each with its own minimum.
    await expect(coordinator.getByText("Gebruik minstens 5 tekens.")).toBeVisible();
    await expect(coordinator.getByText("Gebruik minstens 10 tekens.")).toBeVisible();
    await expectAccessible(coordinator);
    await coordinator.getByLabel("Vraag").fill("Wat doe ik bij een storing in het portaal?");
    await coordinator.getByLabel("Antwoord").fill("Meld het via <script>alert('x')</script> het formulier.");
    await coordinator.getByLabel("Zichtbaarheid").selectOption("PUBLIC");
    await coordinator.getByLabel("Gepubliceerd").check();
    await coordinator.getByRole("button", { name: "Opslaan" }).click();
    await expect(coordinator).toHaveURL(/\/agent\/kennisbank\/[a-z0-9]+$/);
    await expect(coordinator.getByTestId("kb-answer")).toHaveText("Meld het via <script>alert('x')</script> het formulier.");
    await coordinator.context().close();

    const agent = await pageAs(browser, "agent");
    await agent.goto("/agent/kennisbank?q=storing+portaal");
    await expect(agent.getByTestId("kb-list")).toContainText("Wat doe ik bij een storing in het portaal?");
    await expect(agent.getByRole("link", { name: "Nieuw artikel" })).toHaveCount(0);
    await expectAccessible(agent);
    await agent.context().close();
  });
});
