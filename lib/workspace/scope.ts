// The one rule for which tickets a staff member may see and work: as a pure predicate (the
// definition, unit-tested), as a Prisma where (every staff read and workspace action) and as SQL
// (the queue and "take", which run raw SQL; tests/integration/scope-staff.test.ts checks that
// all three agree on every ticket for every staff role). No I/O here.
import { Prisma, type ComplaintStage, type Role } from "@prisma/client";
import { COMPLAINT_STAGES, mayWorkComplaintTicket } from "@/lib/complaints/desk-rules";
import { mayViewDossier, seesAllTeams } from "@/lib/tickets/rules";

export interface StaffScopeUser {
  id: string;
  role: Role;
  teamIds: readonly string[];
}

/** What the rule looks at on a ticket. */
export interface TicketScopeFacts {
  teamId: string | null;
  assigneeId: string | null;
  /** The customer success manager of the ticket's organisation, if any. */
  organisationCsmId: string | null;
  dossierSensitive: boolean;
  /** Set when the ticket is a complaint's own ticket: its stage and what it is about. */
  complaint: { stage: ComplaintStage; subjectDossierSensitive: boolean } | null;
}

/**
 * A complaint's ticket retells the ticket it is about, so it is as dossier-sensitive as that one
 * (DESIGN: a dossier-sensitive category is invisible to the first line).
 */
export function isDossierTicket(ticket: Pick<TicketScopeFacts, "dossierSensitive" | "complaint">): boolean {
  return ticket.dossierSensitive || (ticket.complaint?.subjectDossierSensitive ?? false);
}

/** The stages whose complaint tickets this role may open (the complaints desk's rule). */
function workableStages(role: Role): ComplaintStage[] {
  return COMPLAINT_STAGES.filter((stage) => mayWorkComplaintTicket(role, stage));
}

/**
 * May this staff member see (and so work) this ticket? All of:
 * - their teams' tickets and those assigned to them (managers and admins: every team); a customer
 *   success manager also their organisations';
 * - no dossier content for the first line, a complaint about a dossier ticket included;
 * - a complaint's own ticket only for whoever handles its stage on the complaints desk
 *   (lib/complaints/desk-rules.ts): stage 1 the coordinators and managers, stage 2 and 3 the
 *   ombudsman. Agents and case handlers work the tickets complained about, not the complaints.
 */
export function staffMaySeeTicket(user: StaffScopeUser, ticket: TicketScopeFacts): boolean {
  if (!seesAllTeams(user.role)) {
    const inTeam = ticket.teamId !== null && user.teamIds.includes(ticket.teamId);
    const csm = user.role === "CUSTOMER_SUCCESS_MANAGER" && ticket.organisationCsmId === user.id;
    if (!inTeam && ticket.assigneeId !== user.id && !csm) return false;
  }
  return staffMaySeeContent(user, ticket);
}

/** The dossier and complaint-stage parts alone (see staffTicketContentScope). */
export function staffMaySeeContent(user: Pick<StaffScopeUser, "role">, ticket: Pick<TicketScopeFacts, "dossierSensitive" | "complaint">): boolean {
  if (!mayViewDossier(user.role) && isDossierTicket(ticket)) return false;
  if (ticket.complaint && !mayWorkComplaintTicket(user.role, ticket.complaint.stage)) return false;
  return true;
}

/** The same rule as a Prisma where; every staff read of tickets goes through it. */
export function staffTicketScope(user: StaffScopeUser): Prisma.TicketWhereInput {
  if (seesAllTeams(user.role)) return staffTicketContentScope(user);
  const or: Prisma.TicketWhereInput[] = [{ teamId: { in: [...user.teamIds] } }, { assigneeId: user.id }];
  if (user.role === "CUSTOMER_SUCCESS_MANAGER") or.push({ organisation: { customerSuccessManagerId: user.id } });
  return { AND: [{ OR: or }, staffTicketContentScope(user)] };
}

/**
 * The dossier and complaint-stage parts alone, for work that is scoped to a team by other means
 * (a callback appointment belongs to the team that calls back, whichever team holds the ticket).
 */
export function staffTicketContentScope(user: StaffScopeUser): Prisma.TicketWhereInput {
  const and: Prisma.TicketWhereInput[] = [];
  if (!mayViewDossier(user.role)) {
    and.push({ category: { dossierSensitive: false } });
    and.push({ OR: [{ complaint: { is: null } }, { complaint: { is: { subjectTicket: { category: { dossierSensitive: false } } } } }] });
  }
  const stages = workableStages(user.role);
  if (stages.length < COMPLAINT_STAGES.length) {
    and.push({ OR: [{ complaint: { is: null } }, { complaint: { is: { stage: { in: stages } } } }] });
  }
  return { AND: and };
}

/**
 * The dossier and complaint-stage parts of the rule as SQL over `t` ("Ticket") joined with `c`
 * (its "TicketCategory"); TRUE when they do not restrict this role. "Take" uses this alone, as it
 * reports another team's ticket with its own refusal.
 */
export function staffContentSql(user: StaffScopeUser): Prisma.Sql {
  const dossier = !mayViewDossier(user.role);
  const stages = workableStages(user.role);
  const stageLimited = stages.length < COMPLAINT_STAGES.length;
  const parts: Prisma.Sql[] = [];
  if (dossier) parts.push(Prisma.sql`c."dossierSensitive" = false`);
  if (dossier || stageLimited) {
    const refused: Prisma.Sql[] = [];
    if (stageLimited) refused.push(Prisma.sql`k.stage::text <> ALL(${stages}::text[])`);
    if (dossier) refused.push(Prisma.sql`sc."dossierSensitive"`);
    parts.push(Prisma.sql`NOT EXISTS (
      SELECT 1 FROM "Complaint" k
      JOIN "Ticket" s ON s.id = k."subjectTicketId"
      JOIN "TicketCategory" sc ON sc.id = s."categoryId"
      WHERE k."ticketId" = t.id AND (${Prisma.join(refused, " OR ")}))`);
  }
  return parts.length > 0 ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The whole rule as SQL over `t` and `c`, for the queue. */
export function staffScopeSql(user: StaffScopeUser): Prisma.Sql {
  if (seesAllTeams(user.role)) return staffContentSql(user);
  const team: Prisma.Sql[] = [Prisma.sql`t."teamId" = ANY(${[...user.teamIds]}::text[])`, Prisma.sql`t."assigneeId" = ${user.id}`];
  if (user.role === "CUSTOMER_SUCCESS_MANAGER") {
    team.push(Prisma.sql`t."organisationId" IN (SELECT id FROM "Organisation" WHERE "customerSuccessManagerId" = ${user.id})`);
  }
  return Prisma.sql`(${Prisma.join(team, " OR ")}) AND ${staffContentSql(user)}`;
}
