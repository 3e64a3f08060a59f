import "server-only";
import type { Tx } from "@/lib/db/client";

// Asked for by a change to what clocks are computed from; the sweep records the version it did.
export const RECHECK_KEY = "sla.recheck";
export const RECHECK_DONE_KEY = "sla.recheck.done";

/**
 * After a change to what clocks are computed from (holidays, closure days, opening hours, a
 * policy), every running clock's stored next moment may be wrong: earlier deadlines would warn
 * late. Asks the next sweep to recompute them all. Only a version is bumped here: marking a
 * million tickets in the admin's own transaction took minutes and locked every open ticket.
 */
export async function recheckRunningClocks(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${RECHECK_KEY}, '{"version": 1}'::jsonb, now())
    ON CONFLICT ("key") DO UPDATE
    SET "value" = jsonb_build_object('version', COALESCE(("Setting"."value"->>'version')::int, 0) + 1), "updatedAt" = now()`;
}
