import "server-only";
import type { Tx } from "@/lib/db/client";
import { FIXED_HANDLER_ROLES } from "./rules";

/**
 * Who takes a new ticket of this organisation from the start: its fixed case handler, while that
 * person is active and still handles cases; else null (the ticket waits in its team's queue).
 */
export async function fixedHandlerFor(tx: Tx, organisationId: string | null | undefined): Promise<string | null> {
  if (!organisationId) return null;
  const organisation = await tx.organisation.findUnique({
    where: { id: organisationId },
    select: { fixedCaseHandler: { select: { id: true, active: true, role: true } } },
  });
  const handler = organisation?.fixedCaseHandler;
  return handler?.active && FIXED_HANDLER_ROLES.includes(handler.role) ? handler.id : null;
}
