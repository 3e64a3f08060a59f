import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support";

// Read-only: the queue is looked at, not changed.
test.use({ storageState: storageStateOf("handler") });

// The queue page keeps itself current by polling a fingerprint of what it shows every 10 s
// (components/agent/queue-poller.tsx). The page hands over the fingerprint it rendered, so the
// poller neither asks on arrival nor refreshes a queue that did not change.
test("the queue polls after its interval, not on arrival, and leaves an unchanged page alone", async ({ page }) => {
  const polls: number[] = [];
  const refreshes: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/agent/queue") polls.push(Date.now());
    // A router refresh asks the page again for its server components.
    else if (url.pathname === "/agent" && request.headers()["rsc"] !== undefined) refreshes.push(url.pathname);
  });
  await page.goto("/agent");
  await expect(page.getByTestId("queue-live")).toBeVisible();
  const arrived = Date.now();
  await page.waitForTimeout(3_000);
  expect(polls).toEqual([]);

  await expect.poll(() => polls.length, { timeout: 12_000 }).toBe(1);
  expect(polls[0]! - arrived).toBeGreaterThan(6_000);
  // The answer is the fingerprint the page was rendered with: nothing to refresh.
  await page.waitForTimeout(1_000);
  expect(refreshes).toEqual([]);
  await expect(page.getByTestId("queue-live")).not.toContainText(/bijgewerkt|updated/i);
});
