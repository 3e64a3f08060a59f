import "server-only";
import type { Complaint, Role } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import { formatDate } from "@/lib/calendar/format";
import { dueAfterWorkingDays } from "@/lib/calendar/rules";
import type { Tx } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/mutations";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { policyByKey } from "@/lib/sla/rules";
import { restartClock } from "@/lib/tickets/answer-clock";
import { changeTicket } from "@/lib/tickets/mutations";
import { ComplaintDeskError } from "./desk";
import { staffOmbudsReferralRefusal } from "./rules";

/** The complaint clock of a new tier, from `from`. */
export async function complaintDueAt(tx: Tx, from: Date): Promise<Date> {
  const [settings, policies] = await Promise.all([getCalendarSettings(tx), getSlaPolicies(tx)]);
  return dueAfterWorkingDays(from, policyByKey("COMPLAINT", policies).amount, settings);
}

/**
 * Stage 2, however it was asked for: the ombudsman owns the complaint and its ticket, and the
 * ombudsman's clock starts, as the ticket's answer clock too (stage 1's due time is kept for the
 * KPI per tier).
 */
export async function moveToOmbudsman(
  tx: Tx,
  complaint: Pick<Complaint, "id" | "ticketId" | "organisationId" | "dueAt" | "firstStageDueAt">,
  referral: { byId: string; reason: string } | null,
  now: Date,
): Promise<{ dueAt: Date; ombudsId: string | null }> {
  const ombuds = await tx.user.findFirst({ where: { role: "OMBUDS", active: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const dueAt = await complaintDueAt(tx, now);
  await tx.complaint.update({
    where: { id: complaint.id },
    data: {
      stage: "STAGE_2",
      status: "OPEN",
      stageStartedAt: now,
      ombudsRequestedAt: now,
      ownerId: ombuds?.id ?? null,
      dueAt,
      firstStageDueAt: complaint.firstStageDueAt ?? complaint.dueAt,
      ...(referral ? { ombudsRequestedById: referral.byId, ombudsReason: referral.reason } : {}),
    },
  });
  if (complaint.ticketId) {
    await tx.ticket.update({ where: { id: complaint.ticketId }, data: { assigneeId: ombuds?.id ?? null } });
    await restartClock(tx, complaint.ticketId, "COMPLAINT", now);
  }
  // Both ways to stage 2 (the complainant asks, or the line refers) pass here.
  await enqueueWebhookEvent(tx, "complaint.stage_changed", { complaintId: complaint.id, ticketId: complaint.ticketId, organisationId: complaint.organisationId, stage: "STAGE_2" }, now);
  return { dueAt, ombudsId: ombuds?.id ?? null };
}

const REFERRAL_MAIL = {
  nl: { subject: "Uw klacht ligt nu bij de interne ombudsman", text: (reason: string, due: string) => `Wij hebben uw klacht doorgestuurd naar de onafhankelijke interne ombudsman.\n\nDe reden:\n${reason}\n\nDe ombudsman reageert uiterlijk ${due}. U leest alles terug in Loket, bij uw klacht.` },
  en: { subject: "Your complaint is now with the internal ombudsman", text: (reason: string, due: string) => `We have passed your complaint to the independent internal ombudsman.\n\nThe reason:\n${reason}\n\nThe ombudsman will respond by ${due}. You can follow everything in Loket, on your complaint.` },
};

/**
 * The line hands a stage-1 complaint to the ombudsman itself, when it cannot solve it (the
 * complainant need not ask). The reason is the complainant's to read: on their complaint page and
 * in a mail; the complaint ticket's timeline records who did it.
 */
export async function referToOmbudsmanByStaff(tx: Tx, input: { complaintId: string; actor: { id: string; role: Role }; reason: string }, now: Date): Promise<{ dueAt: Date }> {
  const complaint = await tx.complaint.findUnique({
    where: { id: input.complaintId },
    include: { complainant: { select: { email: true, locale: true } }, ticket: { select: { id: true, status: true } } },
  });
  if (!complaint) throw new ComplaintDeskError("COMPLAINT_NOT_FOUND");
  const refusal = staffOmbudsReferralRefusal(complaint);
  if (refusal) throw new ComplaintDeskError(refusal);
  const { dueAt } = await moveToOmbudsman(tx, complaint, { byId: input.actor.id, reason: input.reason }, now);
  if (complaint.ticket) {
    // An answered complaint's ticket is resolved; the ombudsman's stage is open work again. A question
    // the line still waited on is the line's: the ombudsman's term runs from the referral.
    if (complaint.ticket.status !== "OPEN" && complaint.ticket.status !== "NEW") {
      await changeTicket(tx, { ticketId: complaint.ticket.id, actorId: input.actor.id, status: "OPEN" }, now);
    }
    await tx.ticketEvent.create({ data: { ticketId: complaint.ticket.id, actorId: input.actor.id, kind: "complaint_ombudsman", data: { complaintId: complaint.id, reason: input.reason }, createdAt: now } });
  }
  if (complaint.complainant?.email) {
    const locale = complaint.complainant.locale;
    const mail = REFERRAL_MAIL[locale];
    await enqueueMail(tx, { kind: "complaint.ombudsman_referral", to: complaint.complainant.email, subject: mail.subject, text: mail.text(input.reason, formatDate(dueAt, locale)), locale, ticketId: complaint.ticket?.id ?? null, at: now });
  }
  await audit(tx, { actorId: input.actor.id, action: "complaint.ombudsman_referral", entityType: "Complaint", entityId: complaint.id, ticketId: complaint.ticketId ?? complaint.subjectTicketId, organisationId: complaint.organisationId, data: { stage: "STAGE_2", from: complaint.stage } });
  return { dueAt };
}
