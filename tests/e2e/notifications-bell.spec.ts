import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectAccessible, storageStateOf } from "./support";
import { e2eServer } from "./servers";

// The customer success manager: no producer of the e2e run (LOKET_BACKGROUND=off, no sweeps)
// tells them anything, so the bell's number is this spec's alone.
const CSM = "csm@loket.example";

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eServer().databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function screen(page: import("@playwright/test").Page, name: string) {
  await page.screenshot({ path: `test-results/screens/notifications-${name}.png`, fullPage: true });
}

test.describe("the notification bell", () => {
  test.use({ storageState: storageStateOf("csm") });

  test("shows the unread count, opens the inbox, and an item opens its ticket and is read", async ({ page }) => {
    const stamp = `${Date.now()}`;
    const seeded = await withDb(async (client) => {
      const { rows: users } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [CSM]);
      // A Van Dijk ticket: the organisation this CSM looks after, so they may open it.
      const { rows: tickets } = await client.query<{ id: string; number: string; subject: string }>(
        `SELECT t.id, t.number, t.subject FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" JOIN "TicketCategory" c ON c.id = t."categoryId"
         WHERE u.email = 'tom.visser@vandijk.example' AND NOT c."dossierSensitive" AND c.key NOT IN ('HR_DESK', 'COMPLAINT') ORDER BY t."createdAt" LIMIT 1`,
      );
      const userId = users[0]!.id;
      const ticket = tickets[0]!;
      // Start from nothing unread, then three: the ticket's breach is the newest.
      await client.query(`UPDATE "Notification" SET "readAt" = now() WHERE "userId" = $1 AND "readAt" IS NULL`, [userId]);
      const insert = (n: number, kind: string, entityType: string, entityId: string, data: object, minutesAgo: number) =>
        client.query(
          `INSERT INTO "Notification" (id, "userId", kind, "dedupeKey", "entityType", "entityId", data, "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, now() - make_interval(mins => $8))`,
          [`e2e-bell-${stamp}-${n}`, userId, kind, `e2e-bell:${stamp}:${n}`, entityType, entityId, JSON.stringify(data), minutesAgo],
        );
      await insert(1, "escalation.assigned", "Escalation", `e2e-${stamp}`, { number: ticket.number, tier: 1, organisation: "Van Dijk" }, 90);
      await insert(2, "sla.at_risk", "Ticket", ticket.id, { number: ticket.number, subject: ticket.subject, state: "AT_RISK" }, 30);
      await insert(3, "sla.breached", "Ticket", ticket.id, { number: ticket.number, subject: ticket.subject, state: "BREACHED" }, 2);
      return ticket;
    });

    await page.goto("/agent");
    const bell = page.getByTestId("notification-bell");
    await expect(bell).toHaveAccessibleName("Meldingen, 3 ongelezen meldingen");
    await expect(page.getByTestId("notification-badge")).toHaveText("3");

    await bell.click();
    await expect(page).toHaveURL(/\/agent\/meldingen$/);
    await expect(page.getByRole("heading", { name: "Meldingen", level: 1 })).toBeVisible();
    const items = page.getByTestId("notification-item");
    await expect(items).toHaveCount(3);
    await expect(items.first()).toContainText("Termijn overschreden");
    await expect(items.first()).toContainText(seeded.number);
    await expect(items.first()).toHaveAttribute("data-unread", "true");
    await expectAccessible(page);
    await screen(page, "inbox");

    await items.first().getByTestId("notification-link").click();
    await expect(page).toHaveURL(new RegExp(`/agent/tickets/${seeded.id}$`));
    await expect(bell).toHaveAccessibleName("Meldingen, 2 ongelezen meldingen");
    await screen(page, "ticket");

    await page.goto("/agent/meldingen");
    await expect(page.getByTestId("notification-item").first()).not.toHaveAttribute("data-unread", "true");
    await page.getByTestId("notifications-mark-all").click();
    await expect(page.getByTestId("form-success")).toHaveText("Alle meldingen zijn als gelezen gemarkeerd.");
    await expect(bell).toHaveAccessibleName("Meldingen, Geen ongelezen meldingen");
  });

  test("preferences: per kind in the app, by mail or both, saved", async ({ page }) => {
    await page.goto("/agent/meldingen/voorkeuren");
    await expect(page.getByRole("heading", { name: "Voorkeuren voor meldingen", level: 1 })).toBeVisible();
    const breached = page.getByRole("group", { name: "Termijn overschreden" });
    // The default for a breach: both.
    await expect(breached.getByLabel("Beide")).toBeChecked();
    await expectAccessible(page);
    await breached.getByLabel("In Loket").check();
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByTestId("form-success")).toHaveText("Uw voorkeuren zijn opgeslagen.");
    await screen(page, "preferences");
    await page.reload();
    await expect(page.getByRole("group", { name: "Termijn overschreden" }).getByLabel("In Loket")).toBeChecked();
    // Back to the default, so a second run starts the same.
    await page.getByRole("group", { name: "Termijn overschreden" }).getByLabel("Beide").check();
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
  });
});
