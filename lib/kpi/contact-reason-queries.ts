import "server-only";
import type { Channel } from "@prisma/client";
import type { Db } from "@/lib/db/client";
import { buildContactReasonReport, previousPeriodKeys, type ContactReasonCount, type ContactReasonReport } from "./contact-reasons";
import { periodFromKeys } from "./period";

/**
 * Questions are the tickets opened in the period, except a complaint's own ticket (complaints
 * have their own figures; the question they are about is counted) and mail whose sender is not
 * yet verified (possibly not a customer at all; it counts once staff confirm the sender). One
 * pass over the createdAt range of both periods; the week is the Amsterdam ISO week (date_trunc
 * 'week' starts on Monday), computed from the stored UTC time whatever the session's time zone.
 */
export async function contactReasonCounts(db: Db, period: { from: string; to: string }): Promise<ContactReasonCount[]> {
  const current = periodFromKeys(period.from, period.to);
  const prev = previousPeriodKeys(period.from, period.to);
  const start = periodFromKeys(prev.from, prev.to).from;
  const rows = await db.$queryRaw<{ category_id: string; channel: Channel; week_start: string; current: boolean; n: bigint }[]>`
    SELECT t."categoryId" AS category_id, t."channel"::text AS channel,
           to_char(date_trunc('week', (t."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Amsterdam'), 'YYYY-MM-DD') AS week_start,
           (t."createdAt" >= ${current.from}) AS current, count(*) AS n
    FROM "Ticket" t
    WHERE t."createdAt" >= ${start} AND t."createdAt" < ${current.to} AND NOT t."senderUnverified"
      AND t."categoryId" NOT IN (SELECT "id" FROM "TicketCategory" WHERE "key" = 'COMPLAINT')
    GROUP BY 1, 2, 3, 4`;
  return rows.map((r) => ({ categoryId: r.category_id, channel: r.channel, weekStart: r.week_start, current: r.current, count: Number(r.n) }));
}

export async function contactReasonReport(db: Db, period: { from: string; to: string }): Promise<ContactReasonReport> {
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
