import { expect, test as setup } from "@playwright/test";
import { allE2eServers } from "./servers";
import { ACCOUNTS, login, storageStateFor, type RoleKey } from "./support";

// One saved login per role on every server, so the specs start signed in whichever worker runs them.
for (const server of allE2eServers()) {
  for (const role of Object.keys(ACCOUNTS) as RoleKey[]) {
    setup(`log in as ${role} on :${server.port}`, async ({ browser }) => {
      const context = await browser.newContext({ baseURL: server.baseURL });
      const page = await context.newPage();
      const account = ACCOUNTS[role];
      await login(page, account.email);
      await expect(page).toHaveURL(new RegExp(`${account.place}$`));
      await context.storageState({ path: storageStateFor(server, role) });
      await context.close();
    });
  }
}
