import "server-only";
import type { MailAuthVerdict, OutboxStatus } from "@prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { staffTicketScope } from "@/lib/workspace/scope";
import type { AuthDetails } from "./auth-results";

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

export interface UnverifiedSender {
  fromAddress: string;
  verdict: MailAuthVerdict;
  details: Partial<AuthDetails>;
  /** The ticket the mail's reply token or Message-ID pointed at, when the user may see it. */
  claimedNumber: string | null;
  mayConfirm: boolean;
}

/** Why a ticket's sender is not verified, for the banner; null when it is verified (or out of scope). */
export async function unverifiedSenderOf(user: SessionUser, ticketId: string): Promise<UnverifiedSender | null> {
  const ticket = await db.ticket.findFirst({ where: { AND: [{ id: ticketId, senderUnverified: true }, staffTicketScope(user)] }, select: { id: true } });
  if (!ticket) return null;
  const mail = await db.inboundMail.findFirst({
    where: { ticketId, authVerdict: { not: "PASS" } },
    orderBy: { receivedAt: "asc" },
    select: { fromAddress: true, authVerdict: true, authDetails: true, claimedTicketId: true },
  });
  if (!mail) return null;
  const claimed = mail.claimedTicketId
    ? await db.ticket.findFirst({ where: { AND: [{ id: mail.claimedTicketId }, staffTicketScope(user)] }, select: { number: true } })
    : null;
  const details = mail.authDetails && typeof mail.authDetails === "object" && !Array.isArray(mail.authDetails) ? (mail.authDetails as Partial<AuthDetails>) : {};
  return { fromAddress: mail.fromAddress, verdict: mail.authVerdict, details, claimedNumber: claimed?.number ?? null, mayConfirm: can(user, "mail.sender.confirm") };
}
