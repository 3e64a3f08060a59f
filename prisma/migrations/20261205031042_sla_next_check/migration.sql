-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "slaNextCheckAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Ticket_slaNextCheckAt_idx" ON "Ticket"("slaNextCheckAt");

-- Every running clock is looked at by the first sweep after this migration, which then writes
-- its real next moment.
UPDATE "Ticket" SET "slaNextCheckAt" = CURRENT_TIMESTAMP
WHERE "slaStartedAt" IS NOT NULL AND "slaStoppedAt" IS NULL AND "slaState" IN ('ON_TRACK', 'AT_RISK');
