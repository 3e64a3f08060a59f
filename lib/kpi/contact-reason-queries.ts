import "server-only";
import type { Db } from "@/lib/db/client";
import { questionsPerBucket } from "./day-stats";
import { buildContactReasonReport, MAX_REPORT_WEEKS, weekBuckets, weeksOfPeriod, type ContactReasonCount, type ContactReasonReport } from "./contact-reasons";

/**
 * Questions are the tickets opened in the period, except a complaint's own ticket (complaints
 * have their own figures; the question they are about is counted) and mail whose sender is not
 * yet verified (possibly not a customer at all; it counts once staff confirm the sender). Read
 * from the per-day rollup for both periods at once: each day falls in the bucket between the
 * Amsterdam week starts (and period starts) computed in JavaScript.
 */
export async function contactReasonCounts(db: Db, period: { from: string; to: string }): Promise<ContactReasonCount[]> {
  const { bounds, buckets } = weekBuckets(period);
  const rows = await questionsPerBucket(db, bounds);
  return rows.map((r) => ({ categoryId: r.categoryId, channel: r.channel, ...buckets[r.bucket - 1]!, count: r.count }));
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
