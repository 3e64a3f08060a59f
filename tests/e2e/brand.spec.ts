// The organisation's house style (issue 19 item 12): an admin sets name, colour and logo, and the
// portals and the login page show them at once; a colour white text cannot be read on and an SVG
// logo are refused with the reason. The spec restores Loket's own style itself (and in afterAll,
// should a step fail), so no other spec sees this one's brand.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eQuery, expectAccessible, storageStateOf } from "./support";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const NAME = "Gemeente Brandstad";
const COLOUR = "#7a1f5c";
const COLOUR_RGB = "rgb(122, 31, 92)";

test.afterAll(async () => {
  await e2eQuery(`DELETE FROM "Setting" WHERE "key" IN ('brand', 'brand.logo')`);
});

/** A page in its own context (axe needs one made with newContext). */
async function pageAs(browser: Browser, storageState: string | { cookies: []; origins: [] }): Promise<Page> {
  return (await browser.newContext({ storageState })).newPage();
}

async function headerOf(page: Page) {
  const header = page.locator("header").first();
  return { brand: header.getByTestId("brand-name"), background: await header.evaluate((el) => getComputedStyle(el).backgroundColor) };
}

test("an admin sets the organisation's name, colour and logo; portals and login show them until the default is restored", async ({ browser }) => {
  test.setTimeout(90_000); // four people, two axe scans
  const admin = await pageAs(browser, storageStateOf("admin"));
  await admin.goto("/agent/beheer/instellingen");
  const section = admin.getByRole("region", { name: "Huisstijl" });
  await expect(section).toBeVisible();

  // Refusals first: a light colour (with its contrast) and an SVG logo; nothing is saved.
  await section.getByLabel("Naam van de organisatie").fill(NAME);
  await section.getByLabel("Hoofdkleur", { exact: true }).fill("#ffd700");
  await expect(section.getByTestId("brand-contrast")).toHaveText("Contrast met witte tekst: 1,4:1");
  await section.getByLabel("Logo", { exact: true }).setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await section.getByRole("button", { name: "Huisstijl opslaan" }).click();
  await expect(section.getByRole("alert")).toHaveText("De huisstijl is niet opgeslagen. Verbeter de gemarkeerde velden.");
  await expect(section.getByText("Witte tekst is op deze kleur slecht leesbaar (contrast 1,4:1, minimaal 4,5:1 nodig). Kies een donkerdere kleur.")).toBeVisible();
  await expect(section.getByLabel("Hoofdkleur", { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect(await e2eQuery(`SELECT 1 FROM "Setting" WHERE "key" = 'brand'`)).toHaveLength(0);

  await section.getByLabel("Hoofdkleur", { exact: true }).fill(COLOUR);
  await section.getByRole("button", { name: "Huisstijl opslaan" }).click();
  await expect(section.getByText("Het logo moet een PNG- of JPEG-afbeelding zijn (geen SVG, PDF of ander bestand).")).toBeVisible();
  expect(await e2eQuery(`SELECT 1 FROM "Setting" WHERE "key" = 'brand'`)).toHaveLength(0);

  const huge = Buffer.concat([PNG, Buffer.alloc(600 * 1024)]);
  await section.getByLabel("Logo", { exact: true }).setInputFiles({ name: "groot.png", mimeType: "image/png", buffer: huge });
  await section.getByRole("button", { name: "Huisstijl opslaan" }).click();
  await expect(section.getByText("Het logo is groter dan 500 kB. Kies een kleiner bestand.")).toBeVisible();
  await section.getByLabel("Logo", { exact: true }).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
  await section.getByRole("button", { name: "Huisstijl opslaan" }).click();
  await expect(section.getByRole("status")).toHaveText("De huisstijl is opgeslagen. Portalen, e-mails en brieven tonen hem vanaf nu.");
  await expectAccessible(admin);
  // The workspace itself takes the style too.
  await admin.reload();
  expect((await headerOf(admin)).background).toBe(COLOUR_RGB);

  // A citizen sees the organisation's name, logo and colour in the portal, and in the tab's title.
  const citizen = await pageAs(browser, storageStateOf("beneficiary"));
  await citizen.goto("/portaal");
  const portal = await headerOf(citizen);
  await expect(portal.brand).toHaveText(NAME);
  expect(portal.background).toBe(COLOUR_RGB);
  const logo = citizen.locator("header").getByTestId("brand-mark").locator("img");
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(citizen).toHaveTitle(new RegExp(`${NAME}$`));
  await expectAccessible(citizen);
  await citizen.setViewportSize({ width: 390, height: 844 });
  await citizen.screenshot({ path: test.info().outputPath("portal-brand-390.png") });

  // So does an employer, and anyone on the login page.
  const employer = await pageAs(browser, storageStateOf("employer"));
  await employer.goto("/werkgever");
  await expect((await headerOf(employer)).brand).toHaveText(NAME);
  const visitor = await pageAs(browser, { cookies: [], origins: [] });
  await visitor.goto("/login");
  await expect(visitor.getByTestId("brand-name")).toHaveText(NAME);
  await expect(visitor.getByTestId("brand-mark").locator("img")).toBeVisible();

  // Restoring the default brings Loket back everywhere.
  await admin.goto("/agent/beheer/instellingen");
  await admin.getByRole("region", { name: "Huisstijl" }).getByRole("button", { name: "Standaard herstellen" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Standaard herstellen" }).click();
  await expect(admin.getByRole("region", { name: "Huisstijl" }).getByRole("status")).toHaveText("De standaardhuisstijl van Loket is hersteld.");
  await citizen.goto("/portaal");
  await expect((await headerOf(citizen)).brand).toHaveText("Loket");
  expect((await headerOf(citizen)).background).toBe("rgb(17, 84, 103)");
  await expect(citizen.locator("header").getByTestId("brand-mark").locator("img")).toHaveCount(0);
});
