-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "slaAtRiskAt" TIMESTAMP(3);

-- Hand-written from here (Prisma's schema cannot express covering indexes or a fillfactor).
--
-- The queue's SLA filter and its badge judge a running clock's state at the moment they read it,
-- from its due time and this at-risk moment (lib/queue/sql.ts slaStateIs). So "slaState" leaves
-- the queue's covering indexes, which carry the at-risk moment instead. The sweep's state change
-- at a clock's moment then sets no indexed column to a new value (its due time and at-risk moment
-- stay as they were), and with room left in the table's pages PostgreSQL writes the new row
-- version beside the old one without an entry in each of Ticket's indexes (a heap-only update).

-- The clocks already there. An on-track clock's moment is its next visit in the sweep's schedule
-- (computed alike, lib/sla/rules.ts); one at risk or breached reached it at some moment since it
-- started, and the queue only asks whether that moment has passed. The sweep writes the exact
-- moment with the clock's next change of state or due time.
UPDATE "Ticket" t
SET "slaAtRiskAt" = CASE WHEN t."slaState" = 'ON_TRACK'
  THEN COALESCE((SELECT c."at" FROM "SlaCheck" c WHERE c."ticketId" = t."id"), t."slaDueAt")
  ELSE t."slaStartedAt" END
WHERE t."slaDueAt" IS NOT NULL AND t."slaStartedAt" IS NOT NULL;

DROP INDEX "Ticket_queue_open_order_idx";
CREATE INDEX "Ticket_queue_open_order_idx" ON "Ticket" ("priority" DESC, "isPartner" DESC, "slaDueAt" ASC NULLS LAST, "createdAt" ASC, "id" ASC)
  INCLUDE ("status", "channel", "categoryId", "teamId", "assigneeId", "organisationId", "slaAtRiskAt", "slaStoppedAt")
  WHERE "status" IN ('NEW', 'OPEN', 'PENDING_CUSTOMER');

-- Resolved and closed tickets have no running clock, so no SLA filter matches them here.
DROP INDEX "Ticket_queue_done_order_idx";
CREATE INDEX "Ticket_queue_done_order_idx" ON "Ticket" ("status", "priority" DESC, "isPartner" DESC, "slaDueAt" ASC NULLS LAST, "createdAt" ASC, "id" ASC)
  INCLUDE ("channel", "categoryId", "teamId", "assigneeId", "organisationId")
  WHERE "status" IN ('RESOLVED', 'CLOSED');

-- Room in each page for the new row versions of heap-only updates. Pages written from now on keep
-- it; the rows already there get it when the table is next rewritten (VACUUM FULL, pg_repack).
ALTER TABLE "Ticket" SET (fillfactor = 70);

-- No parallel scans of Ticket. The queue reads a page in queue order and stops at the count's cap;
-- split over workers, each walks its own part of the index, and the ordered merge waits for the
-- slowest one's first match. When the matches lie together (clocks at risk come right after the
-- breached ones in due-time order) that was 125 ms against 10 ms read by one process
-- (bench:queue -- --million, e-mail + at risk + general). The app's other reads of Ticket are
-- index lookups too; its aggregates read the KPI rollups.
ALTER TABLE "Ticket" SET (parallel_workers = 0);
