import "server-only";
import { Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import type { DbClient } from "@/lib/settings/queries";
import type { PlaceHoldInput } from "./schema";

export class HoldError extends Error {
  constructor(readonly code: "NOT_FOUND" | "ALREADY_HELD" | "ALREADY_RELEASED") {
    super(code);
  }
}

/** What is under an active legal hold right now. */
export interface ActiveHolds {
  ticketIds: string[];
  userIds: string[];
  organisationIds: string[];
}

export async function activeHolds(client: DbClient): Promise<ActiveHolds> {
  const rows = await client.legalHold.findMany({ where: { releasedAt: null }, select: { ticketId: true, userId: true, organisationId: true } });
  const pick = (key: "ticketId" | "userId" | "organisationId") => [...new Set(rows.flatMap((r) => (r[key] ? [r[key]!] : [])))];
  return { ticketIds: pick("ticketId"), userIds: pick("userId"), organisationIds: pick("organisationId") };
}

/** `column NOT IN (...)`, true for an empty list (NOT IN () is not SQL). */
export function notIn(column: string, ids: readonly string[]): Prisma.Sql {
  return ids.length === 0 ? Prisma.sql`TRUE` : Prisma.sql`${Prisma.raw(column)} NOT IN (${Prisma.join(ids)})`;
}

/** The ids of tickets a hold reaches: held themselves, or their requester or organisation is. */
export function heldTicketsSql(h: ActiveHolds): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (h.ticketIds.length) parts.push(Prisma.sql`"id" IN (${Prisma.join(h.ticketIds)})`);
  if (h.userIds.length) parts.push(Prisma.sql`"requesterId" IN (${Prisma.join(h.userIds)})`);
  if (h.organisationIds.length) parts.push(Prisma.sql`"organisationId" IN (${Prisma.join(h.organisationIds)})`);
  if (parts.length === 0) return Prisma.sql`SELECT NULL::text AS "id" WHERE FALSE`;
  return Prisma.sql`SELECT "id" FROM "Ticket" WHERE ${Prisma.join(parts, " OR ")}`;
}

/** `column` names no ticket a hold reaches (or is null). */
export function ticketNotHeld(column: string, h: ActiveHolds): Prisma.Sql {
  if (h.ticketIds.length + h.userIds.length + h.organisationIds.length === 0) return Prisma.sql`TRUE`;
  return Prisma.sql`(${Prisma.raw(column)} IS NULL OR ${Prisma.raw(column)} NOT IN (${heldTicketsSql(h)}))`;
}

/** Whether a person is held: on themselves, on one of their tickets, or on one of their organisations. */
export async function personIsHeld(client: DbClient, userId: string): Promise<boolean> {
  const memberships = await client.membership.findMany({ where: { userId }, select: { organisationId: true } });
  const hold = await client.legalHold.findFirst({
    where: {
      releasedAt: null,
      OR: [{ userId }, { ticket: { requesterId: userId } }, { organisationId: { in: memberships.map((m) => m.organisationId) } }],
    },
    select: { id: true },
  });
  return hold !== null;
}

/** Finds what a hold's reference names: a ticket number, an e-mail address or client number, an external number. */
async function holdTarget(tx: Tx, input: PlaceHoldInput): Promise<{ ticketId?: string; userId?: string; organisationId?: string }> {
  const ref = input.reference.trim();
  if (input.kind === "TICKET") {
    const ticket = await tx.ticket.findUnique({ where: { number: ref.toUpperCase() }, select: { id: true } });
    if (!ticket) throw new HoldError("NOT_FOUND");
    return { ticketId: ticket.id };
  }
  if (input.kind === "PERSON") {
    const person = await tx.user.findFirst({ where: { OR: [{ email: ref.toLowerCase() }, { clientNumber: ref }] }, select: { id: true } });
    if (!person) throw new HoldError("NOT_FOUND");
    return { userId: person.id };
  }
  const organisation = await tx.organisation.findUnique({ where: { externalNumber: ref }, select: { id: true } });
  if (!organisation) throw new HoldError("NOT_FOUND");
  return { organisationId: organisation.id };
}

export async function placeHold(tx: Tx, actorId: string, input: PlaceHoldInput, now: Date): Promise<{ id: string }> {
  const target = await holdTarget(tx, input);
  const existing = await tx.legalHold.findFirst({ where: { releasedAt: null, ...target }, select: { id: true } });
  if (existing) throw new HoldError("ALREADY_HELD");
  const hold = await tx.legalHold.create({ data: { ...target, reason: input.reason, placedById: actorId, placedAt: now }, select: { id: true } });
  // The reason stays on the hold row (the page shows it); the audit event names the hold and its target only.
  await audit(tx, {
    actorId,
    action: "privacy.hold.place",
    entityType: "LegalHold",
    entityId: hold.id,
    ticketId: target.ticketId ?? null,
    organisationId: target.organisationId ?? null,
    data: { kind: input.kind, ...target },
  });
  return hold;
}

export async function releaseHold(tx: Tx, actorId: string, holdId: string, now: Date): Promise<void> {
  const hold = await tx.legalHold.findUnique({ where: { id: holdId } });
  if (!hold) throw new HoldError("NOT_FOUND");
  // Conditional, so two admins releasing at once record one release.
  const released = await tx.legalHold.updateMany({ where: { id: holdId, releasedAt: null }, data: { releasedAt: now, releasedById: actorId } });
  if (released.count === 0) throw new HoldError("ALREADY_RELEASED");
  await audit(tx, {
    actorId,
    action: "privacy.hold.release",
    entityType: "LegalHold",
    entityId: holdId,
    ticketId: hold.ticketId,
    organisationId: hold.organisationId,
    data: { ticketId: hold.ticketId, userId: hold.userId, organisationId: hold.organisationId },
  });
}
