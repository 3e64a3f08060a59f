import "server-only";
import type { Locale, OrganisationRight, Role } from "@prisma/client";
import { db } from "@/lib/db/client";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  organisationId: string | null;
  organisationName: string | null;
  rights: OrganisationRight[];
  hrProfessional: boolean;
  teamIds: string[];
}

/** Loads what a request may do: role, organisation, rights, teams. Null for inactive accounts and for contacts of a deactivated organisation. */
export async function loadSessionUser(id: string, sessionVersion?: number): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    include: {
      memberships: { orderBy: { createdAt: "asc" }, take: 1, include: { organisation: true } },
      teams: { select: { teamId: true } },
    },
  });
  if (!user || !user.active) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  const membership = user.memberships[0];
  if (membership && !membership.organisation.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    organisationId: membership?.organisationId ?? null,
    organisationName: membership?.organisation.name ?? null,
    rights: membership?.rights ?? [],
    hrProfessional: membership?.hrProfessional ?? false,
    teamIds: user.teams.map((t) => t.teamId),
  };
}

/** Whether a session's server-side row exists, belongs to this person and has not ended (logout). */
export async function sessionIsOpen(sid: string, userId: string): Promise<boolean> {
  const row = await db.authSession.findUnique({ where: { id: sid }, select: { userId: true, endedAt: true } });
  return row !== null && row.userId === userId && row.endedAt === null;
}
