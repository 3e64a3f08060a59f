import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { STAFF_ROLES } from "@/lib/auth/rules";
import { db } from "@/lib/db/client";
import { listPendingInvitations } from "@/lib/organisations/queries";
import { mayAdministerStaff } from "./access";

/** Staff accounts with their teams and two-factor state (admins only; others get nothing). */
export async function listStaff(user: SessionUser) {
  if (!mayAdministerStaff(user)) return [];
  return db.user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastLoginAt: true,
      totpEnabledAt: true,
      teams: { select: { team: { select: { id: true, name: true } } } },
    },
  });
}

/** Pending staff invitations (no organisation): open, or expired lately and ready to send again. */
export async function listOpenStaffInvitations(user: SessionUser, now: Date) {
  if (!mayAdministerStaff(user)) return [];
  // Beneficiaries' portal invitations have no organisation either; they are listed on their own page.
  return (await listPendingInvitations({ organisationId: null }, now)).filter((invite) => invite.role !== "BENEFICIARY");
}

/** Teams with their member counts (active staff only). */
export async function listTeams(user: SessionUser) {
  if (!mayAdministerStaff(user)) return [];
  const teams = await db.team.findMany({
    orderBy: { name: "asc" },
    select: { id: true, key: true, name: true, _count: { select: { members: { where: { user: { active: true } } } } } },
  });
  return teams.map((t) => ({ id: t.id, key: t.key, name: t.name, members: t._count.members }));
}
