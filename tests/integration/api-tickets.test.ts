// /api/v1/tickets through its route handlers, with tokens made by the admin's own command: who
// gets in (401/403), what an organisation-limited token may see (404 for another's ticket), bad
// input as RFC 9457 problem details with field errors, idempotent creates and replies, the rate
// limit, and that the API changes tickets through the same commands as the workspace.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listTickets, POST as createTicket } from "@/app/api/v1/tickets/route";
import { GET as readTicket, PATCH as changeTicket } from "@/app/api/v1/tickets/[id]/route";
import { POST as reply } from "@/app/api/v1/tickets/[id]/messages/route";
import { revokeApiToken } from "@/lib/api/token-commands";
import { db } from "@/lib/db/client";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { closeRateLimits, consumeRateLimit, RATE_LIMITS } from "@/lib/security/rate-limit";
import { queueWhere } from "@/lib/tickets/queries";
import { type Answer, call, expectProblem, makeToken } from "../support/api-client";
import { seedDemo, sessionFor } from "../support/fixtures";

const ALL = ["tickets:read", "tickets:write"] as const;
let vandijk: string;
let zorgnoord: string;
let manager: { id: string; secret: string };
let limited: { id: string; secret: string };
let vandijkTicket: { id: string; number: string };
let zorgnoordTicket: { id: string; number: string };

beforeAll(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
  vandijk = (await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } })).id;
  zorgnoord = (await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40877" } })).id;
  manager = await makeToken({ actor: "manager@loket.example", scopes: [...ALL] });
  limited = await makeToken({ actor: "manager@loket.example", scopes: [...ALL], organisationId: vandijk });
  const open = { status: { in: ["NEW", "OPEN"] as ("NEW" | "OPEN")[] } };
  vandijkTicket = await db.ticket.findFirstOrThrow({ where: { organisationId: vandijk, ...open }, select: { id: true, number: true } });
  zorgnoordTicket = await db.ticket.findFirstOrThrow({ where: { organisationId: zorgnoord, ...open }, select: { id: true, number: true } });
}, 120_000);

afterAll(async () => {
  await closeRateLimits();
});


describe("API tokens", () => {
  it("keeps only the SHA-256 of the secret, audits creation and revocation, and a revoked token is refused", async () => {
    const token = await makeToken({ actor: "behandelaar@loket.example", scopes: ["tickets:read"], name: "Intrekken" });
    expect(token.secret).toMatch(/^lk_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token.secret).digest("hex"));
    expect(row.prefix).toBe(token.secret.slice(0, 11));
    expect(JSON.stringify(row)).not.toContain(token.secret);
    expect(await db.auditEvent.count({ where: { action: "api_token.created", entityId: token.id } })).toBe(1);

    expect((await call(listTickets, { path: "/api/v1/tickets", token: token.secret })).status).toBe(200);
    const admin = await sessionFor("admin@loket.example");
    expect(await revokeApiToken.execute(admin, { tokenId: token.id }, new Date())).toEqual({ ok: true, data: { id: token.id } });
    expect(await db.auditEvent.count({ where: { action: "api_token.revoked", entityId: token.id } })).toBe(1);
    expectProblem(await call(listTickets, { path: "/api/v1/tickets", token: token.secret }), 401, "TOKEN_INVALID");
    // Revoking twice is refused: nothing to revoke.
    expect(await revokeApiToken.execute(admin, { tokenId: token.id }, new Date())).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("refuses a token for a portal account and an expiry in the past, with the field named", async () => {
    const admin = await sessionFor("admin@loket.example");
    const { createApiToken } = await import("@/lib/api/token-commands");
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    expect(await createApiToken.execute(admin, { name: "Burger", scopes: ["tickets:read"], actorId: anna.id, organisationId: "", expiresAt: "" }, new Date())).toEqual({
      ok: false,
      reason: "ACTOR_NOT_STAFF",
      fieldErrors: { actorId: ["ACTOR_NOT_STAFF"] },
    });
    const past = await createApiToken.execute(admin, { name: "Oud", scopes: ["tickets:read"], actorId: admin.id, organisationId: "", expiresAt: "2020-01-01" }, new Date());
    expect(past).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { expiresAt: ["IN_THE_PAST"] } });
    // The last day it works, in Amsterdam: chosen today, it works until midnight tonight.
    const at = new Date("2026-12-08T10:00:00Z");
    const today = await createApiToken.execute(admin, { name: "Vandaag", scopes: ["tickets:read"], actorId: admin.id, organisationId: "", expiresAt: "2026-12-08" }, at);
    if (!today.ok) throw new Error(today.reason);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: today.data.id } })).expiresAt).toEqual(new Date("2026-12-08T23:00:00Z"));
    expect(await createApiToken.execute(admin, { name: "Raar", scopes: ["tickets:read"], actorId: admin.id, organisationId: "", expiresAt: "2026-02-30" }, at)).toMatchObject({ ok: false, fieldErrors: { expiresAt: ["INVALID_DATE"] } });
  });
});

describe("who gets in", () => {
  it("answers 401 problem details without a token, with an unknown one, and with an expired one", async () => {
    const none = await call(listTickets, { path: "/api/v1/tickets" });
    expectProblem(none, 401, "TOKEN_MISSING");
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expectProblem(await call(listTickets, { path: "/api/v1/tickets", token: "lk_not-a-real-token" }), 401, "TOKEN_INVALID");
    // Credentials that are no Loket token are not "missing": the client sent something, and is told what.
    for (const authorization of ["Basic YWRtaW46YWRtaW4=", "Bearer not-a-loket-token", "lk_without-a-scheme"]) {
      const malformed = await call(listTickets, { path: "/api/v1/tickets", authorization });
      expectProblem(malformed, 401, "TOKEN_INVALID");
      expect(malformed.body.detail, authorization).toContain("Bearer lk_");
      expect(malformed.headers.get("www-authenticate"), authorization).toBe('Bearer realm="loket", error="invalid_token"');
    }
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="loket"');
    const expiring = await makeToken({ actor: "manager@loket.example", scopes: ["tickets:read"], expiresAt: amsterdamDateKey(new Date(Date.now() + 86_400_000)) });
    await db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectProblem(await call(listTickets, { path: "/api/v1/tickets", token: expiring.secret }), 401, "TOKEN_INVALID");
  });

  it("answers 403 for a missing scope, and for a scope the acting account's permissions do not back", async () => {
    const readOnly = await makeToken({ actor: "manager@loket.example", scopes: ["tickets:read"] });
    for (const [handler, method] of [[createTicket, "POST"], [changeTicket, "PATCH"], [reply, "POST"]] as const) {
      const answer = await call(handler, { method, path: "/api/v1/tickets", token: readOnly.secret, body: {}, params: { id: vandijkTicket.id } });
      expectProblem(answer, 403, "INSUFFICIENT_SCOPE");
    }
    // A customer success manager reads tickets but works none: the scope alone does not grant it.
    const csm = await makeToken({ actor: "csm@loket.example", scopes: [...ALL] });
    expectProblem(await call(reply, { method: "POST", path: "/x", token: csm.secret, body: { body: "Hallo daar" }, params: { id: vandijkTicket.id } }), 403, "FORBIDDEN");
  });

  it("records the last use, at most once a minute", async () => {
    const token = await makeToken({ actor: "manager@loket.example", scopes: ["tickets:read"] });
    await call(listTickets, { path: "/api/v1/tickets?limit=1", token: token.secret });
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await call(listTickets, { path: "/api/v1/tickets?limit=1", token: token.secret });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(first);
  });

  it("answers 429 with Retry-After once the token's budget is spent, and counts per token", async () => {
    const token = await makeToken({ actor: "manager@loket.example", scopes: ["tickets:read"] });
    for (let i = 0; i < RATE_LIMITS.api_token.points; i += 1) await consumeRateLimit("api_token", token.id);
    const answer = await call(listTickets, { path: "/api/v1/tickets?limit=1", token: token.secret });
    expectProblem(answer, 429, "RATE_LIMITED");
    const wait = Number(answer.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await call(listTickets, { path: "/api/v1/tickets?limit=1", token: manager.secret })).status).toBe(200);
  }, 60_000);
});

describe("GET /api/v1/tickets", () => {
  it("pages with a cursor through the queue's selection, each ticket once", async () => {
    const all = await call(listTickets, { path: "/api/v1/tickets?limit=100", token: manager.secret });
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Answer = await call(listTickets, { path: `/api/v1/tickets?limit=2${cursor ? `&cursor=${cursor}` : ""}`, token: manager.secret });
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 200);
    expect(seen).toEqual(all.body.data.map((t: { id: string }) => t.id));
    expect(pages).toBe(Math.ceil(seen.length / 2));
  });

  it("applies the queue's filters", async () => {
    const answer = await call(listTickets, { path: `/api/v1/tickets?status=OPEN&limit=100`, token: manager.secret });
    expect(answer.body.data.length).toBeGreaterThan(0);
    expect(new Set(answer.body.data.map((t: { status: string }) => t.status))).toEqual(new Set(["OPEN"]));
    const byNumber = await call(listTickets, { path: `/api/v1/tickets?q=${vandijkTicket.number}`, token: manager.secret });
    expect(byNumber.body.data.map((t: { id: string }) => t.id)).toEqual([vandijkTicket.id]);
    // A text, as the queue searches it: the organisation's name finds its tickets, newest first.
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: vandijk } });
    const byText = await call(listTickets, { path: `/api/v1/tickets?limit=100&q=${encodeURIComponent(organisation.name.toUpperCase())}`, token: manager.secret });
    const expected = await db.ticket.findMany({ where: queueWhere(await sessionFor("manager@loket.example"), { q: organisation.name }, new Date()), orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(expected.length).toBeGreaterThan(0);
    expect(byText.body.data.map((t: { id: string }) => t.id)).toEqual(expected.map((t) => t.id));
  });

  it("gives each ticket's SLA state as it stands at the request, as its filter finds it, before the sweep has written it", async () => {
    const [reached, overdue] = await db.ticket.findMany({
      where: { status: "OPEN", slaStoppedAt: null, id: { notIn: [vandijkTicket.id, zorgnoordTicket.id] } },
      orderBy: { number: "asc" },
      take: 2,
      select: { id: true },
    });
    const hour = 3_600_000;
    // As the sweep left them an hour ago: since then one reached its at-risk moment, one its due time.
    await db.ticket.update({ where: { id: reached!.id }, data: { slaState: "ON_TRACK", slaAtRiskAt: new Date(Date.now() - hour), slaDueAt: new Date(Date.now() + 24 * hour) } });
    await db.ticket.update({ where: { id: overdue!.id }, data: { slaState: "AT_RISK", slaAtRiskAt: new Date(Date.now() - 2 * hour), slaDueAt: new Date(Date.now() - 60_000) } });
    const listed = async (sla: string) =>
      new Map((await call(listTickets, { path: `/api/v1/tickets?limit=100&sla=${sla}`, token: manager.secret })).body.data.map((t: { id: string; slaState: string }) => [t.id, t.slaState]));
    const [atRisk, breached, onTrack] = await Promise.all([listed("AT_RISK"), listed("BREACHED"), listed("ON_TRACK")]);
    expect(atRisk.get(reached!.id)).toBe("AT_RISK");
    expect(breached.get(overdue!.id)).toBe("BREACHED");
    expect(onTrack.has(reached!.id)).toBe(false);
    // Every ticket a filter finds carries that filter's state.
    for (const [state, found] of [["AT_RISK", atRisk], ["BREACHED", breached], ["ON_TRACK", onTrack]] as const) expect([...found.values()].filter((s) => s !== state)).toEqual([]);
    expect((await call(readTicket, { path: "/t", token: manager.secret, params: { id: reached!.id } })).body.slaState).toBe("AT_RISK");
    expect((await call(readTicket, { path: "/t", token: manager.secret, params: { id: overdue!.id } })).body.slaState).toBe("BREACHED");
  });

  it("shows an organisation-limited token only that organisation's tickets", async () => {
    const answer = await call(listTickets, { path: "/api/v1/tickets?limit=100", token: limited.secret });
    const orgs = answer.body.data.map((t: { organisation: { id: string } | null }) => t.organisation?.id ?? null);
    expect(orgs.length).toBeGreaterThan(0);
    expect(new Set(orgs)).toEqual(new Set([vandijk]));
  });

  it("refuses a bad limit and a forged cursor as problem details with the field", async () => {
    const bad = await call(listTickets, { path: "/api/v1/tickets?limit=500", token: manager.secret });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.body.errors).toEqual([{ pointer: "#/limit", detail: "TOO_LARGE" }]);
    const forged = await call(listTickets, { path: "/api/v1/tickets?cursor=bm9wZQ", token: manager.secret });
    expectProblem(forged, 422, "INVALID_INPUT");
    expect(forged.body.errors).toEqual([{ pointer: "#/cursor", detail: "INVALID_CURSOR" }]);
    // A filter value the document does not list is refused, not ignored (which handed every ticket).
    const unknown = await call(listTickets, { path: "/api/v1/tickets?status=FOO&channel=fax", token: manager.secret });
    expectProblem(unknown, 422, "INVALID_INPUT");
    expect(unknown.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(["#/channel", "#/status"]);
  });
});

describe("GET /api/v1/tickets/{id}", () => {
  it("reads a ticket by id or number with its messages", async () => {
    const byNumber = await call(readTicket, { path: "/t", token: manager.secret, params: { id: vandijkTicket.number } });
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toMatchObject({ id: vandijkTicket.id, number: vandijkTicket.number, organisation: { id: vandijk } });
    expect(byNumber.body.messages.length).toBe(await db.message.count({ where: { ticketId: vandijkTicket.id } }));
    expect((await call(readTicket, { path: "/t", token: manager.secret, params: { id: vandijkTicket.id } })).body.id).toBe(vandijkTicket.id);
  });

  it("answers 404 for another organisation's ticket under an organisation-limited token", async () => {
    expect((await call(readTicket, { path: "/t", token: limited.secret, params: { id: vandijkTicket.id } })).status).toBe(200);
    expectProblem(await call(readTicket, { path: "/t", token: limited.secret, params: { id: zorgnoordTicket.id } }), 404, "NOT_FOUND");
    expectProblem(await call(readTicket, { path: "/t", token: limited.secret, params: { id: zorgnoordTicket.number } }), 404, "NOT_FOUND");
  });

  it("answers 404 for a ticket outside the acting account's scope", async () => {
    const agent = await makeToken({ actor: "agent@loket.example", scopes: ["tickets:read"] });
    const elsewhere = await db.team.create({ data: { key: `api-elders-${Date.now()}`, name: "Elders" } });
    const hidden = await db.ticket.update({ where: { id: zorgnoordTicket.id }, data: { teamId: elsewhere.id, assigneeId: null }, select: { id: true } });
    expectProblem(await call(readTicket, { path: "/t", token: agent.secret, params: { id: hidden.id } }), 404, "NOT_FOUND");
  });
});

describe("POST /api/v1/tickets", () => {
  const bram = () => db.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } });

  it("opens a ticket, and a replay with the same Idempotency-Key answers the same without a second ticket", async () => {
    const body = { subject: "Vraag via de administratie", body: "Kunt u de betaling van november nagaan?", categoryKey: "GENERAL_QUESTION", requesterId: (await bram()).id };
    const before = await db.ticket.count();
    const first = await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: manager.secret, body, idempotencyKey: "create-1" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ subject: body.subject, status: "NEW", requester: { id: body.requesterId } });
    expect(first.body.messages.map((m: { body: string }) => m.body)).toContain(body.body);
    const again = await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: manager.secret, body: { ...body }, idempotencyKey: "create-1" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expect(await db.ticket.count()).toBe(before + 1);

    const other = await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: manager.secret, body: { ...body, subject: "Iets anders" }, idempotencyKey: "create-1" });
    expectProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
    expect(await db.ticket.count()).toBe(before + 1);
    // Keys belong to a token: another token's same key is a new request.
    const elsewhere = await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: limited.secret, body: { ...body, requesterId: undefined, requesterEmail: "hr@vandijk.example" }, idempotencyKey: "create-1" });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.organisation.id).toBe(vandijk);
    // The question is the customer's words: by Bram's account, or by nobody of ours for a customer
    // without one, never by the staff member the token acts as.
    const firstMessage = (ticketId: string) => db.message.findFirstOrThrow({ where: { ticketId, direction: "INBOUND" }, orderBy: { createdAt: "asc" } });
    expect((await firstMessage(first.body.id)).authorId).toBe(body.requesterId);
    expect((await firstMessage(elsewhere.body.id)).authorId).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "ticket.create", entityId: elsewhere.body.id, actor: { email: "manager@loket.example" } } })).toBe(1);
  });

  it("answers bad input with problem details naming each field, and keeps the key free for the fixed request", async () => {
    const bad = await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: manager.secret, body: { subject: "x", body: "Een vraag", categoryKey: "GENERAL_QUESTION", requesterEmail: "geen-adres" }, idempotencyKey: "create-2" });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.body.errors).toEqual(expect.arrayContaining([{ pointer: "#/subject", detail: "TOO_SHORT" }, { pointer: "#/requesterEmail", detail: "INVALID_EMAIL" }]));
    const fixed = await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: manager.secret, body: { subject: "Een vraag", body: "Een vraag", categoryKey: "GENERAL_QUESTION", requesterEmail: "iemand@example.org" }, idempotencyKey: "create-2" });
    expect(fixed.status).toBe(201);
    expectProblem(await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: manager.secret, rawBody: "{not json" }), 400, "INVALID_JSON");
    expectProblem(await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: manager.secret, body: { subject: "Een vraag", body: "Een vraag", categoryKey: "NO_SUCH", requesterEmail: "a@example.org" } }), 409, "UNKNOWN_CATEGORY");
  });

  it("keeps an organisation-limited token to its organisation and its people", async () => {
    const lisa = await db.user.findUniqueOrThrow({ where: { email: "lisa.smit@zorggroepnoord.example" } });
    const base = { subject: "Vraag", body: "Een vraag van de werkgever", categoryKey: "GENERAL_QUESTION" };
    const before = await db.ticket.count();
    expectProblem(await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: limited.secret, body: { ...base, requesterId: lisa.id } }), 404, "REQUESTER_NOT_FOUND");
    const wrongOrg = await call(createTicket, { method: "POST", path: "/api/v1/tickets", token: limited.secret, body: { ...base, requesterEmail: "a@example.org", organisationId: zorgnoord } });
    expectProblem(wrongOrg, 422, "INVALID_INPUT");
    expect(wrongOrg.body.errors).toEqual([{ pointer: "#/organisationId", detail: "ORGANISATION_OUT_OF_SCOPE" }]);
    expect(await db.ticket.count()).toBe(before);
  });
});

describe("POST /api/v1/tickets/{id}/messages and PATCH /api/v1/tickets/{id}", () => {
  it("replies through the workspace's reply command, once per Idempotency-Key", async () => {
    const before = await db.message.count({ where: { ticketId: vandijkTicket.id } });
    const first = await call(reply, { method: "POST", path: "/r", token: limited.secret, body: { body: "Wij hebben uw vraag bekeken." }, params: { id: vandijkTicket.number }, idempotencyKey: "reply-1" });
    expect(first.status).toBe(201);
    expect(typeof first.body.messageId).toBe("string");
    const again = await call(reply, { method: "POST", path: "/r", token: limited.secret, body: { body: "Wij hebben uw vraag bekeken." }, params: { id: vandijkTicket.number }, idempotencyKey: "reply-1" });
    expect(again.body).toEqual(first.body);
    expect(await db.message.count({ where: { ticketId: vandijkTicket.id } })).toBe(before + 1);
    const message = await db.message.findUniqueOrThrow({ where: { id: first.body.messageId } });
    expect(message).toMatchObject({ direction: "OUTBOUND", authorId: (await sessionFor("manager@loket.example")).id });
    const short = await call(reply, { method: "POST", path: "/r", token: limited.secret, body: { body: "x" }, params: { id: vandijkTicket.id } });
    expectProblem(short, 422, "INVALID_INPUT");
    expect(short.body.errors).toEqual([{ pointer: "#/body", detail: "TOO_SHORT:2" }]);
  });

  it("answers 404 for another organisation's ticket and changes nothing", async () => {
    const before = await db.message.count({ where: { ticketId: zorgnoordTicket.id } });
    expectProblem(await call(reply, { method: "POST", path: "/r", token: limited.secret, body: { body: "Hallo daar" }, params: { id: zorgnoordTicket.id } }), 404, "NOT_FOUND");
    expectProblem(await call(changeTicket, { method: "PATCH", path: "/t", token: limited.secret, body: { priority: "HIGH" }, params: { id: zorgnoordTicket.id } }), 404, "NOT_FOUND");
    expect(await db.message.count({ where: { ticketId: zorgnoordTicket.id } })).toBe(before);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: zorgnoordTicket.id } })).priority).not.toBe("HIGH");
  });

  it("changes status, team and assignee through the workspace's change command", async () => {
    const team = await db.team.findUniqueOrThrow({ where: { key: "werkgevers" } });
    const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    const current = (await db.ticket.findUniqueOrThrow({ where: { id: vandijkTicket.id } })).status;
    const target = current === "OPEN" ? "RESOLVED" : "OPEN";
    const answer = await call(changeTicket, { method: "PATCH", path: "/t", token: manager.secret, body: { status: target, teamId: team.id, assigneeId: handler.id }, params: { id: vandijkTicket.id } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: target, team: { id: team.id }, assignee: { id: handler.id } });
    const manager_ = await sessionFor("manager@loket.example");
    const events = await db.ticketEvent.findMany({ where: { ticketId: vandijkTicket.id, kind: "status", actorId: manager_.id } });
    expect(events.map((e) => (e.data as { to: string }).to)).toContain(target);
    const bad = await call(changeTicket, { method: "PATCH", path: "/t", token: manager.secret, body: { status: "GONE" }, params: { id: vandijkTicket.id } });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["#/status"]);
  });
});
