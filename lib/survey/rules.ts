import type { Prisma, TicketStatus } from "@prisma/client";

/**
 * A survey is offered once a ticket is resolved (or closed after that), once per ticket, and never
 * for a complaint: a complaint is answered stage by stage and has its own route onward (the
 * ombudsman, the external body), so rating it as an answered question would mislead both sides.
 */
export function surveyOpen(status: TicketStatus, alreadyAnswered: boolean, isComplaint = false): boolean {
  return (status === "RESOLVED" || status === "CLOSED") && !alreadyAnswered && !isComplaint;
}

/** A complaint's own ticket, by its link or its category (both, should either be changed by hand). */
export function isComplaintTicket(ticket: { category: { key: string }; complaint?: unknown }): boolean {
  return ticket.category.key === "COMPLAINT" || (ticket.complaint !== null && ticket.complaint !== undefined);
}

/** The tickets the survey sweep may invite for: no complaint tickets. */
export const SURVEYED_TICKETS: Prisma.TicketWhereInput = { complaint: { is: null }, category: { key: { not: "COMPLAINT" } } };
