import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { mayViewBoard } from "./desk-rules";

/**
 * The escalation board of one tier: open ones first by due time, then the last closed ones.
 * A customer success manager sees only the escalations of the organisations they look after.
 */
export async function listEscalationBoard(user: SessionUser, tier: 1 | 2) {
  if (!mayViewBoard(user.role)) return [];
  const where: Prisma.EscalationWhereInput = { tier };
  if (user.role === "CUSTOMER_SUCCESS_MANAGER") where.organisation = { customerSuccessManagerId: user.id };
  return db.escalation.findMany({
    where,
    orderBy: [{ status: "asc" }, { dueAt: "asc" }],
    take: 100,
    select: {
      id: true,
      tier: true,
      status: true,
      reason: true,
      outcome: true,
      raisedAt: true,
      dueAt: true,
      closedAt: true,
      answers: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
      organisation: { select: { name: true } },
      raisedBy: { select: { name: true } },
      owner: { select: { id: true, name: true } },
      ticket: { select: { id: true, number: true, subject: true } },
    },
  });
}

export type BoardItem = Awaited<ReturnType<typeof listEscalationBoard>>[number];
