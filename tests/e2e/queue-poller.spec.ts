import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support";

// Read-only: the queue is looked at, not changed.
test.use({ storageState: storageStateOf("handler") });

// The queue page keeps itself current by polling a fingerprint of what it shows every 10 s
// (components/agent/queue-poller.tsx). The page hands over the fingerprint it rendered, so the
// poller neither asks on arrival nor refreshes a queue that did not change. The page's clock is
// Playwright's, moved on by hand, so the test does not wait the interval out.
test("the queue polls after its interval, not on arrival, and leaves an unchanged page alone", async ({ page }) => {
  const polls: string[] = [];
  const refreshes: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/agent/queue") polls.push(url.search);
    // A router refresh asks the page again for its server components.
    else if (url.pathname === "/agent" && request.headers()["rsc"] !== undefined) refreshes.push(url.pathname);
  });
  // Paused from the start: only runFor moves the page's time, however long the page takes to load
  // on a busy machine (with the clock flowing, a slow load had the first poll come "early").
  const start = new Date();
  await page.clock.install({ time: start });
  await page.clock.pauseAt(new Date(start.getTime() + 1_000));
  await page.goto("/agent");
  await expect(page.getByTestId("queue-live")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.clock.runFor(9_000);
  await page.waitForTimeout(300);
  expect(polls).toEqual([]);

  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/agent/queue");
  await page.clock.runFor(1_500);
  expect((await answered).status()).toBe(200);
  expect(polls).toHaveLength(1);
  // The answer is the fingerprint the page was rendered with: nothing to refresh.
  await page.waitForTimeout(500);
  expect(refreshes).toEqual([]);
  await expect(page.getByTestId("queue-live")).not.toContainText(/bijgewerkt|updated/i);
});
