// The one rule for which tickets an employer contact may see and act on. Every employer read and
// write that touches a ticket (list, page, reply, complaint, escalation, download) filters by it.
import type { OrganisationRight, Prisma, Role } from "@prisma/client";
import { can } from "@/lib/auth/permissions";

export interface EmployerScopeActor {
  role: Role;
  organisationId: string | null;
  rights: readonly OrganisationRight[];
  hrProfessional: boolean;
}

/** The category of conversations with the HR specialists (lib/employer/hr-desk.ts). */
export const HR_DESK_CATEGORY = "HR_DESK";

const NOTHING: Prisma.TicketWhereInput = { id: { in: [] } };

// A complaint's own ticket belongs with the ticket it is about: a complaint about an HR-desk
// conversation tells what that conversation was, so it follows the same rule.
const hrDeskTicket: Prisma.TicketWhereInput = {
  OR: [{ category: { key: HR_DESK_CATEGORY } }, { complaint: { is: { subjectTicket: { category: { key: HR_DESK_CATEGORY } } } } }],
};
// Written out rather than NOT(hrDeskTicket): the negation of a relation filter over nullable
// columns is easy to get wrong in SQL, this says what it means.
const ordinaryTicket: Prisma.TicketWhereInput = {
  category: { key: { not: HR_DESK_CATEGORY } },
  OR: [{ complaint: { is: null } }, { complaint: { is: { subjectTicket: { category: { key: { not: HR_DESK_CATEGORY } } } } } }],
};

/**
 * The organisation's tickets this contact may see, complain and escalate about (answering and
 * escalating also need their own permission, which the actions check):
 * - questions and urgent requests with SUBMIT_REQUESTS ("employer.ticket.read"). Reading needs the
 *   right too: the right is how the organisation says who handles its requests, and the tickets
 *   carry employees' data, so a contact who only manages accounts (MANAGE_USERS) does not read them.
 * - HR-desk conversations (and complaints about them) only for HR professionals
 *   ("employer.hrdesk.use", DESIGN: HR desk):
 *   they are about individual employees' situations, and HR is who handles them in the
 *   organisation. Any HR professional of the organisation, so a colleague can take over; the flag
 *   is current, so someone who loses it loses sight of their earlier conversations too.
 * No organisation or neither right gives a filter that matches nothing.
 */
export function employerTicketScope(actor: EmployerScopeActor): Prisma.TicketWhereInput {
  if (actor.role !== "EMPLOYER_CONTACT" || !actor.organisationId) return NOTHING;
  const kinds: Prisma.TicketWhereInput[] = [];
  if (can(actor, "employer.ticket.read")) kinds.push(ordinaryTicket);
  if (can(actor, "employer.hrdesk.use")) kinds.push(hrDeskTicket);
  if (kinds.length === 0) return NOTHING;
  return { AND: [{ organisationId: actor.organisationId }, { OR: kinds }] };
}

/** Complaints an employer contact may see: those about a ticket in their scope. */
export function employerComplaintScope(actor: EmployerScopeActor): Prisma.ComplaintWhereInput {
  if (actor.role !== "EMPLOYER_CONTACT" || !actor.organisationId) return { id: { in: [] } };
  return { organisationId: actor.organisationId, subjectTicket: employerTicketScope(actor) };
}
