import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import type { SqlTx } from "@/lib/db/sql";
import type { WebhookEventType, WebhookPayloads } from "./events";

/**
 * Writes the event to the webhook outbox inside the caller's transaction: one delivery per
 * endpoint subscribed to its type, committed with the change or not at all, and sent later by
 * the delivery loop (delivery.ts). A paused endpoint gets its row too; it waits until resumed.
 * Returns how many deliveries were written (0 when nobody listens: one indexed read).
 */
export async function enqueueWebhookEvent<T extends WebhookEventType>(tx: SqlTx, type: T, payload: WebhookPayloads[T], now: Date): Promise<number> {
  return enqueueWebhookEvents(tx, type, [payload], now);
}

/**
 * `enqueueWebhookEvent` for many events of one type (the SLA sweep's batches). One raw statement
 * finds the subscribed endpoints and writes a delivery for each: nearly every change enqueues an
 * event, mostly for nobody (README: why raw SQL).
 */
export async function enqueueWebhookEvents<T extends WebhookEventType>(tx: SqlTx, type: T, payloads: readonly WebhookPayloads[T][], now: Date): Promise<number> {
  if (payloads.length === 0) return 0;
  return tx.$executeRaw(webhookEventsSql(type, payloads, now));
}

/** The insert of `enqueueWebhookEvents`, for a caller that sends it with its other writes (writeTogether). */
export function webhookEventsSql<T extends WebhookEventType>(type: T, payloads: readonly WebhookPayloads[T][], now: Date): Prisma.Sql {
  // One id per event, shared by its endpoints and kept on every retry: the receiver's dedupe key.
  const events = payloads.map((payload) => ({ eventId: `msg_${randomUUID().replace(/-/g, "")}`, payload }));
  return Prisma.sql`
    INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventId", "eventType", "payload", "createdAt", "nextAttemptAt")
    SELECT gen_random_uuid()::text, w."id", e."eventId", ${type}, e."payload", ${now}, ${now}
    FROM "WebhookEndpoint" w
    CROSS JOIN jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e("eventId" text, "payload" jsonb)
    WHERE w."eventTypes" @> ARRAY[${type}]::text[]`;
}
