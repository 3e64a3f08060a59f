// WCAG 2.2 AA on every page (issue 19 item 2): axe with the 2.2 tags, so target size (2.5.8) and
// links told apart from their text (1.4.1) are checked along with the 2.1 rules. Each page is
// opened by a role that sees it with content: the agent's queue as an agent, the lead desk as a
// coordinator or manager, the management pages as an admin. The page list is read from the app
// folder, so a new page without a row here fails the coverage test.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { axeViolations, e2eQuery, PASSWORD, storageStateOf, type RoleKey } from "./support";

// Read-only checks, independent of each other: spread over the workers.
test.describe.configure({ mode: "parallel" });

const APP = path.resolve(import.meta.dirname, "..", "..", "app");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const NONE = "e2e-no-such-record";

/** "/agent/tickets/[id]" for app/(agent)/agent/tickets/[id]/page.tsx: route groups drop out. */
function pagePatterns(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pagePatterns(full);
    if (entry.name !== "page.tsx") return [];
    const segments = path.relative(APP, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    return [`/${segments.join("/")}`];
  });
}

/** The violations on the page as it is now, one readable line each (empty when it passes). */
async function violations(page: Page, where: string): Promise<string[]> {
  return (await axeViolations(page, TAGS)).map(
    (v) => `${where} ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("\n    ")}`,
  );
}

async function one<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await e2eQuery<T>(sql, params);
  if (!row) throw new Error(`demo seed has no row for: ${sql}`);
  return row;
}

interface Ids {
  annaTicket: string;
  bramDossierTicket: string;
  vandijkTicket: string;
  annaComplaint: string;
  annaUser: string;
  vandijkOrganisation: string;
  kbArticle: string;
  macro: string;
}

async function demoIds(): Promise<Ids> {
  const ticketOf = async (email: string, dossier: boolean) =>
    one<{ id: string; number: string }>(
      `SELECT t.id, t.number FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" JOIN "TicketCategory" c ON c.id = t."categoryId"
       WHERE u.email = $1 AND c."dossierSensitive" = $2 AND c.key <> 'HR_DESK' AND c.key <> 'COMPLAINT' ORDER BY t."createdAt" LIMIT 1`,
      [email, dossier],
    );
  return {
    annaTicket: (await ticketOf("anna.jansen@burger.example", false)).id,
    bramDossierTicket: (await ticketOf("bram.devries@burger.example", true)).id,
    vandijkTicket: (await ticketOf("tom.visser@vandijk.example", false)).number,
    annaComplaint: (await one<{ id: string }>(`SELECT c.id FROM "Complaint" c JOIN "User" u ON u.id = c."complainantId" WHERE u.email = 'anna.jansen@burger.example' LIMIT 1`)).id,
    annaUser: (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'anna.jansen@burger.example'`)).id,
    vandijkOrganisation: (await one<{ id: string }>(`SELECT id FROM "Organisation" WHERE "externalNumber" = 'WG-40012'`)).id,
    kbArticle: (await one<{ id: string }>(`SELECT id FROM "KbArticle" WHERE published AND audience = 'INTERNAL' ORDER BY "createdAt" LIMIT 1`)).id,
    macro: (await one<{ id: string }>(`SELECT id FROM "Macro" ORDER BY title LIMIT 1`)).id,
  };
}

/** Page pattern → the address to open (a record page with a record the role may see). */
type Visits = Record<string, string | ((ids: Ids) => string)>;

const BY_ROLE: Partial<Record<RoleKey, Visits>> = {
  agent: {
    "/agent": "/agent",
    "/agent/telefoon": "/agent/telefoon",
    "/agent/chat": "/agent/chat",
    "/agent/terugbellen": "/agent/terugbellen",
    "/agent/tickets/[id]": (ids) => `/agent/tickets/${ids.annaTicket}`,
    "/agent/kennisbank": "/agent/kennisbank",
    "/agent/wachtwoord": "/agent/wachtwoord",
  },
  handler: {
    "/agent/tickets/[id]": (ids) => `/agent/tickets/${ids.bramDossierTicket}`,
    "/agent/post/nieuw": "/agent/post/nieuw",
    "/agent/meldingen": "/agent/meldingen",
    "/agent/meldingen/voorkeuren": "/agent/meldingen/voorkeuren",
  },
  coordinator: {
    "/agent": "/agent",
    "/agent/escalaties": "/agent/escalaties",
    "/agent/sla": "/agent/sla",
    "/agent/kpi": "/agent/kpi",
  },
  manager: {
    "/agent/klachten": "/agent/klachten",
    "/agent/klachten/[id]": (ids) => `/agent/klachten/${ids.annaComplaint}`,
  },
  csm: { "/agent": "/agent" },
  ombuds: { "/agent/klachten": "/agent/klachten" },
  admin: {
    "/agent/kennisbank/nieuw": "/agent/kennisbank/nieuw",
    "/agent/kennisbank/[id]": (ids) => `/agent/kennisbank/${ids.kbArticle}`,
    "/agent/kennisbank/macros/nieuw": "/agent/kennisbank/macros/nieuw",
    "/agent/kennisbank/macros/[id]": (ids) => `/agent/kennisbank/macros/${ids.macro}`,
    "/agent/beheer/audit": "/agent/beheer/audit",
    "/agent/beheer/import": "/agent/beheer/import",
    "/agent/beheer/instellingen": "/agent/beheer/instellingen",
    "/agent/beheer/klanten": "/agent/beheer/klanten",
    "/agent/beheer/klanten/[id]": (ids) => `/agent/beheer/klanten/${ids.annaUser}`,
    "/agent/beheer/lijnen": "/agent/beheer/lijnen",
    "/agent/beheer/mail": "/agent/beheer/mail",
    "/agent/beheer/webhooks": "/agent/beheer/webhooks",
    "/agent/beheer/api": "/agent/beheer/api",
    "/agent/beheer/inloggen": "/agent/beheer/inloggen",
    "/agent/beheer/mailteksten": "/agent/beheer/mailteksten",
    "/agent/beheer/medewerkers": "/agent/beheer/medewerkers",
    "/agent/beheer/organisaties": "/agent/beheer/organisaties",
    "/agent/beheer/organisaties/[id]": (ids) => `/agent/beheer/organisaties/${ids.vandijkOrganisation}`,
    "/agent/beheer/privacy": "/agent/beheer/privacy",
    "/agent/beheer/privacy/personen/[id]": (ids) => `/agent/beheer/privacy/personen/${ids.annaUser}`,
    "/agent/beheer/teams": "/agent/beheer/teams",
  },
  beneficiary: {
    "/portaal": "/portaal",
    "/portaal/nieuw": "/portaal/nieuw",
    "/portaal/chat": "/portaal/chat",
    "/portaal/terugbellen": "/portaal/terugbellen",
    "/portaal/klachten": "/portaal/klachten",
    "/portaal/klachten/[id]": (ids) => `/portaal/klachten/${ids.annaComplaint}`,
    "/portaal/vragen/[id]": (ids) => `/portaal/vragen/${ids.annaTicket}`,
    "/portaal/contact": "/portaal/contact",
    "/portaal/wachtwoord": "/portaal/wachtwoord",
  },
  employer: {
    "/werkgever": "/werkgever",
    "/werkgever/vragen/nieuw": "/werkgever/vragen/nieuw",
    "/werkgever/vragen/[number]": (ids) => `/werkgever/vragen/${ids.vandijkTicket}`,
    "/werkgever/spoed": "/werkgever/spoed",
    "/werkgever/overzicht": "/werkgever/overzicht",
    "/werkgever/chat": "/werkgever/chat",
    "/werkgever/escalaties": "/werkgever/escalaties",
    "/werkgever/klacht": "/werkgever/klacht",
    "/werkgever/hr-desk": "/werkgever/hr-desk",
    "/werkgever/accounts": "/werkgever/accounts",
    "/werkgever/contact": "/werkgever/contact",
    "/werkgever/beveiliging": "/werkgever/beveiliging",
    "/werkgever/wachtwoord": "/werkgever/wachtwoord",
  },
};

const SIGNED_OUT: Visits = {
  "/login": "/login",
  "/wachtwoord-vergeten": "/wachtwoord-vergeten",
  "/wachtwoord-gewijzigd": "/wachtwoord-gewijzigd",
  "/wachtwoord-herstellen/[token]": `/wachtwoord-herstellen/${NONE}`,
  "/e-mail-bevestigen/[token]": `/e-mail-bevestigen/${NONE}`,
};

/** Pages checked in the flows below (they need a half-done login or a fresh invitation). */
const IN_FLOWS = ["/uitnodiging/[token]", "/login/twee-stappen", "/login/twee-stappen/instellen", "/agent/beheer/webhooks/[id]" /* webhooks.spec.ts, with an endpoint it registers */];

/** Pages that never show themselves: each sends its visitor on (or, bench:http's baseline, is not found unless LOKET_BENCH=1). */
const PASS_THROUGH = ["/", "/agent/beheer", "/agent/beheer/import/[id]", "/agent/meldingen/[id]", "/bench"];

test("every page of the app folder is checked here", () => {
  const covered = new Set([...Object.values(BY_ROLE).flatMap((v) => Object.keys(v ?? {})), ...Object.keys(SIGNED_OUT), ...IN_FLOWS, ...PASS_THROUGH]);
  const missing = pagePatterns().filter((p) => !covered.has(p));
  expect(missing).toEqual([]);
  expect(pagePatterns().length).toBeGreaterThan(60);
});

async function checkAll(page: Page, visits: Visits): Promise<void> {
  const ids = await demoIds();
  const found: string[] = [];
  // Each place sends its client components only their messages (i18n/client-namespaces.ts):
  // one missing shows as a raw key and next-intl says so in the console.
  const missingMessages: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("MISSING_MESSAGE")) missingMessages.push(`${page.url()}: ${message.text()}`);
  });
  for (const [pattern, to] of Object.entries(visits)) {
    const url = typeof to === "string" ? to : to(ids);
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    // Every page has its heading once rendered (waiting for a quiet network hangs on the login page).
    await expect(page.locator("h1").first(), url).toBeVisible();
    found.push(...(await violations(page, pattern)));
  }
  expect(found, `axe (${TAGS.join(", ")}) found:\n${found.join("\n")}`).toEqual([]);
  expect(missingMessages).toEqual([]);
}

for (const [role, visits] of Object.entries(BY_ROLE) as [RoleKey, Visits][]) {
  test.describe(role, () => {
    test.use({ storageState: storageStateOf(role) });
    test(`${role}: every page passes axe with the WCAG 2.2 AA tags`, async ({ page }) => {
      test.setTimeout(180_000);
      await checkAll(page, visits);
    });
  });
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the public pages pass, also with a refused login", async ({ page }) => {
    test.setTimeout(90_000);
    await checkAll(page, SIGNED_OUT);
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill("anna.jansen@burger.example");
    await page.getByLabel("Wachtwoord").fill("niet-het-wachtwoord");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByTestId("form-error")).toBeVisible();
    expect(await violations(page, "/login (refused)")).toEqual([]);
  });

  test("the checker itself finds a flaw put into a page it already checked", async ({ page }) => {
    await page.goto("/login");
    expect(await violations(page, "/login")).toEqual([]);
    // axe stays in the document between checks: the second check must still see the page as it is now.
    await page.evaluate(() => {
      const image = document.createElement("img");
      image.src = "/favicon.ico";
      const field = document.createElement("input");
      document.querySelector("main")!.append(image, field);
    });
    const found = (await axeViolations(page, TAGS)).map((v) => v.id);
    expect(found).toEqual(expect.arrayContaining(["image-alt", "label"]));
  });

  test("an invitation, once accepted, and a new staff member's first login pass", async ({ page }) => {
    test.setTimeout(90_000);
    // A staff invitation made here, so the accepted page and the second-factor setup are this run's own.
    const stamp = Date.now();
    const email = `axe.${stamp}@loket.example`;
    const token = randomBytes(24).toString("base64url");
    const admin = await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@loket.example'`);
    await e2eQuery(
      `INSERT INTO "Invitation" (id, role, email, name, "tokenHash", "expiresAt", "invitedById") VALUES ($1, 'CALLCENTER_AGENT', $2, $3, $4, now() + interval '1 day', $5)`,
      [`axe-${stamp}`, email, `Axel Toegankelijk ${stamp}`, createHash("sha256").update(token).digest("hex"), admin.id],
    );
    const found: string[] = [];
    await page.goto(`/uitnodiging/${token}`);
    await expect(page.getByLabel("Nieuw wachtwoord", { exact: true })).toBeVisible();
    found.push(...(await violations(page, "/uitnodiging/[token]")));
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Herhaal wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(page.getByRole("link", { name: "Naar inloggen" })).toBeVisible();
    found.push(...(await violations(page, "/uitnodiging/[token] (accepted)")));

    await page.getByRole("link", { name: "Naar inloggen" }).click();
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(/\/login\/twee-stappen\/instellen/);
    found.push(...(await violations(page, "/login/twee-stappen/instellen")));
    expect(found, `axe (${TAGS.join(", ")}) found:\n${found.join("\n")}`).toEqual([]);
  });

  test("the second step of a staff login passes", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill("coordinator@loket.example");
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(/\/login\/twee-stappen$/);
    expect(await violations(page, "/login/twee-stappen")).toEqual([]);
  });
});
