import { expect, test } from "@playwright/test";
import { e2eQuery, storageStateOf } from "./support";

// Issue 19 (feedback): what a person reads on a question must match the question's state.

test.describe("feedback on a question", () => {
  test("the reopen hint only on a resolved question, two appointments explained, a note without a channel", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("beneficiary") });
    const page = await context.newPage();
    await page.goto("/portaal/nieuw");
    await page.getByLabel("Soort vraag").selectOption("GENERAL_QUESTION");
    await page.getByLabel("Onderwerp").fill("Feedback e2e");
    await page.getByLabel("Uw vraag").fill("Wanneer hoor ik iets?");
    await page.getByRole("button", { name: "Vraag versturen" }).click();
    const number = /LK-\d{4}-\d{6}/.exec((await page.getByTestId("sent-number").textContent()) ?? "")![0];
    const [ticket] = await e2eQuery<{ id: string; teamId: string; requesterId: string }>(`SELECT id, "teamId", "requesterId" FROM "Ticket" WHERE number = $1`, [number]);
    await page.goto(`/portaal/vragen/${ticket!.id}`);
    // An open question: a reply does not reopen anything, so no such hint.
    await expect(page.getByLabel("Uw reactie")).toBeVisible();
    await expect(page.getByText("Uw reactie opent een opgeloste vraag opnieuw.")).toHaveCount(0);

    // Resolved, with a missed call and a new booking on it.
    await e2eQuery(`UPDATE "Ticket" SET status = 'RESOLVED' WHERE id = $1`, [ticket!.id]);
    for (const [id, date, status] of [[`fb1-${ticket!.id}`, "2026-12-01", "UNREACHABLE"], [`fb2-${ticket!.id}`, "2026-12-08", "BOOKED"]] as const) {
      await e2eQuery(
        `INSERT INTO "CallbackAppointment" (id, "ticketId", "personId", "teamId", date, slot, "slotStart", phone, status, "bookedById") VALUES ($1, $2, $3, $4, $5, 'MORNING', ($5 || 'T08:00:00Z')::timestamptz, '0612345678', $6::"AppointmentStatus", $3)`,
        [id, ticket!.id, ticket!.requesterId, ticket!.teamId, date, status],
      );
    }
    await page.reload();
    await expect(page.getByText("Uw reactie opent een opgeloste vraag opnieuw.")).toBeVisible();
    const appointments = page.getByTestId("ticket-appointments");
    await expect(appointments).toContainText("Deze vraag heeft 2 afspraken");
    await expect(appointments.getByRole("listitem").nth(0)).toContainText(/1 december 2026.*Niet bereikt/);
    await expect(appointments.getByRole("listitem").nth(1)).toContainText(/8 december 2026.*Gepland/);
    await context.close();

    // The agent's timeline: an internal note is "Interne notitie", not "Interne notitie · Portaal".
    await e2eQuery(`INSERT INTO "Message" (id, "ticketId", direction, channel, body) VALUES ($1, $2, 'INTERNAL', 'PORTAL', 'Notitie voor collega''s')`, [`fbn-${ticket!.id}`, ticket!.id]);
    const agentContext = await browser.newContext({ storageState: storageStateOf("agent") });
    const agent = await agentContext.newPage();
    await agent.goto(`/agent/tickets/${ticket!.id}`);
    const note = agent.getByTestId("timeline").getByRole("article").filter({ hasText: "Notitie voor collega's" });
    await expect(note.locator("header")).toContainText("Interne notitie");
    await expect(note.locator("header")).not.toContainText("Portaal");
    await agentContext.close();
  });

  test("a callback without a chosen moment says what to choose", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("beneficiary") });
    const page = await context.newPage();
    await page.goto("/portaal/terugbellen");
    await page.getByLabel("Uw telefoonnummer").fill("0612345678");
    await page.getByRole("button", { name: "Afspraak maken" }).click();
    await expect(page.getByText("Kies een moment: een dag en een tijdvak.")).toBeVisible();
    await expect(page.getByText("Vul een geldige datum in.")).toHaveCount(0);
    await context.close();
  });
});
