import "server-only";
import { z } from "zod";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { audit } from "@/lib/audit/mutations";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import type { SessionUser } from "@/lib/auth/queries";
import { db, type Tx } from "@/lib/db/client";
import { addInternalNote, changeTicket, customerWrote, refreshClock, sendAcknowledgement, TicketRuleError } from "@/lib/tickets/mutations";
import { linkMailedUrgentRequest } from "@/lib/urgent/mutations";
import { getUrgentWords } from "@/lib/urgent/queries";
import { requireScopedTicket } from "@/lib/workspace/mutations";
import { senderAccount } from "./ingest";
import { isUrgentSubject, normaliseAddress } from "./rules";

export const confirmSenderSchema = z.object({ ticketId: z.string().min(1).max(64) });

export class ConfirmSenderError extends Error {
  constructor(readonly code: "ALREADY_CONFIRMED" | "NOT_FOUND") {
    super(code);
    this.name = "ConfirmSenderError";
  }
}

export type ConfirmOutcome =
  | { outcome: "JOINED"; ticketId: string; number: string }
  | { outcome: "CONFIRMED"; ticketId: string; linkedAccount: boolean; urgent: boolean; acknowledged: boolean };

/**
 * Staff confirm the sender of a mail that arrived unverified, and the ticket gets what a verified
 * mail would have had: the reply joins the ticket it claimed (when it comes from that ticket's
 * requester), or the ticket is linked to the sender's account, becomes an urgent request when it
 * was a "spoed" mail from an employer contact, and the acknowledgement is sent. One transaction;
 * the ticket row lock makes a second, concurrent confirmation see ALREADY_CONFIRMED.
 */
export async function confirmSender(tx: Tx, actor: SessionUser, ticketId: string, now: Date): Promise<ConfirmOutcome> {
  await requireScopedTicket(tx, actor, ticketId);
  await tx.$queryRaw`SELECT "id" FROM "Ticket" WHERE "id" = ${ticketId} FOR UPDATE`;
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  const mail = await tx.inboundMail.findFirst({ where: { ticketId, authVerdict: { not: "PASS" } }, orderBy: { receivedAt: "asc" } });
  if (!mail) throw new ConfirmSenderError("NOT_FOUND");
  if (!ticket.senderUnverified || mail.senderConfirmedAt) throw new ConfirmSenderError("ALREADY_CONFIRMED");
  await tx.inboundMail.update({ where: { id: mail.id }, data: { senderConfirmedAt: now, senderConfirmedById: actor.id } });
  const from = normaliseAddress(mail.fromAddress);

  const joined = mail.claimedTicketId && from ? await joinClaimedTicket(tx, actor, { holdingId: ticket.id, claimedId: mail.claimedTicketId, from, mailMessageId: mail.mailMessageId }, now) : null;
  let outcome: ConfirmOutcome;
  if (joined) {
    outcome = { outcome: "JOINED", ...joined };
  } else {
    const { user, organisationId } = from ? await senderAccount(tx, from) : { user: null, organisationId: null };
    const organisation = organisationId ? await tx.organisation.findUnique({ where: { id: organisationId }, select: { isPartner: true } }) : null;
    await tx.ticket.update({
      where: { id: ticket.id },
      data: {
        senderUnverified: false,
        requesterId: user?.id ?? null,
        requesterName: ticket.requesterName ?? user?.name ?? null,
        organisationId,
        audience: organisationId ? "EMPLOYER" : user?.role === "BENEFICIARY" ? "BENEFICIARY" : ticket.audience,
        isPartner: organisation?.isPartner ?? ticket.isPartner,
      },
    });
    // Who vouched, on the timeline (the audit event holds the same for the record).
    await addInternalNote(tx, { ticketId: ticket.id, authorId: actor.id, body: `Afzender ${from ?? mail.fromAddress} bevestigd. / Sender ${from ?? mail.fromAddress} confirmed.` }, now);
    // A question already answered or closed gets no late acknowledgement or urgent clock.
    const stillOpen = ticket.status !== "RESOLVED" && ticket.status !== "CLOSED";
    const urgent = stillOpen && organisationId !== null && isUrgentSubject(ticket.subject, await getUrgentWords(tx));
    if (urgent) await makeUrgent(tx, actor, { ticketId: ticket.id, organisationId, subject: ticket.subject, receivedAt: mail.receivedAt }, now);
    const acknowledged = stillOpen;
    if (acknowledged) {
      const current = await tx.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { number: true, subject: true, slaDueAt: true, requesterEmail: true } });
      await sendAcknowledgement(
        tx,
        { id: ticket.id, number: current.number, subject: current.subject, channel: ticket.channel, dueAt: current.slaDueAt, locale: user?.locale ?? "nl", requesterEmail: current.requesterEmail ?? from, mailMessageId: mail.mailMessageId },
        now,
      );
    }
    outcome = { outcome: "CONFIRMED", ticketId: ticket.id, linkedAccount: user !== null, urgent, acknowledged };
  }
  await audit(tx, { actorId: actor.id, action: "mail.sender_confirmed", entityType: "Ticket", entityId: ticket.id, data: { inboundMailId: mail.id, ...outcome } });
  return outcome;
}

/**
 * The mail answered a ticket of its (now confirmed) sender: its message moves there, as if it had
 * threaded on arrival, and the holding ticket closes with a note pointing to it. Moving rather than
 * linking keeps one conversation for the customer and the agent; the holding ticket never had an
 * account, so it never showed in a portal. Null when the claimed ticket is not the sender's or is
 * closed: then the holding ticket stays the sender's new question.
 */
async function joinClaimedTicket(tx: Tx, actor: SessionUser, input: { holdingId: string; claimedId: string; from: string; mailMessageId: string }, now: Date) {
  const claimed = await tx.ticket.findUnique({ where: { id: input.claimedId }, include: { requester: { select: { email: true } } } });
  if (!claimed || claimed.status === "CLOSED") return null;
  const owner = normaliseAddress(claimed.requesterEmail) ?? normaliseAddress(claimed.requester?.email);
  if (owner !== input.from) return null;
  await tx.message.updateMany({ where: { ticketId: input.holdingId, direction: "INBOUND", mailMessageId: input.mailMessageId }, data: { ticketId: claimed.id, authorId: claimed.requesterId } });
  // A customer's reply re-opens a resolved or waiting ticket and starts the next answer clock, as addCustomerMessage does.
  const { reopened } = await customerWrote(tx, claimed, claimed.requesterId, now);
  // Held until now, so the back office hears of it now, as of any customer message.
  const moved = await tx.message.findFirst({ where: { ticketId: claimed.id, direction: "INBOUND", mailMessageId: input.mailMessageId }, select: { id: true } });
  if (moved) await enqueueWebhookEvent(tx, "message.received", { ticketId: claimed.id, messageId: moved.id, channel: "EMAIL", reopened }, now);
  await audit(tx, { actorId: claimed.requesterId, action: "ticket.customer_message", entityType: "Ticket", entityId: claimed.id, data: { reopened: claimed.status !== "OPEN" && claimed.status !== "NEW", confirmedBy: actor.id } });
  await tx.ticket.update({ where: { id: input.holdingId }, data: { senderUnverified: false } });
  await addInternalNote(
    tx,
    { ticketId: input.holdingId, authorId: actor.id, body: `Afzender bevestigd; het bericht is verplaatst naar ${claimed.number}. / Sender confirmed; the message was moved to ${claimed.number}.` },
    now,
  );
  await changeTicket(tx, { ticketId: input.holdingId, actorId: actor.id, status: "CLOSED" }, now);
  return { ticketId: claimed.id, number: claimed.number };
}

/** The "spoed" mail becomes the urgent request it would have been: its 24-hour clock runs from receipt. */
async function makeUrgent(tx: Tx, actor: SessionUser, input: { ticketId: string; organisationId: string; subject: string; receivedAt: Date }, now: Date) {
  const category = await tx.ticketCategory.findUniqueOrThrow({ where: { key: "URGENT_REQUEST" }, select: { defaultTeamId: true } });
  await changeTicket(tx, { ticketId: input.ticketId, actorId: actor.id, categoryKey: "URGENT_REQUEST", priority: "URGENT", ...(category.defaultTeamId ? { teamId: category.defaultTeamId } : {}) }, now);
  await tx.ticket.update({ where: { id: input.ticketId }, data: { slaPolicyKey: "URGENT_REQUEST" } });
  await refreshClock(tx, input.ticketId, now);
  const { slaDueAt } = await tx.ticket.findUniqueOrThrow({ where: { id: input.ticketId }, select: { slaDueAt: true } });
  await linkMailedUrgentRequest(tx, { ticketId: input.ticketId, organisationId: input.organisationId, subject: input.subject, receivedAt: input.receivedAt, dueAt: slaDueAt ?? now }, now);
}

export const confirmMailSender = defineAction({
  name: "mail.sender_confirmed",
  schema: confirmSenderSchema,
  permission: "mail.sender.confirm",
  async handler(input, { user, now }) {
    try {
      return ok(await db.$transaction((tx) => confirmSender(tx, user, input.ticketId, now), { timeout: 30_000 }));
    } catch (error) {
      if (error instanceof ConfirmSenderError || (error instanceof TicketRuleError && error.code === "NOT_FOUND")) return fail(error.code);
      throw error;
    }
  },
});
