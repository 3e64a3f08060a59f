import type { TicketStatus } from "@prisma/client";

/** A survey is offered once a ticket is resolved (or closed after that), once per ticket. */
export function surveyOpen(status: TicketStatus, alreadyAnswered: boolean): boolean {
  return (status === "RESOLVED" || status === "CLOSED") && !alreadyAnswered;
}
