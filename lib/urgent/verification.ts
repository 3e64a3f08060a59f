import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { changeTicket, refreshClock } from "@/lib/tickets/mutations";
import { requireScopedTicket } from "@/lib/workspace/mutations";
import { verificationOpen } from "./rules";
import type { RelinkInput, VerificationInput } from "./schema";

export class UrgentRuleError extends Error {
  constructor(readonly code: "NOT_AN_URGENT_REQUEST" | "NOTHING_TO_VERIFY" | "NOT_FOUND" | "OTHER_ORGANISATION" | "ALREADY_LINKED" | "NOT_LINKED") {
    super(code);
    this.name = "UrgentRuleError";
  }
}

async function timeline(tx: Tx, ticketId: string, actorId: string, kind: string, data: Record<string, string | null>, now: Date) {
  await tx.ticketEvent.create({ data: { ticketId, actorId, kind, data, createdAt: now } });
}

/**
 * The outcome of the call that confirms an urgent mail nobody announced by phone. CONFIRMED keeps
 * it urgent; NOT_URGENT makes it a normal written question (priority NORMAL, the written-question
 * clock from its receipt); NOT_REACHED notes the attempt and leaves the task open.
 */
export async function recordVerification(tx: Tx, user: SessionUser, input: VerificationInput, now: Date): Promise<{ verification: string }> {
  await requireScopedTicket(tx, user, input.ticketId);
  const request = await tx.urgentRequest.findUnique({ where: { ticketId: input.ticketId }, select: { id: true, verification: true } });
  if (!request) throw new UrgentRuleError("NOT_AN_URGENT_REQUEST");
  if (!verificationOpen(request.verification)) throw new UrgentRuleError("NOTHING_TO_VERIFY");
  // Conditional on the state read, so two handlers recording at once cannot both win.
  const { count } = await tx.urgentRequest.updateMany({
    where: { id: request.id, verification: request.verification },
    data: { verification: input.outcome, verifyNote: input.note || null, verifiedAt: now, verifiedById: user.id },
  });
  if (count !== 1) throw new UrgentRuleError("NOTHING_TO_VERIFY");
  // Touches the ticket so the queue's poller sees the flag change.
  await tx.ticket.update({ where: { id: input.ticketId }, data: { lastActivityAt: now } });
  if (input.outcome === "NOT_URGENT") {
    await changeTicket(tx, { ticketId: input.ticketId, actorId: user.id, priority: "NORMAL", categoryKey: "GENERAL_QUESTION" }, now);
    // The clock keeps its start (the receipt) and is re-computed on the written-question policy.
    await tx.ticket.update({ where: { id: input.ticketId }, data: { slaPolicyKey: "WRITTEN_QUESTION" } });
    await refreshClock(tx, input.ticketId, now);
  }
  await timeline(tx, input.ticketId, user.id, "urgent_verification", { to: input.outcome, note: input.note || null }, now);
  await audit(tx, { actorId: user.id, action: "urgent.verification", entityType: "Ticket", entityId: input.ticketId, data: { outcome: input.outcome, previous: request.verification } });
  return { verification: input.outcome };
}

/** An urgent request loses its pre-announcement: "not pre-announced", the confirming call PENDING. */
async function detach(tx: Tx, user: SessionUser, request: { id: string; ticketId: string }, announcementId: string, now: Date) {
  await tx.urgentRequest.update({ where: { id: request.id }, data: { preAnnouncementId: null, notPreAnnounced: true, verification: "PENDING", verifiedAt: null, verifiedById: null } });
  await timeline(tx, request.ticketId, user.id, "urgent_unlinked", { preAnnouncementId: announcementId }, now);
}

/**
 * The agent corrects which urgent request a phone pre-announcement belongs to: unlink it (the
 * request becomes "not pre-announced" and gets the confirming call), or link it to another urgent
 * request of the same organisation that has none (the request it left, if any, is unlinked).
 */
export async function relinkPreAnnouncement(tx: Tx, user: SessionUser, input: RelinkInput, now: Date): Promise<{ linkedTicketId: string | null }> {
  const announcement = await tx.preAnnouncement.findUnique({
    where: { id: input.preAnnouncementId },
    select: { id: true, organisationId: true, status: true, expiresAt: true, urgentRequest: { select: { id: true, ticketId: true } } },
  });
  if (!announcement) throw new UrgentRuleError("NOT_FOUND");
  const current = announcement.urgentRequest;
  if (current) await requireScopedTicket(tx, user, current.ticketId);
  let target: { id: string; ticketId: string } | null = null;
  if (input.ticketId) {
    await requireScopedTicket(tx, user, input.ticketId);
    const request = await tx.urgentRequest.findUnique({ where: { ticketId: input.ticketId }, select: { id: true, ticketId: true, organisationId: true, preAnnouncementId: true } });
    if (!request) throw new UrgentRuleError("NOT_AN_URGENT_REQUEST");
    if (request.organisationId !== announcement.organisationId) throw new UrgentRuleError("OTHER_ORGANISATION");
    if (request.preAnnouncementId !== null) throw new UrgentRuleError("ALREADY_LINKED");
    target = request;
  } else if (!current) {
    throw new UrgentRuleError("NOT_LINKED");
  }
  if (current) await detach(tx, user, current, announcement.id, now);
  if (target) {
    await tx.urgentRequest.update({ where: { id: target.id }, data: { preAnnouncementId: announcement.id, notPreAnnounced: false, verification: null, verifiedAt: null, verifiedById: null } });
    await tx.preAnnouncement.update({ where: { id: announcement.id }, data: { status: "LINKED", linkedAt: now } });
    await timeline(tx, target.ticketId, user.id, "urgent_linked", { preAnnouncementId: announcement.id }, now);
  } else {
    // Free again: it may still pair with the next urgent mail until it expires.
    const expired = announcement.expiresAt !== null && announcement.expiresAt <= now;
    await tx.preAnnouncement.update({ where: { id: announcement.id }, data: { status: expired ? "EXPIRED" : "OPEN", linkedAt: null } });
  }
  await audit(tx, {
    actorId: user.id,
    action: "urgent.preannouncement_relink",
    entityType: "PreAnnouncement",
    entityId: announcement.id,
    ticketId: target?.ticketId ?? current?.ticketId ?? null,
    organisationId: announcement.organisationId,
    data: { from: current?.ticketId ?? null, to: target?.ticketId ?? null },
  });
  return { linkedTicketId: target?.ticketId ?? null };
}
