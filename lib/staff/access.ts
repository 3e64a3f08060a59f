import type { Role } from "@prisma/client";

/** Staff accounts and teams are the admins' work (DESIGN.md, roles). */
export function mayAdministerStaff(user: { role: Role }): boolean {
  return user.role === "ADMIN";
}
