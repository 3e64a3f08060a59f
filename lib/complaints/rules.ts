import type { ComplaintStage, ComplaintStatus, TicketStatus } from "@prisma/client";

/** The field a refusal of a new complaint is about: the form shows it there, not only above. */
export const COMPLAINT_REFUSAL_FIELDS: Readonly<Record<string, "subjectTicketNumber" | "lastContactDate">> = {
  COMPLAINT_TICKET_NOT_FOUND: "subjectTicketNumber",
  COMPLAINT_ABOUT_COMPLAINT: "subjectTicketNumber",
  LAST_CONTACT_IN_FUTURE: "lastContactDate",
  LAST_CONTACT_BEFORE_QUESTION: "lastContactDate",
};

/**
 * What is wrong with the date of the last contact a complaint names, or null: it lies between the
 * day the question began and today ("yyyy-MM-dd" Amsterdam dates; 1900 or 0202 is a typing slip).
 */
export function lastContactProblem(lastContactDate: string, days: { questionBegan: string; today: string }): "LAST_CONTACT_IN_FUTURE" | "LAST_CONTACT_BEFORE_QUESTION" | null {
  if (lastContactDate > days.today) return "LAST_CONTACT_IN_FUTURE";
  if (lastContactDate < days.questionBegan) return "LAST_CONTACT_BEFORE_QUESTION";
  return null;
}

/** The complaint's clock waits on the complainant (its ticket's answer clock is paused). */
export function waitsOnComplainant(complaint: { status: ComplaintStatus; ticket?: { slaPausedAt: Date | null } | null }): boolean {
  return complaint.status === "OPEN" && Boolean(complaint.ticket?.slaPausedAt);
}

export type ComplaintDueView = { kind: "waiting" } | { kind: "due"; at: Date } | { kind: "none" };

/**
 * What a complaint's reaction date says, the same on every page. While it waits on the
 * complainant: that, not a date (the date moves once they reply). Else its due date: for the
 * complainant only while it is open (an answer ends their wait); staff keep it after, to see
 * whether the answer came in time.
 */
export function complaintDueView(
  complaint: { status: ComplaintStatus; dueAt: Date | null; ticket?: { slaPausedAt: Date | null } | null },
  audience: "customer" | "staff",
): ComplaintDueView {
  if (waitsOnComplainant(complaint)) return { kind: "waiting" };
  if (!complaint.dueAt || (audience === "customer" && complaint.status !== "OPEN")) return { kind: "none" };
  return { kind: "due", at: complaint.dueAt };
}

/**
 * The complainant may ask for the internal ombudsman in stage 1 when the answer did not satisfy
 * them (ANSWERED) or when the answer is late (an internal conflict delays it). Not late while we
 * wait on the complainant's own reply.
 */
export function mayRequestOmbudsman(
  complaint: { stage: ComplaintStage; status: ComplaintStatus; dueAt: Date | null; ticket?: { slaPausedAt: Date | null } | null },
  now: Date,
): boolean {
  if (complaint.stage !== "STAGE_1") return false;
  if (complaint.status === "ANSWERED") return true;
  return complaint.status === "OPEN" && !waitsOnComplainant(complaint) && complaint.dueAt !== null && complaint.dueAt.getTime() < now.getTime();
}

/**
 * Why the line may not hand this complaint to the ombudsman, or null when it may: only in stage 1
 * (stage 2 is already the ombudsman's) and only while internal handling runs.
 */
export function staffOmbudsReferralRefusal(complaint: { stage: ComplaintStage; status: ComplaintStatus }): "NOT_YOUR_STAGE" | "COMPLAINT_CLOSED" | null {
  if (complaint.stage !== "STAGE_1") return "NOT_YOUR_STAGE";
  if (complaint.status === "CLOSED" || complaint.status === "REFERRED") return "COMPLAINT_CLOSED";
  return null;
}

/**
 * The wording a complainant sees for a ticket: a complaint's own ticket speaks of the complaint
 * ("Beantwoord", "Doorverwezen"), not of a question ("Opgelost"), so the dashboard, the ticket page
 * and the complaint page say the same thing; one that waits on the complainant, "Wacht op u".
 */
export function customerStatus(ticket: { status: TicketStatus; complaint?: { status: ComplaintStatus } | null }): { kind: "complaint"; status: ComplaintStatus } | { kind: "ticket"; status: TicketStatus } {
  // An open complaint that waits on the complainant's reply says so, as a question does ("Wacht op u").
  if (ticket.complaint && !(ticket.complaint.status === "OPEN" && ticket.status === "PENDING_CUSTOMER")) return { kind: "complaint", status: ticket.complaint.status };
  return { kind: "ticket", status: ticket.status };
}

/** The external body for a complaint: the subject category's own if active, else the active default. */
export function pickComplaintBody<B extends { active: boolean }>(categoryBody: B | null | undefined, defaultBody: B | null | undefined): B | null {
  if (categoryBody?.active) return categoryBody;
  return defaultBody?.active ? defaultBody : null;
}

export type ComplaintBodyRefusal = "DEFAULT_MUST_BE_ACTIVE" | "DEFAULT_REQUIRED";

/**
 * Exactly one active default body: the default cannot be deactivated, and it stops being the
 * default only by making another body the default (which the save does for the others).
 */
export function complaintBodyChangeRefusal(current: { isDefault: boolean } | null, next: { isDefault: boolean; active: boolean }): ComplaintBodyRefusal | null {
  if (next.isDefault && !next.active) return "DEFAULT_MUST_BE_ACTIVE";
  if (current?.isDefault && !next.isDefault) return "DEFAULT_REQUIRED";
  return null;
}
