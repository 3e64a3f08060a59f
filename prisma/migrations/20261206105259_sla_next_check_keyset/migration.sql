-- DropIndex
DROP INDEX "Ticket_slaNextCheckAt_idx";

-- CreateIndex
CREATE INDEX "Ticket_slaNextCheckAt_id_idx" ON "Ticket"("slaNextCheckAt", "id");
