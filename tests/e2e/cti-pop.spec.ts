// An incoming call from the telephone platform pops the caller's panel in the agent's workspace,
// live, with the "not reached" note first; when it ends, the call waits on the phone page to be
// completed. Events are signed and sent as the simulator (npm run cti:simulate) sends them.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { postCtiEvent } from "../../lib/telephony/client";
import { e2eQuery, expectAccessible, storageStateOf } from "./support";

const SECRET = process.env.LOKET_CTI_SECRET ?? "whsec_ZTJlLW9ubHktY3RpLXNlY3JldA==";
test.use({ storageState: storageStateOf("handler") });

test("an answered call pops the caller's panel with the note, and the ended call waits to be completed", async ({ page, baseURL }) => {
  // A beneficiary of this spec's own, with a number nobody else has and a "not reached" note.
  const stamp = Date.now();
  const number = `06${String(stamp).slice(-8)}`;
  const [person] = await e2eQuery<{ id: string }>(
    `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "phone", "updatedAt")
     VALUES ($1, $2, 'Carla Pop', 'BENEFICIARY', '!', $3, now()) RETURNING "id"`,
    [`cti-${stamp}`, `carla.${stamp}@burger.example`, number],
  );
  await e2eQuery(`INSERT INTO "ContactNote" ("id", "subjectId", "kind", "body") VALUES ($1, $2, 'UNREACHABLE', 'Twee keer niet bereikt, voicemail ingesproken')`, [`note-${stamp}`, person!.id]);

  await page.goto("/agent");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The simulator puts one call through to this agent now, as the telephone platform would.
  const printed = execFileSync(
    "npx",
    ["tsx", "scripts/cti-simulate.ts", "--now", "--url", baseURL!, "--number", `+31 6 ${number.slice(2)}`, "--agent", "behandelaar@loket.example"],
    { env: { ...process.env, LOKET_CTI_SECRET: SECRET }, encoding: "utf8" },
  );
  const callId = /call (\S+) from/.exec(printed)?.[1] ?? "";
  expect(callId).not.toBe("");

  const pop = page.getByTestId("screen-pop");
  await expect(pop).toContainText("Carla Pop");
  await expect(page.getByTestId("screen-pop-alert")).toContainText("Twee keer niet bereikt");
  await page.screenshot({ path: "test-results/screens/cti-pop.png" });
  await pop.getByRole("link", { name: "Bellerpaneel openen" }).click();
  await expect(page.getByTestId("caller-panel")).toContainText("Carla Pop");

  expect((await postCtiEvent(`${baseURL}/api/cti/events`, SECRET, `${callId}-ended`, { type: "call.ended", callId, at: new Date().toISOString() })).status).toBe(200);
  await expect(pop).toBeHidden();
  await page.goto("/agent/telefoon");
  const drafts = page.getByTestId("draft-calls");
  await expect(drafts).toContainText("Carla Pop");
  await expectAccessible(page);
  await drafts.getByRole("link", { name: "Afronden: Carla Pop" }).click();
  await expect(page.getByTestId("completing-draft")).toBeVisible();
  const form = page.getByRole("form", { name: "Vraag vastleggen" });
  await form.getByLabel("Onderwerp").fill("Vraag over de betaaldatum");
  await form.getByLabel(/Samenvatting/).fill("Betaaldatum uitgelegd; opgelost in het gesprek.");
  await form.getByRole("button", { name: "Gesprek vastleggen" }).click();
  // Completed: the call leaves the list of calls to complete.
  await expect(page.getByTestId("draft-calls")).toBeHidden();
  const [record] = await e2eQuery<{ draft: boolean; summary: string }>(`SELECT "draft", "summary" FROM "CallRecord" WHERE "callerId" = $1`, [person!.id]);
  expect(record).toEqual({ draft: false, summary: "Betaaldatum uitgelegd; opgelost in het gesprek." });
});
