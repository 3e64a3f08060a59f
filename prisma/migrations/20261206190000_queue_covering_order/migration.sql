-- Hand-written (Prisma's schema cannot express partial or covering indexes). The queue reads a
-- page's ids from these indexes alone and fetches the 25 rows after (lib/queue/sql.ts): every
-- column a queue filter or the staff scope tests is carried in the index, so a filter that matches
-- one open ticket in a hundred walks index entries, not a hundred heap rows per hit. At 1,000,000
-- tickets that took the channel + SLA state + category page from 122 ms to 20 ms
-- (npm run bench:queue -- --million).
DROP INDEX "Ticket_queue_open_order_idx";

CREATE INDEX "Ticket_queue_open_order_idx" ON "Ticket" ("priority" DESC, "isPartner" DESC, "slaDueAt" ASC NULLS LAST, "createdAt" ASC, "id" ASC)
  INCLUDE ("status", "channel", "categoryId", "teamId", "assigneeId", "organisationId", "slaState", "slaStoppedAt")
  WHERE "status" IN ('NEW', 'OPEN', 'PENDING_CUSTOMER');

-- The queue filtered on resolved or closed tickets, in the same order, one status at a time: the
-- index above holds open tickets only, and without this the page sorted every closed ticket.
CREATE INDEX "Ticket_queue_done_order_idx" ON "Ticket" ("status", "priority" DESC, "isPartner" DESC, "slaDueAt" ASC NULLS LAST, "createdAt" ASC, "id" ASC)
  INCLUDE ("channel", "categoryId", "teamId", "assigneeId", "organisationId", "slaState", "slaStoppedAt")
  WHERE "status" IN ('RESOLVED', 'CLOSED');
