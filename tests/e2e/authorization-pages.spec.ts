// Every page and route handler by URL, for every demo role's saved login (plus a contact with
// SUBMIT_REQUESTS only, and no session), with the expected answer read from the permission table:
//   no session                         -> pages redirect to /login, routes 401/403
//   signed in, another place           -> the "Geen toegang" page (403, no data)
//   the place, not the page's permission -> 403 ("Geen toegang" page for pages)
//   allowed, own record                -> 200
//   allowed, someone else's record     -> 404
// The URL list is read from the app folder at test time, so a new page without a row here fails.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import pg from "pg";
import { can, type Permission, type PermissionSubject } from "../../lib/auth/permissions";
import { ADMIN_AREAS } from "../../lib/admin/areas";
import { ACCOUNTS, login, storageStateOf, type RoleKey } from "./support";
import { e2eServer } from "./servers";

// ───────────────────────────── the URLs, from the app folder ─────────────────────────────

const APP = path.resolve(import.meta.dirname, "..", "..", "app");

/** "/agent/tickets/[id]" for app/(agent)/agent/tickets/[id]/page.tsx: route groups drop out. */
function appUrls(dir = APP): { pattern: string; kind: "page" | "route" }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return appUrls(full);
    const kind = entry.name === "page.tsx" ? "page" : entry.name === "route.ts" ? "route" : null;
    if (!kind) return [];
    const segments = path.relative(APP, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    return [{ pattern: `/${segments.join("/")}`, kind }];
  });
}

// ───────────────────────────── callers ─────────────────────────────

interface Caller {
  key: string;
  /** What the table needs to know; null: no session. */
  subject: PermissionSubject | null;
  /** Logs in (or not) and hands back a request context for this caller. */
  open(): Promise<APIRequestContext>;
}

const SUBJECTS: Record<RoleKey, PermissionSubject> = {
  beneficiary: { role: "BENEFICIARY" },
  // Eva holds every right and the HR flag (prisma/seed.ts).
  employer: { role: "EMPLOYER_CONTACT", organisationId: "vandijk", rights: ["MANAGE_USERS", "MANAGE_EMPLOYEES", "SUBMIT_REQUESTS"], hrProfessional: true },
  agent: { role: "CALLCENTER_AGENT" },
  handler: { role: "CASE_HANDLER" },
  coordinator: { role: "TEAM_COORDINATOR" },
  manager: { role: "MANAGER" },
  csm: { role: "CUSTOMER_SUCCESS_MANAGER" },
  ombuds: { role: "OMBUDS" },
  admin: { role: "ADMIN" },
};
const TOM = "tom.visser@vandijk.example";

// ───────────────────────────── ids from the demo seed ─────────────────────────────

interface DemoIds {
  annaTicket: string; // uitkeringen, not dossier-sensitive
  bramDossierTicket: string; // a dossier question: not for the first line
  vandijkTicket: { id: string; number: string }; // werkgevers, not HR desk
  zorgnoordNumber: string;
  annaComplaint: string;
  annaUser: string; // a beneficiary, for the privacy pages
  vandijkOrganisation: string; // an organisation, for the organisations admin page
  kbArticle: string; // published, internal
  macro: string;
  letter: { ticketId: string; messageId: string } | null;
}

async function demoIds(): Promise<DemoIds> {
  const client = new pg.Client({ connectionString: e2eServer().databaseUrl });
  await client.connect();
  try {
    const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => {
      const { rows } = await client.query<T>(sql, params);
      if (!rows[0]) throw new Error(`demo seed has no row for: ${sql}`);
      return rows[0];
    };
    const ticketOf = (email: string, dossier: boolean) =>
      one<{ id: string; number: string }>(
        `SELECT t.id, t.number FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId" JOIN "TicketCategory" c ON c.id = t."categoryId"
         WHERE u.email = $1 AND c."dossierSensitive" = $2 AND c.key <> 'HR_DESK' AND c.key <> 'COMPLAINT' ORDER BY t."createdAt" LIMIT 1`,
        [email, dossier],
      );
    const letter = await client.query<{ ticketId: string; messageId: string }>(
      `SELECT m."ticketId", m.id AS "messageId" FROM "Message" m WHERE m.direction = 'OUTBOUND' AND m.channel = 'LETTER' ORDER BY m."createdAt" LIMIT 1`,
    );
    return {
      annaTicket: (await ticketOf("anna.jansen@burger.example", false)).id,
      bramDossierTicket: (await ticketOf("bram.devries@burger.example", true)).id,
      vandijkTicket: await ticketOf("tom.visser@vandijk.example", false),
      zorgnoordNumber: (await ticketOf("lisa.smit@zorggroepnoord.example", false)).number,
      annaUser: (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'anna.jansen@burger.example'`)).id,
      vandijkOrganisation: (await one<{ id: string }>(`SELECT id FROM "Organisation" WHERE "externalNumber" = 'WG-40012'`)).id,
      annaComplaint: (await one<{ id: string }>(`SELECT c.id FROM "Complaint" c JOIN "User" u ON u.id = c."complainantId" WHERE u.email = 'anna.jansen@burger.example' LIMIT 1`)).id,
      kbArticle: (await one<{ id: string }>(`SELECT id FROM "KbArticle" WHERE published AND audience = 'INTERNAL' ORDER BY "createdAt" LIMIT 1`)).id,
      macro: (await one<{ id: string }>(`SELECT id FROM "Macro" ORDER BY title LIMIT 1`)).id,
      letter: letter.rows[0] ?? null,
    };
  } finally {
    await client.end();
  }
}

// ───────────────────────────── what each URL needs ─────────────────────────────

/** Which record is the caller's own, and which is someone else's (null: they have none). */
type Fill = (ids: DemoIds, who: string) => { own: string | null; foreign: string };

type UrlSpec =
  | { public: true; url?: string }
  // The API (/api/v1) answers bearer tokens only: a session cookie opens nothing (401 problem);
  // a route without GET answers 405. Its own rights are proven in tests/integration/api-*.test.ts.
  | { token: true; get: boolean }
  | { permission: Permission; fill?: Fill; anonymous?: 401 | 403 }
  // Goes on to the first of these areas the caller may use; with none, the "Geen toegang" page.
  | { firstOf: readonly { href: string; permission: Permission }[] };

const NONE = "e2e-no-such-record";

/** A staff member's own ticket and one outside their scope (lib/workspace/scope.ts). */
function staffTicket(ids: DemoIds, who: string): { own: string | null; foreign: string } {
  switch (who) {
    case "agent":
      return { own: ids.annaTicket, foreign: ids.bramDossierTicket };
    case "csm":
      return { own: ids.vandijkTicket.id, foreign: ids.annaTicket };
    case "ombuds":
      // No team and nothing assigned: no ticket is theirs.
      return { own: null, foreign: ids.annaTicket };
    default:
      // Their teams hold every demo ticket (or they see every team): nothing to be foreign but a missing id.
      return { own: ids.annaTicket, foreign: NONE };
  }
}

const API = (get: boolean): UrlSpec => ({ token: true, get });

const URLS: Record<string, UrlSpec> = {
  // ── the API (issue 16) ── tokens, not sessions; the OpenAPI document is public.
  "/api/v1/openapi.json": { public: true },
  "/api/v1/callbacks/[id]": API(false),
  "/api/v1/callbacks/slots": API(true),
  "/api/v1/complaints": API(true),
  "/api/v1/complaints/[id]": API(true),
  "/api/v1/escalations": API(true),
  "/api/v1/escalations/[id]": API(true),
  "/api/v1/kpis": API(true),
  "/api/v1/organisations": API(true),
  "/api/v1/organisations/[id]": API(true),
  "/api/v1/people": API(true),
  "/api/v1/people/[id]": API(true),
  "/api/v1/tickets": API(true),
  "/api/v1/tickets/[id]": API(true),
  "/api/v1/tickets/[id]/callbacks": API(false),
  "/api/v1/tickets/[id]/messages": API(true),
  "/agent/beheer/api": { permission: "integrations.manage" },
  "/agent/beheer/inloggen": { permission: "integrations.manage" },
  // ── letters in (issue 15) ── everyone with ticket work registers incoming post.
  "/agent/post/nieuw": { permission: "letters.intake.register" },
  // ── telephony (issue 15) ── the platform's events are authenticated by their signature, not a
  // session (GET is 405 for everyone); the screen pop is for those who log calls.
  "/api/cti/events": { public: true },
  // ── the organisation's logo (issue 19 item 12) ── the login page shows it before anyone signs in.
  "/api/brand/logo": { public: true },
  // ── the HTTP benchmark's baselines and memory probe (issue 17) ── 404 for everyone unless the
  // server runs with LOKET_BENCH=1, which only `npm run bench:http` sets.
  "/api/bench": { public: true },
  "/bench": { public: true },
  "/api/agent/live": { permission: "phone.call.log", anonymous: 401 },
  // ── live chat routes (issue 15) ── a chat is its customer's or the console's: anyone signed in
  // gets 404 for a chat that is not theirs (no demo chat exists, so only the foreign cell runs);
  // without an event-stream Accept header the streams answer once, as JSON.
  "/api/chat/[id]/stream": { permission: "account.password.change", anonymous: 401, fill: () => ({ own: null, foreign: `/api/chat/${NONE}/stream` }) },
  "/api/chat/[id]/messages": { permission: "account.password.change", anonymous: 401, fill: () => ({ own: null, foreign: `/api/chat/${NONE}/messages` }) },
  "/api/chat/[id]/typing": { permission: "account.password.change", anonymous: 401, fill: () => ({ own: null, foreign: `/api/chat/${NONE}/typing` }) },
  "/api/chat/console/stream": { permission: "chat.console.use", anonymous: 401 },
  // ── live chat pages (issue 15) ── the portals' chat pages and the agents' console.
  "/portaal/chat": { permission: "portal.chat.use" },
  "/werkgever/chat": { permission: "employer.chat.use" },
  "/agent/chat": { permission: "chat.console.use" },
  // ── audit log and personal data export (issue 14 items 4, 5) ── admins read the whole log; any existing person may be exported, a missing id is 404.
  "/agent/beheer/audit": { permission: "audit.read" },
  "/agent/beheer/audit/export": { permission: "audit.read", anonymous: 401 },
  "/agent/beheer/privacy/export/[userId]": { permission: "privacy.manage", anonymous: 401, fill: (ids) => ({ own: `/agent/beheer/privacy/export/${ids.annaUser}`, foreign: `/agent/beheer/privacy/export/${NONE}` }) },
  // ── people (issue 14 item 1) ── beneficiaries by admins, coordinators and managers; anyone not a beneficiary is not found. The e-mail confirmation link is public (the token is the credential).
  "/agent/beheer/klanten": { permission: "beneficiaries.manage" },
  "/agent/beheer/klanten/[id]": { permission: "beneficiaries.manage", fill: (ids) => ({ own: `/agent/beheer/klanten/${ids.annaUser}`, foreign: `/agent/beheer/klanten/${NONE}` }) },
  "/e-mail-bevestigen/[token]": { public: true, url: `/e-mail-bevestigen/${NONE}` },
  // ── bulk import (issue 14 item 2) ── administrators share the jobs; the demo has none, so only a missing id is foreign.
  "/agent/beheer/import": { permission: "import.run" },
  "/agent/beheer/import/[id]": { permission: "import.run", fill: () => ({ own: null, foreign: `/agent/beheer/import/${NONE}` }) },
  // ── organisations (issue 14 item 1) ── admins see every organisation: only a missing id is foreign.
  "/agent/beheer/organisaties": { permission: "organisations.manage" },
  "/agent/beheer/organisaties/[id]": { permission: "organisations.manage", fill: (ids) => ({ own: `/agent/beheer/organisaties/${ids.vandijkOrganisation}`, foreign: `/agent/beheer/organisaties/${NONE}` }) },
  // ── notifications ── (one's own only: the demo has none to open, so every id is someone else's or missing)
  "/agent/meldingen": { permission: "account.notifications.manage" },
  "/agent/meldingen/voorkeuren": { permission: "account.notifications.manage" },
  "/agent/meldingen/[id]": { permission: "account.notifications.manage", fill: () => ({ own: null, foreign: `/agent/meldingen/${NONE}` }) },
  "/api/agent/notifications/unread": { permission: "account.notifications.manage", anonymous: 403 },
  // ── targets and texts (issue 14 item 6) ──
  "/agent/beheer/mailteksten": { permission: "settings.manage" },
  // ── privacy (issue 14 item 5) ──
  "/agent/beheer/privacy": { permission: "privacy.manage" },
  "/agent/beheer/privacy/personen/[id]": { permission: "privacy.manage", fill: (ids) => ({ own: `/agent/beheer/privacy/personen/${ids.annaUser}`, foreign: `/agent/beheer/privacy/personen/${NONE}` }) },
  // ── employer service (issue 14 item 7) ──
  "/werkgever/overzicht": { permission: "employer.ticket.read" },
  "/werkgever/overzicht/export": { permission: "employer.ticket.read", anonymous: 401 },
  "/": { public: true },
  "/login": { public: true },
  "/login/twee-stappen": { public: true },
  "/login/twee-stappen/instellen": { public: true },
  "/uitnodiging/[token]": { public: true, url: `/uitnodiging/${NONE}` },
  "/wachtwoord-gewijzigd": { public: true },
  "/wachtwoord-herstellen/[token]": { public: true, url: `/wachtwoord-herstellen/${NONE}` },
  "/wachtwoord-vergeten": { public: true },
  "/api/auth/[...nextauth]": { public: true, url: "/api/auth/providers" },

  "/portaal": { permission: "portal.ticket.read" },
  "/portaal/nieuw": { permission: "portal.ticket.create" },
  "/portaal/terugbellen": { permission: "portal.callback.book" },
  "/portaal/klachten": { permission: "portal.complaint.file" },
  "/portaal/contact": { permission: "portal.enter" },
  "/portaal/wachtwoord": { permission: "portal.enter" },
  // The demo has no complaint of another beneficiary: a missing id stands in.
  "/portaal/klachten/[id]": { permission: "portal.complaint.file", fill: (ids) => ({ own: `/portaal/klachten/${ids.annaComplaint}`, foreign: `/portaal/klachten/${NONE}` }) },
  "/portaal/vragen/[id]": { permission: "portal.ticket.read", fill: (ids) => ({ own: `/portaal/vragen/${ids.annaTicket}`, foreign: `/portaal/vragen/${ids.bramDossierTicket}` }) },

  "/werkgever": { permission: "employer.enter" },
  "/werkgever/vragen/nieuw": { permission: "employer.request.submit" },
  "/werkgever/spoed": { permission: "employer.request.submit" },
  "/werkgever/escalaties": { permission: "employer.escalation.raise" },
  "/werkgever/klacht": { permission: "employer.complaint.file" },
  "/werkgever/hr-desk": { permission: "employer.hrdesk.use" },
  "/werkgever/accounts": { permission: "employer.users.manage" },
  "/werkgever/beveiliging": { permission: "employer.enter" },
  "/werkgever/contact": { permission: "employer.enter" },
  "/werkgever/wachtwoord": { permission: "employer.enter" },
  // Reading a question needs SUBMIT_REQUESTS (lib/employer/scope.ts); the page itself only the place.
  "/werkgever/vragen/[number]": {
    permission: "employer.ticket.read",
    fill: (ids) => ({ own: `/werkgever/vragen/${ids.vandijkTicket.number}`, foreign: `/werkgever/vragen/${ids.zorgnoordNumber}` }),
  },

  "/agent": { permission: "workspace.ticket.read" },
  "/agent/telefoon": { permission: "workspace.enter" },
  "/agent/terugbellen": { permission: "workspace.enter" },
  "/agent/wachtwoord": { permission: "workspace.enter" },
  "/agent/kennisbank": { permission: "kb.read" },
  "/agent/kennisbank/nieuw": { permission: "kb.article.manage" },
  // Knowledge is not anyone's: a missing id is the only foreign one.
  "/agent/kennisbank/[id]": { permission: "kb.read", fill: (ids) => ({ own: `/agent/kennisbank/${ids.kbArticle}`, foreign: `/agent/kennisbank/${NONE}` }) },
  "/agent/kennisbank/macros/nieuw": { permission: "kb.macro.manage" },
  "/agent/kennisbank/macros/[id]": { permission: "kb.macro.manage", fill: (ids) => ({ own: `/agent/kennisbank/macros/${ids.macro}`, foreign: `/agent/kennisbank/macros/${NONE}` }) },
  "/agent/tickets/[id]": {
    permission: "workspace.ticket.read",
    fill: (ids, who) => {
      const t = staffTicket(ids, who);
      return { own: t.own && `/agent/tickets/${t.own}`, foreign: `/agent/tickets/${t.foreign}` };
    },
  },
  "/agent/escalaties": { permission: "escalations.board.read" },
  "/agent/klachten": { permission: "complaints.desk.use" },
  "/agent/klachten/[id]": { permission: "complaints.desk.use", fill: (ids) => ({ own: `/agent/klachten/${ids.annaComplaint}`, foreign: `/agent/klachten/${NONE}` }) },
  "/agent/sla": { permission: "sla.monitor.read" },
  "/agent/kpi": { permission: "kpi.read" },
  "/agent/kpi/export": { permission: "kpi.read", anonymous: 401 },
  "/agent/beheer/instellingen": { permission: "settings.manage" },
  "/agent/beheer/lijnen": { permission: "settings.manage" },
  "/agent/beheer": { firstOf: ADMIN_AREAS },
  "/agent/beheer/medewerkers": { permission: "staff.manage" },
  "/agent/beheer/teams": { permission: "staff.manage" },
  "/agent/beheer/mail": { permission: "mail.outbox.read" },
  // ── webhooks (issue 16 item 2) ── admins; the demo has no endpoint, so only a missing one (404) runs.
  "/agent/beheer/webhooks": { permission: "integrations.manage" },
  "/agent/beheer/webhooks/[id]": { permission: "integrations.manage", fill: () => ({ own: null, foreign: `/agent/beheer/webhooks/${NONE}` }) },

  "/api/agent/kb": { permission: "kb.read", anonymous: 403 },
  "/api/agent/queue": { permission: "workspace.ticket.read", anonymous: 403 },
  "/api/agent/letters/[ticketId]/[messageId]": {
    permission: "workspace.ticket.read",
    anonymous: 403,
    fill: (ids, who) => {
      const t = staffTicket(ids, who);
      const own = ids.letter && t.own === ids.annaTicket ? `/api/agent/letters/${ids.letter.ticketId}/${ids.letter.messageId}` : null;
      return { own, foreign: `/api/agent/letters/${t.foreign}/${NONE}` };
    },
  },
  // A letter posted to a customer, for their own conversation: any signed-in person may ask, and
  // only the customer the letter is about gets it (staff print theirs from /api/agent/letters).
  "/api/letters/[ticketId]/[messageId]": {
    permission: "account.password.change",
    anonymous: 401,
    fill: (ids, who) => ({
      own: who === "beneficiary" && ids.letter?.ticketId === ids.annaTicket ? `/api/letters/${ids.letter.ticketId}/${ids.letter.messageId}` : null,
      foreign: `/api/letters/${ids.bramDossierTicket}/${NONE}`,
    }),
  },
  // The demo has no attachments: every download is a missing one. Any signed-in person may ask.
  "/api/uploads/[id]": { permission: "account.password.change", anonymous: 401, fill: () => ({ own: null, foreign: `/api/uploads/${NONE}` }) },
};

const PLACE_PERMISSION: Record<string, Permission> = { portaal: "portal.enter", werkgever: "employer.enter", agent: "workspace.enter" };

type Outcome = "ok" | "notFound" | "forbidden" | "noAccess" | "login" | "anonymous" | "public" | "token" | { redirect: string };

function expected(pattern: string, kind: "page" | "route", spec: UrlSpec, subject: PermissionSubject | null, scope: "own" | "foreign" | "static", ownMissing: boolean): Outcome {
  if ("public" in spec) return "public";
  if ("token" in spec) return "token";
  if (!subject) return kind === "page" ? "login" : "anonymous";
  const place = kind === "page" ? PLACE_PERMISSION[pattern.split("/")[1] ?? ""] : undefined;
  if (place && !can(subject, place)) return "noAccess";
  if ("firstOf" in spec) {
    const first = spec.firstOf.find((area) => can(subject, area.permission));
    return first ? { redirect: first.href } : "noAccess";
  }
  if (!can(subject, spec.permission)) return kind === "page" ? "noAccess" : "forbidden";
  if (scope === "foreign" || ownMissing) return "notFound";
  return "ok";
}

async function check(response: APIResponse, outcome: Outcome, spec: UrlSpec): Promise<string | null> {
  const status = response.status();
  if (typeof outcome === "object") {
    const location = new URL(response.headers()["location"] ?? "/", "http://x").pathname;
    return status >= 300 && status < 400 && location === outcome.redirect ? null : `expected a redirect to ${outcome.redirect}, got ${status} ${location}`;
  }
  switch (outcome) {
    case "ok":
      return status === 200 ? null : `expected 200, got ${status}`;
    case "notFound":
      return status === 404 ? null : `expected 404, got ${status}`;
    case "forbidden":
      return status === 403 ? null : `expected 403, got ${status}`;
    case "anonymous": {
      const want = "anonymous" in spec ? spec.anonymous : 403;
      return status === want ? null : `expected ${want}, got ${status}`;
    }
    case "login": {
      const location = response.headers()["location"] ?? "";
      return status >= 300 && status < 400 && location.includes("/login") ? null : `expected a redirect to /login, got ${status} ${location}`;
    }
    case "noAccess": {
      const body = status === 403 ? await response.text() : "";
      return body.includes("Geen toegang") ? null : `expected the "Geen toegang" page with 403, got ${status}`;
    }
    case "public":
      return status < 500 ? null : `expected a public answer, got ${status}`;
    case "token": {
      const want = "token" in spec && spec.get ? 401 : 405;
      return status === want ? null : `expected ${want} (the API opens for tokens only), got ${status}`;
    }
  }
}

// ───────────────────────────── the run ─────────────────────────────

const URL_LIST = appUrls().sort((a, b) => a.pattern.localeCompare(b.pattern));
const CALLER_KEYS = [...(Object.keys(ACCOUNTS) as RoleKey[]), "employer-submit-only", "no-session"];
/** Dynamic URLs are asked twice (own and foreign), the rest once. */
const CELLS_PER_CALLER = URL_LIST.reduce((sum, u) => sum + (u.pattern.includes("[") && "permission" in (URLS[u.pattern] ?? { public: true }) ? 2 : 1), 0);
const MIN_CELLS = 500;

test.describe("every page and route, for every caller", () => {
  let ids: DemoIds;
  let ran = 0;

  test.beforeAll(async () => {
    ids = await demoIds();
  });

  test("lists every URL of the app folder, and no URL that is not there", () => {
    const patterns = URL_LIST.map((u) => u.pattern);
    expect(patterns.filter((p) => !URLS[p])).toEqual([]);
    expect(Object.keys(URLS).filter((p) => !patterns.includes(p))).toEqual([]);
    expect(patterns.length).toBeGreaterThanOrEqual(45);
  });

  for (const key of CALLER_KEYS) {
    test(`as ${key}`, async ({ playwright, browser, baseURL }) => {
      test.setTimeout(300_000);
      const caller: Caller = {
        key,
        subject: key === "no-session" ? null : key === "employer-submit-only" ? { role: "EMPLOYER_CONTACT", organisationId: "vandijk", rights: ["SUBMIT_REQUESTS"], hrProfessional: false } : SUBJECTS[key as RoleKey],
        async open() {
          const common = { baseURL, maxRedirects: 0, extraHTTPHeaders: { "Accept-Language": "nl-NL" } };
          if (key === "no-session") return playwright.request.newContext(common);
          if (key === "employer-submit-only") {
            // No saved login for this one: log in once, then ask with its cookies.
            const context = await browser.newContext();
            const page = await context.newPage();
            await login(page, TOM);
            await expect(page).toHaveURL(/\/werkgever$/);
            const storageState = await context.storageState();
            await context.close();
            return playwright.request.newContext({ ...common, storageState });
          }
          return playwright.request.newContext({ ...common, storageState: storageStateOf(key as RoleKey) });
        },
      };
      const request = await caller.open();
      const problems: string[] = [];
      let cells = 0;
      for (const { pattern, kind } of URL_LIST) {
        const spec = URLS[pattern];
        if (!spec) continue; // reported by the listing test
        const dynamic = pattern.includes("[");
        const targets: { scope: "own" | "foreign" | "static"; url: string; ownMissing: boolean }[] = [];
        if ("public" in spec) targets.push({ scope: "static", url: spec.url ?? pattern, ownMissing: false });
        else if ("token" in spec) targets.push({ scope: "static", url: pattern.replace(/\[[^\]]+\]/g, NONE), ownMissing: false });
        else if (!dynamic || !("permission" in spec)) targets.push({ scope: "static", url: pattern, ownMissing: false });
        else {
          const filled = spec.fill!(ids, key === "employer-submit-only" ? "employer" : key);
          targets.push({ scope: "own", url: filled.own ?? filled.foreign, ownMissing: filled.own === null }, { scope: "foreign", url: filled.foreign, ownMissing: false });
        }
        for (const target of targets) {
          const outcome = expected(pattern, kind, spec, caller.subject, target.scope, target.ownMissing);
          const response = await request.get(target.url);
          const problem = await check(response, outcome, spec);
          cells += 1;
          if (problem) problems.push(`${key} ${target.scope} ${target.url}: ${problem}`);
        }
      }
      await request.dispose();
      ran += cells;
      expect(problems).toEqual([]);
      expect(cells).toBe(CELLS_PER_CALLER);
    });
  }

  test("ran every cell", () => {
    const total = CELLS_PER_CALLER * CALLER_KEYS.length;
    expect(total).toBeGreaterThanOrEqual(MIN_CELLS);
    expect(ran).toBe(total);
    // The figure the README quotes.
    console.info(`authorization pages: ${ran} cells`);
  });
});
