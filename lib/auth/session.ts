import "server-only";
import type { Locale, OrganisationRight, Role } from "@prisma/client";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { authOptions } from "./options";

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

/**
 * The signed-in person, re-read from the database on every request: a deactivated account, a
 * bumped session version or a revoked right takes effect at once, not when the JWT expires.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions).catch(() => null);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    include: {
      memberships: { orderBy: { createdAt: "asc" }, take: 1, include: { organisation: true } },
      teams: { select: { teamId: true } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  const membership = user.memberships[0];
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
});

export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
