import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { readRows } from "@/lib/db/prepared";
import { deliveryFor, hrefFor, NOTIFICATION_KINDS, PAGE_SIZE, choiceOf, type DeliveryChoice, type NotificationData, type NotificationKind } from "./rules";

/** The bell's number: one's own unread notifications (index userId, readAt; a prepared statement, lib/db/prepared.ts). */
export async function unreadCount(userId: string): Promise<number> {
  const [row] = await readRows<{ unread: number }>(db, Prisma.sql`SELECT count(*)::int AS unread FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL`);
  return row?.unread ?? 0;
}

export async function notificationTotal(userId: string): Promise<number> {
  return db.notification.count({ where: { userId } });
}

export interface InboxItem {
  id: string;
  kind: string;
  data: NotificationData;
  createdAt: Date;
  read: boolean;
  href: string;
}

/** One's own notifications, newest first, a page at a time. */
export async function listNotifications(userId: string, page: number): Promise<{ items: InboxItem[]; total: number; unread: number }> {
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, kind: true, entityType: true, entityId: true, data: true, createdAt: true, readAt: true },
    }),
    notificationTotal(userId),
    unreadCount(userId),
  ]);
  return {
    items: rows.map((r) => {
      const data = (r.data ?? {}) as NotificationData;
      return { id: r.id, kind: r.kind, data, createdAt: r.createdAt, read: r.readAt !== null, href: hrefFor(r.entityType, r.entityId, data) };
    }),
    total,
    unread,
  };
}

/** The choice per kind, defaults filled in where the person chose nothing. */
export async function preferencesOf(userId: string): Promise<{ kind: NotificationKind; choice: DeliveryChoice }[]> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, inApp: true, mail: true } });
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, choice: choiceOf(deliveryFor(kind, byKind.get(kind))) }));
}
