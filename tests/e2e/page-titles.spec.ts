// Every page has a tab title of its own that ends in its place (issue 19 item 3), so someone with
// several tabs open can tell them apart: "LK-2026-000010 · Werkplek · Loket". Record pages name
// their record, and never one the viewer may not see. The page list is read from the app folder,
// so a new page without a row here fails the coverage test.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2eQuery, storageStateOf, type RoleKey } from "./support";

const APP = path.resolve(import.meta.dirname, "..", "..", "app");

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

const NONE = "e2e-no-such-record";

interface Ids {
  annaTicket: { id: string; number: string };
  bramDossierTicket: { id: string; number: string };
  vandijkTicket: { number: string };
  zorgnoordTicket: { number: string };
  annaComplaint: { id: string; subjectNumber: string };
  annaUser: string;
  vandijkOrganisation: string;
  kbArticle: string;
  macro: string;
}

async function one<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await e2eQuery<T>(sql, params);
  if (!row) throw new Error(`demo seed has no row for: ${sql}`);
  return row;
}

async function demoIds(): Promise<Ids> {
  const ticketOf = (email: string, dossier: boolean) =>
    one<{ id: string; number: string }>(
      `SELECT t.id, t.number FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" JOIN "TicketCategory" c ON c.id = t."categoryId"
       WHERE u.email = $1 AND c."dossierSensitive" = $2 AND c.key <> 'HR_DESK' AND c.key <> 'COMPLAINT' ORDER BY t."createdAt" LIMIT 1`,
      [email, dossier],
    );
  return {
    annaTicket: await ticketOf("anna.jansen@burger.example", false),
    bramDossierTicket: await ticketOf("bram.devries@burger.example", true),
    vandijkTicket: await ticketOf("tom.visser@vandijk.example", false),
    zorgnoordTicket: await ticketOf("lisa.smit@zorggroepnoord.example", false),
    annaComplaint: await one<{ id: string; subjectNumber: string }>(
      `SELECT c.id, s.number AS "subjectNumber" FROM "Complaint" c JOIN "User" u ON u.id = c."complainantId" JOIN "Ticket" s ON s.id = c."subjectTicketId"
       WHERE u.email = 'anna.jansen@burger.example' LIMIT 1`,
    ),
    annaUser: (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'anna.jansen@burger.example'`)).id,
    vandijkOrganisation: (await one<{ id: string }>(`SELECT id FROM "Organisation" WHERE "externalNumber" = 'WG-40012'`)).id,
    kbArticle: (await one<{ id: string }>(`SELECT id FROM "KbArticle" WHERE published AND audience = 'INTERNAL' ORDER BY "createdAt" LIMIT 1`)).id,
    macro: (await one<{ id: string }>(`SELECT id FROM "Macro" ORDER BY title LIMIT 1`)).id,
  };
}

type Area = "agent" | "portal" | "employer" | "auth";
const SUFFIX: Record<Area, string> = { agent: " · Werkplek · Loket", portal: " · Portaal · Loket", employer: " · Werkgeversportaal · Loket", auth: " · Loket" };

/** Who opens a page, and at which address (a record page with a record that is theirs). */
interface Visit {
  area: Area;
  role: RoleKey | null;
  url: (ids: Ids) => string;
  /** Text the title must hold (a record's number or name). */
  names?: (ids: Ids) => string;
}

// The administrator sees every workspace page but the lead desk's complaints and escalations.
const admin = (url: string): Visit => ({ area: "agent", role: "admin", url: () => url });
const manager = (url: string): Visit => ({ area: "agent", role: "manager", url: () => url });
const portal = (url: string): Visit => ({ area: "portal", role: "beneficiary", url: () => url });
const employer = (url: string): Visit => ({ area: "employer", role: "employer", url: () => url });
const signedOut = (url: string): Visit => ({ area: "auth", role: null, url: () => url });

const VISITS: Record<string, Visit> = {
  "/agent": admin("/agent"),
  "/agent/telefoon": admin("/agent/telefoon"),
  "/agent/chat": admin("/agent/chat"),
  "/agent/post/nieuw": admin("/agent/post/nieuw"),
  "/agent/terugbellen": admin("/agent/terugbellen"),
  "/agent/wachtwoord": admin("/agent/wachtwoord"),
  "/agent/kennisbank": admin("/agent/kennisbank"),
  "/agent/kennisbank/nieuw": admin("/agent/kennisbank/nieuw"),
  "/agent/kennisbank/[id]": { ...admin(""), url: (ids) => `/agent/kennisbank/${ids.kbArticle}` },
  "/agent/kennisbank/macros/nieuw": admin("/agent/kennisbank/macros/nieuw"),
  "/agent/kennisbank/macros/[id]": { ...admin(""), url: (ids) => `/agent/kennisbank/macros/${ids.macro}` },
  "/agent/tickets/[id]": { ...admin(""), url: (ids) => `/agent/tickets/${ids.annaTicket.id}`, names: (ids) => ids.annaTicket.number },
  "/agent/meldingen": admin("/agent/meldingen"),
  "/agent/meldingen/voorkeuren": admin("/agent/meldingen/voorkeuren"),
  "/agent/sla": admin("/agent/sla"),
  "/agent/kpi": admin("/agent/kpi"),
  "/agent/escalaties": manager("/agent/escalaties"),
  "/agent/klachten": manager("/agent/klachten"),
  "/agent/klachten/[id]": { ...manager(""), url: (ids) => `/agent/klachten/${ids.annaComplaint.id}`, names: (ids) => ids.annaComplaint.subjectNumber },
  "/agent/beheer/audit": admin("/agent/beheer/audit"),
  "/agent/beheer/import": admin("/agent/beheer/import"),
  "/agent/beheer/instellingen": admin("/agent/beheer/instellingen"),
  "/agent/beheer/klanten": admin("/agent/beheer/klanten"),
  "/agent/beheer/klanten/[id]": { ...admin(""), url: (ids) => `/agent/beheer/klanten/${ids.annaUser}`, names: () => "Anna Jansen" },
  "/agent/beheer/lijnen": admin("/agent/beheer/lijnen"),
  "/agent/beheer/mail": admin("/agent/beheer/mail"),
  "/agent/beheer/webhooks": admin("/agent/beheer/webhooks"),
  "/agent/beheer/api": admin("/agent/beheer/api"),
  "/agent/beheer/inloggen": admin("/agent/beheer/inloggen"),
  "/agent/beheer/mailteksten": admin("/agent/beheer/mailteksten"),
  "/agent/beheer/medewerkers": admin("/agent/beheer/medewerkers"),
  "/agent/beheer/organisaties": admin("/agent/beheer/organisaties"),
  "/agent/beheer/organisaties/[id]": { ...admin(""), url: (ids) => `/agent/beheer/organisaties/${ids.vandijkOrganisation}`, names: () => "Van Dijk" },
  "/agent/beheer/privacy": admin("/agent/beheer/privacy"),
  "/agent/beheer/privacy/personen/[id]": { ...admin(""), url: (ids) => `/agent/beheer/privacy/personen/${ids.annaUser}`, names: () => "Anna Jansen" },
  "/agent/beheer/teams": admin("/agent/beheer/teams"),

  "/portaal": portal("/portaal"),
  "/portaal/nieuw": portal("/portaal/nieuw"),
  "/portaal/chat": portal("/portaal/chat"),
  "/portaal/terugbellen": portal("/portaal/terugbellen"),
  "/portaal/klachten": portal("/portaal/klachten"),
  "/portaal/klachten/[id]": { ...portal(""), url: (ids) => `/portaal/klachten/${ids.annaComplaint.id}`, names: (ids) => ids.annaComplaint.subjectNumber },
  "/portaal/vragen/[id]": { ...portal(""), url: (ids) => `/portaal/vragen/${ids.annaTicket.id}`, names: (ids) => ids.annaTicket.number },
  "/portaal/contact": portal("/portaal/contact"),
  "/portaal/wachtwoord": portal("/portaal/wachtwoord"),

  "/werkgever": employer("/werkgever"),
  "/werkgever/vragen/nieuw": employer("/werkgever/vragen/nieuw"),
  "/werkgever/vragen/[number]": { ...employer(""), url: (ids) => `/werkgever/vragen/${ids.vandijkTicket.number}`, names: (ids) => ids.vandijkTicket.number },
  "/werkgever/spoed": employer("/werkgever/spoed"),
  "/werkgever/overzicht": employer("/werkgever/overzicht"),
  "/werkgever/chat": employer("/werkgever/chat"),
  "/werkgever/escalaties": employer("/werkgever/escalaties"),
  "/werkgever/klacht": employer("/werkgever/klacht"),
  "/werkgever/hr-desk": employer("/werkgever/hr-desk"),
  "/werkgever/accounts": employer("/werkgever/accounts"),
  "/werkgever/contact": employer("/werkgever/contact"),
  "/werkgever/beveiliging": employer("/werkgever/beveiliging"),
  "/werkgever/wachtwoord": employer("/werkgever/wachtwoord"),

  "/login": signedOut("/login"),
  "/wachtwoord-vergeten": signedOut("/wachtwoord-vergeten"),
  "/wachtwoord-gewijzigd": signedOut("/wachtwoord-gewijzigd"),
  // A link's token that is not valid still shows its page (with the reason), under its own title.
  "/wachtwoord-herstellen/[token]": signedOut(`/wachtwoord-herstellen/${NONE}`),
  "/e-mail-bevestigen/[token]": signedOut(`/e-mail-bevestigen/${NONE}`),
  "/uitnodiging/[token]": signedOut(`/uitnodiging/${NONE}`),
};

/** Pages that never show themselves: each sends its visitor on. */
const PASS_THROUGH: Record<string, string> = {
  "/": "sends each person to their own place or the login page",
  "/login/twee-stappen": "only between password and code, while a login is half done",
  "/login/twee-stappen/instellen": "only for a staff member still to set up a second factor",
  "/agent/beheer": "goes on to the first administration area the person may use",
  "/agent/beheer/import/[id]": "the demo has no import job to open",
  "/agent/meldingen/[id]": "marks a notification read and goes on to its item",
  "/agent/beheer/webhooks/[id]": "the demo has no webhook endpoint; webhooks.spec.ts opens one it registers",
  "/bench": "not found unless the server runs for bench:http (LOKET_BENCH=1): a baseline, no place's page",
};

test("every page of the app folder is visited here or said to pass its visitor on", () => {
  const covered = new Set([...Object.keys(VISITS), ...Object.keys(PASS_THROUGH)]);
  const missing = pagePatterns().filter((p) => !covered.has(p));
  expect(missing).toEqual([]);
  expect(pagePatterns().length).toBeGreaterThan(60);
});

/** Some text of the page's own, then the place's ending. */
function endsInPlace(area: Area): RegExp {
  return new RegExp(`.${SUFFIX[area].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

async function titleOf(page: Page, url: string, area: Area): Promise<string> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  // Metadata may stream in after the first bytes: wait for the area's ending.
  await expect(page, url).toHaveTitle(endsInPlace(area));
  return page.title();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };

/**
 * The page's title as the server sends it: the first <title> outside an SVG (a chart's <title> is
 * its text alternative, not the page's). The whole table is read this way, over HTTP: rendering
 * each of its 66 pages in Chromium cost about 45 s of a CI worker, for a title the server wrote.
 * The tests below read the tab itself in the browser, so the title also reaches it.
 */
async function servedTitle(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  const html = (await response.text()).replace(/<svg[\s\S]*?<\/svg>/g, "");
  const title = /<title[^>]*>([^<]*)<\/title>/.exec(html)?.[1];
  expect(title, `${url}: no <title>`).toBeDefined();
  return title!.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name]!);
}

const ROLES: (RoleKey | null)[] = ["admin", "manager", "beneficiary", "employer", null];
const seen: Record<Area, Map<string, string>> = { agent: new Map(), portal: new Map(), employer: new Map(), auth: new Map() };

test.describe.serial("each page's title", () => {
  for (const role of ROLES) {
    test(`${role ?? "signed out"}: own title, ending in the place; records named`, async ({ playwright, baseURL }) => {
      test.setTimeout(60_000);
      const request = await playwright.request.newContext({
        baseURL,
        storageState: role ? storageStateOf(role) : undefined,
        extraHTTPHeaders: { "accept-language": "nl-NL,nl;q=0.9" },
      });
      const ids = await demoIds();
      const visits = Object.entries(VISITS).filter(([, v]) => v.role === role);
      expect(visits.length).toBeGreaterThan(role === null ? 5 : 1);
      for (const [pattern, visit] of visits) {
        const title = await servedTitle(request, visit.url(ids));
        expect(title, pattern).toMatch(endsInPlace(visit.area));
        const own = title.slice(0, -SUFFIX[visit.area].length).trim();
        expect(own, `${pattern}: the page's own part`).not.toBe("");
        if (visit.names) expect(title, pattern).toContain(visit.names(ids));
        const other = seen[visit.area].get(title);
        expect(other, `${pattern} and ${other} share "${title}"`).toBeUndefined();
        seen[visit.area].set(title, pattern);
      }
      await request.dispose();
    });
  }

  test("no two pages of one place share a title, across the roles", () => {
    // The serial roles above filled this in; all of the table was seen.
    const total = Object.values(seen).reduce((n, m) => n + m.size, 0);
    expect(total).toBe(Object.keys(VISITS).length);
  });
});

test.describe("a ticket's tab", () => {
  test.use({ storageState: storageStateOf("agent") });

  test("names the ticket for one who may see it, and not one outside their scope", async ({ page }) => {
    const ids = await demoIds();
    const title = await titleOf(page, `/agent/tickets/${ids.annaTicket.id}`, "agent");
    expect(title).toBe(`${ids.annaTicket.number} · Werkplek · Loket`);
    // Dossier content is not for the first line: a 404, and its number is not in the tab either.
    const response = await page.goto(`/agent/tickets/${ids.bramDossierTicket.id}`);
    expect(response?.status()).toBe(404);
    expect(await page.title()).not.toContain(ids.bramDossierTicket.number);
  });
});

test.describe("an employer's question tab", () => {
  test.use({ storageState: storageStateOf("employer") });

  test("never names another organisation's question", async ({ page }) => {
    const ids = await demoIds();
    const response = await page.goto(`/werkgever/vragen/${ids.zorgnoordTicket.number}`);
    expect(response?.status()).toBe(404);
    expect(await page.title()).not.toContain(ids.zorgnoordTicket.number);
  });
});

test("an address that leads nowhere says so in its tab too", async ({ page }) => {
  const response = await page.goto("/bestaat-niet");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Pagina niet gevonden · Loket");
});

test("the English interface titles the page in English", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("admin") });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: test.info().project.use.baseURL ?? "http://localhost:3100" }]);
  const page = await context.newPage();
  await page.goto("/agent/kpi");
  await expect(page).toHaveTitle("Key figures · Workspace · Loket");
  await context.close();
});
