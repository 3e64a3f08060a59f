import "server-only";
import type { Role } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import { STAFF_ROLES } from "@/lib/auth/rules";
import type { Tx } from "@/lib/db/client";
import { deliverInvitation, newInviteLink, replaceEarlierInvites, type InvitationScope } from "@/lib/organisations/invitations";
import { checkAdminChange, staffRoleOf, unknownTeams, type StaffRefusal } from "./rules";
import type { ChangeStaffInput, CreateTeamInput, InviteStaffInput } from "./schema";

/** Staff invitations are the ones without an organisation. */
export const STAFF_INVITATIONS: InvitationScope = { organisationId: null };

export class StaffRuleError extends Error {
  constructor(readonly code: StaffRefusal) {
    super(code);
    this.name = "StaffRuleError";
  }
}

function requireStaffRole(value: string): Role {
  const role = staffRoleOf(value);
  if (!role) throw new StaffRuleError("NOT_STAFF_ROLE");
  return role;
}

async function requireTeams(tx: Tx, teamIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(teamIds)];
  const found = await tx.team.findMany({ where: { id: { in: ids } }, select: { id: true } });
  if (unknownTeams(ids, found.map((t) => t.id)).length > 0) throw new StaffRuleError("UNKNOWN_TEAM");
  return ids;
}

async function requireStaffUser(tx: Tx, userId: string) {
  const user = await tx.user.findFirst({ where: { id: userId, role: { in: [...STAFF_ROLES] } }, select: { id: true, role: true, active: true, email: true } });
  if (!user) throw new StaffRuleError("USER_NOT_FOUND");
  return user;
}

function countActiveAdmins(tx: Tx) {
  return tx.user.count({ where: { role: "ADMIN", active: true } });
}

/** Invites a staff member: an Invitation without organisation, its link mailed through the outbox. */
export async function inviteStaff(tx: Tx, actorId: string, input: InviteStaffInput, linkBase: string, now: Date): Promise<{ id: string; token: string; expiresAt: Date }> {
  const role = requireStaffRole(input.role);
  const teamIds = await requireTeams(tx, input.teamIds);
  await replaceEarlierInvites(tx, STAFF_INVITATIONS, input.email, now);
  const link = newInviteLink(now);
  const row = await tx.invitation.create({
    data: { organisationId: null, role, teamIds, email: input.email, name: input.name, tokenHash: link.tokenHash, expiresAt: link.expiresAt, invitedById: actorId, createdAt: now },
    select: { id: true },
  });
  await deliverInvitation(tx, STAFF_INVITATIONS, { email: input.email, name: input.name, organisationName: null }, link, linkBase, now);
  await audit(tx, { actorId, action: "staff.invite", entityType: "Invitation", entityId: row.id, data: { role, teamIds } });
  return { id: row.id, token: link.token, expiresAt: link.expiresAt };
}

/** Changes a staff member's role and teams; the last active admin keeps their role. */
export async function changeStaff(tx: Tx, actorId: string, input: ChangeStaffInput, now: Date): Promise<void> {
  const role = requireStaffRole(input.role);
  const user = await requireStaffUser(tx, input.userId);
  const teamIds = await requireTeams(tx, input.teamIds);
  const refusal = checkAdminChange({ currentRole: user.role, active: user.active, nextRole: role, activeAdmins: await countActiveAdmins(tx) });
  if (refusal) throw new StaffRuleError(refusal);
  const before = await tx.teamMember.findMany({ where: { userId: user.id }, select: { teamId: true } });
  await tx.user.update({ where: { id: user.id }, data: { role } });
  await tx.teamMember.deleteMany({ where: { userId: user.id } });
  await tx.teamMember.createMany({ data: teamIds.map((teamId) => ({ userId: user.id, teamId })) });
  await audit(tx, {
    actorId,
    action: "staff.change",
    entityType: "User",
    entityId: user.id,
    data: { from: { role: user.role, teamIds: before.map((t) => t.teamId) }, to: { role, teamIds }, at: now.toISOString() },
  });
}

/** Deactivation ends every session at once (session version); reactivation lets them log in again. */
export async function setStaffActive(tx: Tx, actorId: string, userId: string, active: boolean, now: Date): Promise<void> {
  const user = await requireStaffUser(tx, userId);
  if (!active) {
    const refusal = checkAdminChange({ currentRole: user.role, active: user.active, nextRole: null, activeAdmins: await countActiveAdmins(tx) });
    if (refusal) throw new StaffRuleError(refusal);
  }
  if (user.active === active) return;
  await tx.user.update({ where: { id: user.id }, data: active ? { active: true, failedLogins: 0, lockedUntil: null } : { active: false, sessionVersion: { increment: 1 } } });
  await audit(tx, { actorId, action: active ? "staff.reactivate" : "staff.deactivate", entityType: "User", entityId: user.id, data: { at: now.toISOString() } });
}

/** Clears TOTP (lost phone): sessions end and the next login enrols again. */
export async function resetStaffTwoFactor(tx: Tx, actorId: string, userId: string, now: Date): Promise<void> {
  const user = await requireStaffUser(tx, userId);
  await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, recoveryCodes: [], sessionVersion: { increment: 1 } } });
  await audit(tx, { actorId, action: "staff.two_factor_reset", entityType: "User", entityId: user.id, data: { at: now.toISOString() } });
}

/** Two teams of one name cannot be told apart in any list or choice: the name is refused, in any case. */
async function assertTeamNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const same = await tx.team.findFirst({ where: { name: { equals: name.trim(), mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (same) throw new StaffRuleError("TEAM_NAME_IN_USE");
}

export async function createTeam(tx: Tx, actorId: string, input: CreateTeamInput, now: Date): Promise<{ id: string }> {
  if (await tx.team.findUnique({ where: { key: input.key }, select: { id: true } })) throw new StaffRuleError("TEAM_KEY_IN_USE");
  await assertTeamNameFree(tx, input.name);
  const team = await tx.team.create({ data: { key: input.key, name: input.name, createdAt: now }, select: { id: true } });
  await audit(tx, { actorId, action: "team.create", entityType: "Team", entityId: team.id, data: { key: input.key, name: input.name } });
  return team;
}

export async function renameTeam(tx: Tx, actorId: string, teamId: string, name: string, now: Date): Promise<void> {
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
  if (!team) throw new StaffRuleError("TEAM_NOT_FOUND");
  await assertTeamNameFree(tx, name, teamId);
  await tx.team.update({ where: { id: teamId }, data: { name } });
  await audit(tx, { actorId, action: "team.rename", entityType: "Team", entityId: teamId, data: { from: team.name, to: name, at: now.toISOString() } });
}
