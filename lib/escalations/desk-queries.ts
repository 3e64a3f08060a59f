import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { mayViewBoard } from "./desk-rules";

const BOARD_SELECT = {
  id: true,
  tier: true,
  status: true,
  reason: true,
  outcome: true,
  raisedAt: true,
  dueAt: true,
  closedAt: true,
  answers: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
  organisation: { select: { name: true, customerSuccessManager: { select: { active: true } } } },
  raisedBy: { select: { name: true } },
  owner: { select: { id: true, name: true } },
  ticket: { select: { id: true, number: true, subject: true } },
} satisfies Prisma.EscalationSelect;

/** What of the board this person sees: a customer success manager, the organisations they look after. */
function boardScope(user: SessionUser): Prisma.EscalationWhereInput {
  return user.role === "CUSTOMER_SUCCESS_MANAGER" ? { organisation: { customerSuccessManagerId: user.id } } : {};
}

/**
 * The escalation board of one tier: open ones first by due time, then the last closed ones.
 * A customer success manager sees only the escalations of the organisations they look after.
 */
export async function listEscalationBoard(user: SessionUser, tier: 1 | 2) {
  if (!mayViewBoard(user.role)) return [];
  return db.escalation.findMany({ where: { AND: [boardScope(user), { tier }] }, orderBy: [{ status: "asc" }, { dueAt: "asc" }], take: 100, select: BOARD_SELECT });
}

/** One escalation of either tier as the board shows it, to whoever may see it there; else null. */
export async function getBoardEscalation(user: SessionUser, id: string, organisationId: string | null = null) {
  if (!mayViewBoard(user.role)) return null;
  return db.escalation.findFirst({ where: { AND: [boardScope(user), { id }, organisationId ? { organisationId } : {}] }, select: BOARD_SELECT });
}

export type BoardItem = Awaited<ReturnType<typeof listEscalationBoard>>[number];
