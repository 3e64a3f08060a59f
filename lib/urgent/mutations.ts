import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { createTicket, TicketRuleError } from "@/lib/tickets/mutations";
import { urgentBody } from "./rules";
import type { UrgentRequestInput } from "./schema";

export interface UrgentActor {
  id: string;
  organisationId: string;
}

export interface UrgentOutcome {
  ticketId: string;
  number: string;
  dueAt: Date;
  preAnnounced: boolean;
}

/**
 * The written confirmation of an urgent request: an URGENT ticket on the 24-hour policy, linked to
 * the organisation's newest open phone pre-announcement when there is one (which is then LINKED).
 */
export async function fileUrgentRequest(tx: Tx, actor: UrgentActor, input: UrgentRequestInput, now: Date): Promise<UrgentOutcome> {
  const preAnnouncement = await tx.preAnnouncement.findFirst({
    where: { organisationId: actor.organisationId, status: "OPEN" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const ticket = await createTicket(
    tx,
    {
      subject: input.subject,
      categoryKey: "URGENT_REQUEST",
      channel: "PORTAL",
      body: urgentBody(input, { reason: "Reden spoed / Reason", forWhom: "Voor wie / For whom" }),
      requesterId: actor.id,
      organisationId: actor.organisationId,
      authorId: actor.id,
      priority: "URGENT",
      policyKey: "URGENT_REQUEST",
    },
    now,
  );
  if (!ticket.slaDueAt) throw new TicketRuleError("UNKNOWN_CATEGORY");
  await tx.urgentRequest.create({
    data: {
      ticketId: ticket.id,
      organisationId: actor.organisationId,
      reason: input.reason,
      forWhom: input.forWhom,
      preAnnouncementId: preAnnouncement?.id ?? null,
      notPreAnnounced: false,
      receivedAt: now,
      dueAt: ticket.slaDueAt,
    },
  });
  if (preAnnouncement) {
    await tx.preAnnouncement.update({ where: { id: preAnnouncement.id }, data: { status: "LINKED" } });
  }
  await audit(tx, {
    actorId: actor.id,
    action: "urgent.request",
    entityType: "Ticket",
    entityId: ticket.id,
    data: { preAnnouncementId: preAnnouncement?.id ?? null },
  });
  return { ticketId: ticket.id, number: ticket.number, dueAt: ticket.slaDueAt, preAnnounced: preAnnouncement !== null };
}

/**
 * A "spoed" mail from an employer contact (DESIGN: Urgent requests, step 2): linked to the
 * organisation's newest open pre-announcement, or flagged "not pre-announced" so an agent calls to
 * verify. Only for a verified sender: the mail intake, or staff confirming the sender later.
 */
export async function linkMailedUrgentRequest(
  tx: Tx,
  input: { ticketId: string; organisationId: string; subject: string; receivedAt: Date; dueAt: Date },
): Promise<{ preAnnounced: boolean }> {
  const announcement = await tx.preAnnouncement.findFirst({ where: { organisationId: input.organisationId, status: "OPEN" }, orderBy: { createdAt: "desc" } });
  if (announcement) await tx.preAnnouncement.update({ where: { id: announcement.id }, data: { status: "LINKED" } });
  await tx.urgentRequest.create({
    data: {
      ticketId: input.ticketId,
      organisationId: input.organisationId,
      reason: announcement?.reason ?? input.subject,
      forWhom: announcement?.forWhom ?? "",
      preAnnouncementId: announcement?.id ?? null,
      notPreAnnounced: !announcement,
      receivedAt: input.receivedAt,
      dueAt: input.dueAt,
    },
  });
  return { preAnnounced: Boolean(announcement) };
}
