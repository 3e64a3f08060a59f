import "server-only";
import type { SqlTx } from "@/lib/db/sql";
import { formatTicketNumber } from "./rules";

/** Takes the next registration number for a year atomically (one upsert, no gaps under races). */
export async function nextTicketNumber(tx: SqlTx, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "TicketSequence" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "TicketSequence"."last" + 1
    RETURNING "last"`;
  const last = rows[0]?.last;
  if (last === undefined) throw new Error("Ticket sequence did not return a number");
  return formatTicketNumber(year, Number(last));
}
