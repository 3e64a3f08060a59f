// Webhooks admin page (issue 16 item 2): an admin registers a receiver, copies the secret that is
// shown once, sees the delivery log of a question asked in the portal, sends a failed delivery
// again, and deletes the receiver through our confirm dialog. The spec makes its own endpoint.
import { expect, test } from "@playwright/test";
import { e2eQuery, expectAccessible, storageStateOf } from "./support";

test.describe("webhooks (admins)", () => {
  test.use({ storageState: storageStateOf("admin") });
  test.setTimeout(120_000);

  test("register a receiver, see its secret once, read its delivery log, send again, delete", async ({ page }) => {
    const url = `https://backoffice-${Date.now().toString(36)}.example/loket`;
    await page.goto("/agent/beheer/webhooks");
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expect(page).toHaveTitle(/^Webhooks/);

    // Plain http to another machine is refused, with what to do instead.
    await page.getByLabel("Adres (URL) van de ontvanger").fill("http://backoffice.example/loket");
    await page.getByLabel(/Ticket aangemaakt/).check();
    await page.getByRole("button", { name: "Ontvanger toevoegen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("Gebruik https");
    // Said at the address too, which is marked for screen readers.
    await expect(page.getByLabel("Adres (URL) van de ontvanger")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#webhook-url-error")).toContainText("Gebruik https");

    await page.getByLabel("Adres (URL) van de ontvanger").fill(url);
    await page.getByLabel("Omschrijving (optioneel)").fill("Uitkeringsadministratie");
    await page.getByLabel(/Ticket aangemaakt/).check();
    await page.getByLabel(/Status van ticket gewijzigd/).check();
    await page.getByRole("button", { name: "Ontvanger toevoegen" }).click();
    const secret = page.getByTestId("webhook-secret");
    await expect(secret).toContainText("maar één keer getoond");
    const shown = (await secret.locator("code").textContent()) ?? "";
    expect(shown).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await expectAccessible(page);

    // After a reload the secret is gone for good, also from the page's HTML.
    await page.reload();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(shown.slice(6));
    const row = page.getByTestId("webhook-row").filter({ hasText: url });
    await expect(row).toContainText("ticket.created");
    await expect(row).toContainText("Actief");

    // One delivery that failed for good and one still waiting, as the worker would have left them.
    const [endpoint] = await e2eQuery<{ id: string }>(`SELECT id FROM "WebhookEndpoint" WHERE url = $1`, [url]);
    await e2eQuery(
      `INSERT INTO "WebhookDelivery" (id, "endpointId", "eventId", "eventType", payload, status, attempts, "lastAttemptAt", "lastStatusCode", "lastError", "createdAt", "nextAttemptAt")
       VALUES ($1, $2, 'msg_e2efailed', 'ticket.created', '{}', 'FAILED', 12, now(), 503, 'HTTP 503 Service Unavailable', now() - interval '25 hours', now()),
              ($3, $2, 'msg_e2ewaiting', 'ticket.status_changed', '{}', 'PENDING', 0, NULL, NULL, NULL, now(), now())`,
      [`${endpoint!.id}-failed`, endpoint!.id, `${endpoint!.id}-waiting`],
    );
    await row.getByRole("link", { name: "Bezorglog" }).click();
    await expect(page.getByRole("heading", { level: 1, name: url })).toBeVisible();
    await expect(page).toHaveTitle(/^Webhook backoffice-/);
    const log = page.getByTestId("webhook-log");
    const failed = log.locator("tr", { hasText: "msg_e2efailed" });
    await expect(failed).toContainText("Mislukt");
    await expect(failed).toContainText("HTTP 503");
    await expect(log.locator("tr", { hasText: "msg_e2ewaiting" })).toContainText("Wachtend");
    await expectAccessible(page);

    await failed.getByRole("button", { name: "Opnieuw versturen" }).click();
    await expect(log.locator("tr", { hasText: "msg_e2efailed" })).toContainText("Wachtend");
    const [resent] = await e2eQuery<{ status: string }>(`SELECT status::text FROM "WebhookDelivery" WHERE id = $1`, [`${endpoint!.id}-failed`]);
    expect(resent!.status).toBe("PENDING");

    // Pause and resume.
    await page.getByTestId("webhook-pause").click();
    await expect(page.getByTestId("webhook-status")).toContainText("Gepauzeerd sinds");
    await page.getByRole("button", { name: "Hervatten" }).click();
    await expect(page.getByTestId("webhook-status")).toContainText("Actief");

    // Delete, confirmed in our own dialog.
    await page.getByRole("link", { name: "Terug naar webhooks" }).click();
    await page.getByTestId("webhook-row").filter({ hasText: url }).getByRole("button", { name: "Verwijderen" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(url);
    await dialog.getByRole("button", { name: "Ja, doorgaan" }).click();
    await expect(page.getByTestId("webhook-row").filter({ hasText: url })).toHaveCount(0);
    expect(await e2eQuery(`SELECT id FROM "WebhookDelivery" WHERE "endpointId" = $1`, [endpoint!.id])).toEqual([]);
    const audited = await e2eQuery<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "entityId" IN ($1, $2) ORDER BY "createdAt"`, [endpoint!.id, `${endpoint!.id}-failed`]);
    expect(audited.map((a) => a.action)).toEqual(["webhook.endpoint.create", "webhook.delivery.resend", "webhook.endpoint.pause", "webhook.endpoint.resume", "webhook.endpoint.delete"]);
  });
});
