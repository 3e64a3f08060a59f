import "server-only";
import { audit } from "@/lib/audit/mutations";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import type { Tx } from "@/lib/db/client";
import { employerComplaintScope, employerTicketScope, type EmployerScopeActor } from "@/lib/employer/scope";
import { addCustomerMessage, createTicket } from "@/lib/tickets/mutations";
import { complaintDueAt, moveToOmbudsman } from "./ombudsman";
import { lastContactProblem, mayRequestOmbudsman } from "./rules";

export type ComplaintRuleCode = "COMPLAINT_TICKET_NOT_FOUND" | "COMPLAINT_ABOUT_COMPLAINT" | "LAST_CONTACT_IN_FUTURE" | "LAST_CONTACT_BEFORE_QUESTION" | "COMPLAINT_NOT_FOUND" | "OMBUDSMAN_NOT_AVAILABLE";

/** An expected refusal; actions turn the code into a translated message. */
export class ComplaintRuleError extends Error {
  constructor(readonly code: ComplaintRuleCode) {
    super(code);
    this.name = "ComplaintRuleError";
  }
}

export interface FileComplaintInput {
  complainantId: string;
  /** Set for an employer contact, with `employer`: the subject ticket must be in their scope. */
  organisationId: string | null;
  employer?: EmployerScopeActor;
  subjectTicketNumber: string;
  lastContactDate: string;
  handlerName?: string;
  description: string;
}

/** A team coordinator owns stage 1: one of the subject ticket's team when there is one. */
async function stageOneOwner(tx: Tx, teamId: string | null): Promise<string | null> {
  const inTeam = teamId
    ? await tx.user.findFirst({ where: { role: "TEAM_COORDINATOR", active: true, teams: { some: { teamId } } }, orderBy: { createdAt: "asc" }, select: { id: true } })
    : null;
  if (inTeam) return inTeam.id;
  const any = await tx.user.findFirst({ where: { role: "TEAM_COORDINATOR", active: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return any?.id ?? null;
}

/**
 * Which ticket a complainant may complain about: a beneficiary their own; an employer contact one
 * they may see (employerTicketScope: not a colleague's HR-desk conversation). An organisation
 * without the contact's scope matches nothing rather than the whole organisation.
 */
function subjectTicketScope(input: FileComplaintInput, number: string) {
  if (!input.organisationId) return { number, requesterId: input.complainantId };
  if (!input.employer || input.employer.organisationId !== input.organisationId) return { id: { in: [] } };
  return { AND: [employerTicketScope(input.employer), { number }] };
}

/** A formal (stage-1) complaint about how one of the complainant's own contacts was handled. */
export async function fileComplaint(tx: Tx, input: FileComplaintInput, now: Date): Promise<{ id: string; ticketId: string; number: string; dueAt: Date }> {
  const number = input.subjectTicketNumber.trim().toUpperCase();
  const subject = await tx.ticket.findFirst({
    where: subjectTicketScope(input, number),
    select: { id: true, number: true, teamId: true, createdAt: true, category: { select: { key: true } } },
  });
  if (!subject) throw new ComplaintRuleError("COMPLAINT_TICKET_NOT_FOUND");
  // A complaint is about a contact, not about another complaint: that one goes to the ombudsman.
  if (subject.category.key === "COMPLAINT") throw new ComplaintRuleError("COMPLAINT_ABOUT_COMPLAINT");
  const dateProblem = lastContactProblem(input.lastContactDate, { questionBegan: amsterdamDateKey(subject.createdAt), today: amsterdamDateKey(now) });
  if (dateProblem) throw new ComplaintRuleError(dateProblem);

  const ownerId = await stageOneOwner(tx, subject.teamId);
  // The subject is the complainant's to read in their lists, in their language.
  const complainant = await tx.user.findUnique({ where: { id: input.complainantId }, select: { locale: true } });
  const ticket = await createTicket(
    tx,
    {
      subject: complainant?.locale === "en" ? `Complaint about ${subject.number}` : `Klacht over ${subject.number}`,
      categoryKey: "COMPLAINT",
      channel: "PORTAL",
      body: input.description,
      requesterId: input.complainantId,
      organisationId: input.organisationId,
      authorId: input.complainantId,
      policyKey: "COMPLAINT",
      teamId: subject.teamId ?? undefined,
    },
    now,
  );
  if (ownerId) await tx.ticket.update({ where: { id: ticket.id }, data: { assigneeId: ownerId } });
  const dueAt = ticket.slaDueAt ?? (await complaintDueAt(tx, now));
  const complaint = await tx.complaint.create({
    data: {
      ticketId: ticket.id,
      subjectTicketId: subject.id,
      organisationId: input.organisationId,
      complainantId: input.complainantId,
      lastContactDate: input.lastContactDate,
      handlerName: input.handlerName ?? null,
      description: input.description,
      stage: "STAGE_1",
      status: "OPEN",
      ownerId,
      receivedAt: now,
      stageStartedAt: now,
      dueAt,
      firstStageDueAt: dueAt,
    },
    select: { id: true },
  });
  await audit(tx, {
    actorId: input.complainantId,
    action: "complaint.file",
    entityType: "Complaint",
    entityId: complaint.id,
    ticketId: ticket.id,
    organisationId: input.organisationId,
    data: { subjectTicketId: subject.id, ticketId: ticket.id, stage: "STAGE_1" },
  });
  await enqueueWebhookEvent(tx, "complaint.stage_changed", { complaintId: complaint.id, ticketId: ticket.id, organisationId: input.organisationId ?? null, stage: "STAGE_1" }, now);
  return { id: complaint.id, ticketId: ticket.id, number: ticket.number, dueAt };
}

/** Stage 2: the complainant asks the independent internal ombudsman to look at it. */
export async function requestOmbudsman(
  tx: Tx,
  input: { complaintId: string; requesterId: string; organisationId: string | null; employer?: EmployerScopeActor; reason: string },
  now: Date,
): Promise<{ id: string; dueAt: Date }> {
  const complaint = await tx.complaint.findFirst({
    where: !input.organisationId
      ? { id: input.complaintId, complainantId: input.requesterId, organisationId: null }
      : input.employer?.organisationId === input.organisationId
        ? { AND: [employerComplaintScope(input.employer), { id: input.complaintId }] }
        : { id: { in: [] } },
    include: { ticket: { select: { slaPausedAt: true } } },
  });
  if (!complaint) throw new ComplaintRuleError("COMPLAINT_NOT_FOUND");
  if (!mayRequestOmbudsman(complaint, now)) throw new ComplaintRuleError("OMBUDSMAN_NOT_AVAILABLE");
  // The complainant's reason is their message on the complaint's ticket (it re-opens an answered
  // one); then the ombudsman's clock replaces the one that message started.
  if (complaint.ticketId) await addCustomerMessage(tx, { ticketId: complaint.ticketId, authorId: input.requesterId, channel: "PORTAL", body: input.reason }, now);
  const { dueAt } = await moveToOmbudsman(tx, complaint, null, now);
  await audit(tx, { actorId: input.requesterId, action: "complaint.ombudsman_request", entityType: "Complaint", entityId: complaint.id, ticketId: complaint.ticketId ?? complaint.subjectTicketId, organisationId: complaint.organisationId, data: { stage: "STAGE_2" } });
  return { id: complaint.id, dueAt };
}
