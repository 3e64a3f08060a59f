import { expect, test } from "@playwright/test";
import { pdfPages } from "../support/pdf-text";
import { expectAccessible, storageStateOf } from "./support";

test.describe("a reply by letter", () => {
  test("the handler answers a letter ticket and gets the letter as a PDF; other people get none", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("handler") });
    const handler = await context.newPage();
    await handler.goto("/agent?channel=LETTER");
    const link = handler.getByTestId("queue-table").getByRole("link").first();
    const number = (await link.textContent())!.trim();
    await link.click();
    await expect(handler.getByRole("heading", { level: 1 })).toContainText(number);
    await expect(handler.getByLabel("Kanaal")).toHaveValue("LETTER");
    await handler.getByLabel("Antwoord", { exact: true }).fill("Wij hebben uw brief ontvangen.\n\nDe betaling volgt op 1 december.");
    await handler.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(handler.getByRole("status").filter({ hasText: "Antwoord verstuurd per brief" })).toBeVisible();
    await expectAccessible(handler);

    const pdfLink = handler.getByRole("link", { name: "Brief als PDF" }).last();
    const href = (await pdfLink.getAttribute("href"))!;
    const response = await handler.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toContain(`brief-${number}.pdf`);
    const lines = (await pdfPages(await response.body())).flat();
    expect(lines).toEqual(expect.arrayContaining([number, "Wij hebben uw brief ontvangen.", "De betaling volgt op 1 december."]));

    // A beneficiary (whatever the ticket) and a signed-out visitor cannot fetch staff letters.
    const beneficiary = await browser.newContext({ storageState: storageStateOf("beneficiary") });
    expect((await beneficiary.request.get(href)).status()).toBe(403);
    const anonymous = await browser.newContext();
    expect((await anonymous.request.get(href)).status()).toBe(403);
    await Promise.all([context.close(), beneficiary.close(), anonymous.close()]);
  });
});
