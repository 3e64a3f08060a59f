import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { audit } from "@/lib/audit/mutations";
import { bookCallback } from "@/lib/callbacks/mutations";
import type { Tx } from "@/lib/db/client";
import { notify } from "@/lib/notifications/mutations";
import { recordAnswer } from "@/lib/tickets/answer-clock";
import { addCustomerMessage, changeTicket, createTicket, TicketRuleError } from "@/lib/tickets/mutations";
import { expiryFor } from "@/lib/urgent/mutations";
import { requireScopedTicket } from "@/lib/workspace/mutations";
import { checkCall, HANDOVER_ROLES, type CallRefusal } from "./rules";
import type { LogCallInput, PreAnnouncementInput } from "./schema";

export class PhoneRuleError extends Error {
  constructor(readonly code: CallRefusal | "CALLER_NOT_FOUND" | "TICKET_NOT_OF_CALLER" | "HANDOVER_NOT_ALLOWED" | "ORGANISATION_NOT_FOUND" | "TEAM_NOT_ALLOWED" | "DRAFT_NOT_FOUND") {
    super(code);
    this.name = "PhoneRuleError";
  }
}

/**
 * One phone call: the question lands on a new or existing ticket, resolved in the first contact,
 * left open, or handed to a callback appointment. All in the caller's transaction.
 */
export async function logCall(
  tx: Tx,
  user: SessionUser,
  input: LogCallInput,
  now: Date,
): Promise<{ ticketId: string; number: string; callId: string; appointmentId: string | null }> {
  const caller = input.callerId
    ? await tx.user.findFirst({
        where: { id: input.callerId, role: { in: ["BENEFICIARY", "EMPLOYER_CONTACT"] } },
        select: { id: true, name: true, phone: true, memberships: { take: 1, select: { organisationId: true } } },
      })
    : null;
  if (input.callerId && !caller) throw new PhoneRuleError("CALLER_NOT_FOUND");
  const draft = input.draftCallId
    ? await tx.callRecord.findFirst({ where: { id: input.draftCallId, agentId: user.id, draft: true }, select: { id: true } })
    : null;
  if (input.draftCallId && !draft) throw new PhoneRuleError("DRAFT_NOT_FOUND");
  const organisationId = caller?.memberships[0]?.organisationId ?? null;
  if (!user.teamIds.includes(input.teamId) && user.role !== "MANAGER" && user.role !== "ADMIN") throw new PhoneRuleError("TEAM_NOT_ALLOWED");

  let ticketId: string;
  let number: string;
  if (input.ticketId) {
    await requireScopedTicket(tx, user, input.ticketId);
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: input.ticketId }, include: { category: true } });
    const refusal = checkCall({ knownCaller: caller !== null, dossierSensitive: ticket.category.dossierSensitive, outcome: input.outcome });
    if (refusal) throw new PhoneRuleError(refusal);
    const ofCaller = caller && (ticket.requesterId === caller.id || (organisationId !== null && ticket.organisationId === organisationId));
    if (!ofCaller) throw new PhoneRuleError("TICKET_NOT_OF_CALLER");
    await addCustomerMessage(tx, { ticketId: ticket.id, authorId: caller.id, channel: "PHONE", body: input.summary }, now);
    if (input.outcome === "RESOLVED") {
      // The call answered the question: that stops the answer clock as a written answer would.
      await recordAnswer(tx, ticket.id, user.id, now);
      await changeTicket(tx, { ticketId: ticket.id, actorId: user.id, status: "RESOLVED" }, now);
    }
    ticketId = ticket.id;
    number = ticket.number;
  } else {
    const category = await tx.ticketCategory.findUnique({ where: { key: input.categoryKey }, select: { dossierSensitive: true } });
    if (!category) throw new TicketRuleError("UNKNOWN_CATEGORY");
    const refusal = checkCall({ knownCaller: caller !== null, dossierSensitive: category.dossierSensitive, outcome: input.outcome });
    if (refusal) throw new PhoneRuleError(refusal);
    const created = await createTicket(
      tx,
      {
        subject: input.subject ?? "",
        categoryKey: input.categoryKey,
        channel: "PHONE",
        body: input.summary,
        requesterId: caller?.id ?? null,
        requesterName: caller ? null : (input.callerName || null),
        requesterPhone: input.phone || caller?.phone || null,
        organisationId,
        authorId: user.id,
        firstContactResolution: input.outcome === "RESOLVED",
        teamId: input.teamId,
      },
      now,
    );
    ticketId = created.id;
    number = created.number;
    if (input.outcome !== "RESOLVED") await changeTicket(tx, { ticketId, actorId: user.id, status: "OPEN" }, now);
  }

  const details = {
    ticketId,
    callerId: caller?.id ?? null,
    callerName: caller ? caller.name : (input.callerName || null),
    phone: input.phone || caller?.phone || null,
    summary: input.summary,
    resolvedFirstContact: input.outcome === "RESOLVED",
  };
  // A drafted call keeps the platform's start, duration and wait; the agent adds what was said.
  const call = draft
    ? await tx.callRecord.update({ where: { id: draft.id }, data: { ...details, draft: false }, select: { id: true } })
    : await tx.callRecord.create({ data: { ...details, agentId: user.id, startedAt: now }, select: { id: true } });

  let appointmentId: string | null = null;
  if (input.outcome === "CALLBACK" && caller && input.callbackDate && input.callbackSlot && input.phone) {
    const booked = await bookCallback(
      tx,
      { ticketId, personId: caller.id, teamId: input.teamId, date: input.callbackDate, slot: input.callbackSlot, phone: input.phone, bookedById: user.id },
      now,
    );
    appointmentId = booked.id;
  }
  await audit(tx, { actorId: user.id, action: "phone.call", entityType: "Ticket", entityId: ticketId, data: { outcome: input.outcome, knownCaller: caller !== null } });
  return { ticketId, number, callId: call.id, appointmentId };
}

/** An employer's phoned-in urgent request, handed over warm to a case handler. */
export async function logPreAnnouncement(tx: Tx, user: SessionUser, input: PreAnnouncementInput, now: Date): Promise<{ id: string }> {
  const [organisation, handler] = await Promise.all([
    tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true } }),
    tx.user.findUnique({ where: { id: input.handedOverToId }, select: { id: true, role: true, active: true } }),
  ]);
  if (!organisation) throw new PhoneRuleError("ORGANISATION_NOT_FOUND");
  if (!handler?.active || !(HANDOVER_ROLES as readonly string[]).includes(handler.role)) throw new PhoneRuleError("HANDOVER_NOT_ALLOWED");
  const row = await tx.preAnnouncement.create({
    // It pairs with a written urgent request only until it expires (lib/urgent, a setting).
    data: { ...input, status: "OPEN", loggedById: user.id, createdAt: now, expiresAt: await expiryFor(tx, now) },
    select: { id: true },
  });
  // The handler sees it in their notifications at once: that is the warm handover.
  await notify(tx, {
    recipients: [handler.id],
    kind: "preAnnouncement.handover",
    entityType: "PreAnnouncement",
    entityId: row.id,
    data: { organisation: organisation.name, subject: input.subject },
    dedupeKey: `preAnnouncement:${row.id}:handover`,
    now,
  });
  await audit(tx, { actorId: user.id, action: "phone.preAnnouncement", entityType: "PreAnnouncement", entityId: row.id, organisationId: organisation.id, data: { organisationId: organisation.id, handedOverToId: handler.id } });
  return row;
}
