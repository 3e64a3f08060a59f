import "server-only";
import type { OutboxStatus } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";

export const OUTBOX_PAGE_SIZE = 30;

/** Only admins see the outbox: it holds every customer's mail. */
export function mayManageMail(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

export async function listOutbox(user: SessionUser, filter: { status?: OutboxStatus; page: number }) {
  if (!mayManageMail(user)) return { rows: [], total: 0, counts: { PENDING: 0, SENT: 0, FAILED: 0 } };
  const where = filter.status ? { status: filter.status } : {};
  const [rows, total, grouped] = await Promise.all([
    db.outboxMessage.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: OUTBOX_PAGE_SIZE,
      skip: filter.page * OUTBOX_PAGE_SIZE,
      select: { id: true, kind: true, toAddress: true, subject: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, createdAt: true, ticket: { select: { number: true } } },
    }),
    db.outboxMessage.count({ where }),
    db.outboxMessage.groupBy({ by: ["status"], _count: true }),
  ]);
  const counts = { PENDING: 0, SENT: 0, FAILED: 0 };
  for (const g of grouped) counts[g.status] = g._count;
  return { rows, total, counts };
}
