-- Hand-written (Prisma's schema cannot express a partial index). The lead desk's list of questions
-- answered after their due time in the last two weeks (lib/sla/monitor.ts, loadAnsweredLate) read
-- every ticket: 509 ms at 1,000,000 tickets, 12 ms walking this index back from now. Only stopped
-- clocks are in it, and the state is not: the sweep's change of state stays a heap-only update
-- (see the migration *_sla_at_risk_moment).
CREATE INDEX "Ticket_slaStoppedAt_idx" ON "Ticket" ("slaStoppedAt") WHERE "slaStoppedAt" IS NOT NULL;
