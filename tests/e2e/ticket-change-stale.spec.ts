import { expect, test, type Browser } from "@playwright/test";
import { pageAs } from "./support";

// The change form sends only what the person changed, with what it showed for it: a take on the
// same page or another tab's change is never undone by a form that still shows the old values.

async function newQuestion(browser: Browser, subject: string): Promise<string> {
  const anna = await pageAs(browser, "beneficiary");
  await anna.goto("/portaal/nieuw");
  await anna.getByLabel("Soort vraag").selectOption("GENERAL_QUESTION");
  await anna.getByLabel("Onderwerp").fill(subject);
  await anna.getByLabel("Uw vraag").fill("Klopt het bedrag op mijn jaaropgave?");
  await anna.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(anna.getByTestId("sent-number")).toContainText(/LK-\d{4}-\d{6}/);
  const number = /LK-\d{4}-\d{6}/.exec((await anna.getByTestId("sent-number").textContent()) ?? "")![0];
  await anna.context().close();
  return number;
}

test("a take and another tab's change survive a change saved from the form", async ({ browser }) => {
  const number = await newQuestion(browser, "Jaaropgave bedrag");
  const handler = await pageAs(browser, "handler");
  await handler.goto(`/agent?q=${number}`);
  await handler.getByTestId("queue-table").getByRole("link", { name: number, exact: true }).click();
  await handler.waitForURL(/\/agent\/tickets\//);
  const ticketUrl = handler.url();

  // Take it, then raise the priority in the form on the same page: the take stands.
  await handler.getByRole("button", { name: "Oppakken", exact: true }).click();
  const assignee = handler.getByLabel("Behandelaar", { exact: true });
  await expect(assignee).not.toHaveValue("");
  const me = await assignee.inputValue();
  await handler.getByLabel("Prioriteit").selectOption({ label: "Hoog" });
  await handler.getByLabel("Categorie").selectOption({ label: "Storing" });
  await handler.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(handler.getByText("Wijzigingen opgeslagen.")).toBeVisible();
  await handler.reload();
  await expect(handler.getByLabel("Behandelaar", { exact: true })).toHaveValue(me);
  await expect(handler.getByLabel("Prioriteit")).toHaveValue("HIGH");
  // The timeline names the categories as people know them, not by their keys.
  await expect(handler.getByTestId("timeline")).toContainText("Categorie gewijzigd: Algemene vraag → Storing");

  // A second tab resolves it; the first, still showing it open, changes the status too: refused,
  // said so, and the form then shows the status it has now.
  const other = await handler.context().newPage();
  await other.goto(ticketUrl);
  await other.getByLabel("Status", { exact: true }).selectOption({ label: "Opgelost" });
  await other.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(other.getByText("Wijzigingen opgeslagen.")).toBeVisible();
  await handler.getByLabel("Status", { exact: true }).selectOption({ label: "Wacht op klant" });
  await handler.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(handler.getByRole("alert").filter({ hasText: "intussen" })).toContainText("Deze vraag is intussen door iemand anders gewijzigd.");
  await expect(handler.getByLabel("Status", { exact: true })).toHaveValue("RESOLVED");
  await handler.context().close();
});
