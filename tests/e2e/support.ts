import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Browser, type Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";
import { authenticator } from "otplib";
import pg from "pg";
import { DEMO_TOTP_SECRET } from "../../prisma/seed-totp";
import { e2eServer, type E2eServer } from "./servers";

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
  // Per server: each worker logs in on its own server (tests/e2e/servers.ts).
  return storageStateFor(e2eServer(), role);
}

export function storageStateFor(server: E2eServer, role: RoleKey): string {
  return `tests/e2e/.auth/${server.port}/${role}.json`;
}

/** The demo staff accounts' shared TOTP secret (prisma/seed-totp.ts): staff must pass TOTP. */
export { DEMO_TOTP_SECRET };

const STEP_MS = 30_000;

export function isDemoStaff(email: string): boolean {
  return email.endsWith("@loket.example");
}

/** The code of the current 30-second step (the server accepts one step either side). */
export function totpNow(secret: string): string {
  return authenticator.clone({ epoch: Date.now(), step: 30 }).generate(secret);
}

/**
 * Logs in. A staff account (or any account when `totpSecret` is given) also passes the TOTP step;
 * a code already used by this account in this step is refused as a replay, so then the helper
 * waits for the next step and tries once more.
 */
export async function login(page: Page, email: string, password = PASSWORD, options: { totpSecret?: string } = {}): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  const secret = options.totpSecret ?? (isDemoStaff(email) && password === PASSWORD ? DEMO_TOTP_SECRET : null);
  if (secret) await passTotpStep(page, secret);
}

export async function passTotpStep(page: Page, secret: string): Promise<void> {
  await expect(page).toHaveURL(/\/login\/twee-stappen/);
  const field = page.getByLabel("Code uit uw app of herstelcode");
  for (let attempt = 0; attempt < 2; attempt++) {
    await field.fill(totpNow(secret));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 15_000 }).then(() => "in" as const, () => "timeout" as const),
      page.getByTestId("form-error").filter({ hasText: "al gebruikt" }).waitFor({ timeout: 15_000 }).then(() => "replayed" as const, () => "timeout" as const),
    ]);
    if (outcome === "timeout") break;
    if (outcome === "in") return;
    await page.waitForTimeout(STEP_MS - (Date.now() % STEP_MS) + 500);
  }
  throw new Error("the TOTP step did not complete for this login");
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's violations of the given rule tags on the page as it is now. axe is put into a document
 * once and runs there as often as asked; @axe-core/playwright put its 550 KB source in again on
 * every check and finished each run in a page of its own, 0.9-2.8 s a check against 0.1-0.9 s
 * here. Loket's pages have no frames, so checking the top document checks everything.
 */
export async function axeViolations(page: Page, tags: string[]): Promise<AxeResults["violations"]> {
  // Next streams a page's metadata after its body; axe would otherwise judge the page before its <title> lands.
  await expect(page).toHaveTitle(/\S/);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] };
  const results = await page.evaluate(async (options) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
    const titled = async () => {
      for (const until = Date.now() + 5_000; !document.title.trim() && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    };
    // After a server action Next renders the head again, and for an instant the page has no <title>:
    // a check that lands there is run again once the title is back. A title that stays away still fails.
    for (let attempt = 1; ; attempt++) {
      await titled();
      const result = await axe.run(document, options);
      if (attempt === 3 || !document.title.trim() || !result.violations.some((v) => v.id === "document-title")) return result;
    }
  }, options);
  return results.violations;
}

/** WCAG 2.1 A/AA checks on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * The path of the newest link of one kind mailed to an address (e.g. kind "staff.invite", pattern
 * /\/uitnodiging\/[\w-]+/), read from the e2e server's outbox: delivery is off there.
 */
export async function mailedLink(email: string, kind: string, pattern: RegExp): Promise<string> {
  const rows = await e2eQuery<{ bodyText: string }>(
    `SELECT "bodyText" FROM "OutboxMessage" WHERE "toAddress" = $1 AND "kind" = $2 ORDER BY "createdAt" DESC LIMIT 1`,
    [email, kind],
  );
  const path = pattern.exec(rows[0]?.bodyText ?? "")?.[0];
  if (!path) throw new Error(`no ${kind} link mailed to ${email}`);
  return path;
}

/** One SQL statement against the e2e server's database (to arrange data or read what was written). */
export async function e2eQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: e2eServer().databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export const INVITE_LINK = /\/uitnodiging\/[\w-]+/;

/** Today's date in Dutch time, as a date field takes it ("2026-12-05"). */
export const todayInAmsterdam = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());

/**
 * Anna files a complaint of her own about one of her questions (so the demo's answered complaint
 * stays as other specs expect it) and opens it; returns the complaint's id for the desk and her
 * page, still on the complaint (close it with `portal.context().close()`).
 */
export async function annaFilesComplaint(browser: Browser, text: string): Promise<{ complaintId: string; portal: Page }> {
  const anna = await browser.newContext({ storageState: storageStateOf("beneficiary") });
  const portal = await anna.newPage();
  await portal.goto("/portaal");
  const number = (await portal.getByTestId("ticket-row").filter({ hasNotText: "Klacht" }).first().getByRole("link").textContent())!.trim();
  await portal.goto(`/portaal/klachten?nummer=${number}`);
  const before = await portal.getByTestId("complaint").count();
  await portal.getByLabel("Datum van het laatste contact of de laatste herinnering").fill(todayInAmsterdam());
  await portal.getByLabel("Uw klacht", { exact: true }).fill(text);
  await portal.getByRole("button", { name: "Klacht indienen" }).click();
  await expect(portal.getByTestId("form-success")).toBeVisible();
  // Wait for the refreshed list: the new complaint is the one still being handled (the demo's is answered).
  await expect(portal.getByTestId("complaint")).toHaveCount(before + 1);
  await portal.getByTestId("complaint").filter({ hasText: "In behandeling" }).first().getByRole("link", { name: "Bekijk klacht" }).click();
  await expect(portal.getByTestId("complaint-stage")).toHaveText("Fase 1: behandeling door het team");
  return { complaintId: new URL(portal.url()).pathname.split("/").pop()!, portal };
}

/** A fresh browser context signed in as `role` (its stored session), and a page in it. */
export async function pageAs(browser: Browser, role: RoleKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}
