import "server-only";
import type { Channel } from "@prisma/client";
import { Prisma } from "@prisma/client";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import type { Db } from "@/lib/db/client";
import type { Period } from "./rules";

// Ticket counts per Amsterdam day, category and channel come from the rollup the Ticket triggers
// keep (TicketDayStat plus the deltas not yet folded in; migration 20261205231824). Both tables
// are read in one statement, so the sum is the same before and after a fold.

const COLUMNS = Prisma.raw(`"day", "categoryId", "channel", "tickets", "questions", "fcr", "writtenAnswered", "writtenInTime"`);

/** The rollup's rows for days in [from, to), summed per day, category and channel. */
function rollupRows(from: string, to: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT ${COLUMNS} FROM "TicketDayStat" WHERE "day" >= ${from}::date AND "day" < ${to}::date
    UNION ALL
    SELECT ${COLUMNS} FROM "TicketDayDelta" WHERE "day" >= ${from}::date AND "day" < ${to}::date
  )`;
}

/**
 * A KPI period as day keys [from, to). Periods start and end at Amsterdam midnights
 * (periodFromKeys), which is what makes the day rollup exact for them.
 */
export function periodDays(p: Period): { from: string; to: string } {
  return { from: amsterdamDateKey(p.from), to: amsterdamDateKey(p.to) };
}

const n = (value: bigint | number | null | undefined) => Number(value ?? 0);

/** Tickets opened in the period: all, those on the phone, those resolved at first contact, and those not about a complaint. */
export async function ticketDayTotals(db: Db, p: Period): Promise<{ phone: number; phoneResolved: number; notComplaint: number }> {
  const days = periodDays(p);
  const [row] = await db.$queryRaw<{ phone: bigint | null; phone_fcr: bigint | null; not_complaint: bigint | null }[]>`
    SELECT sum(r."tickets") FILTER (WHERE r."channel" = 'PHONE') AS phone,
           sum(r."fcr") FILTER (WHERE r."channel" = 'PHONE') AS phone_fcr,
           sum(r."tickets") FILTER (WHERE c."key" IS DISTINCT FROM 'COMPLAINT') AS not_complaint
    FROM ${rollupRows(days.from, days.to)} r LEFT JOIN "TicketCategory" c ON c."id" = r."categoryId"`;
  return { phone: n(row?.phone), phoneResolved: n(row?.phone_fcr), notComplaint: n(row?.not_complaint) };
}

/**
 * Written questions whose first answer by a person came before their (pause-adjusted) due time,
 * out of those answered or past their due time at `now`. The first answer is judged against the
 * first clock: the due time recorded when it stopped (sla.answered event, kept on the ticket as
 * firstAnswerDueAt), since a later customer message starts a new clock with a new due time; the
 * ticket's own due time where no such record exists (still its first clock). The answered ones
 * come from the rollup; the unanswered ones past due change with `now` alone, so they are counted
 * live, from an index that holds only unanswered written questions.
 */
export async function writtenInTime(db: Db, p: Period, now: Date): Promise<{ hit: number; total: number }> {
  const days = periodDays(p);
  const [row] = await db.$queryRaw<{ answered: bigint | null; in_time: bigint | null; overdue: bigint }[]>`
    SELECT r.answered, r.in_time,
      (SELECT count(*) FROM "Ticket" t
        WHERE t."firstResponseAt" IS NULL AND t."slaPolicyKey" = 'WRITTEN_QUESTION' AND t."channel" IN ('PORTAL', 'EMAIL', 'LETTER')
          AND t."createdAt" >= ${p.from} AND t."createdAt" < ${p.to} AND t."slaDueAt" < ${now}) AS overdue
    FROM (SELECT sum("writtenAnswered") AS answered, sum("writtenInTime") AS in_time FROM ${rollupRows(days.from, days.to)} x) r`;
  return { hit: n(row?.in_time), total: n(row?.answered) + n(row?.overdue) };
}

/**
 * Questions (tickets with a known sender, a complaint's own ticket left out) per category,
 * channel and bucket, where bucket i (from 1) holds the days in [bounds[i-1], bounds[i]).
 */
export async function questionsPerBucket(db: Db, bounds: Date[]): Promise<{ categoryId: string; channel: Channel; bucket: number; count: number }[]> {
  const keys = bounds.map(amsterdamDateKey);
  const rows = await db.$queryRaw<{ category_id: string; channel: Channel; bucket: number; n: bigint }[]>`
    SELECT r."categoryId" AS category_id, r."channel"::text AS channel,
           width_bucket(r."day", string_to_array(${keys.join(",")}, ',')::date[]) AS bucket, sum(r."questions") AS n
    FROM ${rollupRows(keys[0]!, keys.at(-1)!)} r
    WHERE r."categoryId" NOT IN (SELECT "id" FROM "TicketCategory" WHERE "key" = 'COMPLAINT')
    GROUP BY 1, 2, 3
    HAVING sum(r."questions") <> 0`;
  return rows.map((r) => ({ categoryId: r.category_id, channel: r.channel, bucket: Number(r.bucket), count: n(r.n) }));
}

/**
 * Folds the deltas into TicketDayStat in one statement (the kpiRollup sweep). A delta written by
 * a transaction still open is not visible yet and waits for the next fold.
 */
export async function foldTicketDayDeltas(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ folded: bigint }[]>`
    WITH moved AS (
      DELETE FROM "TicketDayDelta" RETURNING ${COLUMNS}
    ), summed AS (
      INSERT INTO "TicketDayStat" (${COLUMNS})
      SELECT "day", "categoryId", "channel", sum("tickets"), sum("questions"), sum("fcr"), sum("writtenAnswered"), sum("writtenInTime")
      FROM moved GROUP BY 1, 2, 3
      ON CONFLICT ("day", "categoryId", "channel") DO UPDATE SET
        "tickets" = "TicketDayStat"."tickets" + EXCLUDED."tickets",
        "questions" = "TicketDayStat"."questions" + EXCLUDED."questions",
        "fcr" = "TicketDayStat"."fcr" + EXCLUDED."fcr",
        "writtenAnswered" = "TicketDayStat"."writtenAnswered" + EXCLUDED."writtenAnswered",
        "writtenInTime" = "TicketDayStat"."writtenInTime" + EXCLUDED."writtenInTime"
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM moved) AS folded`;
  return n(row?.folded);
}
