import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { audit } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db/client";
import { staffTicketScope } from "./scope";
import { TicketRuleError } from "@/lib/tickets/mutations";
import { mayViewDossier } from "@/lib/tickets/rules";

/** Refuses a ticket outside the user's scope exactly like a missing one: nothing leaks. */
export async function requireScopedTicket(tx: Tx, user: SessionUser, ticketId: string): Promise<{ id: string; teamId: string | null; status: string }> {
  const ticket = await tx.ticket.findFirst({ where: { AND: [{ id: ticketId }, staffTicketScope(user)] }, select: { id: true, teamId: true, status: true } });
  if (!ticket) throw new TicketRuleError("NOT_FOUND");
  return ticket;
}

/** One insert, no body: who opened which dossier ticket (DESIGN: Security, reads of dossier tickets). */
export function recordDossierView(actorId: string, ticketId: string, via?: { letterId: string }): Promise<void> {
  return audit(db, { actorId, action: "ticket.dossier_viewed", entityType: "Ticket", entityId: ticketId, data: via ?? {} });
}

export class WorkspaceRuleError extends Error {
  constructor(readonly code: "ASSIGNEE_NOT_STAFF" | "UNKNOWN_TEAM" | "DOSSIER_CATEGORY_FORBIDDEN" | "TICKET_CLOSED" | "CHANGED_MEANWHILE") {
    super(code);
    this.name = "WorkspaceRuleError";
  }
}

/** Checks the targets of a change: a real team, an active staff assignee, a category the user may use. */
export async function checkChangeTargets(
  tx: Tx,
  user: SessionUser,
  change: { teamId?: string | null; assigneeId?: string | null; categoryKey?: string },
): Promise<void> {
  if (change.teamId) {
    const team = await tx.team.findUnique({ where: { id: change.teamId }, select: { id: true } });
    if (!team) throw new WorkspaceRuleError("UNKNOWN_TEAM");
  }
  if (change.assigneeId) {
    const assignee = await tx.user.findUnique({ where: { id: change.assigneeId }, select: { role: true, active: true } });
    const staff = assignee?.active && ["CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "ADMIN"].includes(assignee.role);
    if (!staff) throw new WorkspaceRuleError("ASSIGNEE_NOT_STAFF");
  }
  if (change.categoryKey && !mayViewDossier(user.role)) {
    const category = await tx.ticketCategory.findUnique({ where: { key: change.categoryKey }, select: { dossierSensitive: true } });
    if (category?.dossierSensitive) throw new WorkspaceRuleError("DOSSIER_CATEGORY_FORBIDDEN");
  }
}
