import "server-only";
import type { WebhookDeliveryStatus } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export const DELIVERY_PAGE_SIZE = 25;

/** The admin list: never the secret; per endpoint how many deliveries wait or failed. */
export async function listWebhookEndpoints(user: SessionUser) {
  if (!can(user, "integrations.manage")) return [];
  const [endpoints, counts] = await Promise.all([
    db.webhookEndpoint.findMany({
      orderBy: { createdAt: "desc" },
      select: { id: true, url: true, description: true, eventTypes: true, pausedAt: true, pausedReason: true, failingSince: true, createdAt: true },
    }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "status"], where: { status: { in: ["PENDING", "FAILED"] } }, _count: { _all: true } }),
  ]);
  const count = (endpointId: string, status: WebhookDeliveryStatus) => counts.find((c) => c.endpointId === endpointId && c.status === status)?._count._all ?? 0;
  return endpoints.map((e) => ({ ...e, pending: count(e.id, "PENDING"), failed: count(e.id, "FAILED") }));
}

/** One endpoint with a page of its delivery log, newest first. */
export async function getWebhookEndpoint(user: SessionUser, id: string, page = 0) {
  if (!can(user, "integrations.manage")) return null;
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id },
    select: { id: true, url: true, description: true, eventTypes: true, pausedAt: true, pausedReason: true, failingSince: true, createdAt: true },
  });
  if (!endpoint) return null;
  const [total, deliveries] = await Promise.all([
    db.webhookDelivery.count({ where: { endpointId: id } }),
    db.webhookDelivery.findMany({
      where: { endpointId: id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: page * DELIVERY_PAGE_SIZE,
      take: DELIVERY_PAGE_SIZE,
      select: { id: true, eventId: true, eventType: true, status: true, attempts: true, nextAttemptAt: true, lastAttemptAt: true, lastStatusCode: true, lastError: true, deliveredAt: true, createdAt: true },
    }),
  ]);
  return { endpoint, deliveries, total };
}
