import "server-only";
import { audit } from "@/lib/audit/mutations";
import { sealTotpSecret, type TotpKeyring } from "@/lib/auth/two-factor-rules";
import type { Tx } from "@/lib/db/client";
import { webhookUrlRefusal, type WebhookUrlRefusal } from "./rules";
import type { CreateEndpointInput } from "./schema";
import { generateWebhookSecret } from "./signing";

export class WebhookRuleError extends Error {
  constructor(readonly code: "NOT_FOUND" | "NOT_FAILED" | WebhookUrlRefusal) {
    super(code);
    this.name = "WebhookRuleError";
  }
}

/**
 * Registers an endpoint. The secret is returned once, for the admin to copy; it is stored
 * encrypted like TOTP secrets (signing needs the key itself, so a hash would not do).
 */
export async function createWebhookEndpoint(
  tx: Tx,
  input: CreateEndpointInput & { actorId: string; production: boolean },
  keys: TotpKeyring,
): Promise<{ id: string; secret: string }> {
  const refusal = webhookUrlRefusal(input.url, input.production);
  if (refusal) throw new WebhookRuleError(refusal);
  const secret = generateWebhookSecret();
  const endpoint = await tx.webhookEndpoint.create({
    data: { url: input.url, description: input.description || null, eventTypes: [...new Set(input.eventTypes)], secret: sealTotpSecret(secret, keys), createdById: input.actorId },
    select: { id: true },
  });
  await audit(tx, { actorId: input.actorId, action: "webhook.endpoint.create", entityType: "WebhookEndpoint", entityId: endpoint.id, data: { url: input.url, eventTypes: input.eventTypes } });
  return { id: endpoint.id, secret };
}

/** A new secret at once; the old one stops signing (the receiver must take the new one). */
export async function rotateWebhookSecret(tx: Tx, input: { endpointId: string; actorId: string }, keys: TotpKeyring): Promise<{ secret: string }> {
  const secret = generateWebhookSecret();
  const updated = await tx.webhookEndpoint.updateMany({ where: { id: input.endpointId }, data: { secret: sealTotpSecret(secret, keys) } });
  if (updated.count === 0) throw new WebhookRuleError("NOT_FOUND");
  await audit(tx, { actorId: input.actorId, action: "webhook.endpoint.rotate_secret", entityType: "WebhookEndpoint", entityId: input.endpointId });
  return { secret };
}

/**
 * Pause: deliveries keep being written and wait. Resume: the failure run starts afresh and what
 * waited is due at once (what is older than the retry window gets one more attempt).
 */
export async function setWebhookEndpointPaused(tx: Tx, input: { endpointId: string; paused: boolean; actorId: string }, now: Date): Promise<void> {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: input.endpointId }, select: { id: true, pausedAt: true } });
  if (!endpoint) throw new WebhookRuleError("NOT_FOUND");
  if (input.paused === (endpoint.pausedAt !== null)) return;
  if (input.paused) {
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { pausedAt: now, pausedReason: "ADMIN" } });
  } else {
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { pausedAt: null, pausedReason: null, failingSince: null } });
    await tx.webhookDelivery.updateMany({ where: { endpointId: endpoint.id, status: "PENDING" }, data: { nextAttemptAt: now } });
  }
  await audit(tx, { actorId: input.actorId, action: input.paused ? "webhook.endpoint.pause" : "webhook.endpoint.resume", entityType: "WebhookEndpoint", entityId: endpoint.id });
}

/** Deletes the endpoint and its delivery log (what had not been sent is dropped with it). */
export async function deleteWebhookEndpoint(tx: Tx, input: { endpointId: string; actorId: string }): Promise<void> {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: input.endpointId }, select: { id: true, url: true } });
  if (!endpoint) throw new WebhookRuleError("NOT_FOUND");
  await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
  await audit(tx, { actorId: input.actorId, action: "webhook.endpoint.delete", entityType: "WebhookEndpoint", entityId: endpoint.id, data: { url: endpoint.url } });
}

/** "Send again": a FAILED delivery is due once more, with the same webhook-id (receivers dedupe on it). */
export async function resendWebhookDelivery(tx: Tx, input: { deliveryId: string; actorId: string }, now: Date): Promise<void> {
  const delivery = await tx.webhookDelivery.findUnique({ where: { id: input.deliveryId }, select: { id: true, status: true, endpointId: true } });
  if (!delivery) throw new WebhookRuleError("NOT_FOUND");
  const updated = await tx.webhookDelivery.updateMany({ where: { id: delivery.id, status: "FAILED" }, data: { status: "PENDING", nextAttemptAt: now } });
  if (updated.count === 0) throw new WebhookRuleError("NOT_FAILED");
  await audit(tx, { actorId: input.actorId, action: "webhook.delivery.resend", entityType: "WebhookDelivery", entityId: delivery.id, data: { endpointId: delivery.endpointId } });
}
