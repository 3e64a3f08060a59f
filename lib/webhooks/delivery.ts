import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import { totpKeyring } from "@/lib/auth/auth-secret";
import { openTotpSecret, type TotpKeyring } from "@/lib/auth/two-factor-rules";
import type { Db, Tx } from "@/lib/db/client";
import { notify } from "@/lib/notifications/mutations";
import { rolesWith } from "@/lib/notifications/recipients";
import { afterFailedAttempt, DELIVERY_TIMEOUT_MS, deliveryError, shouldPause } from "./rules";
import { signWebhook } from "./signing";
import { addressAllowed, literalAddress } from "./address";
import { checkedLookup, type Resolver } from "./target";

/** Longer than a batch can take (25 POSTs of at most 10 s): a crashed worker's rows come back after it. */
const LEASE_MS = 5 * 60_000;

export interface DeliveryOptions {
  batchSize?: number;
  timeoutMs?: number;
  keys?: TotpKeyring;
  /** Loopback receivers: allowed outside production only (development and the tests' receivers). */
  allowLoopback?: boolean;
  /** How host names are resolved (the system's resolver; tests give their own to play DNS rebinding). */
  resolver?: Resolver;
}

interface Target {
  allowLoopback: boolean;
  resolver?: Resolver;
}

export interface DeliveryRound {
  delivered: number;
  failed: number;
  paused: number;
}

/** The body a receiver gets; the same bytes on every attempt (the event's own time, not the attempt's). */
export function webhookBody(row: { eventType: string; createdAt: Date; payload: Prisma.JsonValue }): string {
  return JSON.stringify({ type: row.eventType, timestamp: row.createdAt.toISOString(), data: row.payload });
}

/**
 * Sends the deliveries that are due, of endpoints not paused. Rows are leased with FOR UPDATE SKIP
 * LOCKED (moving their next attempt past the lease), so any number of workers may run this at once
 * without sending one twice; all state is in the table, so a restart loses nothing.
 */
export async function deliverDueWebhooks(db: Db, now: Date, options: DeliveryOptions = {}): Promise<DeliveryRound> {
  const leased = await db.$queryRaw<{ id: string }[]>`
    UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE "id" IN (
      SELECT d."id" FROM "WebhookDelivery" d
      JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
      WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now} AND e."pausedAt" IS NULL
      ORDER BY d."nextAttemptAt" ASC
      LIMIT ${options.batchSize ?? 25}
      FOR UPDATE OF d SKIP LOCKED
    )
    RETURNING "id"`;
  const round: DeliveryRound = { delivered: 0, failed: 0, paused: 0 };
  if (leased.length === 0) return round;
  const keys = options.keys ?? totpKeyring();
  const target: Target = { allowLoopback: options.allowLoopback ?? process.env.NODE_ENV !== "production", resolver: options.resolver };
  for (const { id } of leased) {
    const row = await db.webhookDelivery.findUnique({ where: { id }, include: { endpoint: { select: { id: true, url: true, secret: true } } } });
    if (!row) continue; // the endpoint was deleted meanwhile
    const outcome = await attempt(row, keys, now, options.timeoutMs ?? DELIVERY_TIMEOUT_MS, target);
    if (outcome.ok) {
      await db.$transaction([
        db.webhookDelivery.update({
          where: { id },
          data: { status: "DELIVERED", deliveredAt: now, attempts: { increment: 1 }, lastAttemptAt: now, lastStatusCode: outcome.statusCode, lastError: null },
        }),
        db.webhookEndpoint.updateMany({ where: { id: row.endpointId }, data: { failingSince: null } }),
      ]);
      round.delivered += 1;
      continue;
    }
    const next = afterFailedAttempt(row.attempts + 1, row.createdAt, now);
    await db.$transaction([
      db.webhookDelivery.update({
        where: { id },
        data: { status: next.status, nextAttemptAt: next.nextAttemptAt, attempts: { increment: 1 }, lastAttemptAt: now, lastStatusCode: outcome.statusCode, lastError: outcome.error },
      }),
      // The first failure of a run; a success clears it.
      db.webhookEndpoint.updateMany({ where: { id: row.endpointId, failingSince: null }, data: { failingSince: now } }),
    ]);
    round.failed += 1;
    if (await pauseIfFailingTooLong(db, row.endpointId, now)) round.paused += 1;
  }
  return round;
}

type Outcome = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

async function attempt(row: { eventId: string; eventType: string; createdAt: Date; payload: Prisma.JsonValue; endpoint: { url: string; secret: string } }, keys: TotpKeyring, now: Date, timeoutMs: number, target: Target): Promise<Outcome> {
  const opened = openTotpSecret(row.endpoint.secret, keys);
  if (!opened) return { ok: false, statusCode: null, error: "secret cannot be opened with the configured keys (TOTP_ENCRYPTION_KEY)" };
  const body = webhookBody(row);
  try {
    const statusCode = await post(row.endpoint.url, { "content-type": "application/json", "user-agent": "Loket-Webhooks/1", ...signWebhook(opened.secret, row.eventId, now, body) }, body, timeoutMs, target);
    if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode };
    return { ok: false, statusCode, error: deliveryError(`HTTP ${statusCode}`) };
  } catch (error) {
    return { ok: false, statusCode: null, error: deliveryError(describe(error, timeoutMs)) };
  }
}

/**
 * One POST with node's http(s) rather than fetch: its `lookup` is where the host's addresses are
 * checked, and the socket connects to the checked address (no second resolution in between). An
 * address literal is never looked up, so it is checked here. Redirects are not followed: the
 * registered URL is the one admins approved. Only the status matters; the body is dropped unread.
 */
function post(rawUrl: string, headers: Record<string, string>, body: string, timeoutMs: number, target: Target): Promise<number> {
  const url = new URL(rawUrl);
  const literal = literalAddress(url.hostname);
  if (literal && !addressAllowed(literal, target.allowLoopback)) return Promise.reject(Object.assign(new Error(`${literal} is an internal address; refused`), { code: "EWEBHOOKINTERNAL" }));
  const send = url.protocol === "https:" ? httpsRequest : url.protocol === "http:" ? httpRequest : null;
  if (!send) return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: checkedLookup(target.allowLoopback, target.resolver), signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${timeoutMs / 1000} s`;
  const coded = error instanceof Error ? (error as NodeJS.ErrnoException) : undefined;
  if (coded?.code) return `${coded.code}: ${coded.message}`;
  return error instanceof Error ? error.message : "unknown error";
}

/** After a day of failures without a success the endpoint is paused, once, and its admins told. */
async function pauseIfFailingTooLong(db: Db, endpointId: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true, url: true, failingSince: true, pausedAt: true } });
    if (!endpoint || endpoint.pausedAt || !shouldPause(endpoint.failingSince, now)) return false;
    const paused = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, pausedAt: null }, data: { pausedAt: now, pausedReason: "FAILING" } });
    if (paused.count === 0) return false;
    await audit(tx, { actorId: null, action: "webhook.endpoint.auto_pause", entityType: "WebhookEndpoint", entityId: endpointId, data: { failingSince: endpoint.failingSince!.toISOString() } });
    await notifyAdmins(tx, endpoint, now);
    return true;
  });
}

async function notifyAdmins(tx: Tx, endpoint: { id: string; url: string }, now: Date): Promise<void> {
  const admins = await tx.user.findMany({ where: { role: { in: rolesWith("integrations.manage") }, active: true }, select: { id: true } });
  await notify(tx, {
    recipients: admins.map((a) => a.id),
    kind: "webhook.paused",
    entityType: "WebhookEndpoint",
    entityId: endpoint.id,
    data: { subject: endpoint.url },
    dedupeKey: `webhook:${endpoint.id}:paused:${now.toISOString()}`,
    now,
  });
}

/** The delivery loop of one process (`npm run worker`, or the web process with the embedded database). */
export function startWebhookDelivery(db: Db, intervalMs = 5_000, log: (line: string) => void = (l) => console.log(`[webhooks] ${l}`)): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Batch after batch while there is a backlog, then wait for the next tick.
      for (;;) {
        const round = await deliverDueWebhooks(db, new Date());
        if (round.delivered || round.failed) log(`${round.delivered} delivered, ${round.failed} failed${round.paused ? `, ${round.paused} endpoint(s) paused` : ""}`);
        if (round.delivered + round.failed < 25) break;
      }
    } catch (error) {
      log(`delivery loop: ${error instanceof Error ? error.message.slice(0, 200) : "error"}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  void tick();
  return () => clearInterval(timer);
}
