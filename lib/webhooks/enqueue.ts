import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { Tx } from "@/lib/db/client";
import type { WebhookEventType, WebhookPayloads } from "./events";

/**
 * Writes the event to the webhook outbox inside the caller's transaction: one delivery per
 * endpoint subscribed to its type, committed with the change or not at all, and sent later by
 * the delivery loop (delivery.ts). A paused endpoint gets its row too; it waits until resumed.
 * Returns how many deliveries were written (0 when nobody listens: one indexed read).
 */
export async function enqueueWebhookEvent<T extends WebhookEventType>(tx: Tx, type: T, payload: WebhookPayloads[T], now: Date): Promise<number> {
  return enqueueWebhookEvents(tx, type, [payload], now);
}

/** `enqueueWebhookEvent` for many events of one type (the SLA sweep's batches): one read, one insert. */
export async function enqueueWebhookEvents<T extends WebhookEventType>(tx: Tx, type: T, payloads: readonly WebhookPayloads[T][], now: Date): Promise<number> {
  if (payloads.length === 0) return 0;
  const endpoints = await tx.webhookEndpoint.findMany({ where: { eventTypes: { has: type } }, select: { id: true } });
  if (endpoints.length === 0) return 0;
  const rows = payloads.flatMap((payload) => {
    // One id per event, shared by its endpoints and kept on every retry: the receiver's dedupe key.
    const eventId = `msg_${randomUUID().replace(/-/g, "")}`;
    return endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      eventId,
      eventType: type,
      payload: payload as unknown as Prisma.InputJsonObject,
      createdAt: now,
      nextAttemptAt: now,
    }));
  });
  await tx.webhookDelivery.createMany({ data: rows });
  return rows.length;
}
