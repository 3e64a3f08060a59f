import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "Loket-demo-2026";

export const ACCOUNTS = {
  beneficiary: { email: "anna.jansen@burger.example", place: "/portaal", placeName: "Mijn Loket" },
  employer: { email: "eva.bakker@vandijk.example", place: "/werkgever", placeName: "Werkgeversportaal" },
  agent: { email: "agent@loket.example", place: "/agent", placeName: "Werkplek klantcontact" },
  handler: { email: "behandelaar@loket.example", place: "/agent", placeName: "Werkplek klantcontact" },
  coordinator: { email: "coordinator@loket.example", place: "/agent", placeName: "Werkplek klantcontact" },
  manager: { email: "manager@loket.example", place: "/agent", placeName: "Werkplek klantcontact" },
  csm: { email: "csm@loket.example", place: "/agent", placeName: "Werkplek klantcontact" },
  ombuds: { email: "ombudsman@loket.example", place: "/agent", placeName: "Werkplek klantcontact" },
  admin: { email: "admin@loket.example", place: "/agent", placeName: "Werkplek klantcontact" },
} as const;

export type RoleKey = keyof typeof ACCOUNTS;

export function storageStateOf(role: RoleKey): string {
  // Per port, so parallel runs against different servers keep their own logins.
  return `tests/e2e/.auth/${process.env.E2E_PORT ?? "3100"}/${role}.json`;
}

export async function login(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

/** WCAG 2.1 A/AA checks on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}
