import { expect, test } from "@playwright/test";
import { storageStateOf, todayInAmsterdam, type RoleKey } from "./support";

// Hole 8 of issue 13: hostile addresses (inherited key names, repeated parameters, dates that do
// not exist, malformed %-escapes) must get a 4xx or the page's default view, never a 500.

// `status`: the exact answer where it is known; otherwise any answer below 500 (a page may redirect).
const CASES: { role: RoleKey | null; url: string; status?: number }[] = [
  { role: null, url: "/login?callbackUrl=/agent&callbackUrl=/portaal", status: 200 },
  { role: null, url: "/login?error=constructor", status: 200 },
  { role: null, url: "/login/twee-stappen?callbackUrl=a&callbackUrl=b" },
  { role: "agent", url: "/agent?channel=constructor&status=__proto__&sla=toString&page=hasOwnProperty&__proto__=1", status: 200 },
  { role: "agent", url: "/agent/kennisbank?q=ziek&q=melding&kind=constructor&page=__proto__", status: 200 },
  { role: "agent", url: "/agent/telefoon?q=an&q=jansen&caller=x&caller=y", status: 200 },
  { role: "agent", url: "/agent/terugbellen?date=2026-02-30&team=constructor" },
  { role: "agent", url: "/api/agent/queue?constructor=1&__proto__=2&channel=toString", status: 200 },
  // A NUL character cannot reach PostgreSQL's text: refused before any page runs.
  { role: "agent", url: "/agent?q=%00", status: 400 },
  { role: "agent", url: "/agent?q=abc%00def", status: 400 },
  { role: "agent", url: "/api/agent/queue?q=%00", status: 400 },
  { role: "beneficiary", url: "/portaal/vragen/%00", status: 400 },
  { role: "agent", url: "/api/agent/kb?q=constructor&q=__proto__", status: 200 },
  { role: "manager", url: "/agent/kpi?from=2026-02-30&to=2026-02-31", status: 200 },
  { role: "manager", url: "/agent/kpi?from=a&from=b", status: 200 },
  { role: "manager", url: "/agent/kpi/export?table=constructor", status: 400 },
  { role: "manager", url: "/agent/kpi/export?table=summary&from=2026-02-30&to=2026-03-01", status: 400 },
  { role: "manager", url: "/agent/klachten?stage=constructor&page=toString" },
  { role: "manager", url: "/agent/escalaties?tier=constructor" },
  { role: "employer", url: "/werkgever/vragen/%25", status: 404 },
  { role: "employer", url: "/werkgever?pagina=constructor&pagina=2", status: 200 },
  { role: "beneficiary", url: "/portaal?pagina=__proto__", status: 200 },
  { role: "beneficiary", url: "/portaal/terugbellen?vraag=constructor&vraag=x", status: 200 },
];

test.describe("hostile addresses", () => {
  for (const { role, url, status } of CASES) {
    test(`${role ?? "anonymous"} ${url} answers ${status ?? "below 500"}`, async ({ browser }) => {
      const context = await browser.newContext(role ? { storageState: storageStateOf(role) } : {});
      const response = await context.request.get(url, { maxRedirects: 0 });
      if (status === undefined) expect(response.status()).toBeLessThan(500);
      else expect(response.status()).toBe(status);
      await context.close();
    });
  }
});

test("an impossible day on the callback list shows today's list, not a heading of a day that does not exist", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("agent") });
  const page = await context.newPage();
  for (const date of ["2026-13-45", "2026-02-30"]) {
    await page.goto(`/agent/terugbellen?date=${date}`);
    await expect(page.getByLabel("Datum")).toHaveValue(todayInAmsterdam());
    await expect(page.getByRole("heading", { level: 2 }).first()).not.toContainText(date);
  }
  await context.close();
});

test("a page number past the end goes to the last page, with the filters kept", async ({ browser }) => {
  for (const [role, url, landing] of [
    ["beneficiary", "/portaal?pagina=99", /\/portaal(\?pagina=\d+)?$/],
    ["employer", "/werkgever?pagina=99", /\/werkgever(\?pagina=\d+)?$/],
    ["agent", "/agent?status=OPEN&page=999", /\/agent\?status=OPEN(&page=\d+)?$/],
    ["admin", "/agent/beheer/mail?status=SENT&page=999", /\/agent\/beheer\/mail\?status=SENT(&page=\d+)?$/],
  ] as const) {
    const context = await browser.newContext({ storageState: storageStateOf(role) });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page, url).toHaveURL(landing);
    await context.close();
  }
});
