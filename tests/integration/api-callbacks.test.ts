// /api/v1/callbacks: free slots of a ticket's team, booking (idempotent) and cancelling, through the
// callbacks domain's own bookCallback/cancelCallback; scopes and the organisation limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as cancel } from "@/app/api/v1/callbacks/[id]/route";
import { GET as slots } from "@/app/api/v1/callbacks/slots/route";
import { POST as book } from "@/app/api/v1/tickets/[id]/callbacks/route";
import { createTicketForCustomer } from "@/lib/api/ticket-commands";
import { db } from "@/lib/db/client";
import { closeRateLimits } from "@/lib/security/rate-limit";
import { call, expectProblem, makeToken } from "../support/api-client";
import { seedDemo, sessionFor } from "../support/fixtures";

let manager: string;
let limited: string;
let readOnly: string;
let vandijkTicket: string;
let zorgnoordTicket: string;

async function ticketFor(email: string): Promise<string> {
  const contact = await sessionFor(email);
  const result = await createTicketForCustomer.execute(await sessionFor("manager@loket.example"), { subject: "Terugbellen", body: "Graag teruggebeld worden", categoryKey: "GENERAL_QUESTION", requesterId: contact.id, organisationId: contact.organisationId! }, new Date());
  if (!result.ok) throw new Error(result.reason);
  return result.data.id;
}

beforeAll(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
  const vandijk = (await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } })).id;
  manager = (await makeToken({ actor: "manager@loket.example", scopes: ["callbacks:read", "callbacks:write"] })).secret;
  limited = (await makeToken({ actor: "manager@loket.example", scopes: ["callbacks:read", "callbacks:write"], organisationId: vandijk })).secret;
  readOnly = (await makeToken({ actor: "manager@loket.example", scopes: ["callbacks:read"] })).secret;
  vandijkTicket = await ticketFor("eva.bakker@vandijk.example");
  zorgnoordTicket = await ticketFor("lisa.smit@zorggroepnoord.example");
}, 120_000);

afterAll(async () => {
  await closeRateLimits();
});


describe("callbacks", () => {
  it("offers free slots, books one once per Idempotency-Key, and cancels it", async () => {
    const offer = await call(slots, { path: `/api/v1/callbacks/slots?ticketId=${vandijkTicket}`, token: limited });
    expect(offer.status).toBe(200);
    expect(offer.body.data.length).toBeGreaterThan(0);
    for (const slot of offer.body.data) expect(slot.remaining).toBeGreaterThan(0);
    // The furthest slot: one close at hand may already be past the time to cancel it.
    const first = offer.body.data.at(-1) as { date: string; slot: string };

    const body = { date: first.date, slot: first.slot, phone: "06 1234 5678" };
    expectProblem(await call(book, { method: "POST", path: "/b", token: readOnly, body, params: { id: vandijkTicket } }), 403, "INSUFFICIENT_SCOPE");
    const booked = await call(book, { method: "POST", path: "/b", token: limited, body, params: { id: vandijkTicket }, idempotencyKey: "book-1" });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ ticketId: vandijkTicket });
    const replay = await call(book, { method: "POST", path: "/b", token: limited, body, params: { id: vandijkTicket }, idempotencyKey: "book-1" });
    expect(replay.body).toEqual(booked.body);
    expect(await db.callbackAppointment.count({ where: { ticketId: vandijkTicket } })).toBe(1);
    const stored = await db.callbackAppointment.findUniqueOrThrow({ where: { id: booked.body.id } });
    expect(stored).toMatchObject({ date: first.date, slot: first.slot, phone: "0612345678", status: "BOOKED" });
    expectProblem(await call(book, { method: "POST", path: "/b", token: limited, body, params: { id: vandijkTicket } }), 409, "ALREADY_BOOKED");

    const cancelled = await call(cancel, { method: "DELETE", path: "/c", token: limited, params: { id: booked.body.id } });
    expect(cancelled.status).toBe(200);
    expect((await db.callbackAppointment.findUniqueOrThrow({ where: { id: booked.body.id } })).status).toBe("CANCELLED");
    expectProblem(await call(cancel, { method: "DELETE", path: "/c", token: limited, params: { id: booked.body.id } }), 409, "APPOINTMENT_NOT_BOOKED");
  });

  it("refuses a bad phone number and slot as problem details with the fields", async () => {
    const bad = await call(book, { method: "POST", path: "/b", token: manager, body: { date: "morgen", slot: "EVENING", phone: "bel mij" }, params: { id: vandijkTicket } });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(["#/date", "#/phone", "#/slot"]);
  });

  it("answers 404 for another organisation's ticket or appointment under an organisation-limited token", async () => {
    expectProblem(await call(slots, { path: `/api/v1/callbacks/slots?ticketId=${zorgnoordTicket}`, token: limited }), 404, "NOT_FOUND");
    const offer = await call(slots, { path: `/api/v1/callbacks/slots?ticketId=${zorgnoordTicket}`, token: manager });
    const first = offer.body.data[0] as { date: string; slot: string };
    expectProblem(await call(book, { method: "POST", path: "/b", token: limited, body: { date: first.date, slot: first.slot, phone: "0612345678" }, params: { id: zorgnoordTicket } }), 404, "NOT_FOUND");
    const theirs = await call(book, { method: "POST", path: "/b", token: manager, body: { date: first.date, slot: first.slot, phone: "0612345678" }, params: { id: zorgnoordTicket } });
    expect(theirs.status).toBe(201);
    expectProblem(await call(cancel, { method: "DELETE", path: "/c", token: limited, params: { id: theirs.body.id } }), 404, "NOT_FOUND");
    expect((await db.callbackAppointment.findUniqueOrThrow({ where: { id: theirs.body.id } })).status).toBe("BOOKED");
  });
});
