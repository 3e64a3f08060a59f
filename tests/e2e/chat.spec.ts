// Live chat (issue 15): Anna chats from the portal, an agent picks her up at the console in a
// second browser context, both see each other's messages arrive live, a reload shows the whole
// conversation once, and "end chat" files the transcript on a CHAT ticket both sides can open.
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_CALENDAR_SETTINGS, holidaysOn } from "../../lib/calendar/holidays";
import { e2eQuery, expectAccessible, storageStateOf } from "./support";

const LINE = "AVONDLIJN";

function amsterdamToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** The chat line open all day every day (CI runs at any hour); nobody's chat left open by an earlier run. */
async function openChatLineNow(): Promise<void> {
  const today = amsterdamToday();
  await e2eQuery(`DELETE FROM "OpeningHours" WHERE "line" = $1`, [LINE]);
  await e2eQuery(
    `INSERT INTO "OpeningHours" ("id", "line", "weekday", "opens", "closes") SELECT 'e2e-chat-' || d, $1, d, '00:00', '24:00' FROM generate_series(1, 7) AS d`,
    [LINE],
  );
  await e2eQuery(`DELETE FROM "LineClosureDay" WHERE "lineKey" = $1 AND "date" = $2`, [LINE, today]);
  await e2eQuery(`DELETE FROM "ClosureDay" WHERE "date" = $1`, [today]);
  await e2eQuery(`UPDATE "ChatSession" SET "status" = 'ABANDONED', "endedAt" = now() WHERE "status" IN ('WAITING', 'ACTIVE')`);
}

async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `test-results/screens/chat-${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing of the chat may stick out sideways on a phone (the shared header is the app shell's business).
  expect(await page.evaluate(() => Math.max(...[...document.querySelectorAll("main *")].map((e) => e.getBoundingClientRect().right)))).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `test-results/screens/chat-${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a beneficiary chats live with an agent; the transcript lands on a CHAT ticket", async ({ browser }) => {
  test.skip(holidaysOn(amsterdamToday(), DEFAULT_CALENDAR_SETTINGS).length > 0, "a public holiday closes every line, whatever its hours");
  test.setTimeout(120_000);
  await openChatLineNow();
  const question = `Kan ik mijn uitkering op een andere rekening laten storten? (e2e ${Date.now()})`;
  const answer = "Goedemiddag Anna, dat kan via het formulier Wijziging rekeningnummer.";
  const thanks = "Dank u wel!";

  const customer = await (await browser.newContext({ storageState: storageStateOf("beneficiary") })).newPage();
  const agent = await (await browser.newContext({ storageState: storageStateOf("agent") })).newPage();

  // The dashboard offers the chat while it is open, with its topics.
  await customer.goto("/portaal");
  const entry = customer.getByTestId("chat-entry");
  await expect(entry).toContainText("Algemene vraag");
  await expect(customer.getByRole("banner").getByRole("link", { name: "Chat", exact: true })).toHaveAttribute("href", "/portaal/chat");
  await entry.getByRole("link", { name: "Start een chat" }).click();
  await expect(customer).toHaveURL(/\/portaal\/chat$/);
  await customer.getByRole("radio", { name: "Algemene vraag" }).check();
  await customer.getByLabel("Uw vraag").fill(question);
  await customer.getByRole("button", { name: "Start de chat" }).click();
  await expect(customer.getByTestId("chat-queue")).toContainText("Uw plek in de rij");
  await expect(customer.getByTestId("chat-messages")).toContainText(question);
  await expectAccessible(customer);

  // The agent sees her waiting and accepts.
  await agent.goto("/agent/chat");
  const waiting = agent.getByTestId("chat-waiting");
  await expect(waiting).toContainText("Anna Jansen");
  await expectAccessible(agent);
  await agent.getByRole("button", { name: "Chat van Anna Jansen aannemen" }).click();
  await expect(agent.getByRole("tab", { name: "Anna Jansen" })).toHaveAttribute("aria-selected", "true");
  const panel = agent.getByRole("tabpanel", { name: "Anna Jansen" });
  await expect(panel.getByTestId("chat-messages")).toContainText(question);
  await expect(agent.getByTestId("caller-panel")).toContainText("K-100231");
  await expect(customer.getByTestId("chat-active")).toContainText("Sanne de Boer");

  // Messages both ways, live (no reload on either side). Enter sends; Shift+Enter is a new line.
  const agentInput = panel.getByLabel("Uw bericht");
  await agentInput.pressSequentially("Goed");
  await expect(customer.getByTestId("chat-typing")).toHaveText("Sanne de Boer typt…");
  await agentInput.fill(answer);
  await agentInput.press("Enter");
  await expect(customer.getByTestId("chat-messages")).toContainText(answer);
  const customerInput = customer.getByLabel("Uw bericht");
  await customerInput.fill("Dank u");
  await customerInput.press("Shift+Enter");
  await expect(customerInput).toHaveValue("Dank u\n");
  await customerInput.fill(thanks);
  await customerInput.press("Enter");
  await expect(customerInput).toHaveValue("");
  await expect(panel.getByTestId("chat-messages")).toContainText(thanks);
  await expectAccessible(agent);
  await screenshots(customer, "customer");

  // A reload finds the open chat and shows every message once.
  await customer.reload();
  const list = customer.getByTestId("chat-messages");
  await expect(list).toContainText(thanks);
  for (const text of [question, answer, thanks]) await expect(list.locator("li").filter({ hasText: text })).toHaveCount(1);
  await expectAccessible(customer);
  // A second tab finds the same chat.
  const secondTab = await customer.context().newPage();
  await secondTab.goto("/portaal/chat");
  await expect(secondTab.getByTestId("chat-messages")).toContainText(answer);

  // End: resolved in the chat, on a new ticket.
  await panel.getByRole("button", { name: "Chat beëindigen" }).click();
  const dialog = agent.getByRole("dialog", { name: "Chat beëindigen" });
  await dialog.getByRole("radio", { name: "Ja" }).check();
  await expect(dialog.getByRole("radio", { name: "Een nieuwe vraag" })).toBeChecked();
  await dialog.getByRole("button", { name: "Beëindigen" }).click();
  const note = agent.getByTestId("chat-ended-note");
  await expect(note).toContainText("Anna Jansen");
  await expect(customer.getByTestId("chat-closed")).toContainText("beëindigd");
  await expect(secondTab.getByTestId("chat-closed")).toContainText("beëindigd");

  const [ticket] = await e2eQuery<{ id: string; number: string; channel: string; firstContactResolution: boolean }>(
    `SELECT t."id", t."number", t."channel"::text AS "channel", t."firstContactResolution" FROM "ChatSession" c JOIN "Ticket" t ON t."id" = c."ticketId" JOIN "User" u ON u."id" = c."requesterId" WHERE u."email" = 'anna.jansen@burger.example' ORDER BY c."createdAt" DESC LIMIT 1`,
  );
  expect(ticket).toMatchObject({ channel: "CHAT", firstContactResolution: true });
  await note.getByRole("link", { name: ticket!.number }).click();
  await expect(agent).toHaveURL(new RegExp(`/agent/tickets/${ticket!.id}$`));
  await expect(agent.getByRole("main")).toContainText(question);
  await expect(agent.getByRole("main")).toContainText(answer);

  // Anna finds the question in her portal.
  await customer.goto(`/portaal/vragen/${ticket!.id}`);
  await expect(customer.getByRole("main")).toContainText(thanks);
});

test("outside chat hours the employer portal says when chat opens and offers a message instead", async ({ browser }) => {
  const today = amsterdamToday();
  // The employers' chat line closed for today only; put back afterwards.
  await e2eQuery(`INSERT INTO "LineClosureDay" ("lineKey", "date", "reasonNl", "reasonEn") VALUES ('EMPLOYER', $1, 'e2e chat', 'e2e chat') ON CONFLICT DO NOTHING`, [today]);
  try {
    const page = await (await browser.newContext({ storageState: storageStateOf("employer") })).newPage();
    await page.goto("/werkgever");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("chat-entry")).toHaveCount(0);
    await page.goto("/werkgever/chat");
    const offline = page.getByTestId("chat-offline");
    await expect(offline).toContainText("De chat gaat weer open op");
    await expect(offline.getByRole("link", { name: "Stel uw vraag als bericht" })).toHaveAttribute("href", "/werkgever/vragen/nieuw");
    await expectAccessible(page);
  } finally {
    await e2eQuery(`DELETE FROM "LineClosureDay" WHERE "lineKey" = 'EMPLOYER' AND "date" = $1 AND "reasonNl" = 'e2e chat'`, [today]);
  }
});

test("nobody picks up: the beneficiary leaves the chat as a portal message", async ({ browser }) => {
  test.skip(holidaysOn(amsterdamToday(), DEFAULT_CALENDAR_SETTINGS).length > 0, "a public holiday closes every line, whatever its hours");
  await openChatLineNow();
  const question = `Waar vind ik mijn jaaropgave? (e2e ${Date.now()})`;
  const page = await (await browser.newContext({ storageState: storageStateOf("beneficiary") })).newPage();
  await page.goto("/portaal/chat");
  await page.getByRole("radio", { name: "Hulp bij het portaal" }).check();
  await page.getByLabel("Uw vraag").fill(question);
  await page.getByRole("button", { name: "Start de chat" }).click();
  await expect(page.getByTestId("chat-queue")).toContainText("geschatte wachttijd");
  // Waiting longer than the offer time (120 s by default): the page re-reads the state by itself.
  await e2eQuery(`UPDATE "ChatSession" SET "queuedAt" = now() - interval '10 minutes' WHERE "status" = 'WAITING' AND "requesterId" = (SELECT "id" FROM "User" WHERE "email" = 'anna.jansen@burger.example')`);
  const offer = page.getByTestId("chat-offer");
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await offer.getByRole("button", { name: "Als bericht achterlaten" }).click();
  const closed = page.getByTestId("chat-closed");
  await expect(closed).toContainText("als bericht opgeslagen");
  await closed.getByRole("link").click();
  await expect(page).toHaveURL(/\/portaal\/vragen\/[\w-]+$/);
  await expect(page.getByRole("main")).toContainText(question);
});
