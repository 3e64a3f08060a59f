-- The sweep's schedule moves from Ticket."slaNextCheckAt" to a narrow table of its own. Moving a
-- clock's next moment was an update of the ticket row and, as the column was indexed, a new entry
-- in every one of Ticket's sixteen indexes (the search's trigram index among them); now it is a
-- row of two columns with two indexes. After a change to the calendar every running clock's
-- moment moves (npm run bench:sweep, "every running clock again": figures in the commit).

-- CreateTable
CREATE TABLE "SlaCheck" (
    "ticketId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaCheck_pkey" PRIMARY KEY ("ticketId")
);

-- Hand-written: the moments move over before their column goes.
INSERT INTO "SlaCheck" ("ticketId", "at") SELECT "id", "slaNextCheckAt" FROM "Ticket" WHERE "slaNextCheckAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "SlaCheck_at_ticketId_idx" ON "SlaCheck"("at", "ticketId");

-- AddForeignKey
ALTER TABLE "SlaCheck" ADD CONSTRAINT "SlaCheck_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "Ticket_slaNextCheckAt_id_idx";

-- AlterTable
ALTER TABLE "Ticket" DROP COLUMN "slaNextCheckAt";
