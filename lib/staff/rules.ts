// Pure rules of staff administration. No I/O.
import type { Role } from "@prisma/client";
import { isStaff, STAFF_ROLES } from "@/lib/auth/rules";

export type StaffRefusal = "UNKNOWN_TEAM" | "NOT_STAFF_ROLE" | "USER_NOT_FOUND" | "LAST_ADMIN" | "TEAM_KEY_IN_USE" | "TEAM_NAME_IN_USE" | "TEAM_NOT_FOUND";

/** Narrows a submitted role to a staff role; null for anything else (beneficiary, employer, junk). */
export function staffRoleOf(value: string): Role | null {
  const role = STAFF_ROLES.find((r) => r === value);
  return role && isStaff(role) ? role : null;
}

/**
 * Loket must keep an active admin: the last one cannot demote or deactivate their own account
 * (nobody else could: only admins reach this, and there is no other).
 */
export function checkAdminChange(input: { currentRole: Role; active: boolean; nextRole: Role | null; activeAdmins: number }): "LAST_ADMIN" | null {
  const losesAdmin = input.currentRole === "ADMIN" && input.active && input.nextRole !== "ADMIN";
  return losesAdmin && input.activeAdmins <= 1 ? "LAST_ADMIN" : null;
}

/** Every requested team must exist; duplicates collapse. */
export function unknownTeams(requested: readonly string[], existing: readonly string[]): string[] {
  return [...new Set(requested)].filter((id) => !existing.includes(id));
}
