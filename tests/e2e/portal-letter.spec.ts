// An answer Loket posted as a letter shows in the customer's own conversation with a link to the
// letter as it was printed (salutation, address, signature); nobody else gets that PDF. The spec
// makes its own question and letter on Anna's account, so it depends on no other spec.
import { expect, test } from "@playwright/test";
import { e2eQuery, expectAccessible, pageAs, storageStateOf } from "./support";

test.use({ storageState: storageStateOf("beneficiary") });

test("the portal links the letter we posted, as a PDF only its addressee gets", async ({ page, browser }) => {
  const run = Date.now().toString(36);
  const [anna] = await e2eQuery<{ id: string }>(`SELECT id FROM "User" WHERE email = 'anna.jansen@burger.example'`);
  const [handler] = await e2eQuery<{ id: string }>(`SELECT id FROM "User" WHERE email = 'behandelaar@loket.example'`);
  const [category] = await e2eQuery<{ id: string }>(`SELECT id FROM "TicketCategory" WHERE key = 'GENERAL_QUESTION'`);
  const ticketId = `e2e-letter-${run}`;
  await e2eQuery(
    `INSERT INTO "Ticket" (id, number, subject, "categoryId", channel, "replyChannel", status, "requesterId", "updatedAt") VALUES ($1, $2, $3, $4, 'LETTER', 'LETTER', 'OPEN', $5, now())`,
    [ticketId, `LK-2026-${String(Date.now()).slice(-6)}`, `Brief over mijn toeslag ${run}`, category!.id, anna!.id],
  );
  await e2eQuery(
    `INSERT INTO "Message" (id, "ticketId", direction, channel, "authorId", body, "createdAt") VALUES ($1, $2, 'OUTBOUND', 'LETTER', $3, 'Uw toeslag wordt op 1 januari aangepast.', now())`,
    [`${ticketId}-m`, ticketId, handler!.id],
  );

  await page.goto(`/portaal/vragen/${ticketId}`);
  const message = page.getByTestId("message").filter({ hasText: "Uw toeslag wordt op 1 januari aangepast." });
  await expect(message.getByTestId("message-channel")).toHaveText("per brief");
  const link = message.getByRole("link", { name: "De brief zoals wij die per post stuurden (PDF)" });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  const href = await link.getAttribute("href");
  const letter = await page.request.get(href!);
  expect(letter.status()).toBe(200);
  expect(letter.headers()["content-type"]).toBe("application/pdf");
  expect((await letter.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Another customer and a case handler get nothing from this address.
  for (const role of ["employer", "handler"] as const) {
    const other = await pageAs(browser, role);
    expect((await other.request.get(href!)).status(), role).toBe(404);
    await other.context().close();
  }
});
