import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { employerTicketScope, type EmployerScopeActor } from "@/lib/employer/scope";
import { isComplaintTicket, surveyOpen } from "./rules";

export type SurveyRuleCode = "NOT_FOUND" | "NOT_RESOLVED" | "SURVEY_CLOSED" | "ALREADY_ANSWERED" | "NO_SURVEY";

export class SurveyRuleError extends Error {
  constructor(readonly code: SurveyRuleCode) {
    super(code);
    this.name = "SurveyRuleError";
  }
}

/** One answer per ticket, only by its requester, only once it is resolved; never for a complaint. */
export async function answerSurvey(
  tx: Tx,
  input: { ticketId: string; respondentId: string; score: number; comment: string | null },
  now: Date,
): Promise<{ id: string }> {
  const ticket = await tx.ticket.findFirst({
    where: { id: input.ticketId, requesterId: input.respondentId },
    select: { id: true, status: true, channel: true, audience: true, satisfaction: { select: { id: true } }, category: { select: { key: true } }, complaint: { select: { id: true } } },
  });
  if (!ticket) throw new SurveyRuleError("NOT_FOUND");
  if (isComplaintTicket(ticket)) throw new SurveyRuleError("NO_SURVEY");
  if (ticket.satisfaction) throw new SurveyRuleError("ALREADY_ANSWERED");
  if (!surveyOpen(ticket.status, false)) throw new SurveyRuleError("NOT_RESOLVED");
  const response = await tx.satisfactionResponse.create({
    data: {
      ticketId: ticket.id,
      respondentId: input.respondentId,
      score: input.score,
      comment: input.comment,
      channel: ticket.channel,
      audience: ticket.audience ?? "BENEFICIARY",
      createdAt: now,
    },
    select: { id: true },
  });
  await audit(tx, { actorId: input.respondentId, action: "survey.answer", entityType: "Ticket", entityId: ticket.id, data: { score: input.score } });
  return response;
}

/**
 * An employer contact rates a question of their organisation that they asked themselves (a
 * colleague's question is the colleague's to rate), within what they may see (employerTicketScope:
 * HR-desk conversations only for HR professionals). Anything else is NOT_FOUND, so the answer does
 * not tell whether another organisation's number exists. Counted as the EMPLOYER audience.
 */
export async function answerEmployerSurvey(
  tx: Tx,
  actor: EmployerScopeActor & { id: string },
  input: { ticketNumber: string; score: number; comment: string | null },
  now: Date,
): Promise<{ id: string }> {
  const ticket = await tx.ticket.findFirst({
    where: { AND: [employerTicketScope(actor), { number: input.ticketNumber, requesterId: actor.id }] },
    select: { id: true, status: true, channel: true, satisfaction: { select: { id: true } }, category: { select: { key: true } }, complaint: { select: { id: true } } },
  });
  if (!ticket) throw new SurveyRuleError("NOT_FOUND");
  if (isComplaintTicket(ticket)) throw new SurveyRuleError("NO_SURVEY");
  if (ticket.satisfaction) throw new SurveyRuleError("ALREADY_ANSWERED");
  if (!surveyOpen(ticket.status, false)) throw new SurveyRuleError("SURVEY_CLOSED");
  const response = await tx.satisfactionResponse.create({
    data: { ticketId: ticket.id, respondentId: actor.id, score: input.score, comment: input.comment, channel: ticket.channel, audience: "EMPLOYER", createdAt: now },
    select: { id: true },
  });
  await audit(tx, { actorId: actor.id, action: "survey.answer_employer", entityType: "Ticket", entityId: ticket.id, data: { score: input.score } });
  return response;
}
