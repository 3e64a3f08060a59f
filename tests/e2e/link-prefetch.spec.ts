import { expect, test, type Page } from "@playwright/test";
import { storageStateOf, type RoleKey } from "./support";

// Read-only: spread over the workers.
test.describe.configure({ mode: "parallel" });

/** Requests the page makes to the app by itself, apart from scripts and styles. */
function appRequests(page: Page) {
  const seen: { url: string; prefetch: boolean; document: boolean }[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/_next/static")) return;
    seen.push({ url: url.pathname, prefetch: request.headers()["next-router-prefetch"] !== undefined, document: request.resourceType() === "document" });
  });
  return seen;
}

// Every page is rendered per request, so a prefetch cost the server a render of the layouts for
// nothing: one look at the queue used to send some 30 of them (components/ui/link.tsx).
const PAGES: { role: RoleKey; path: string; link: string }[] = [
  { role: "handler", path: "/agent", link: "/agent/tickets/" },
  { role: "beneficiary", path: "/portaal", link: "/portaal/vragen/" },
  { role: "employer", path: "/werkgever", link: "/werkgever/vragen/" },
];

for (const { role, path, link } of PAGES) {
  test.describe(`${role} on ${path}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("the page fetches no links in the background, and a click still opens the page in place", async ({ page }) => {
      const seen = appRequests(page);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      // Links scrolled into view and hovered: neither fetches anything ahead.
      const first = page.locator(`main a[href^="${link}"]:not([href$="/nieuw"])`).first();
      await first.hover();
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(500);
      expect(seen.filter((r) => r.prefetch).map((r) => r.url)).toEqual([]);

      // The click is still a client-side navigation: no new document, the page's own request.
      const href = (await first.getAttribute("href"))!;
      const before = seen.length;
      await first.click();
      await expect(page).toHaveURL(href);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const after = seen.slice(before);
      expect(after.filter((r) => r.document)).toEqual([]);
      expect(after.some((r) => r.url === href && !r.prefetch)).toBe(true);
    });
  });
}
