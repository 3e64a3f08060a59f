import "server-only";
import type { Tx } from "@/lib/db/client";

// The epoch: "due for a look since always", so the next sweep recomputes the clock whatever `now` is.
const AT_ONCE = new Date(0);

/**
 * After a change to what clocks are computed from (holidays, closure days, opening hours, a
 * policy), every running clock's stored next moment may be wrong: earlier deadlines would warn
 * late. Marks them all for the next sweep, which recomputes them in batches.
 */
export async function recheckRunningClocks(tx: Tx): Promise<void> {
  await tx.ticket.updateMany({ where: { slaNextCheckAt: { not: null } }, data: { slaNextCheckAt: AT_ONCE } });
}
