-- Hand-written (Prisma's schema cannot express a partial index): the queue's sort order over open
-- tickets only, so the first page is read in index order and stops after 25 rows instead of
-- sorting every open ticket of the user's teams. See `npm run bench:queue`.
CREATE INDEX "Ticket_queue_open_order_idx" ON "Ticket" ("priority" DESC, "isPartner" DESC, "slaDueAt" ASC NULLS LAST, "createdAt" ASC, "id" ASC)
WHERE "status" IN ('NEW', 'OPEN', 'PENDING_CUSTOMER');
