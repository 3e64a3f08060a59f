import "server-only";
import type { Channel } from "@prisma/client";
import type { Db } from "@/lib/db/client";
import { buildContactReasonReport, MAX_REPORT_WEEKS, weekBuckets, weeksOfPeriod, type ContactReasonCount, type ContactReasonReport } from "./contact-reasons";

/**
 * Questions are the tickets opened in the period, except a complaint's own ticket (complaints
 * have their own figures; the question they are about is counted) and mail whose sender is not
 * yet verified (possibly not a customer at all; it counts once staff confirm the sender). One
 * pass over the createdAt range of both periods; width_bucket puts each ticket between the
 * Amsterdam week starts computed in JavaScript (a binary search, no time-zone work per row; a
 * per-row AT TIME ZONE took 5 s for two quarters at a million tickets a year).
 */
export async function contactReasonCounts(db: Db, period: { from: string; to: string }): Promise<ContactReasonCount[]> {
  const { bounds, buckets } = weekBuckets(period);
  // Stored times are UTC in a timestamp without time zone: pass the bounds the same way.
  const thresholds = bounds.map((d) => d.toISOString().slice(0, 23)).join(",");
  const rows = await db.$queryRaw<{ category_id: string; channel: Channel; bucket: number; n: bigint }[]>`
    SELECT t."categoryId" AS category_id, t."channel"::text AS channel,
           width_bucket(t."createdAt", string_to_array(${thresholds}, ',')::timestamp[]) AS bucket, count(*) AS n
    FROM "Ticket" t
    WHERE t."createdAt" >= ${bounds[0]} AND t."createdAt" < ${bounds.at(-1)} AND NOT t."senderUnverified"
      AND t."categoryId" NOT IN (SELECT "id" FROM "TicketCategory" WHERE "key" = 'COMPLAINT')
    GROUP BY 1, 2, 3`;
  return rows.map((r) => ({ categoryId: r.category_id, channel: r.channel, ...buckets[Number(r.bucket) - 1]!, count: Number(r.n) }));
}

/** null when the period spans more than MAX_REPORT_WEEKS weeks. */
export async function contactReasonReport(db: Db, period: { from: string; to: string }): Promise<ContactReasonReport | null> {
  if (weeksOfPeriod(period.from, period.to).length > MAX_REPORT_WEEKS) return null;
  const [counts, categories] = [
    await contactReasonCounts(db, period),
    await db.ticketCategory.findMany({
      where: { key: { not: "COMPLAINT" } },
      orderBy: [{ sortOrder: "asc" }, { nameNl: "asc" }],
      select: { id: true, key: true, nameNl: true, nameEn: true, active: true },
    }),
  ];
  return buildContactReasonReport(counts, categories, period);
}
