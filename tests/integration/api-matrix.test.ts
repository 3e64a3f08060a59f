// The authorization table of /api/v1, generated: every route and method the route files export
// (tests/support/api-routes.ts, the list the OpenAPI test walks) x every cell:
//   scope   a token holding every scope but the route's (as the OpenAPI document names it): 403;
//   foreign a token limited to Van Dijk asking for Zorggroep Noord's record: 404 (a list: none of
//           its rows, while an unlimited token does see them; a create: refused, nothing stored);
//   own     a token with the scope and no limit, on Van Dijk's records: 2xx;
//   input   bad input, where the route takes any: 422 problem details naming each field;
//   role    for every staff role, a token with every scope acting as that role's account: 403
//           FORBIDDEN without the route's permission (read from the permission table), and past
//           the gate with it (shown by the handler's own answer, an unknown id's 404 or bad
//           input's 422, so no cell changes anything).
// A route without a row fails here, and the number of cells is asserted.
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookCallbackForCustomer } from "@/lib/api/callback-commands";
import { API_PATHS } from "@/lib/api/openapi";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { type Permission, ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { createTicketForCustomer } from "@/lib/api/ticket-commands";
import { fileComplaintAsEmployer } from "@/lib/complaints/commands";
import { db } from "@/lib/db/client";
import { raiseEmployerEscalation } from "@/lib/escalations/commands";
import { closeRateLimits } from "@/lib/security/rate-limit";
import { replyToTicket } from "@/lib/workspace/commands";
import { type Answer, call, expectProblem, makeToken } from "../support/api-client";
import { apiRoutes } from "../support/api-routes";
import { seedDemo, sessionFor } from "../support/fixtures";

type Handler = Parameters<typeof call>[0];
type Actor = "manager" | "admin";
type Ask = { path: string; params?: Record<string, string>; body?: unknown };
/** Calls this row's route (its method) with a token. */
type Send = (token: string, ask: Ask) => Promise<Answer>;

interface Row {
  /** The permission the route's server action needs (the role cells prove it is the one checked). */
  permission: Permission;
  /** The staff account the tokens act as: one holding the permission the route needs. */
  actor: Actor;
  /** A request for Van Dijk's record that succeeds; the scope cell sends it without the scope. */
  own: () => Ask;
  /** What the successful answer must show (the status is checked before). */
  ownShows?: (answer: Answer, send: Send) => void | Promise<void>;
  ownStatus?: number;
  foreign: (send: Send) => Promise<void>;
  /** Bad input and the fields the problem must name; absent when the route takes no input. */
  input?: { ask: () => Ask; status?: number; pointers: string[] };
}

/** Every staff role, by its seeded account (a token acts as a staff account only). */
const STAFF_ROLES = {
  CALLCENTER_AGENT: "agent@loket.example",
  CASE_HANDLER: "behandelaar@loket.example",
  TEAM_COORDINATOR: "coordinator@loket.example",
  MANAGER: "manager@loket.example",
  CUSTOMER_SUCCESS_MANAGER: "csm@loket.example",
  OMBUDS: "ombudsman@loket.example",
  ADMIN: "admin@loket.example",
} as const;
type StaffRole = keyof typeof STAFF_ROLES;
const roleTokens: Partial<Record<StaffRole, string>> = {};

// 22 secured routes x (scope, foreign, own, 7 roles) + 16 that take input + 1 public route.
const EXPECTED_CELLS = 22 * (3 + 7) + 16 + 1;

const ids = {
  vandijk: "",
  zorgnoord: "",
  eva: "",
  lisa: "",
  bram: "",
  vandijkTicket: { id: "", number: "" },
  zorgnoordTicket: { id: "", number: "" },
  vandijkComplaint: "",
  zorgnoordComplaint: "",
  vandijkEscalation: "",
  zorgnoordEscalation: "",
  zorgnoordAppointment: "",
};

const tokens: Record<Actor, { full: string; limited: string; lacking: Partial<Record<ApiScope, string>> }> = {
  manager: { full: "", limited: "", lacking: {} },
  admin: { full: "", limited: "", lacking: {} },
};
const ACTOR_EMAIL: Record<Actor, string> = { manager: "manager@loket.example", admin: "admin@loket.example" };

/** A token holding every scope but one, made once per actor and scope. */
async function lacking(actor: Actor, scope: ApiScope): Promise<string> {
  tokens[actor].lacking[scope] ??= (await makeToken({ actor: ACTOR_EMAIL[actor], scopes: API_SCOPES.filter((s) => s !== scope), name: `Zonder ${scope}` })).secret;
  return tokens[actor].lacking[scope];
}

async function ticketFor(email: string, subject = "Terugbellen graag"): Promise<{ id: string; number: string }> {
  const contact = await sessionFor(email);
  const result = await createTicketForCustomer.execute(await sessionFor("manager@loket.example"), { subject, body: "Graag teruggebeld worden", categoryKey: "GENERAL_QUESTION", requesterId: contact.id, organisationId: contact.organisationId! }, new Date());
  if (!result.ok) throw new Error(result.reason);
  return { id: result.data.id, number: result.data.number };
}

async function complaintBy(email: string): Promise<string> {
  const contact = await sessionFor(email);
  const subject = await ticketFor(email, "Loonaangifte");
  const filed = await fileComplaintAsEmployer.execute(contact, { subjectTicketNumber: subject.number, lastContactDate: amsterdamDateKey(new Date()), description: "Wij zijn niet teruggebeld." }, new Date());
  if (!filed.ok) throw new Error(filed.reason);
  return (await db.complaint.findFirstOrThrow({ where: { subjectTicketId: subject.id } })).id;
}

let slotsHandler: Handler;

/** The furthest free slot of the ticket's team (one close at hand may be past its cancel time). */
async function freeSlot(ticketId: string): Promise<{ date: string; slot: "MORNING" | "AFTERNOON" }> {
  const offer = await call(slotsHandler, { path: `/api/v1/callbacks/slots?ticketId=${ticketId}`, token: tokens.manager.full });
  expect(offer.status).toBe(200);
  return offer.body.data.at(-1);
}

async function bookOn(ticketId: string): Promise<string> {
  const slot = await freeSlot(ticketId);
  const booked = await bookCallbackForCustomer.execute(await sessionFor("manager@loket.example"), { ticketId, ...slot, phone: "0612345678" }, new Date());
  if (!booked.ok) throw new Error(booked.reason);
  return booked.data.id;
}

const idsOf = (answer: Answer): string[] => answer.body.data.map((r: { id: string }) => r.id);

/** A list the limited token asks for: its own row in it, the other organisation's not (which an unlimited token does see). */
async function listedOnlyOwn(send: Send, actor: Actor, path: string, own: string, foreign: string, foreignPath = path) {
  const everyone = await send(tokens[actor].full, { path: foreignPath });
  expect(everyone.status).toBe(200);
  expect(idsOf(everyone)).toContain(foreign);
  const theirs = await send(tokens[actor].limited, { path: foreignPath });
  expect(theirs.status).toBe(200);
  expect(idsOf(theirs)).not.toContain(foreign);
  const mine = await send(tokens[actor].limited, { path });
  expect(idsOf(mine)).toContain(own);
  expect(idsOf(mine)).not.toContain(foreign);
}

async function refusedFor(send: Send, ask: Ask, status: number, code: string, actor: Actor = "manager") {
  expectProblem(await send(tokens[actor].limited, ask), status, code);
}

const ROWS: Record<string, Row> = {
  "GET /api/v1/tickets": {
    permission: "workspace.ticket.read",
    actor: "manager",
    own: () => ({ path: "/api/v1/tickets?limit=5" }),
    ownShows: (a) => expect(a.body.data.length).toBeGreaterThan(0),
    foreign: (send) => listedOnlyOwn(send, "manager", `/api/v1/tickets?q=${ids.vandijkTicket.number}`, ids.vandijkTicket.id, ids.zorgnoordTicket.id, `/api/v1/tickets?q=${ids.zorgnoordTicket.number}`),
    input: { ask: () => ({ path: "/api/v1/tickets?limit=0&cursor=geen" }), pointers: ["#/limit"] },
  },
  "POST /api/v1/tickets": {
    permission: "workspace.ticket.reply",
    actor: "manager",
    own: () => ({ path: "/t", body: { subject: "Vraag via de koppeling", body: "Wanneer wordt er uitbetaald?", categoryKey: "GENERAL_QUESTION", requesterId: ids.eva, organisationId: ids.vandijk } }),
    ownStatus: 201,
    ownShows: (a) => expect(a.body).toMatchObject({ subject: "Vraag via de koppeling", organisation: { id: ids.vandijk } }),
    foreign: async (send) => {
      const body = { subject: "Namens een ander", body: "Een vraag voor Zorggroep Noord", categoryKey: "GENERAL_QUESTION" };
      await refusedFor(send, { path: "/t", body: { ...body, requesterId: ids.lisa } }, 404, "REQUESTER_NOT_FOUND");
      const other = await send(tokens.manager.limited, { path: "/t", body: { ...body, requesterId: ids.eva, organisationId: ids.zorgnoord } });
      expectProblem(other, 422, "INVALID_INPUT");
      expect(other.body.errors).toEqual([{ pointer: "#/organisationId", detail: "ORGANISATION_OUT_OF_SCOPE" }]);
      expect(await db.ticket.count({ where: { subject: "Namens een ander" } })).toBe(0);
    },
    input: { ask: () => ({ path: "/t", body: { subject: "x", body: "", categoryKey: "" } }), pointers: ["#/body", "#/categoryKey", "#/subject"] },
  },
  "GET /api/v1/tickets/{id}": {
    permission: "workspace.ticket.read",
    actor: "manager",
    own: () => ({ path: "/t", params: { id: ids.vandijkTicket.id } }),
    ownShows: (a) => expect(a.body.id).toBe(ids.vandijkTicket.id),
    foreign: async (send) => {
      expect((await send(tokens.manager.limited, { path: "/t", params: { id: ids.vandijkTicket.number } })).status).toBe(200);
      await refusedFor(send, { path: "/t", params: { id: ids.zorgnoordTicket.id } }, 404, "NOT_FOUND");
      await refusedFor(send, { path: "/t", params: { id: ids.zorgnoordTicket.number } }, 404, "NOT_FOUND");
    },
  },
  "PATCH /api/v1/tickets/{id}": {
    permission: "workspace.ticket.change",
    actor: "manager",
    own: () => ({ path: "/t", params: { id: ids.vandijkTicket.id }, body: { priority: "HIGH" } }),
    ownShows: (a) => expect(a.body.priority).toBe("HIGH"),
    foreign: async (send) => {
      const before = await db.ticket.findUniqueOrThrow({ where: { id: ids.zorgnoordTicket.id } });
      await refusedFor(send, { path: "/t", params: { id: ids.zorgnoordTicket.id }, body: { priority: "URGENT", status: "CLOSED" } }, 404, "NOT_FOUND");
      expect(await db.ticket.findUniqueOrThrow({ where: { id: ids.zorgnoordTicket.id } })).toMatchObject({ priority: before.priority, status: before.status });
    },
    input: { ask: () => ({ path: "/t", params: { id: ids.vandijkTicket.id }, body: { priority: "SOON", status: "GONE" } }), pointers: ["#/priority", "#/status"] },
  },
  "GET /api/v1/tickets/{id}/messages": {
    permission: "workspace.ticket.read",
    actor: "manager",
    own: () => ({ path: "/api/v1/tickets/x/messages?limit=1", params: { id: ids.vandijkTicket.number } }),
    // Page by page, one message each, the cursor leads through the whole conversation in order.
    ownShows: async (first, send) => {
      const stored = await db.message.findMany({ where: { ticketId: ids.vandijkTicket.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
      expect(stored.length).toBeGreaterThanOrEqual(2);
      expect(first.body.data).toHaveLength(1);
      const seen = idsOf(first);
      let cursor: string | null = first.body.nextCursor;
      // At most a page per stored message: a cursor that never runs out fails instead of looping.
      for (let turn = 0; cursor && turn < stored.length; turn++) {
        const page = await send(tokens.manager.full, { path: `/api/v1/tickets/x/messages?limit=1&cursor=${cursor}`, params: { id: ids.vandijkTicket.id } });
        expect(page.status).toBe(200);
        expect(page.body.data).toHaveLength(1);
        seen.push(...idsOf(page));
        cursor = page.body.nextCursor;
      }
      expect(seen).toEqual(stored.map((m) => m.id));
    },
    foreign: async (send) => {
      expect((await send(tokens.manager.limited, { path: "/api/v1/tickets/x/messages", params: { id: ids.vandijkTicket.id } })).status).toBe(200);
      await refusedFor(send, { path: "/api/v1/tickets/x/messages", params: { id: ids.zorgnoordTicket.id } }, 404, "NOT_FOUND");
      await refusedFor(send, { path: "/api/v1/tickets/x/messages", params: { id: ids.zorgnoordTicket.number } }, 404, "NOT_FOUND");
    },
    input: { ask: () => ({ path: "/api/v1/tickets/x/messages?cursor=geen-cursor", params: { id: ids.vandijkTicket.id } }), pointers: ["#/cursor"] },
  },
  "POST /api/v1/tickets/{id}/messages": {
    permission: "workspace.ticket.reply",
    actor: "manager",
    own: () => ({ path: "/m", params: { id: ids.vandijkTicket.id }, body: { body: "Wij hebben uw vraag doorgezet." } }),
    ownStatus: 201,
    ownShows: async (a) => expect(await db.message.findUniqueOrThrow({ where: { id: a.body.messageId } })).toMatchObject({ ticketId: ids.vandijkTicket.id }),
    foreign: async (send) => {
      const before = await db.message.count({ where: { ticketId: ids.zorgnoordTicket.id } });
      await refusedFor(send, { path: "/m", params: { id: ids.zorgnoordTicket.id }, body: { body: "Dit hoort u niet te lezen." } }, 404, "NOT_FOUND");
      expect(await db.message.count({ where: { ticketId: ids.zorgnoordTicket.id } })).toBe(before);
    },
    input: { ask: () => ({ path: "/m", params: { id: ids.vandijkTicket.id }, body: { body: "", channel: "PIGEON" } }), pointers: ["#/body", "#/channel"] },
  },
  "POST /api/v1/tickets/{id}/callbacks": {
    permission: "phone.call.log",
    actor: "manager",
    own: () => ({ path: "/b", params: { id: ids.vandijkTicket.id }, body: { ...ownSlot, phone: "06 1234 5678" } }),
    ownStatus: 201,
    ownShows: (a) => expect(a.body.ticketId).toBe(ids.vandijkTicket.id),
    foreign: async (send) => {
      const free = await ticketFor("lisa.smit@zorggroepnoord.example");
      await refusedFor(send, { path: "/b", params: { id: free.id }, body: { ...(await freeSlot(free.id)), phone: "0612345678" } }, 404, "NOT_FOUND");
      expect(await db.callbackAppointment.count({ where: { ticketId: free.id } })).toBe(0);
    },
    input: { ask: () => ({ path: "/b", params: { id: ids.vandijkTicket.id }, body: { date: "morgen", slot: "EVENING", phone: "bel mij" } }), pointers: ["#/date", "#/phone", "#/slot"] },
  },
  "GET /api/v1/callbacks/slots": {
    permission: "phone.call.log",
    actor: "manager",
    own: () => ({ path: `/api/v1/callbacks/slots?ticketId=${ids.vandijkTicket.id}` }),
    ownShows: (a) => expect(a.body.data.length).toBeGreaterThan(0),
    foreign: (send) => refusedFor(send, { path: `/api/v1/callbacks/slots?ticketId=${ids.zorgnoordTicket.number}` }, 404, "NOT_FOUND"),
    input: { ask: () => ({ path: "/api/v1/callbacks/slots" }), pointers: ["#/ticketId"] },
  },
  "DELETE /api/v1/callbacks/{id}": {
    permission: "phone.call.log",
    actor: "manager",
    own: () => ({ path: "/c", params: { id: ownAppointment } }),
    ownShows: async () => expect((await db.callbackAppointment.findUniqueOrThrow({ where: { id: ownAppointment } })).status).toBe("CANCELLED"),
    foreign: async (send) => {
      await refusedFor(send, { path: "/c", params: { id: ids.zorgnoordAppointment } }, 404, "NOT_FOUND");
      expect((await db.callbackAppointment.findUniqueOrThrow({ where: { id: ids.zorgnoordAppointment } })).status).toBe("BOOKED");
    },
  },
  "GET /api/v1/people": {
    permission: "beneficiaries.manage",
    actor: "manager",
    own: () => ({ path: "/api/v1/people?clientNumber=K-100231" }),
    ownShows: (a) => expect(a.body.data.map((p: { email: string }) => p.email)).toEqual(["anna.jansen@burger.example"]),
    foreign: (send) => listedOnlyOwn(send, "manager", "/api/v1/people?email=eva.bakker@vandijk.example", ids.eva, ids.lisa, "/api/v1/people?email=lisa.smit@zorggroepnoord.example"),
    input: { ask: () => ({ path: "/api/v1/people" }), pointers: ["#/clientNumber"] },
  },
  "POST /api/v1/people": {
    permission: "beneficiaries.manage",
    actor: "manager",
    own: () => ({ path: "/p", body: { name: "Carla Koster", email: "carla.koster@burger.example", clientNumber: "K-200001" } }),
    ownStatus: 201,
    ownShows: (a) => expect(a.body).toMatchObject({ role: "BENEFICIARY", clientNumber: "K-200001" }),
    foreign: async (send) => {
      await refusedFor(send, { path: "/p", body: { name: "Dirk Dekker", email: "dirk.dekker@burger.example", clientNumber: "K-200002" } }, 403, "ORGANISATION_LIMITED");
      expect(await db.user.count({ where: { clientNumber: "K-200002" } })).toBe(0);
    },
    input: { ask: () => ({ path: "/p", body: { name: "X", email: "geen", clientNumber: "K-3" } }), pointers: ["#/email", "#/name"] },
  },
  "GET /api/v1/people/{id}": {
    permission: "beneficiaries.manage",
    actor: "manager",
    own: () => ({ path: "/p", params: { id: ids.eva } }),
    ownShows: (a) => expect(a.body.organisations.map((o: { id: string }) => o.id)).toEqual([ids.vandijk]),
    foreign: async (send) => {
      expect((await send(tokens.manager.limited, { path: "/p", params: { id: ids.eva } })).status).toBe(200);
      await refusedFor(send, { path: "/p", params: { id: ids.lisa } }, 404, "NOT_FOUND");
      // A beneficiary belongs to no organisation, so to none a limited token works for.
      await refusedFor(send, { path: "/p", params: { id: ids.bram } }, 404, "NOT_FOUND");
    },
  },
  "PATCH /api/v1/people/{id}": {
    permission: "beneficiaries.manage",
    actor: "manager",
    own: () => ({ path: "/p", params: { id: ids.bram }, body: { phone: "0611111111" } }),
    ownShows: (a) => expect(a.body).toMatchObject({ id: ids.bram, phone: "0611111111" }),
    foreign: async (send) => {
      const before = await db.user.findUniqueOrThrow({ where: { id: ids.bram } });
      await refusedFor(send, { path: "/p", params: { id: ids.bram }, body: { phone: "0622222222", name: "Overgenomen" } }, 404, "NOT_FOUND");
      await refusedFor(send, { path: "/p", params: { id: ids.lisa }, body: { name: "Overgenomen" } }, 404, "NOT_FOUND");
      expect(await db.user.findUniqueOrThrow({ where: { id: ids.bram } })).toMatchObject({ phone: before.phone, name: before.name });
      expect((await db.user.findUniqueOrThrow({ where: { id: ids.lisa } })).name).not.toBe("Overgenomen");
    },
    input: { ask: () => ({ path: "/p", params: { id: ids.bram }, body: { postalCode: "nope", email: "geen" } }), pointers: ["#/email", "#/postalCode"] },
  },
  "GET /api/v1/organisations": {
    permission: "organisations.manage",
    actor: "admin",
    own: () => ({ path: "/api/v1/organisations?externalNumber=wg-40012" }),
    ownShows: (a) => expect(idsOf(a)).toEqual([ids.vandijk]),
    foreign: (send) => listedOnlyOwn(send, "admin", "/api/v1/organisations?externalNumber=WG-40012", ids.vandijk, ids.zorgnoord, "/api/v1/organisations?externalNumber=WG-40877"),
    input: { ask: () => ({ path: "/api/v1/organisations?name=Van%20Dijk" }), pointers: ["#/externalNumber"] },
  },
  "POST /api/v1/organisations": {
    permission: "organisations.manage",
    actor: "admin",
    own: () => ({ path: "/o", body: { externalNumber: "wg-50001", name: "Bakkerij Brood", kind: "EMPLOYER" } }),
    ownStatus: 201,
    ownShows: (a) => expect(a.body).toMatchObject({ externalNumber: "WG-50001", active: true }),
    foreign: async (send) => {
      await refusedFor(send, { path: "/o", body: { externalNumber: "WG-50002", name: "Slagerij Worst", kind: "EMPLOYER" } }, 403, "ORGANISATION_LIMITED", "admin");
      expect(await db.organisation.count({ where: { externalNumber: "WG-50002" } })).toBe(0);
    },
    input: { ask: () => ({ path: "/o", body: { externalNumber: "", name: "A", kind: "SHOP" } }), pointers: ["#/externalNumber", "#/kind", "#/name"] },
  },
  "GET /api/v1/organisations/{id}": {
    permission: "organisations.manage",
    actor: "admin",
    own: () => ({ path: "/o", params: { id: ids.vandijk } }),
    ownShows: (a) => expect(a.body).toMatchObject({ id: ids.vandijk, externalNumber: "WG-40012" }),
    foreign: async (send) => {
      expect((await send(tokens.admin.limited, { path: "/o", params: { id: ids.vandijk } })).status).toBe(200);
      await refusedFor(send, { path: "/o", params: { id: ids.zorgnoord } }, 404, "NOT_FOUND", "admin");
    },
  },
  "PATCH /api/v1/organisations/{id}": {
    permission: "organisations.manage",
    actor: "admin",
    own: () => ({ path: "/o", params: { id: ids.vandijk }, body: { postalCity: "Utrecht" } }),
    ownShows: (a) => expect(a.body).toMatchObject({ id: ids.vandijk, postalCity: "Utrecht", externalNumber: "WG-40012" }),
    foreign: async (send) => {
      const before = await db.organisation.findUniqueOrThrow({ where: { id: ids.zorgnoord } });
      await refusedFor(send, { path: "/o", params: { id: ids.zorgnoord }, body: { name: "Overgenomen" } }, 404, "NOT_FOUND", "admin");
      expect((await db.organisation.findUniqueOrThrow({ where: { id: ids.zorgnoord } })).name).toBe(before.name);
    },
    input: {
      ask: () => ({ path: "/o", params: { id: ids.vandijk }, body: { name: "A", kind: "SHOP", twoFactorRequired: "ja" } }),
      pointers: ["#/kind", "#/name", "#/twoFactorRequired"],
    },
  },
  "GET /api/v1/complaints": {
    permission: "complaints.desk.use",
    actor: "manager",
    own: () => ({ path: "/api/v1/complaints?stage=STAGE_1" }),
    ownShows: (a) => expect(idsOf(a)).toEqual(expect.arrayContaining([ids.vandijkComplaint, ids.zorgnoordComplaint])),
    foreign: (send) => listedOnlyOwn(send, "manager", "/api/v1/complaints", ids.vandijkComplaint, ids.zorgnoordComplaint),
    input: { ask: () => ({ path: "/api/v1/complaints?stage=STAGE_9&page=-1" }), pointers: ["#/page", "#/stage"] },
  },
  "GET /api/v1/complaints/{id}": {
    permission: "complaints.desk.use",
    actor: "manager",
    own: () => ({ path: "/c", params: { id: ids.vandijkComplaint } }),
    ownShows: (a) => expect(a.body.id).toBe(ids.vandijkComplaint),
    foreign: async (send) => {
      expect((await send(tokens.manager.limited, { path: "/c", params: { id: ids.vandijkComplaint } })).status).toBe(200);
      await refusedFor(send, { path: "/c", params: { id: ids.zorgnoordComplaint } }, 404, "NOT_FOUND");
    },
  },
  "GET /api/v1/escalations": {
    permission: "escalations.board.read",
    actor: "manager",
    own: () => ({ path: "/api/v1/escalations?tier=1" }),
    ownShows: (a) => expect(idsOf(a)).toContain(ids.vandijkEscalation),
    foreign: (send) => listedOnlyOwn(send, "manager", "/api/v1/escalations?tier=1", ids.vandijkEscalation, ids.zorgnoordEscalation),
    input: { ask: () => ({ path: "/api/v1/escalations?tier=3" }), pointers: ["#/tier"] },
  },
  "GET /api/v1/escalations/{id}": {
    permission: "escalations.board.read",
    actor: "manager",
    own: () => ({ path: "/e", params: { id: ids.vandijkEscalation } }),
    ownShows: (a) => expect(a.body).toMatchObject({ id: ids.vandijkEscalation, organisation: { name: "Bakkerij Van Dijk B.V." } }),
    foreign: async (send) => {
      expect((await send(tokens.manager.limited, { path: "/e", params: { id: ids.vandijkEscalation } })).status).toBe(200);
      await refusedFor(send, { path: "/e", params: { id: ids.zorgnoordEscalation } }, 404, "NOT_FOUND");
    },
  },
  "GET /api/v1/kpis": {
    permission: "kpi.read",
    actor: "manager",
    own: () => ({ path: "/api/v1/kpis?from=2026-10-01&to=2026-12-31" }),
    ownShows: (a) => expect(a.body).toMatchObject({ from: "2026-10-01", to: "2026-12-31" }),
    // The figures span every organisation: a limited token gets none of them.
    foreign: (send) => refusedFor(send, { path: "/api/v1/kpis" }, 403, "ORGANISATION_LIMITED"),
    input: { ask: () => ({ path: "/api/v1/kpis?from=2026-12-31&to=2026-10-01" }), pointers: ["#/to"] },
  },
};

/** Routes open to anyone (they open nothing): one cell, served without a token. */
const PUBLIC: Record<string, () => Ask> = {
  "GET /api/v1/openapi.json": () => ({ path: "/api/v1/openapi.json" }),
};

let ownSlot: { date: string; slot: string };
let ownAppointment: string;

const routes = apiRoutes().flatMap((route) => route.methods.map((method) => ({ key: `${method} ${route.path}`, method, file: route.file, path: route.path })));
const handlers = new Map<string, Handler>();

function scopeOf(method: string, path: string): ApiScope {
  const operation = (API_PATHS as Record<string, Record<string, Record<string, unknown> | undefined> | undefined>)[path]?.[method.toLowerCase()];
  const scope = operation?.["x-loket-scope"];
  if (typeof scope !== "string") throw new Error(`${method} ${path}: no x-loket-scope in the OpenAPI document`);
  return scope as ApiScope;
}

function sender(key: string, method: string): Send {
  return (token, ask) => call(handlers.get(key)!, { method, token, ...ask });
}

beforeAll(async () => {
  for (const r of routes) handlers.set(r.key, (await import(r.file))[r.method] as Handler);
  slotsHandler = handlers.get("GET /api/v1/callbacks/slots")!;
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
  const [vandijk, zorgnoord] = await Promise.all(["WG-40012", "WG-40877"].map((n) => db.organisation.findUniqueOrThrow({ where: { externalNumber: n } })));
  ids.vandijk = vandijk!.id;
  ids.zorgnoord = zorgnoord!.id;
  const people = await db.user.findMany({ where: { email: { in: ["eva.bakker@vandijk.example", "lisa.smit@zorggroepnoord.example", "bram.devries@burger.example"] } } });
  const idOf = (email: string) => people.find((p) => p.email === email)!.id;
  ids.eva = idOf("eva.bakker@vandijk.example");
  ids.lisa = idOf("lisa.smit@zorggroepnoord.example");
  ids.bram = idOf("bram.devries@burger.example");
  for (const actor of ["manager", "admin"] as const) {
    tokens[actor].full = (await makeToken({ actor: ACTOR_EMAIL[actor], scopes: [...API_SCOPES] })).secret;
    tokens[actor].limited = (await makeToken({ actor: ACTOR_EMAIL[actor], scopes: [...API_SCOPES], organisationId: ids.vandijk })).secret;
  }
  ids.vandijkTicket = await ticketFor("eva.bakker@vandijk.example");
  const answered = await replyToTicket.execute(await sessionFor("manager@loket.example"), { ticketId: ids.vandijkTicket.id, body: "Wij bellen u deze week terug.", files: [] }, new Date());
  if (!answered.ok) throw new Error(answered.reason);
  ids.zorgnoordTicket = await ticketFor("lisa.smit@zorggroepnoord.example");
  ids.vandijkComplaint = await complaintBy("eva.bakker@vandijk.example");
  ids.zorgnoordComplaint = await complaintBy("lisa.smit@zorggroepnoord.example");
  // The demo's one escalation is Van Dijk's: Zorggroep Noord raises one, so a leak would show.
  ids.vandijkEscalation = (await db.escalation.findFirstOrThrow({ where: { organisationId: ids.vandijk } })).id;
  const raised = await raiseEmployerEscalation.execute(await sessionFor("lisa.smit@zorggroepnoord.example"), { reason: "Wij wachten al weken op een antwoord over de regeling." }, new Date());
  if (!raised.ok) throw new Error(raised.reason);
  ids.zorgnoordEscalation = raised.data.id;
  ids.zorgnoordAppointment = await bookOn(ids.zorgnoordTicket.id);
  ownAppointment = await bookOn((await ticketFor("eva.bakker@vandijk.example")).id);
  ownSlot = await freeSlot(ids.vandijkTicket.id);
}, 120_000);

afterAll(async () => {
  await closeRateLimits();
});

describe("the /api/v1 authorization table", () => {
  const cells: string[] = [];
  const cell = (name: string, test: () => Promise<void>) => {
    cells.push(name);
    it(name, test);
  };

  for (const route of routes) {
    const publicAsk = PUBLIC[route.key];
    if (publicAsk) {
      cell(`${route.key} · public`, async () => {
        const answer = await call(handlers.get(route.key)!, { method: route.method, ...publicAsk() });
        expect(answer.status).toBe(200);
      });
      continue;
    }
    const row = ROWS[route.key];
    if (!row) continue; // reported by the completeness test below
    const send = sender(route.key, route.method);
    cell(`${route.key} · scope`, async () => {
      const scope = scopeOf(route.method, route.path);
      const answer = await send(await lacking(row.actor, scope), row.own());
      expectProblem(answer, 403, "INSUFFICIENT_SCOPE");
      expect(answer.body.detail ?? answer.body.title).toContain(scope);
    });
    cell(`${route.key} · foreign`, () => row.foreign(send));
    cell(`${route.key} · own`, async () => {
      const answer = await send(tokens[row.actor].full, row.own());
      expect(answer.status, JSON.stringify(answer.body)).toBe(row.ownStatus ?? 200);
      await row.ownShows?.(answer, send);
    });
    for (const role of Object.keys(STAFF_ROLES) as StaffRole[]) {
      cell(`${route.key} · role ${role}`, async () => {
        roleTokens[role] ??= (await makeToken({ actor: STAFF_ROLES[role], scopes: [...API_SCOPES], name: `Als ${role}` })).secret;
        const own = row.own();
        const ask = own.params?.id ? { ...own, params: { id: "onbekend-record" } } : row.input!.ask();
        const answer = await send(roleTokens[role], ask);
        if (!ROLE_PERMISSIONS[role].includes(row.permission)) expectProblem(answer, 403, "FORBIDDEN");
        else if (own.params?.id) expectProblem(answer, 404, "NOT_FOUND");
        else expectProblem(answer, row.input?.status ?? 422, "INVALID_INPUT");
      });
    }
    if (row.input) {
      const input = row.input;
      cell(`${route.key} · input`, async () => {
        const answer = await send(tokens[row.actor].full, input.ask());
        expectProblem(answer, input.status ?? 422, "INVALID_INPUT");
        expect(answer.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(input.pointers);
      });
    }
  }

  it("has a row for every route and method, and none for a route that is gone", () => {
    const tabled = [...Object.keys(ROWS), ...Object.keys(PUBLIC)].sort();
    expect(routes.map((r) => r.key).sort()).toEqual(tabled);
  });

  it(`has ${EXPECTED_CELLS} cells`, () => {
    expect(cells).toHaveLength(EXPECTED_CELLS);
    expect(new Set(cells).size).toBe(cells.length);
  });
});
