-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN     "firstStageDueAt" TIMESTAMP(3);

-- Complaints still in stage 1 keep their due time as stage 1's; those already past it get it
-- recomputed by the KPI from the stage's start, as before.
UPDATE "Complaint" SET "firstStageDueAt" = "dueAt" WHERE "stage" = 'STAGE_1';
