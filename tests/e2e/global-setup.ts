import { allE2eServers } from "./servers";

// Playwright waits for the first app server only (playwright.config.ts); the others start beside it
// from the same command and must answer before the logins of the setup project begin.
const READY_WITHIN_MS = 180_000;

export default async function waitForEveryServer(): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  await Promise.all(
    allE2eServers().map(async (server) => {
      for (;;) {
        const status = await fetch(`${server.baseURL}/login`, { redirect: "manual" }).then((response) => response.status, () => 0);
        if (status === 200) return;
        if (Date.now() > deadline) throw new Error(`the e2e server on ${server.baseURL} did not answer within ${READY_WITHIN_MS / 1000} s (last status ${status || "no answer"})`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }),
  );
}
