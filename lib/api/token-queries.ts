import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { can } from "@/lib/auth/permissions";
import { STAFF_ROLES } from "@/lib/auth/rules";
import { db } from "@/lib/db/client";

/** The admin page's list: never the hash, only what tells tokens apart. */
export async function listApiTokens(user: SessionUser) {
  if (!can(user, "integrations.manage")) return [];
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true,
      actor: { select: { name: true, email: true } },
      organisation: { select: { name: true } },
    },
  });
}

/** The choices of the create form: active staff accounts and organisations. */
export async function apiTokenFormOptions(user: SessionUser) {
  if (!can(user, "integrations.manage")) return { staff: [], organisations: [] };
  const [staff, organisations] = await Promise.all([
    db.user.findMany({ where: { active: true, role: { in: [...STAFF_ROLES] } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
    db.organisation.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, externalNumber: true } }),
  ]);
  return { staff, organisations };
}
