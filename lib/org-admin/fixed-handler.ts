import "server-only";
import type { Role } from "@prisma/client";
import type { SqlTx } from "@/lib/db/sql";
import { FIXED_HANDLER_ROLES } from "./rules";

/**
 * Who takes a new ticket of this organisation from the start: its fixed case handler, while that
 * person is active and still handles cases; else null (the ticket waits in its team's queue).
 */
export async function fixedHandlerFor(tx: SqlTx, organisationId: string | null | undefined): Promise<string | null> {
  if (!organisationId) return null;
  // Raw, so it runs in the mail intake's raw transaction too (lib/db/sql.ts).
  const [handler] = await tx.$queryRaw<{ id: string; active: boolean; role: Role }[]>`
    SELECT u."id", u."active", u."role"::text AS "role"
    FROM "Organisation" o JOIN "User" u ON u."id" = o."fixedCaseHandlerId" WHERE o."id" = ${organisationId}`;
  return handler?.active && FIXED_HANDLER_ROLES.includes(handler.role) ? handler.id : null;
}
