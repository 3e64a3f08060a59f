import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, login, storageStateOf, type RoleKey } from "./support";

// One saved login per role, so the specs start signed in.
for (const role of Object.keys(ACCOUNTS) as RoleKey[]) {
  setup(`log in as ${role}`, async ({ page }) => {
    const account = ACCOUNTS[role];
    await login(page, account.email);
    await expect(page).toHaveURL(new RegExp(`${account.place}$`));
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
