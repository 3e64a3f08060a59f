// Webhooks end to end against a real database and real HTTP: events written with their change,
// delivered by the loop to a receiver started here, which checks the signature with its own code
// written from the Standard Webhooks text (not by calling Loket's signing).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, inject, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { bookCallback, cancelCallback } from "@/lib/callbacks/mutations";
import { fileComplaint, requestOmbudsman } from "@/lib/complaints/mutations";
import { sweepSlaStates } from "@/lib/sweeps/sweeps";
import { addCustomerMessage, changeTicket, createTicket } from "@/lib/tickets/mutations";
import { createWebhook, resendWebhook, setWebhookPaused } from "@/lib/webhooks/commands";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { deliverDueWebhooks } from "@/lib/webhooks/delivery";
import { seedDemo, sessionFor } from "../support/fixtures";

const T0 = new Date("2026-11-24T10:00:00Z");
const HOUR = 3_600_000;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver: answers with `status()` and keeps every request it got. */
class Receiver {
  readonly got: Received[] = [];
  status = () => 200;
  delayMs = 0;
  private server: Server | null = null;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.got.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        setTimeout(() => res.writeHead(this.status()).end("ok"), this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/loket`;
  }
}

/** The receiver's own check, from the spec: HMAC-SHA256(key = base64 after "whsec_", "id.timestamp.body"). */
function signatureValid(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = String(headers["webhook-id"] ?? "");
  const timestamp = String(headers["webhook-timestamp"] ?? "");
  if (!id || !/^\d+$/.test(timestamp)) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers["webhook-signature"] ?? "")
    .split(" ")
    .some((part) => {
      const [version, value] = part.split(",");
      const given = Buffer.from(value ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

let admin: SessionUser;
const receivers: Receiver[] = [];

async function receiver(port = 0): Promise<Receiver> {
  const r = await new Receiver().start(port);
  receivers.push(r);
  return r;
}

async function register(url: string, eventTypes: WebhookEventType[]): Promise<{ id: string; secret: string }> {
  const result = await createWebhook.execute(admin, { url, description: "Uitkeringsadministratie", eventTypes }, T0);
  if (!result.ok) throw new Error(`register: ${result.reason}`);
  return result.data;
}

async function newTicket(now: Date) {
  const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
  return db.$transaction((tx) =>
    createTicket(tx, { subject: "Betaling december", categoryKey: "GENERAL_QUESTION", channel: "PORTAL", body: "Wanneer wordt mijn uitkering betaald?", requesterId: anna.id, authorId: anna.id }, now),
  );
}

/** Runs the loop at each moment the row asks for, as a worker would over time. */
async function deliverUntilSettled(deliveryId: string, limit = 60): Promise<number> {
  let rounds = 0;
  for (;;) {
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    if (row.status !== "PENDING" || rounds >= limit) return rounds;
    await deliverDueWebhooks(db, row.nextAttemptAt);
    rounds += 1;
  }
}

beforeEach(async () => {
  await seedDemo(T0);
  admin = await sessionFor("admin@loket.example");
});

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
});

describe("webhook deliveries", () => {
  it("delivers ticket.created once, signed, to the endpoints that asked for it", async () => {
    const backOffice = await receiver();
    const other = await receiver();
    const endpoint = await register(backOffice.url, ["ticket.created", "ticket.status_changed"]);
    await register(other.url, ["message.received"]);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // The stored secret is sealed, not the one the admin copied.
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.secret).not.toContain(endpoint.secret.slice(6));

    const ticket = await newTicket(T0);
    expect(await deliverDueWebhooks(db, T0)).toEqual({ delivered: 1, failed: 0, paused: 0 });
    expect(await deliverDueWebhooks(db, new Date(T0.getTime() + HOUR))).toEqual({ delivered: 0, failed: 0, paused: 0 });

    expect(other.got).toHaveLength(0);
    expect(backOffice.got).toHaveLength(1);
    const [request] = backOffice.got;
    expect(signatureValid(endpoint.secret, request!.headers, request!.body)).toBe(true);
    expect(signatureValid("whsec_" + Buffer.from("a different key").toString("base64"), request!.headers, request!.body)).toBe(false);
    expect(request!.headers["webhook-timestamp"]).toBe(String(T0.getTime() / 1000));
    expect(request!.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(request!.body) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(body).toEqual({
      type: "ticket.created",
      timestamp: T0.toISOString(),
      data: expect.objectContaining({ ticketId: ticket.id, number: ticket.number, channel: "PORTAL", category: "GENERAL_QUESTION", status: "NEW" }),
    });
    // No message text leaves with the event.
    expect(request!.body).not.toContain("uitkering betaald");

    const log = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(log).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, lastError: null, eventId: request!.headers["webhook-id"] });
  });

  it("writes nothing when the change rolls back, and reports status changes and customer messages", async () => {
    const backOffice = await receiver();
    await register(backOffice.url, ["ticket.created", "ticket.status_changed", "message.received"]);
    await expect(
      db.$transaction(async (tx) => {
        await createTicket(tx, { subject: "Teruggedraaid", categoryKey: "GENERAL_QUESTION", channel: "PHONE", body: "x", requesterName: "Onbekend" }, T0);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.webhookDelivery.count()).toBe(0);

    const ticket = await newTicket(T0);
    const handler = await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
    await db.$transaction((tx) => changeTicket(tx, { ticketId: ticket.id, actorId: handler.id, status: "PENDING_CUSTOMER" }, T0));
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    await db.$transaction((tx) => addCustomerMessage(tx, { ticketId: ticket.id, authorId: anna.id, channel: "PORTAL", body: "Hier is mijn antwoord." }, T0));
    await deliverDueWebhooks(db, T0);

    const events = backOffice.got.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    expect(events.map((e) => [e.type, e.data.from ?? null, e.data.to ?? null]).sort()).toEqual(
      [
        ["message.received", null, null],
        ["ticket.created", null, null],
        ["ticket.status_changed", "NEW", "PENDING_CUSTOMER"],
        ["ticket.status_changed", "PENDING_CUSTOMER", "OPEN"],
      ].sort(),
    );
    expect(events.find((e) => e.type === "message.received")?.data).toMatchObject({ ticketId: ticket.id, channel: "PORTAL", reopened: true });
    expect(new Set(backOffice.got.map((r) => r.headers["webhook-id"])).size).toBe(4);
  });

  it("reports callback bookings and cancellations, complaint stages and SLA breaches", async () => {
    const all: WebhookEventType[] = ["appointment.booked", "appointment.cancelled", "complaint.stage_changed", "sla.breached"];
    const endpoint = await register("https://backoffice.example/loket", all);
    const outbox = async (type: WebhookEventType) =>
      (await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id, eventType: type }, orderBy: { createdAt: "asc" } })).map((d) => d.payload as Record<string, unknown>);

    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
    const ticket = await newTicket(T0);
    const booked = await db.$transaction((tx) =>
      bookCallback(tx, { ticketId: ticket.id, personId: anna.id, teamId: team.id, date: "2026-11-25", slot: "AFTERNOON", phone: "0612345678", bookedById: agent.id }, T0),
    );
    await db.$transaction((tx) => cancelCallback(tx, { appointmentId: booked.id, actorId: anna.id }, T0));
    const slot = { appointmentId: booked.id, ticketId: ticket.id, date: "2026-11-25", slot: "AFTERNOON" };
    expect(await outbox("appointment.booked")).toEqual([slot]);
    expect(await outbox("appointment.cancelled")).toEqual([slot]);

    const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED", category: { key: { not: "COMPLAINT" } } } });
    const filed = await db.$transaction((tx) =>
      fileComplaint(tx, { complainantId: anna.id, organisationId: null, subjectTicketNumber: subject.number, lastContactDate: "2026-11-24", description: "Ik werd drie keer doorverbonden." }, T0),
    );
    await db.complaint.update({ where: { id: filed.id }, data: { status: "ANSWERED", answeredAt: T0 } });
    await db.$transaction((tx) => requestOmbudsman(tx, { complaintId: filed.id, requesterId: anna.id, organisationId: null, reason: "Ik ben het niet eens met het antwoord." }, new Date(T0.getTime() + HOUR)));
    expect(await outbox("complaint.stage_changed")).toEqual([
      { complaintId: filed.id, ticketId: filed.ticketId, organisationId: null, stage: "STAGE_1" },
      { complaintId: filed.id, ticketId: filed.ticketId, organisationId: null, stage: "STAGE_2" },
    ]);
    // The complainant's reason never travels with the event.
    expect(JSON.stringify(await outbox("complaint.stage_changed"))).not.toContain("niet eens");

    // Every open clock runs out; the sweep reports each breach once.
    await db.slaCheck.deleteMany({ where: { ticketId: { not: ticket.id } } });
    const breachedAt = new Date("2026-12-14T16:01:00Z");
    await sweepSlaStates(db, breachedAt);
    await sweepSlaStates(db, new Date(breachedAt.getTime() + 60_000));
    const breaches = await outbox("sla.breached");
    expect(breaches).toEqual([{ ticketId: ticket.id, number: ticket.number, policy: "WRITTEN_QUESTION", dueAt: ticket.slaDueAt!.toISOString(), organisationId: null }]);
  });

  it("retries a receiver that is down and delivers once when it is back", async () => {
    const probe = await receiver();
    const port = probe.port;
    await probe.stop(); // nothing listens on this port now
    const endpoint = await register(`http://127.0.0.1:${port}/loket`, ["ticket.created"]);
    await newTicket(T0);

    expect(await deliverDueWebhooks(db, T0)).toEqual({ delivered: 0, failed: 1, paused: 0 });
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
    expect(failed.lastError).toContain("ECONNREFUSED");
    expect(failed.nextAttemptAt).toEqual(new Date(T0.getTime() + 30_000));
    // Not before its time.
    expect(await deliverDueWebhooks(db, new Date(T0.getTime() + 10_000))).toEqual({ delivered: 0, failed: 0, paused: 0 });

    // The receiver comes back on its address; the next round (any worker, state is in the table) delivers.
    const back = await receiver(port);
    back.status = () => 204;
    expect(await deliverDueWebhooks(db, new Date(T0.getTime() + 31_000))).toEqual({ delivered: 1, failed: 0, paused: 0 });
    expect(await deliverDueWebhooks(db, new Date(T0.getTime() + 2 * HOUR))).toEqual({ delivered: 0, failed: 0, paused: 0 });
    expect(back.got).toHaveLength(1);
    expect(back.got[0]!.headers["webhook-id"]).toBe(failed.eventId);
    expect(signatureValid(endpoint.secret, back.got[0]!.headers, back.got[0]!.body)).toBe(true);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "DELIVERED", attempts: 2, lastStatusCode: 204, lastError: null });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();
  });

  it("sends a row once its lease runs out when the worker that leased it died mid-delivery (restart)", async () => {
    const backOffice = await receiver();
    await register(backOffice.url, ["ticket.created"]);
    await newTicket(T0);
    // What a worker that stopped right after leasing leaves behind: the row PENDING, its next
    // attempt moved past the five-minute lease, nothing sent and no attempt counted.
    await db.$executeRaw`UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${new Date(T0.getTime() + 5 * 60_000)} WHERE "status" = 'PENDING'`;
    // A restarted worker leaves it alone while another might still be sending it ...
    expect(await deliverDueWebhooks(db, new Date(T0.getTime() + 60_000))).toEqual({ delivered: 0, failed: 0, paused: 0 });
    expect(backOffice.got).toHaveLength(0);
    // ... and sends it once the lease is over: the delivery was not lost.
    expect(await deliverDueWebhooks(db, new Date(T0.getTime() + 5 * 60_000))).toEqual({ delivered: 1, failed: 0, paused: 0 });
    expect(await deliverDueWebhooks(db, new Date(T0.getTime() + 2 * HOUR))).toEqual({ delivered: 0, failed: 0, paused: 0 });
    expect(backOffice.got).toHaveLength(1);
    expect(backOffice.got[0]!.body).toContain('"type":"ticket.created"');
  });

  it("gives up after a day, pauses the endpoint, tells the admins; resume and send again delivers", async () => {
    const backOffice = await receiver();
    backOffice.status = () => 500;
    const endpoint = await register(backOffice.url, ["ticket.created"]);
    await newTicket(T0);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });

    await deliverUntilSettled(delivery.id);
    const given = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(given.status).toBe("FAILED");
    expect(given.lastStatusCode).toBe(500);
    expect(given.lastAttemptAt).toEqual(new Date(T0.getTime() + 24 * HOUR));
    // Backoff, not a hammering: about a dozen attempts in the day, each one reaching the receiver.
    expect(given.attempts).toBeGreaterThanOrEqual(10);
    expect(given.attempts).toBeLessThanOrEqual(20);
    expect(backOffice.got).toHaveLength(given.attempts);
    expect(new Set(backOffice.got.map((r) => r.headers["webhook-id"]))).toEqual(new Set([given.eventId]));

    const paused = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(paused.pausedAt).toEqual(new Date(T0.getTime() + 24 * HOUR));
    expect(paused.pausedReason).toBe("FAILING");
    const told = await db.notification.findMany({ where: { kind: "webhook.paused", entityId: endpoint.id }, include: { user: { select: { email: true, role: true } } } });
    expect(told.map((n) => n.user.role)).toEqual(["ADMIN"]);
    expect(told.map((n) => n.user.email)).toContain("admin@loket.example");

    // While paused, new events wait instead of being sent.
    const later = new Date(T0.getTime() + 25 * HOUR);
    await newTicket(later);
    expect(await deliverDueWebhooks(db, later)).toEqual({ delivered: 0, failed: 0, paused: 0 });
    expect(backOffice.got).toHaveLength(given.attempts);

    // The receiver is fixed; the admin resumes and sends the failed one again.
    backOffice.status = () => 200;
    const resend = await resendWebhook.execute(admin, { deliveryId: delivery.id }, later);
    expect(resend).toEqual({ ok: true, data: undefined });
    expect(await resendWebhook.execute(admin, { deliveryId: delivery.id }, later)).toEqual({ ok: false, reason: "NOT_FAILED" });
    expect(await setWebhookPaused.execute(admin, { endpointId: endpoint.id, paused: false }, later)).toEqual({ ok: true, data: undefined });
    expect(await deliverDueWebhooks(db, later)).toEqual({ delivered: 2, failed: 0, paused: 0 });
    const resent = backOffice.got.slice(given.attempts);
    expect(resent.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual(["ticket.created", "ticket.created"]);
    expect(resent.map((r) => r.headers["webhook-id"])).toContain(given.eventId);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "DELIVERED", lastStatusCode: 200 });
    const audited = await db.auditEvent.findMany({ where: { entityId: { in: [endpoint.id, delivery.id] } }, select: { action: true }, orderBy: { createdAt: "asc" } });
    expect(audited.map((a) => a.action).sort()).toEqual(["webhook.delivery.resend", "webhook.endpoint.auto_pause", "webhook.endpoint.create", "webhook.endpoint.resume"].sort());
  });

  it("refuses plain HTTP except to this machine, and other-than-http URLs", async () => {
    const plain = await createWebhook.execute(admin, { url: "http://backoffice.example/hook", eventTypes: ["ticket.created"] }, T0);
    expect(plain).toEqual({ ok: false, reason: "URL_NOT_HTTPS", fieldErrors: { url: ["URL_NOT_HTTPS"] } });
    expect(await createWebhook.execute(admin, { url: "ftp://backoffice.example/hook", eventTypes: ["ticket.created"] }, T0)).toEqual({ ok: false, reason: "URL_INVALID", fieldErrors: { url: ["URL_INVALID"] } });
    expect((await createWebhook.execute(admin, { url: "https://backoffice.example/hook", eventTypes: [] }, T0)).ok).toBe(false);
    // Every bad field at once, each with its own code: a missing address, a description over its limit, no event.
    expect(await createWebhook.execute(admin, { url: " ", description: "x".repeat(201), eventTypes: [] }, T0)).toEqual({
      ok: false,
      reason: "INVALID_INPUT",
      fieldErrors: { url: ["REQUIRED"], description: ["TOO_LONG:200"], eventTypes: ["CHOOSE_EVENT"] },
    });
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("refuses an address inside this machine or its networks, in any spelling; loopback only outside production", async () => {
    for (const url of ["https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data/", "https://0xa9fea9fe/", "https://[fd00::1]/hook", "https://[::ffff:192.168.0.1]/hook", "http://192.168.1.1/hook"]) {
      expect(await createWebhook.execute(admin, { url, eventTypes: ["ticket.created"] }, T0), url).toEqual({ ok: false, reason: "URL_INTERNAL", fieldErrors: { url: ["URL_INTERNAL"] } });
    }
    expect(await db.webhookEndpoint.count()).toBe(0);
    // Outside production the tests' and developers' receivers on this machine stay allowed...
    expect((await createWebhook.execute(admin, { url: "https://localhost:8443/hook", eventTypes: ["ticket.created"] }, T0)).ok).toBe(true);
    // ...in production neither a loopback literal (in any form) nor a name that resolves to loopback.
    vi.stubEnv("NODE_ENV", "production");
    try {
      for (const url of ["https://127.0.0.1/hook", "https://2130706433/hook", "https://[::1]/hook", "https://localhost/hook"]) {
        expect(await createWebhook.execute(admin, { url, eventTypes: ["ticket.created"] }, T0), url).toEqual({ ok: false, reason: "URL_INTERNAL", fieldErrors: { url: ["URL_INTERNAL"] } });
      }
      expect(await createWebhook.execute(admin, { url: "http://localhost:4000/hook", eventTypes: ["ticket.created"] }, T0)).toEqual({ ok: false, reason: "URL_NOT_HTTPS", fieldErrors: { url: ["URL_NOT_HTTPS"] } });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await db.webhookEndpoint.count()).toBe(1);
  });

  it("checks the addresses again right before connecting, and connects only to the address it checked (DNS rebinding)", async () => {
    const backOffice = await receiver();
    const endpoint = await register(backOffice.url, ["ticket.created"]);
    // The name resolved to a public address when it was registered; now it answers with an internal one.
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: `http://rebind.invalid:${backOffice.port}/loket` } });
    await newTicket(T0);
    const to = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

    expect(await deliverDueWebhooks(db, T0, { allowLoopback: false, resolver: to("127.0.0.1") })).toEqual({ delivered: 0, failed: 1, paused: 0 });
    const refused = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(refused.lastError).toContain("rebind.invalid resolves to 127.0.0.1, an internal address; refused");
    // One internal address among public ones is enough to refuse: the socket might pick it.
    const next = new Date(T0.getTime() + HOUR);
    expect(await deliverDueWebhooks(db, next, { allowLoopback: false, resolver: to("93.184.216.34", "169.254.169.254") })).toEqual({ delivered: 0, failed: 1, paused: 0 });
    expect((await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).lastError).toContain("169.254.169.254");
    expect(backOffice.got).toHaveLength(0);

    // The connection goes to the checked address (the name itself resolves nowhere): loopback, allowed here.
    const later = new Date(T0.getTime() + 2 * HOUR);
    expect(await deliverDueWebhooks(db, later, { allowLoopback: true, resolver: to("127.0.0.1") })).toEqual({ delivered: 1, failed: 0, paused: 0 });
    expect(backOffice.got).toHaveLength(1);
  });

  it("refuses at delivery an endpoint whose address literal is internal, without connecting", async () => {
    const backOffice = await receiver();
    const endpoint = await register(backOffice.url, ["ticket.created"]);
    await newTicket(T0);
    expect(await deliverDueWebhooks(db, T0, { allowLoopback: false })).toEqual({ delivered: 0, failed: 1, paused: 0 });
    expect((await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).lastError).toContain("127.0.0.1 is an internal address; refused");
    expect(backOffice.got).toHaveLength(0);
  });

  it("never sends one delivery twice when two workers run at once (PostgreSQL)", async (context) => {
    if (inject("databaseKind") === "pglite") {
      context.skip("PGlite runs one transaction at a time, so it cannot show two workers racing; run with TEST_DATABASE_URL (PostgreSQL) as CI does");
    }
    const backOffice = await receiver();
    backOffice.delayMs = 5;
    await register(backOffice.url, ["ticket.created"]);
    for (let i = 0; i < 30; i += 1) await newTicket(T0);
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const round = await deliverDueWebhooks(db, T0, { batchSize: 4 });
        sent += round.delivered;
        if (round.delivered + round.failed === 0) return sent;
      }
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a + b).toBe(30);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const ids = backOffice.got.map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });
});
