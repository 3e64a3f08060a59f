// Who is told about what: the people behind each producer's recipients, read inside its transaction.
import "server-only";
import type { ComplaintStage, Role } from "@prisma/client";
import { ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { mayHandleStage } from "@/lib/complaints/desk-rules";
import type { Tx } from "@/lib/db/client";

const STAFF_ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

export function rolesWith(permission: Permission): Role[] {
  return STAFF_ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Active people in these roles; with a team, only its members (a ticket without a team: everyone). */
async function activeIn(tx: Tx, roles: readonly Role[], teamId: string | null): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { role: { in: [...roles] }, active: true, ...(teamId ? { teams: { some: { teamId } } } : {}) },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.id);
}

export function coordinatorsOf(tx: Tx, teamId: string | null): Promise<string[]> {
  return activeIn(tx, ["TEAM_COORDINATOR"], teamId);
}

export function managers(tx: Tx): Promise<string[]> {
  return activeIn(tx, ["MANAGER"], null);
}

/** Those who may confirm a mail's sender (mail.sender.confirm) in the ticket's team. */
export function senderConfirmersOf(tx: Tx, teamId: string | null): Promise<string[]> {
  return activeIn(tx, rolesWith("mail.sender.confirm"), teamId);
}

/** The complaints desk of a stage: the line for stage 1, the ombudsman for stage 2. */
export function complaintHandlers(tx: Tx, stage: ComplaintStage): Promise<string[]> {
  return activeIn(tx, STAFF_ROLES.filter((role) => mayHandleStage(role, stage)), null);
}
