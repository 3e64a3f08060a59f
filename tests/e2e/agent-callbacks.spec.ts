import { expect, test } from "@playwright/test";
import { formatDateKeyLong } from "../../lib/calendar/format";
import { moveBookedAppointment, pastDate } from "./callback-db";
import { pageAs } from "./support";

test.describe("callback attempts", () => {
  test("a wrong number ends the appointment at once, and the call centre sees the note", async ({ browser }) => {
    const agent = await pageAs(browser, "agent");
    await agent.goto("/agent/telefoon?q=Bram");
    await agent.getByRole("link", { name: "Kiezen: Bram de Vries" }).click();
    // Fill only once the chosen caller's form is there (typing into the page being left is lost).
    await expect(agent.getByTestId("caller-panel")).toContainText("K-100232");
    await agent.getByLabel("Onderwerp").first().fill("Nummer controleren");
    await agent.getByLabel("Samenvatting van het gesprek").fill("Wil teruggebeld worden over zijn betaling.");
    await agent.getByLabel("Terugbelafspraak maken").check();
    const slot = agent.getByLabel("Moment van terugbellen");
    await slot.selectOption((await slot.locator("option").nth(1).getAttribute("value"))!);
    await agent.getByRole("button", { name: "Gesprek vastleggen" }).click();
    await expect(agent.getByRole("status").filter({ hasText: "terugbelafspraak gemaakt" })).toBeVisible();
    const date = pastDate();
    await moveBookedAppointment("Bram de Vries", "Nummer controleren", date);

    const handler = await pageAs(browser, "handler");
    await handler.goto(`/agent/terugbellen?date=${date}`);
    // The day reads as people write it ("3 december 2026"), not as the date field's "2026-12-03".
    await expect(handler.getByRole("heading", { level: 2, name: new RegExp(`^${formatDateKeyLong(date, "nl")} · (ochtend|middag)`) })).toHaveCount(2);
    const row = handler.getByTestId("callback-row").filter({ hasText: "Nummer controleren" });
    await row.getByLabel("Uitkomst").selectOption("WRONG_NUMBER");
    await row.getByLabel("Notitie").fill("Een kapsalon nam op");
    await row.getByRole("button", { name: "Vastleggen" }).click();
    await expect(row.getByTestId("callback-status")).toHaveText("verkeerd nummer");
    await expect(row.getByRole("button", { name: "Vastleggen" })).toHaveCount(0);

    await agent.goto("/agent/telefoon?q=Bram");
    await agent.getByRole("link", { name: "Kiezen: Bram de Vries" }).click();
    const note = agent.getByTestId("note-wrong-number").first();
    await expect(note).toContainText("Verkeerd nummer: 0687654321");
    // The history lists the ended appointment with its outcome.
    // It names the day as people write it ("27 november 2026"), never "yyyy-MM-dd".
    const history = agent.getByTestId("caller-history");
    await expect(history.locator('[data-kind="APPOINTMENT"]').filter({ hasText: "verkeerd nummer" }).filter({ hasText: `${formatDateKeyLong(date, "nl")}, ` }).first()).toBeVisible();
    await expect(history).not.toContainText(date);
    await agent.context().close();
    await handler.context().close();
  });

  test("an attempt long before the slot is refused with the reason, and nothing is logged", async ({ browser }) => {
    const handler = await pageAs(browser, "handler");
    await handler.goto("/agent/terugbellen");
    // The demo books Bram's callbacks on the next working day.
    await handler.getByRole("region", { name: "Komende dagen" }).getByRole("link").first().click();
    const row = handler.getByTestId("callback-row").filter({ hasText: "Bram de Vries" }).first();
    await row.getByLabel("Uitkomst").selectOption("NO_ANSWER");
    await row.getByRole("button", { name: "Vastleggen" }).click();
    await expect(row.getByRole("alert")).toContainText("Te vroeg");
    await expect(row.getByText("Nog geen pogingen.")).toBeVisible();
    await expect(row.getByTestId("callback-status")).toHaveText("gepland");
    await handler.context().close();
  });
});
