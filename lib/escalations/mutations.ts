import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import type { Prisma, Role } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { notify as notifyPeople } from "@/lib/notifications/mutations";
import { managers } from "@/lib/notifications/recipients";
import { enqueueMail } from "@/lib/outbox/mutations";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { computeClock, policyByKey } from "@/lib/sla/rules";
import { checkRaise, checkTier2, escalationPolicyKey, type EscalationRefusal } from "./rules";

export class EscalationRuleError extends Error {
  constructor(readonly code: EscalationRefusal | "NO_OWNER") {
    super(code);
    this.name = "EscalationRuleError";
  }
}

async function dueAtFor(tx: Tx, tier: number, now: Date): Promise<Date> {
  const [settings, policies] = await Promise.all([getCalendarSettings(tx), getSlaPolicies(tx)]);
  return computeClock({ policy: policyByKey(escalationPolicyKey(tier, policies), policies), startedAt: now, pauses: [], now, settings }).dueAt;
}

/** The owner of a tier: a coordinator of the ticket's team (else any), or a manager. */
async function ownerFor(tx: Tx, role: Role, teamId: string | null) {
  const inTeam = teamId
    ? await tx.user.findFirst({ where: { role, active: true, teams: { some: { teamId } } }, orderBy: { createdAt: "asc" } })
    : null;
  const owner = inTeam ?? (await tx.user.findFirst({ where: { role, active: true }, orderBy: { createdAt: "asc" } }));
  if (!owner) throw new EscalationRuleError("NO_OWNER");
  return owner;
}

async function notify(
  tx: Tx,
  input: { organisationId: string; ownerEmail: string; tier: number; reason: string; ticketId: string | null; ticketNumber: string | null; raisedByName: string },
  now: Date,
): Promise<boolean> {
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: input.organisationId },
    select: { name: true, customerSuccessManager: { select: { email: true, active: true } } },
  });
  const csm = organisation.customerSuccessManager?.active ? organisation.customerSuccessManager.email : null;
  const about = input.ticketNumber ? ` (${input.ticketNumber})` : "";
  // The customer success manager is in CC of every escalation message (DESIGN: Escalation).
  await enqueueMail(tx, {
    kind: `escalation.tier${input.tier}`,
    to: input.ownerEmail,
    cc: csm ? [csm] : [],
    subject: `Escalatie niveau ${input.tier}: ${organisation.name}${about}`,
    text: [
      `${input.raisedByName} (${organisation.name}) escaleert naar niveau ${input.tier}${about}.`,
      "",
      input.reason,
    ].join("\n"),
    ticketId: input.ticketId,
    at: now,
  });
  return csm !== null;
}

async function organisationName(tx: Tx, organisationId: string): Promise<string | null> {
  return (await tx.organisation.findUnique({ where: { id: organisationId }, select: { name: true } }))?.name ?? null;
}

export interface RaiseInput {
  organisationId: string;
  raisedById: string;
  /** The organisation's ticket, or null for a general concern. */
  ticketNumber: string | null;
  /** The tickets the raiser may see (employerTicketScope): only those can be escalated. */
  ticketScope: Prisma.TicketWhereInput;
  reason: string;
}

/** Tier 1: to the team coordinator, due in the tier-1 budget, CSM in CC. */
export async function raiseEscalation(tx: Tx, input: RaiseInput, now: Date): Promise<{ id: string; dueAt: Date; csmInCopy: boolean }> {
  const ticket = input.ticketNumber
    ? await tx.ticket.findFirst({ where: { AND: [input.ticketScope, { number: input.ticketNumber, organisationId: input.organisationId }] }, select: { id: true, number: true, status: true, teamId: true } })
    : null;
  if (input.ticketNumber && !ticket) throw new EscalationRuleError("ESCALATION_NOT_FOUND");
  const running = ticket
    ? await tx.escalation.findFirst({ where: { ticketId: ticket.id, status: "OPEN" }, orderBy: { tier: "desc" }, select: { tier: true } })
    : null;
  const refusal = checkRaise({ ticketStatus: ticket?.status ?? null, runningTier: running?.tier ?? null });
  if (refusal) throw new EscalationRuleError(refusal);

  const [owner, raisedBy] = await Promise.all([
    ownerFor(tx, "TEAM_COORDINATOR", ticket?.teamId ?? null),
    tx.user.findUniqueOrThrow({ where: { id: input.raisedById }, select: { name: true } }),
  ]);
  const dueAt = await dueAtFor(tx, 1, now);
  const row = await tx.escalation.create({
    data: {
      ticketId: ticket?.id ?? null,
      organisationId: input.organisationId,
      tier: 1,
      reason: input.reason,
      raisedById: input.raisedById,
      raisedAt: now,
      ownerId: owner.id,
      dueAt,
    },
    select: { id: true },
  });
  const csmInCopy = await notify(tx, { organisationId: input.organisationId, ownerEmail: accountEmail(owner), tier: 1, reason: input.reason, ticketId: ticket?.id ?? null, ticketNumber: ticket?.number ?? null, raisedByName: raisedBy.name }, now);
  await notifyPeople(tx, {
    recipients: [owner.id],
    kind: "escalation.assigned",
    entityType: "Escalation",
    entityId: row.id,
    data: { number: ticket?.number ?? null, tier: 1, organisation: await organisationName(tx, input.organisationId) },
    dedupeKey: `escalation:${row.id}:assigned`,
    now,
  });
  await audit(tx, { actorId: input.raisedById, action: "escalation.raise", entityType: "Escalation", entityId: row.id, ticketId: ticket?.id ?? null, organisationId: input.organisationId, data: { tier: 1, ticketId: ticket?.id ?? null } });
  return { id: row.id, dueAt, csmInCopy };
}

export interface Tier2Input {
  organisationId: string;
  raisedById: string;
  escalationId: string;
  /** As for raising: an escalation about a ticket the raiser may not see is not theirs to move up. */
  ticketScope: Prisma.TicketWhereInput;
  reason: string;
  unsatisfied: boolean;
}

/** Tier 2: to a manager, when tier 1 is overdue or its outcome did not satisfy; CSM in CC. */
export async function escalateToTier2(tx: Tx, input: Tier2Input, now: Date): Promise<{ id: string; dueAt: Date; csmInCopy: boolean }> {
  const tier1 = await tx.escalation.findFirst({
    where: { id: input.escalationId, organisationId: input.organisationId, OR: [{ ticketId: null }, { ticket: input.ticketScope }] },
    include: { ticket: { select: { id: true, number: true, status: true, teamId: true } }, next: { select: { id: true } } },
  });
  if (!tier1) throw new EscalationRuleError("ESCALATION_NOT_FOUND");
  const refusal = checkTier2(
    { tier: tier1.tier, status: tier1.status, dueAt: tier1.dueAt, unsatisfied: input.unsatisfied, ticketStatus: tier1.ticket?.status ?? null, hasNext: tier1.next !== null },
    now,
  );
  if (refusal) throw new EscalationRuleError(refusal);

  const [owner, raisedBy] = await Promise.all([
    ownerFor(tx, "MANAGER", null),
    tx.user.findUniqueOrThrow({ where: { id: input.raisedById }, select: { name: true } }),
  ]);
  const dueAt = await dueAtFor(tx, 2, now);
  await tx.escalation.update({
    where: { id: tier1.id },
    data: { status: "MOVED_UP", closedAt: tier1.closedAt ?? now },
  });
  const row = await tx.escalation.create({
    data: {
      ticketId: tier1.ticketId,
      organisationId: input.organisationId,
      tier: 2,
      reason: input.reason,
      raisedById: input.raisedById,
      raisedAt: now,
      ownerId: owner.id,
      dueAt,
      previousId: tier1.id,
    },
    select: { id: true },
  });
  const csmInCopy = await notify(tx, { organisationId: input.organisationId, ownerEmail: accountEmail(owner), tier: 2, reason: input.reason, ticketId: tier1.ticketId, ticketNumber: tier1.ticket?.number ?? null, raisedByName: raisedBy.name }, now);
  // Tier 2 is the managers' (DESIGN: Escalation): each of them sees it, the owner included.
  await notifyPeople(tx, {
    recipients: await managers(tx),
    kind: "escalation.moved_up",
    entityType: "Escalation",
    entityId: row.id,
    data: { number: tier1.ticket?.number ?? null, tier: 2, organisation: await organisationName(tx, input.organisationId) },
    dedupeKey: `escalation:${row.id}:moved_up`,
    now,
  });
  await audit(tx, { actorId: input.raisedById, action: "escalation.tier2", entityType: "Escalation", entityId: row.id, ticketId: tier1.ticketId, organisationId: input.organisationId, data: { previousId: tier1.id, unsatisfied: input.unsatisfied } });
  return { id: row.id, dueAt, csmInCopy };
}
