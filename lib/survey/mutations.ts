import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { isComplaintTicket, surveyOpen } from "./rules";

export type SurveyRuleCode = "NOT_FOUND" | "NOT_RESOLVED" | "ALREADY_ANSWERED" | "NO_SURVEY";

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
