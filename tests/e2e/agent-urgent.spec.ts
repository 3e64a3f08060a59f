import { expect, test } from "@playwright/test";
import { expectAccessible, pageAs } from "./support";

// Issue 18, item 1: an urgent mail nobody announced by phone is flagged for the case handler in the
// queue and on the ticket; recording the confirming call's outcome removes the flag. The demo seed
// holds such a mail of Bakkerij Van Dijk (prisma/seed-urgent.ts).

const SUBJECT = "SPOED: ziekmelding en loondoorbetaling";

test("the case handler sees an unannounced urgent mail flagged, records 'confirmed', and the flag is gone", async ({ browser }) => {
  const handler = await pageAs(browser, "handler");
  await handler.goto("/agent?verify=1");
  const row = handler.getByTestId("queue-table").getByRole("row").filter({ hasText: SUBJECT });
  await expect(row.getByTestId("urgent-verify-flag")).toHaveText(/Niet telefonisch aangekondigd/);
  await row.getByRole("link").first().click();

  const panel = handler.getByTestId("urgent-verify");
  await expect(panel).toContainText("Niet telefonisch aangekondigd: bel de werkgever ter bevestiging.");
  await expectAccessible(handler);
  // "Not reached" without a note is refused with a message, and nothing changes.
  await panel.getByLabel("Uitkomst van het gesprek").selectOption("NOT_REACHED");
  await panel.getByRole("button", { name: "Uitkomst vastleggen" }).click();
  await expect(panel.getByRole("alert")).toContainText("Vul een notitie in");
  await panel.getByLabel("Uitkomst van het gesprek").selectOption("CONFIRMED");
  await panel.getByLabel("Notitie").fill("Eva Bakker bevestigt: loondoorbetaling moet vandaag");
  await panel.getByRole("button", { name: "Uitkomst vastleggen" }).click();

  await expect(handler.getByTestId("urgent-verify")).toHaveCount(0);
  await expect(handler.getByTestId("urgent-verify-outcome")).toContainText("Telefonisch bevestigd als spoed");
  await expect(handler.getByTestId("timeline")).toContainText("Bevestigingsgesprek spoedverzoek: Telefonisch bevestigd als spoed");

  await handler.goto("/agent");
  const again = handler.getByTestId("queue-table").getByRole("row").filter({ hasText: SUBJECT });
  await expect(again).toHaveCount(1);
  await expect(again.getByTestId("urgent-verify-flag")).toHaveCount(0);
});
