import "server-only";
import type { Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import { NO_PASSWORD } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/client";
import { anonymiseTickets } from "./anonymise";
import type { FilesToRemove } from "./files";
import { personIsHeld } from "./holds";
import { ANONYMISED_ADDRESS, ERASED_NAME, ERASED_TEXT, erasedEmail, erasureRefusal, type OpenWork } from "./rules";
import type { DbClient } from "@/lib/settings/queries";

export class ErasureError extends Error {
  constructor(
    readonly code: "USER_NOT_FOUND" | "STAFF_ACCOUNT" | "ALREADY_ERASED" | "LEGAL_HOLD" | "OPEN_TICKETS",
    /** For OPEN_TICKETS: what must be finished first. */
    readonly open?: OpenWork,
  ) {
    super(code);
  }
}

/** A person's unfinished business: tickets not yet resolved, open complaints, booked callbacks. */
export async function openWorkOf(client: DbClient, userId: string): Promise<OpenWork> {
  const [tickets, complaints, callbacks] = await Promise.all([
    client.ticket.findMany({ where: { requesterId: userId, status: { in: ["NEW", "OPEN", "PENDING_CUSTOMER"] } }, select: { number: true }, orderBy: { number: "asc" } }),
    client.complaint.findMany({ where: { complainantId: userId, status: "OPEN" }, select: { id: true, ticket: { select: { number: true } } }, orderBy: { receivedAt: "asc" } }),
    client.callbackAppointment.findMany({ where: { personId: userId, status: "BOOKED" }, select: { date: true, slot: true }, orderBy: { slotStart: "asc" } }),
  ]);
  return {
    tickets: tickets.map((t) => t.number),
    complaints: complaints.map((c) => c.ticket?.number ?? c.id),
    callbacks: callbacks.map((c) => `${c.date} ${c.slot}`),
  };
}

export interface Erased {
  tickets: number;
  calls: number;
  attachments: number;
  files: FilesToRemove;
}

/**
 * Erases a customer's personal data on request (AVG art. 17), in the caller's transaction: the
 * account keeps its id (tickets kept under a legal duty point at it) but loses its name, addresses,
 * numbers, password and second factor, and cannot sign in; their tickets and calls are anonymised
 * as the retention sweep does, and so are the escalations they raised with the answers to them;
 * memberships, notifications, e-mail changes, preferences, open invitations, contact notes and
 * DigiD/eHerkenning links are deleted. Refused for staff, the erased, anything under a legal
 * hold, and while tickets, complaints or callbacks are still open.
 */
export async function erasePerson(tx: Tx, actorId: string, userId: string, reason: string, now: Date): Promise<Erased> {
  const person = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, email: true, erasedAt: true } });
  if (!person) throw new ErasureError("USER_NOT_FOUND");
  const open = await openWorkOf(tx, userId);
  const refusal = erasureRefusal(person, await personIsHeld(tx, userId), open);
  if (refusal) throw new ErasureError(refusal, refusal === "OPEN_TICKETS" ? open : undefined);

  // Conditional on erasedAt, so two admins erasing at once erase once (the second is refused).
  const marked = await tx.user.updateMany({ where: { id: userId, erasedAt: null }, data: erasedAccount(userId, now) });
  if (marked.count === 0) throw new ErasureError("ALREADY_ERASED");

  // Duplicates merged into this account are the same person: a merge moved their tickets and
  // history here, but their own row kept their name, phone and address.
  const merged = await mergedInto(tx, userId);
  for (const id of merged) await tx.user.updateMany({ where: { id, erasedAt: null }, data: erasedAccount(id, now) });

  const callsOfPerson = await tx.callRecord.count({ where: { callerId: userId, anonymisedAt: null } });
  // Locked, so a retention sweep running now skips these tickets instead of anonymising them twice.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Ticket" WHERE "requesterId" = ${userId} AND "anonymisedAt" IS NULL FOR UPDATE`;
  const tickets = await anonymiseTickets(tx, locked.map((t) => t.id), now, "erasure");
  await tx.callRecord.updateMany({ where: { callerId: userId, anonymisedAt: null }, data: { summary: ERASED_TEXT, callerName: null, phone: null, anonymisedAt: now } });
  await tx.complaint.updateMany({ where: { complainantId: userId }, data: { description: ERASED_TEXT, handlerName: null, ombudsReason: null } });
  await tx.satisfactionResponse.updateMany({ where: { respondentId: userId }, data: { comment: null } });
  // Escalations they raised, also on their organisation's other questions or as a general concern,
  // and the answers written to them (which quote or name them).
  await tx.escalationAnswer.updateMany({ where: { escalation: { raisedById: userId } }, data: { body: ERASED_TEXT } });
  await tx.escalation.updateMany({ where: { raisedById: userId }, data: { reason: ERASED_TEXT, outcome: null } });
  await tx.callbackAppointment.updateMany({ where: { personId: userId }, data: { phone: "" } });
  await tx.contactNote.deleteMany({ where: { subjectId: userId } });
  // Every chat of the person, filed or not (a chat given up while waiting has no ticket).
  await tx.chatMessage.updateMany({ where: { session: { requesterId: userId } }, data: { body: ERASED_TEXT } });
  await tx.membership.deleteMany({ where: { userId } });
  await tx.notification.deleteMany({ where: { userId } });
  await tx.emailChange.deleteMany({ where: { userId } });
  await tx.notificationPreference.deleteMany({ where: { userId } });
  await tx.passwordResetToken.deleteMany({ where: { userId } });
  // A DigiD or eHerkenning link is a pseudonym of the person (the BSN's keyed hash): it goes too.
  await tx.externalIdentity.deleteMany({ where: { userId } });
  await tx.invitation.deleteMany({ where: { OR: [{ userId }, ...(person.email ? [{ email: person.email }] : [])], usedAt: null } });
  // Mails to the old address: pending ones are not sent any more, sent ones keep no address or body.
  // Someone registered from a letter without an address was never mailed.
  if (person.email) {
    await tx.outboxMessage.deleteMany({ where: { toAddress: person.email, status: "PENDING" } });
    await tx.outboxMessage.updateMany({ where: { toAddress: person.email }, data: { toAddress: ANONYMISED_ADDRESS, subject: ERASED_TEXT, bodyText: ERASED_TEXT, bodyHtml: null, redactedAt: now } });
  }
  // An API answer kept for idempotent replays (24 hours) that names the person, or a merged
  // duplicate, would hand their data back to the same request: it goes, and a replay is new.
  for (const id of [userId, ...merged]) await tx.$executeRaw`DELETE FROM "ApiIdempotencyKey" WHERE strpos("responseBody"::text, ${JSON.stringify(id)}) > 0`;

  await audit(tx, {
    actorId,
    action: "privacy.erase",
    entityType: "User",
    entityId: userId,
    // The reason is the admin's record of the request (the form asks not to name the person in it).
    data: { reason, mergedAccounts: merged, tickets: tickets.ticketIds.length, ticketIds: tickets.ticketIds, calls: callsOfPerson, attachments: tickets.attachments },
  });
  return { tickets: tickets.ticketIds.length, calls: callsOfPerson, attachments: tickets.attachments, files: tickets.files };
}

/** What is left of an erased account: its id, and nothing that names or reaches the person. */
function erasedAccount(userId: string, now: Date) {
  return {
    name: ERASED_NAME,
    email: erasedEmail(userId),
    phone: null,
    postalStreet: null,
    postalCode: null,
    postalCity: null,
    clientNumber: null,
    passwordHash: NO_PASSWORD,
    totpSecret: null,
    totpEnabledAt: null,
    recoveryCodes: [],
    active: false,
    failedLogins: 0,
    lockedUntil: null,
    sessionVersion: { increment: 1 },
    erasedAt: now,
  } satisfies Prisma.UserUpdateManyMutationInput;
}

/** The accounts merged into this one, and those merged into them, and so on. */
async function mergedInto(tx: Tx, userId: string): Promise<string[]> {
  const found: string[] = [];
  for (let level = [userId]; level.length > 0; ) {
    level = (await tx.user.findMany({ where: { mergedIntoId: { in: level } }, select: { id: true } })).map((u) => u.id);
    found.push(...level);
  }
  return found;
}
