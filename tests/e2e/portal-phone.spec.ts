// Issue 19 item 1: both portals fit a phone. WCAG 2.2 reflow: at 320 CSS px nothing scrolls
// sideways, and the way out ("Uitloggen") and the language switch stay on screen. Every portal
// page can also be photographed at 390 and 1280 px for a person to look at (E2E_PHOTOS=1; test-results/.../phone).
import { expect, test, type Page } from "@playwright/test";
import { e2eQuery, storageStateOf, type RoleKey } from "./support";

// Read-only checks, independent of each other: spread over the workers.
test.describe.configure({ mode: "parallel" });

async function oneId(sql: string): Promise<string> {
  const [row] = await e2eQuery<{ id: string }>(sql);
  if (!row) throw new Error(`demo seed has no row for: ${sql}`);
  return row.id;
}

/** Every page of a portal, record pages with a record of the signed-in person. */
const PAGES: Record<"beneficiary" | "employer", () => Promise<string[]>> = {
  beneficiary: async () => [
    "/portaal",
    "/portaal/nieuw",
    `/portaal/vragen/${await oneId(`SELECT t.id FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" WHERE u.email = 'anna.jansen@burger.example' ORDER BY t."createdAt" LIMIT 1`)}`,
    "/portaal/terugbellen",
    "/portaal/klachten",
    `/portaal/klachten/${await oneId(`SELECT c.id FROM "Complaint" c JOIN "User" u ON u.id = c."complainantId" WHERE u.email = 'anna.jansen@burger.example' LIMIT 1`)}`,
    "/portaal/contact",
    "/portaal/chat",
    "/portaal/wachtwoord",
  ],
  employer: async () => [
    "/werkgever",
    "/werkgever/vragen/nieuw",
    `/werkgever/vragen/${(await e2eQuery<{ number: string }>(`SELECT t.number FROM "Ticket" t JOIN "Organisation" o ON o.id = t."organisationId" WHERE o."externalNumber" = 'WG-40012' ORDER BY t."createdAt" LIMIT 1`))[0]!.number}`,
    "/werkgever/spoed",
    "/werkgever/escalaties",
    "/werkgever/klacht",
    "/werkgever/hr-desk",
    "/werkgever/overzicht",
    "/werkgever/accounts",
    "/werkgever/beveiliging",
    "/werkgever/contact",
    "/werkgever/chat",
    "/werkgever/wachtwoord",
  ],
};

/** How far the page is wider than the window, and the elements that stick out (for the message). */
async function overflowOf(page: Page): Promise<{ extra: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const box = element.getBoundingClientRect();
      // Inside a container that scrolls on its own (a wide table), sticking out is fine.
      let scroller = element.parentElement;
      while (scroller && getComputedStyle(scroller).overflowX === "visible") scroller = scroller.parentElement;
      if (box.right > width + 1 && box.width > 0 && (!scroller || scroller === document.body || scroller === document.documentElement)) {
        culprits.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${String(element.className).slice(0, 60)} (${Math.round(box.right)})`);
      }
    }
    return { extra: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 5) };
  });
}

const PHOTOS = process.env.E2E_PHOTOS === "1";

for (const role of ["beneficiary", "employer"] as const satisfies readonly RoleKey[]) {
  test.describe(`${role} portal on a phone`, () => {
    test.use({ storageState: storageStateOf(role) });

    // The photographs are for a person to look at (E2E_PHOTOS=1 npx playwright test portal-phone):
    // full-page shots of every page were a third of this test's time in runs where nobody looks.
    test(`every page reflows at 320 and 390 px, with the way out on screen${PHOTOS ? "; photographed at 390 and 1280 px" : ""}`, async ({ page }, testInfo) => {
      test.setTimeout(180_000);
      const pages = await PAGES[role]();
      const photograph = (url: string, width: number) =>
        page.screenshot({ path: testInfo.outputPath(`phone/${role}${url.replace(/[^a-z0-9]+/gi, "-")}-${width}.png`), fullPage: true });
      for (const url of pages) {
        for (const width of [320, 390]) {
          await page.setViewportSize({ width, height: 800 });
          const response = await page.goto(url);
          expect(response?.status(), url).toBe(200);
          const { extra, culprits } = await overflowOf(page);
          expect(extra, `${url} at ${width} px is ${extra} px too wide: ${culprits.join(", ")}`).toBeLessThanOrEqual(0);
          const logout = page.getByRole("banner").getByRole("button", { name: "Uitloggen", exact: true });
          await expect(logout, `${url} at ${width} px`).toBeInViewport();
          await expect(page.getByRole("banner").getByRole("button", { name: /English|Nederlands/ })).toBeInViewport();
          // The question list keeps its status and due date in view: each row is a card on a phone.
          if (url === "/portaal") {
            const row = page.getByTestId("ticket-row").first();
            for (const cell of ["ticket-status", "ticket-due"]) {
              const box = await row.getByTestId(cell).boundingBox();
              expect(box && box.x + box.width, `${cell} at ${width} px ends within the screen`).toBeLessThanOrEqual(width);
            }
          }
          if (PHOTOS && width === 390) await photograph(url, width);
        }
        if (PHOTOS) {
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.goto(url);
          await photograph(url, 1280);
        }
      }
    });
  });
}

test.describe("text without spaces", () => {
  test.use({ storageState: storageStateOf("beneficiary") });

  test("a question with a 150-character word and a 400-character address wraps on its page at 390 and 1280 px instead of widening it", async ({ page }) => {
    const word = `Uitkeringsspecificatie${"x".repeat(128)}`;
    await page.goto("/portaal/nieuw");
    await page.getByLabel("Soort vraag").selectOption("DOSSIER_QUESTION");
    await page.getByLabel("Onderwerp").fill(word);
    await page.getByLabel("Uw vraag").fill(`Zie https://voorbeeld.example/${"pad/".repeat(95)}einde en graag antwoord.`);
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    await page.getByRole("link", { name: "Bekijk uw vraag" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(word);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const { extra, culprits } = await overflowOf(page);
      expect(extra, `at ${width} px the page is ${extra} px too wide: ${culprits.join(", ")}`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe("workspace on a tablet", () => {
  test.use({ storageState: storageStateOf("handler") });

  test("the queue at 768 px scrolls no page sideways (a wide table scrolls in its own box)", async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto("/agent");
    const { extra, culprits } = await overflowOf(page);
    expect(extra, `the queue is ${extra} px too wide: ${culprits.join(", ")}`).toBeLessThanOrEqual(0);
    await expect(page.getByRole("banner").getByRole("button", { name: "Uitloggen", exact: true })).toBeInViewport();
  });
});
