import "server-only";
import type { ComplaintStage } from "@prisma/client";
import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";
import { audit } from "@/lib/audit/mutations";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import type { Tx } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/mutations";
import { addStaffReply, changeTicket } from "@/lib/tickets/mutations";
import { staffTicketScope, type StaffScopeUser } from "@/lib/workspace/scope";
import { complaintBodyFor } from "./bodies";
import { answerWithNextStep, mayHandleStage, nextStepText, type NextStepTexts } from "./desk-rules";

export type DeskRefusal = "COMPLAINT_NOT_FOUND" | "NOT_YOUR_STAGE" | "NEXT_STEP_TEXT_MISSING" | "COMPLAINT_CLOSED" | "NOT_ANSWERED_YET" | "TICKET_NOT_FOUND" | "COMPLAINT_ANSWERED";

export class ComplaintDeskError extends Error {
  constructor(readonly code: DeskRefusal) {
    super(code);
    this.name = "ComplaintDeskError";
  }
}

const OMBUDSMAN_TEXT = {
  nl: "Bent u niet tevreden met dit antwoord? Dan kunt u in Mijn Loket, bij deze klacht, de onafhankelijke interne ombudsman vragen uw klacht te beoordelen.",
  en: "Not satisfied with this answer? In My Loket, on this complaint, you can ask the independent internal ombudsman to review your complaint.",
};

/** Where this complaint can go next: the ombudsman, then the external body of its subject's category. */
export async function loadNextStepTexts(tx: Tx, subjectTicketId: string): Promise<NextStepTexts> {
  const body = await complaintBodyFor(tx, subjectTicketId);
  return { ombudsman: OMBUDSMAN_TEXT, externalBody: { nl: body?.textNl ?? "", en: body?.textEn ?? "" } };
}

async function loadForHandler(tx: Tx, complaintId: string, actor: { id: string; role: Parameters<typeof mayHandleStage>[0] }) {
  const complaint = await tx.complaint.findUnique({
    where: { id: complaintId },
    include: { complainant: { select: { locale: true, email: true } }, ticket: { select: { id: true, status: true } } },
  });
  if (!complaint) throw new ComplaintDeskError("COMPLAINT_NOT_FOUND");
  if (!mayHandleStage(actor.role, complaint.stage)) throw new ComplaintDeskError("NOT_YOUR_STAGE");
  if (complaint.status === "CLOSED" || complaint.status === "REFERRED") throw new ComplaintDeskError("COMPLAINT_CLOSED");
  return complaint;
}

/**
 * An answer to the complainant on the complaint's ticket. The app appends where the customer can
 * go next for this stage and refuses to send any answer when that text is not configured.
 */
export async function answerComplaint(
  tx: Tx,
  input: { complaintId: string; actor: { id: string; role: Parameters<typeof mayHandleStage>[0] }; body: string },
  now: Date,
): Promise<{ messageId: string }> {
  const complaint = await loadForHandler(tx, input.complaintId, input.actor);
  if (!complaint.ticket) throw new ComplaintDeskError("TICKET_NOT_FOUND");
  const locale = complaint.complainant?.locale ?? "nl";
  const nextStep = nextStepText(complaint.stage, locale, await loadNextStepTexts(tx, complaint.subjectTicketId));
  if (!nextStep) throw new ComplaintDeskError("NEXT_STEP_TEXT_MISSING");
  // Answered before the reply goes out: this reply, unlike any other on the ticket, stops its clock.
  await tx.complaint.update({ where: { id: complaint.id }, data: { status: "ANSWERED", answeredAt: complaint.answeredAt ?? now } });
  const reply = await addStaffReply(tx, { ticketId: complaint.ticket.id, authorId: input.actor.id, body: answerWithNextStep(input.body, nextStep) }, now);
  // The substantive answer of this stage, as the KPI "answered in time per tier" counts it; any other
  // reply on the ticket (a holding reply, a question back) does not stop the stage's clock.
  await tx.ticketEvent.create({ data: { ticketId: complaint.ticket.id, actorId: input.actor.id, kind: "complaint_answer", data: { complaintId: complaint.id, stage: complaint.stage }, createdAt: now } });
  await changeTicket(tx, { ticketId: complaint.ticket.id, actorId: input.actor.id, status: "RESOLVED" }, now);
  await audit(tx, { actorId: input.actor.id, action: "complaint.answer", entityType: "Complaint", entityId: complaint.id, ticketId: complaint.ticketId ?? complaint.subjectTicketId, organisationId: complaint.organisationId, data: { stage: complaint.stage } });
  return { messageId: reply.messageId };
}

/**
 * A question to the complainant before the stage's answer (hearing both sides): a message on the
 * complaint's ticket, which then waits on them. The stage's term stands still until they reply
 * (lib/tickets/answer-clock.ts: only the complaint's answer stops it). The ombudsman has no other
 * way to ask: the ticket's own reply form is the line's.
 */
export async function askComplainant(tx: Tx, input: { complaintId: string; actor: { id: string; role: Parameters<typeof mayHandleStage>[0] }; body: string }, now: Date): Promise<{ messageId: string }> {
  const complaint = await loadForHandler(tx, input.complaintId, input.actor);
  if (complaint.status !== "OPEN") throw new ComplaintDeskError("COMPLAINT_ANSWERED");
  if (!complaint.ticket) throw new ComplaintDeskError("TICKET_NOT_FOUND");
  const reply = await addStaffReply(tx, { ticketId: complaint.ticket.id, authorId: input.actor.id, body: input.body.trim() }, now);
  if (complaint.ticket.status !== "PENDING_CUSTOMER") await changeTicket(tx, { ticketId: complaint.ticket.id, actorId: input.actor.id, status: "PENDING_CUSTOMER" }, now);
  await audit(tx, { actorId: input.actor.id, action: "complaint.ask", entityType: "Complaint", entityId: complaint.id, ticketId: complaint.ticketId ?? complaint.subjectTicketId, organisationId: complaint.organisationId, data: { stage: complaint.stage } });
  return { messageId: reply.messageId };
}

/** A working note on the complaint, kept with the stage it was written in. */
export async function addComplaintNote(tx: Tx, input: { complaintId: string; actor: { id: string; role: Parameters<typeof mayHandleStage>[0] }; body: string }, now: Date) {
  const complaint = await loadForHandler(tx, input.complaintId, input.actor);
  const note = await tx.complaintNote.create({ data: { complaintId: complaint.id, stage: complaint.stage, authorId: input.actor.id, body: input.body, createdAt: now } });
  await audit(tx, { actorId: input.actor.id, action: "complaint.note", entityType: "Complaint", entityId: complaint.id, ticketId: complaint.ticketId ?? complaint.subjectTicketId, organisationId: complaint.organisationId, data: { stage: complaint.stage } });
  return { id: note.id };
}

/**
 * Stage 3: after the ombudsman's answer the complaint is referred to the external body; internal
 * handling ends. The complainant gets the external body's name and address.
 */
export async function referToExternalBody(tx: Tx, input: { complaintId: string; actor: { id: string; role: Parameters<typeof mayHandleStage>[0] } }, now: Date) {
  const complaint = await loadForHandler(tx, input.complaintId, input.actor);
  if (complaint.stage !== "STAGE_2" || complaint.status !== "ANSWERED") throw new ComplaintDeskError("NOT_ANSWERED_YET");
  const locale = complaint.complainant?.locale ?? "nl";
  const text = nextStepText("STAGE_2", locale, await loadNextStepTexts(tx, complaint.subjectTicketId));
  if (!text) throw new ComplaintDeskError("NEXT_STEP_TEXT_MISSING");
  await tx.complaint.update({ where: { id: complaint.id }, data: { stage: "STAGE_3", status: "REFERRED", referredAt: now, closedAt: now } });
  await enqueueWebhookEvent(tx, "complaint.stage_changed", { complaintId: complaint.id, ticketId: complaint.ticketId, organisationId: complaint.organisationId, stage: "STAGE_3" }, now);
  if (complaint.ticket && complaint.ticket.status !== "CLOSED") {
    await changeTicket(tx, { ticketId: complaint.ticket.id, actorId: input.actor.id, status: "CLOSED" }, now);
  }
  if (complaint.complainant?.email) {
    await enqueueMail(tx, { kind: "complaint.referral", to: complaint.complainant.email, subject: locale === "en" ? "Your complaint: referral" : "Uw klacht: doorverwijzing", text, locale, ticketId: complaint.ticket?.id ?? null, at: now });
  }
  await audit(tx, { actorId: input.actor.id, action: "complaint.refer", entityType: "Complaint", entityId: complaint.id, ticketId: complaint.ticketId ?? complaint.subjectTicketId, organisationId: complaint.organisationId, data: { stage: "STAGE_3" } });
}

/** A complaint signal: a complaint made by phone or mail, solved on the original ticket. */
export async function logComplaintSignal(tx: Tx, input: { ticketId: string; actor: StaffScopeUser; description: string }, now: Date) {
  // Only on a ticket the workspace shows this person (no dossier ticket for the first line, no
  // complaint ticket outside its stage's handlers); anything else looks missing.
  const ticket = await tx.ticket.findFirst({ where: { AND: [{ id: input.ticketId }, staffTicketScope(input.actor)] }, select: { id: true, requesterId: true, organisationId: true } });
  if (!ticket) throw new ComplaintDeskError("TICKET_NOT_FOUND");
  const actorId = input.actor.id;
  const signal = await tx.complaint.create({
    data: {
      subjectTicketId: ticket.id,
      complainantId: ticket.requesterId,
      organisationId: ticket.organisationId,
      description: input.description,
      stage: "SIGNAL",
      status: "CLOSED",
      ownerId: actorId,
      receivedAt: now,
      stageStartedAt: now,
      closedAt: now,
    },
  });
  await tx.ticketEvent.create({ data: { ticketId: ticket.id, actorId, kind: "complaint_signal", data: { complaintId: signal.id }, createdAt: now } });
  await audit(tx, { actorId, action: "complaint.signal", entityType: "Complaint", entityId: signal.id, ticketId: ticket.id, organisationId: ticket.organisationId });
  return { id: signal.id };
}

export const deskAnswerSchema = z.object({ complaintId: z.string().min(1).max(64), body: limitedText(20_000, 10) });
export const deskNoteSchema = z.object({ complaintId: z.string().min(1).max(64), body: limitedText(10_000) });
export const deskAskSchema = z.object({ complaintId: z.string().min(1).max(64), body: limitedText(10_000, 10) });
export const deskReferSchema = z.object({ complaintId: z.string().min(1).max(64) });
export const signalSchema = z.object({ ticketId: z.string().min(1).max(64), description: limitedText(5_000, 5) });

export const STAGE_TABS: ComplaintStage[] = ["STAGE_1", "STAGE_2", "STAGE_3", "SIGNAL"];
