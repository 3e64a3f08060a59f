import "server-only";
import { type Locale, type OrganisationRight, Prisma, type Role } from "@prisma/client";
import { db } from "@/lib/db/client";
import { readRows } from "@/lib/db/prepared";

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

interface SessionRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  active: boolean;
  sessionVersion: number;
  organisationId: string | null;
  organisationName: string | null;
  organisationActive: boolean | null;
  rights: OrganisationRight[] | null;
  hrProfessional: boolean | null;
  teamIds: string[];
}

/**
 * Loads what a request may do: role, organisation, rights, teams. Null for inactive accounts, for
 * contacts of a deactivated organisation and, given `sid`, when that server-side session has ended
 * (logout) or is another person's. One statement: every page, route and action starts here.
 */
export async function loadSessionUser(id: string, sessionVersion?: number, sid?: string): Promise<SessionUser | null> {
  const rows = await readRows<SessionRow>(db, Prisma.sql`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."locale"::text AS "locale", u."active", u."sessionVersion",
      m."organisationId", o."name" AS "organisationName", o."active" AS "organisationActive",
      m."rights"::text[] AS "rights", m."hrProfessional",
      ARRAY(SELECT tm."teamId" FROM "TeamMember" AS tm WHERE tm."userId" = u."id" ORDER BY tm."teamId") AS "teamIds"
    FROM "User" AS u
    LEFT JOIN LATERAL (SELECT * FROM "Membership" WHERE "userId" = u."id" ORDER BY "createdAt" ASC LIMIT 1) AS m ON true
    LEFT JOIN "Organisation" AS o ON o."id" = m."organisationId"
    WHERE u."id" = ${id}
      AND (${sid ?? null}::text IS NULL OR EXISTS (
        SELECT 1 FROM "AuthSession" AS s WHERE s."id" = ${sid ?? null}::text AND s."userId" = u."id" AND s."endedAt" IS NULL))`);
  const user = rows[0];
  if (!user || !user.active) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  if (user.organisationId && !user.organisationActive) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    organisationId: user.organisationId,
    organisationName: user.organisationName,
    rights: user.rights ?? [],
    hrProfessional: user.hrProfessional ?? false,
    teamIds: user.teamIds,
  };
}
