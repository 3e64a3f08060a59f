import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import type { SqlTx } from "@/lib/db/sql";
import { fixedHandlerFor } from "@/lib/org-admin/fixed-handler";
import { getLineCalendar } from "@/lib/settings/queries";
import { createTicket, TicketRuleError } from "@/lib/tickets/mutations";
import { getPreAnnouncementExpiry } from "./queries";
import { preAnnouncementExpiry, urgentBody } from "./rules";
import type { UrgentRequestInput } from "./schema";

export interface UrgentActor {
  id: string;
  organisationId: string;
  locale: "nl" | "en";
}

// The labels of the request's first message, in the employer's own language (they wrote it).
const URGENT_LABELS = { nl: { reason: "Reden spoed", forWhom: "Voor wie" }, en: { reason: "Why urgent", forWhom: "For whom" } } as const;

export interface UrgentOutcome {
  ticketId: string;
  number: string;
  dueAt: Date;
  preAnnounced: boolean;
}

/** When a pre-announcement logged now stops matching mails (setting; default end of the next employer-line day). */
export async function expiryFor(tx: Tx, loggedAt: Date): Promise<Date> {
  const { lineKey, openDays } = await getPreAnnouncementExpiry(tx);
  return preAnnouncementExpiry(loggedAt, await getLineCalendar(tx, lineKey), openDays);
}

/** Open pre-announcements past their expiry become EXPIRED (at matching time and in the sweep). */
export async function expirePreAnnouncements(tx: SqlTx, now: Date, organisationId?: string): Promise<number> {
  // Raw, as the mail intake's transaction is (lib/db/sql.ts).
  return tx.$executeRaw`
    UPDATE "PreAnnouncement" SET "status" = 'EXPIRED'
    WHERE "status" = 'OPEN' AND "expiresAt" <= ${now} AND (${organisationId ?? null}::text IS NULL OR "organisationId" = ${organisationId ?? null})`;
}

/**
 * The pre-announcement a written urgent request of this organisation pairs with: the oldest OPEN
 * one called in before the request and not expired at its receipt, so two announced requests pair
 * in the order they were phoned in. It becomes LINKED.
 */
export async function claimPreAnnouncement(tx: SqlTx, organisationId: string, receivedAt: Date, now: Date): Promise<{ id: string; reason: string; forWhom: string } | null> {
  // Lazily: what expired by the request's receipt (a sender confirmed later still pairs as received).
  await expirePreAnnouncements(tx, receivedAt < now ? receivedAt : now, organisationId);
  // Found and taken in one statement. Conditional on OPEN, so of two requests racing for one
  // announcement only the first takes it (the second, after the first commits, finds it LINKED).
  const [match] = await tx.$queryRaw<{ id: string; reason: string; forWhom: string }[]>`
    UPDATE "PreAnnouncement" SET "status" = 'LINKED', "linkedAt" = ${now}
    WHERE "status" = 'OPEN' AND "id" = (
      SELECT "id" FROM "PreAnnouncement"
      WHERE "organisationId" = ${organisationId} AND "status" = 'OPEN' AND "createdAt" <= ${receivedAt}
        AND ("expiresAt" IS NULL OR "expiresAt" > ${receivedAt})
      ORDER BY "createdAt" ASC, "id" ASC LIMIT 1)
    RETURNING "id", "reason", "forWhom"`;
  return match ?? null;
}

/**
 * The written confirmation of an urgent request: an URGENT ticket on the urgent policy, linked to
 * the organisation's oldest matching phone pre-announcement when there is one (which is then
 * LINKED); without one it is flagged "not pre-announced" with the confirming call PENDING.
 */
export async function fileUrgentRequest(tx: Tx, actor: UrgentActor, input: UrgentRequestInput, now: Date): Promise<UrgentOutcome> {
  const preAnnouncement = await claimPreAnnouncement(tx, actor.organisationId, now, now);
  const ticket = await createTicket(
    tx,
    {
      subject: input.subject,
      categoryKey: "URGENT_REQUEST",
      channel: "PORTAL",
      body: urgentBody(input, URGENT_LABELS[actor.locale]),
      requesterId: actor.id,
      organisationId: actor.organisationId,
      authorId: actor.id,
      priority: "URGENT",
      policyKey: "URGENT_REQUEST",
      assigneeId: await fixedHandlerFor(tx, actor.organisationId),
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
      // Without a call before it, an agent calls to confirm it, as for a "spoed" mail: the form
      // tells the employer so (DESIGN: Urgent requests, step 2).
      notPreAnnounced: !preAnnouncement,
      verification: preAnnouncement ? null : "PENDING",
      receivedAt: now,
      dueAt: ticket.slaDueAt,
    },
  });
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
 * organisation's oldest matching pre-announcement, or flagged "not pre-announced" with the call to
 * confirm PENDING. Only for a verified sender: the mail intake, or staff confirming the sender later.
 */
export async function linkMailedUrgentRequest(
  tx: SqlTx,
  input: { ticketId: string; organisationId: string; subject: string; receivedAt: Date; dueAt: Date },
  now: Date = input.receivedAt,
): Promise<{ preAnnounced: boolean }> {
  const announcement = await claimPreAnnouncement(tx, input.organisationId, input.receivedAt, now);
  await tx.$executeRaw`
    INSERT INTO "UrgentRequest" ("id", "ticketId", "organisationId", "reason", "forWhom", "preAnnouncementId", "notPreAnnounced", "verification", "receivedAt", "dueAt")
    VALUES (${newId()}, ${input.ticketId}, ${input.organisationId}, ${announcement?.reason ?? input.subject}, ${announcement?.forWhom ?? ""},
      ${announcement?.id ?? null}, ${!announcement}, ${announcement ? null : "PENDING"}::"UrgentVerification", ${input.receivedAt}, ${input.dueAt})`;
  return { preAnnounced: Boolean(announcement) };
}
