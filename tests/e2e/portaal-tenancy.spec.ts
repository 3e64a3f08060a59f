import { expect, test } from "@playwright/test";
import { login, storageStateOf } from "./support";

test.describe("beneficiary portal: another person's ticket", () => {
  test("cannot be opened, booked on or complained about by changing ids", async ({ browser }) => {
    const annaContext = await browser.newContext({ storageState: storageStateOf("beneficiary") });
    const anna = await annaContext.newPage();
    await anna.goto("/portaal");
    const link = anna.getByTestId("ticket-row").first().getByRole("link");
    const number = (await link.textContent())!.trim();
    const href = (await link.getAttribute("href"))!;
    const ticketId = href.split("/").pop()!;
    await annaContext.close();

    const bramContext = await browser.newContext();
    const bram = await bramContext.newPage();
    await login(bram, "bram.devries@burger.example");
    await expect(bram).toHaveURL(/\/portaal$/);
    await expect(bram.getByRole("link", { name: number })).toHaveCount(0);
    const response = await bram.goto(href);
    expect(response?.status()).toBe(404);

    // A foreign ticket id in the booking link is not preselected: the booking would be a new question.
    await bram.goto(`/portaal/terugbellen?vraag=${ticketId}`);
    await expect(bram.getByLabel("Over welke vraag?")).toHaveValue("");

    await bram.goto(`/portaal/klachten?nummer=${number}`);
    // Bram has a complaint of his own in the demo; the refused one must not join it.
    const before = await bram.getByTestId("complaint").count();
    await bram.getByLabel("Datum van het laatste contact of de laatste herinnering").fill("2026-01-05");
    await bram.getByLabel("Uw klacht", { exact: true }).fill("Ik probeer een klacht over andermans vraag in te dienen.");
    await bram.getByRole("button", { name: "Klacht indienen" }).click();
    await expect(bram.getByTestId("form-error")).toContainText("Wij vinden geen vraag van u met dit registratienummer.");
    await expect(bram.getByTestId("complaint")).toHaveCount(before);
    await bramContext.close();
  });

  test("an employer contact has no access to the beneficiary portal", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("employer") });
    const page = await context.newPage();
    await page.goto("/portaal");
    await expect(page.getByRole("heading", { name: "Mijn vragen" })).toHaveCount(0);
    await context.close();
  });
});
