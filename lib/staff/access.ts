import { can, type PermissionSubject } from "@/lib/auth/permissions";

/** Staff accounts and teams are the admins' work (DESIGN.md, roles); the table says who. */
export function mayAdministerStaff(user: PermissionSubject): boolean {
  return can(user, "staff.manage");
}
