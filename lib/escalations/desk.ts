import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import type { Role } from "@prisma/client";
import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { notify } from "@/lib/notifications/mutations";
import { managers } from "@/lib/notifications/recipients";
import { enqueueMail } from "@/lib/outbox/mutations";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { computeClock, policyByKey } from "@/lib/sla/rules";
import { checkDeskAction, type DeskEscalationRefusal } from "./desk-rules";
import { escalationPolicyKey } from "./rules";

export class EscalationDeskError extends Error {
  constructor(readonly code: DeskEscalationRefusal | "NO_MANAGER") {
    super(code);
    this.name = "EscalationDeskError";
  }
}

interface Actor {
  id: string;
  role: Role;
  name: string;
}

async function load(tx: Tx, escalationId: string, actor: Actor, action: Parameters<typeof checkDeskAction>[2]) {
  const escalation = await tx.escalation.findUnique({
    where: { id: escalationId },
    include: {
      raisedBy: { select: { email: true, locale: true } },
      ticket: { select: { id: true, number: true } },
      organisation: { select: { name: true, customerSuccessManager: { select: { email: true, active: true } } } },
    },
  });
  if (!escalation) throw new EscalationDeskError("ESCALATION_NOT_FOUND");
  const refusal = checkDeskAction(escalation, actor.role, action);
  if (refusal) throw new EscalationDeskError(refusal);
  return escalation;
}

type Loaded = Awaited<ReturnType<typeof load>>;

/** Every escalation message goes to the employer contact with their CSM in CC (DESIGN). */
async function mailEmployer(tx: Tx, escalation: Loaded, kind: string, text: string, now: Date) {
  const csm = escalation.organisation.customerSuccessManager;
  const about = escalation.ticket ? ` (${escalation.ticket.number})` : "";
  await enqueueMail(tx, {
    kind,
    to: accountEmail(escalation.raisedBy),
    cc: csm?.active ? [accountEmail(csm)] : [],
    subject: `Uw escalatie${about}, niveau ${escalation.tier}`,
    text,
    locale: escalation.raisedBy.locale,
    ticketId: escalation.ticket?.id ?? null,
    at: now,
  });
}

export async function takeEscalation(tx: Tx, input: { escalationId: string; actor: Actor }) {
  const escalation = await load(tx, input.escalationId, input.actor, "take");
  await tx.escalation.update({ where: { id: escalation.id }, data: { ownerId: input.actor.id } });
  await audit(tx, { actorId: input.actor.id, action: "escalation.take", entityType: "Escalation", entityId: escalation.id, ticketId: escalation.ticketId, organisationId: escalation.organisationId });
}

export async function answerEscalation(tx: Tx, input: { escalationId: string; actor: Actor; body: string }, now: Date) {
  const escalation = await load(tx, input.escalationId, input.actor, "answer");
  // Kept with the escalation, so the board and the employer's page show it besides the mail.
  await tx.escalationAnswer.create({ data: { escalationId: escalation.id, authorId: input.actor.id, body: input.body.trim(), createdAt: now } });
  await mailEmployer(tx, escalation, "escalation.answer", `${input.body.trim()}\n\n${input.actor.name}`, now);
  if (escalation.ticket) {
    await tx.ticketEvent.create({ data: { ticketId: escalation.ticket.id, actorId: input.actor.id, kind: "escalation_answer", data: { escalationId: escalation.id, tier: String(escalation.tier) }, createdAt: now } });
  }
  await audit(tx, { actorId: input.actor.id, action: "escalation.answer", entityType: "Escalation", entityId: escalation.id, ticketId: escalation.ticketId, organisationId: escalation.organisationId });
}

export async function resolveEscalation(tx: Tx, input: { escalationId: string; actor: Actor; outcome: string }, now: Date) {
  const escalation = await load(tx, input.escalationId, input.actor, "resolve");
  await tx.escalation.update({ where: { id: escalation.id }, data: { status: "RESOLVED", outcome: input.outcome.trim(), closedAt: now, ownerId: escalation.ownerId ?? input.actor.id } });
  await mailEmployer(tx, escalation, "escalation.resolved", input.outcome.trim(), now);
  await audit(tx, { actorId: input.actor.id, action: "escalation.resolve", entityType: "Escalation", entityId: escalation.id, ticketId: escalation.ticketId, organisationId: escalation.organisationId });
}

/** The coordinator moves tier 1 up to a manager, with a reason, whether or not it is overdue. */
export async function moveEscalationUp(tx: Tx, input: { escalationId: string; actor: Actor; reason: string }, now: Date): Promise<{ id: string }> {
  const escalation = await load(tx, input.escalationId, input.actor, "moveUp");
  const manager = await tx.user.findFirst({ where: { role: "MANAGER", active: true }, orderBy: { createdAt: "asc" }, select: { id: true, email: true } });
  if (!manager) throw new EscalationDeskError("NO_MANAGER");
  const [settings, policies] = await Promise.all([getCalendarSettings(tx), getSlaPolicies(tx)]);
  const dueAt = computeClock({ policy: policyByKey(escalationPolicyKey(2, policies), policies), startedAt: now, pauses: [], now, settings }).dueAt;
  await tx.escalation.update({ where: { id: escalation.id }, data: { status: "MOVED_UP", closedAt: now, outcome: input.reason.trim() } });
  const next = await tx.escalation.create({
    data: {
      ticketId: escalation.ticketId,
      organisationId: escalation.organisationId,
      tier: 2,
      reason: input.reason.trim(),
      raisedById: escalation.raisedById,
      raisedAt: now,
      ownerId: manager.id,
      dueAt,
      previousId: escalation.id,
    },
    select: { id: true },
  });
  const csm = escalation.organisation.customerSuccessManager;
  await enqueueMail(tx, {
    kind: "escalation.tier2",
    to: accountEmail(manager),
    cc: csm?.active ? [accountEmail(csm)] : [],
    subject: `Escalatie niveau 2: ${escalation.organisation.name}${escalation.ticket ? ` (${escalation.ticket.number})` : ""}`,
    text: `${input.actor.name} zet deze escalatie door naar niveau 2.\n\n${input.reason.trim()}`,
    ticketId: escalation.ticket?.id ?? null,
    at: now,
  });
  await mailEmployer(tx, { ...escalation, tier: 2 }, "escalation.moved", input.reason.trim(), now);
  await notify(tx, {
    recipients: await managers(tx),
    kind: "escalation.moved_up",
    entityType: "Escalation",
    entityId: next.id,
    data: { number: escalation.ticket?.number ?? null, tier: 2, organisation: escalation.organisation.name },
    dedupeKey: `escalation:${next.id}:moved_up`,
    now,
  });
  await audit(tx, { actorId: input.actor.id, action: "escalation.move_up", entityType: "Escalation", entityId: next.id, ticketId: escalation.ticketId, organisationId: escalation.organisationId, data: { previousId: escalation.id } });
  return { id: next.id };
}

const id = z.string().min(1).max(64);
export const takeSchema = z.object({ escalationId: id });
export const answerSchema = z.object({ escalationId: id, body: limitedText(10_000, 10) });
export const resolveSchema = z.object({ escalationId: id, outcome: limitedText(5_000, 10) });
export const moveUpSchema = z.object({ escalationId: id, reason: limitedText(5_000, 10) });
