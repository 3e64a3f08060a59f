// One journey per place with the keyboard only (issue 19 item 2): no click, no fill, only Tab,
// Shift+Tab, Enter, Space, arrow keys and typing, as someone who cannot use a mouse works. Every
// control the journey passes on its way must show where focus is (WCAG 2.4.7), and every control
// it needs must be reachable (2.1.1) without getting stuck (2.1.2). Locators only read the page.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_TOTP_SECRET, e2eQuery, PASSWORD, storageStateOf, totpNow, type RoleKey } from "./support";

test.use({ storageState: { cookies: [], origins: [] } });

const STEP_MS = 30_000;

/** What has focus now, and whether it is drawn: an outline of 2px or more, or a ring (box shadow). */
async function focusState(page: Page): Promise<{ what: string; shown: boolean } | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== "none";
    const label = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
    return { what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${label}"`, shown: el.matches(":focus-visible") && (outline || ring) };
  });
}

/**
 * Tabs (forwards, or back with Shift+Tab) until `target` has focus, checking on the way that each
 * focused control shows its focus. Fails when the target is not reached in `max` steps.
 */
async function tabTo(page: Page, target: Locator, unseen: string[], { back = false, max = 80 } = {}): Promise<void> {
  for (let step = 0; step <= max; step++) {
    const state = await focusState(page);
    if (state && !state.shown) unseen.push(`${page.url()} ${state.what}`);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${target} was not reached with ${back ? "Shift+Tab" : "Tab"} in ${max} steps on ${page.url()}`);
}

/** E-mail address, Tab, password, Enter; for staff the code of the authenticator app, Enter. */
async function logIn(page: Page, email: string, unseen: string[], totpSecret?: string): Promise<void> {
  await page.goto("/login");
  await tabTo(page, page.getByLabel("E-mailadres"), unseen);
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Wachtwoord")).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  if (!totpSecret) return;
  await expect(page).toHaveURL(/\/login\/twee-stappen$/);
  const field = page.getByLabel("Code uit uw app of herstelcode");
  for (let attempt = 0; attempt < 2; attempt++) {
    await tabTo(page, field, unseen);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(totpNow(totpSecret));
    await page.keyboard.press("Enter");
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 15_000 }).then(() => "in" as const, () => "timeout" as const),
      page.getByTestId("form-error").filter({ hasText: "al gebruikt" }).waitFor({ timeout: 15_000 }).then(() => "replayed" as const, () => "timeout" as const),
    ]);
    if (outcome === "in") return;
    if (outcome === "timeout") break;
    // The setup project logged this account in with this step's code a moment ago: wait for the next.
    await page.waitForTimeout(STEP_MS - (Date.now() % STEP_MS) + 500);
  }
  throw new Error("the second step of the login did not complete");
}

/** Follows a link of the page's navigation with Tab and Enter. */
async function follow(page: Page, link: Locator, unseen: string[]): Promise<void> {
  await tabTo(page, link, unseen);
  await page.keyboard.press("Enter");
}

test("beneficiary: logs in, sends a question, books a callback about it and cancels it in our own dialog", async ({ page }) => {
  test.setTimeout(120_000);
  const unseen: string[] = [];
  await logIn(page, ACCOUNTS.beneficiary.email, unseen);
  await expect(page).toHaveURL(/\/portaal$/);

  await follow(page, page.getByRole("navigation").getByRole("link", { name: "Nieuwe vraag" }), unseen);
  await expect(page).toHaveURL(/\/portaal\/nieuw$/);
  const category = page.getByLabel("Soort vraag");
  await tabTo(page, category, unseen);
  // The first choice is the disabled prompt: the arrow moves to the first kind of question.
  await page.keyboard.press("ArrowDown");
  await expect(category).not.toHaveValue("");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Onderwerp")).toBeFocused();
  await page.keyboard.type("Toetsenbord: vraag over mijn jaaropgave");
  await tabTo(page, page.getByLabel("Uw vraag"), unseen);
  await page.keyboard.type("Wanneer krijg ik mijn jaaropgave?");
  await tabTo(page, page.getByRole("button", { name: "Vraag versturen" }), unseen);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sent-number")).toContainText(/LK-\d{4}-\d{6}/);
  const number = /LK-\d{4}-\d{6}/.exec((await page.getByTestId("sent-number").textContent()) ?? "")![0];

  await follow(page, page.getByRole("link", { name: "Bekijk uw vraag" }), unseen);
  await expect(page.getByText(number).first()).toBeVisible();
  await follow(page, page.getByRole("link", { name: "Laat mij terugbellen over deze vraag" }), unseen);
  await expect(page).toHaveURL(/\/portaal\/terugbellen/);
  const booking = page.locator("form").filter({ has: page.getByRole("button", { name: "Afspraak maken" }) });
  await expect(booking.getByLabel("Over welke vraag?")).toHaveValue(/.+/);
  // Tab enters the group of moments at its first free one; Space chooses it, an arrow the next one.
  const free = booking.locator('input[name="slotKey"]:not([disabled])');
  await tabTo(page, free.first(), unseen);
  await page.keyboard.press("Space");
  await expect(free.first()).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(free.nth(1)).toBeChecked();
  await tabTo(page, booking.getByLabel("Uw telefoonnummer"), unseen);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("06 1234 5678");
  await tabTo(page, booking.getByRole("button", { name: "Afspraak maken" }), unseen);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Uw afspraak is gemaakt.")).toBeVisible();

  const appointment = page.getByTestId("appointment").filter({ hasText: `Over ${number}` });
  await expect(appointment).toHaveCount(1);
  const cancel = appointment.getByRole("button", { name: "Annuleren" });
  await tabTo(page, cancel, unseen, { back: true });
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Weet u het zeker?" });
  // The safe answer has focus first; Tab moves to the other and stays inside the dialog.
  await expect(dialog.getByRole("button", { name: "Afspraak houden" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Afspraak annuleren" })).toBeFocused();
  expect((await focusState(page))?.shown, "the dialog's answer shows its focus").toBe(true);
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(appointment.getByTestId("form-success")).toHaveText("Uw afspraak is geannuleerd.");
  // The buttons are gone with the appointment: focus is on the confirmation, not lost to the page's top.
  await expect(appointment.getByTestId("form-success")).toBeFocused();
  expect(await e2eQuery(`SELECT a.status FROM "CallbackAppointment" a JOIN "Ticket" t ON t.id = a."ticketId" WHERE t.number = $1`, [number])).toEqual([{ status: "CANCELLED" }]);
  expect(unseen, "controls that took focus without showing it").toEqual([]);
});

test("employer: logs in and sends a question on behalf of the organisation", async ({ page }) => {
  const unseen: string[] = [];
  await logIn(page, ACCOUNTS.employer.email, unseen);
  await expect(page).toHaveURL(/\/werkgever$/);
  await follow(page, page.getByRole("navigation").getByRole("link", { name: "Nieuwe vraag" }), unseen);
  await expect(page).toHaveURL(/\/werkgever\/vragen\/nieuw$/);
  const category = page.getByLabel("Onderwerp", { exact: true });
  await tabTo(page, category, unseen);
  await page.keyboard.press("ArrowDown");
  await expect(category).not.toHaveValue("");
  await tabTo(page, page.getByLabel("Korte omschrijving"), unseen);
  await page.keyboard.type("Toetsenbord: loonbeslag nieuwe medewerker");
  await tabTo(page, page.getByLabel("Uw vraag"), unseen);
  await page.keyboard.type("Hoe geven wij een loonbeslag door voor personeelsnummer 4711?");
  await tabTo(page, page.getByRole("button", { name: "Vraag versturen" }), unseen);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/werkgever\/vragen\/LK-\d{4}-\d{6}/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Toetsenbord: loonbeslag nieuwe medewerker");
  expect(unseen, "controls that took focus without showing it").toEqual([]);
});

test("agent: logs in with the authenticator code, finds a ticket in the queue and replies", async ({ page }) => {
  test.setTimeout(120_000);
  const [ticket] = await e2eQuery<{ id: string; number: string }>(
    `SELECT t.id, t.number FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" JOIN "TicketCategory" c ON c.id = t."categoryId"
     WHERE u.email = 'anna.jansen@burger.example' AND NOT c."dossierSensitive" AND c.key NOT IN ('HR_DESK', 'COMPLAINT') AND t.status IN ('NEW', 'OPEN')
     ORDER BY t."createdAt" LIMIT 1`,
  );
  expect(ticket, "the demo seed has an open general question of Anna").toBeDefined();
  const unseen: string[] = [];
  await logIn(page, ACCOUNTS.agent.email, unseen, DEMO_TOTP_SECRET);
  await expect(page).toHaveURL(/\/agent$/);

  await tabTo(page, page.getByLabel("Zoeken"), unseen);
  await page.keyboard.type(ticket!.number);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]q=LK-/);
  await follow(page, page.getByRole("link", { name: ticket!.number, exact: true }), unseen);
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${ticket!.id}$`));

  await tabTo(page, page.getByLabel("Antwoord", { exact: true }), unseen);
  await page.keyboard.type("Uw jaaropgave staat sinds vandaag in het portaal. (toetsenbord)");
  await tabTo(page, page.getByRole("button", { name: "Antwoord versturen" }), unseen);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Antwoord verstuurd" })).toBeVisible();
  await expect(page.getByText("Uw jaaropgave staat sinds vandaag in het portaal. (toetsenbord)").first()).toBeVisible();
  expect(unseen, "controls that took focus without showing it").toEqual([]);
});

/**
 * Tabs through the whole page from the top: every stop shows its focus, and Tab leaves the page in
 * the end (no trap). Returns how many stops the page has.
 */
async function tabThrough(page: Page, unseen: string[], max = 250): Promise<number> {
  const seen: string[] = [];
  for (let step = 0; step < max; step++) {
    await page.keyboard.press("Tab");
    const state = await focusState(page);
    if (!state) return seen.length;
    const id = await page.evaluate(() => {
      const el = document.activeElement!;
      return `${[...document.querySelectorAll("*")].indexOf(el)}`;
    });
    if (seen.includes(id)) return seen.length; // Back at the start: the browser's own controls are outside the page.
    seen.push(id);
    if (!state.shown) unseen.push(`${page.url()} ${state.what}`);
  }
  throw new Error(`Tab did not leave ${page.url()} in ${max} stops`);
}

const TOURS: [RoleKey, string[]][] = [
  ["beneficiary", ["/portaal", "/portaal/nieuw", "/portaal/terugbellen", "/portaal/klachten", "/portaal/contact"]],
  ["employer", ["/werkgever", "/werkgever/vragen/nieuw", "/werkgever/spoed", "/werkgever/accounts"]],
  ["agent", ["/agent", "/agent/telefoon", "/agent/terugbellen"]],
  ["coordinator", ["/agent/kpi", "/agent/escalaties"]],
  ["admin", ["/agent/beheer/instellingen", "/agent/beheer/lijnen", "/agent/beheer/medewerkers"]],
];

for (const [role, urls] of TOURS) {
  test.describe(`${role}: every stop of the Tab order`, () => {
    test.use({ storageState: storageStateOf(role) });
    test(`${role}: shows its focus and Tab goes on to the end of the page`, async ({ page }) => {
      test.setTimeout(180_000);
      const unseen: string[] = [];
      for (const url of urls) {
        await page.goto(url);
        await expect(page.locator("h1").first()).toBeVisible();
        expect(await tabThrough(page, unseen), `${url} has controls to reach`).toBeGreaterThan(3);
      }
      expect(unseen, "controls that took focus without showing it").toEqual([]);
    });
  });
}

test.describe("the focus check itself", () => {
  test.use({ storageState: storageStateOf("beneficiary") });
  test("notices controls whose focus is hidden", async ({ page }) => {
    await page.goto("/portaal/contact");
    await expect(page.locator("h1").first()).toBeVisible();
    await page.addStyleTag({ content: "*:focus-visible { outline: none !important; box-shadow: none !important; }" });
    const unseen: string[] = [];
    const stops = await tabThrough(page, unseen);
    expect(unseen).toHaveLength(stops);
  });
});
