// Who is told about what: the people behind each producer's recipients, read inside its transaction.
import "server-only";
import type { ComplaintStage, Role } from "@prisma/client";
import { ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { mayHandleStage } from "@/lib/complaints/desk-rules";
import type { SqlTx } from "@/lib/db/sql";

const STAFF_ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

export function rolesWith(permission: Permission): Role[] {
  return STAFF_ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Active people in these roles; with a team, only its members (a ticket without a team: everyone). */
async function activeIn(tx: SqlTx, roles: readonly Role[], teamId: string | null): Promise<string[]> {
  // Raw, so a producer that writes only raw statements can run it (lib/db/sql.ts).
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT u."id" FROM "User" u
    WHERE u."role"::text = ANY(${roles}::text[]) AND u."active"
      AND (${teamId}::text IS NULL OR EXISTS (SELECT 1 FROM "TeamMember" m WHERE m."userId" = u."id" AND m."teamId" = ${teamId}))
    ORDER BY u."createdAt", u."id"`;
  return rows.map((r) => r.id);
}

export function coordinatorsOf(tx: SqlTx, teamId: string | null): Promise<string[]> {
  return activeIn(tx, ["TEAM_COORDINATOR"], teamId);
}

export function managers(tx: SqlTx): Promise<string[]> {
  return activeIn(tx, ["MANAGER"], null);
}

/** Those who may confirm a mail's sender (mail.sender.confirm) in the ticket's team. */
export function senderConfirmersOf(tx: SqlTx, teamId: string | null): Promise<string[]> {
  return activeIn(tx, rolesWith("mail.sender.confirm"), teamId);
}

/** The complaints desk of a stage: the line for stage 1, the ombudsman for stage 2. */
export function complaintHandlers(tx: SqlTx, stage: ComplaintStage): Promise<string[]> {
  return activeIn(tx, STAFF_ROLES.filter((role) => mayHandleStage(role, stage)), null);
}
