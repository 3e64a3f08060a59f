import { expect, test } from "@playwright/test";
import { expectAccessible, pageAs } from "./support";

// Issue 18, 11b: once a case handler answers, the ticket says so and the customer is no longer
// shown a due time for an answer they already have.

test("a handler answers a portal question: the ticket shows it answered in time and the beneficiary sees no due time", async ({ browser }) => {
  const anna = await pageAs(browser, "beneficiary");
  await anna.goto("/portaal/nieuw");
  await anna.getByLabel("Soort vraag").selectOption("GENERAL_QUESTION");
  await anna.getByLabel("Onderwerp").fill("Vraag over mijn jaaropgave");
  await anna.getByLabel("Uw vraag").fill("Waar vind ik mijn jaaropgave van vorig jaar?");
  await anna.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(anna.getByTestId("sent-number")).toContainText(/LK-\d{4}-\d{6}/);
  const number = /LK-\d{4}-\d{6}/.exec((await anna.getByTestId("sent-number").textContent()) ?? "")![0];
  await anna.getByRole("link", { name: "Bekijk uw vraag" }).click();
  await expect(anna.getByTestId("ticket-due")).toBeVisible();
  const ticketUrl = anna.url();

  const handler = await pageAs(browser, "handler");
  await handler.goto(`/agent?q=${number}`);
  await handler.getByTestId("queue-table").getByRole("link", { name: number }).click();
  await expect(handler.getByTestId("sla-due")).not.toContainText("Beantwoord");
  await handler.getByLabel("Antwoord", { exact: true }).fill("U vindt uw jaaropgave onder Mijn documenten.");
  await handler.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(handler.getByRole("status").filter({ hasText: "Antwoord verstuurd" })).toBeVisible();
  await expect(handler.getByTestId("sla-due")).toContainText("Beantwoord op tijd");
  await expect(handler.getByTestId("timeline")).toContainText("Klok gestopt: beantwoord op tijd");
  await expectAccessible(handler);

  await anna.goto(ticketUrl);
  await expect(anna.getByTestId("ticket-answered")).toBeVisible();
  await expect(anna.getByTestId("ticket-due")).toHaveCount(0);
  await expect(anna.getByTestId("message").last()).toContainText("Mijn documenten");
  await expectAccessible(anna);
  await anna.goto("/portaal");
  await expect(anna.getByTestId("ticket-row").filter({ hasText: number }).getByTestId("ticket-due")).toHaveText("—");

  await handler.context().close();
  await anna.context().close();
});
