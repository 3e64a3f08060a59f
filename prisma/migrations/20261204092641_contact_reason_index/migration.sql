-- DropIndex
DROP INDEX "Ticket_createdAt_idx";

-- CreateIndex
CREATE INDEX "Ticket_createdAt_categoryId_channel_senderUnverified_idx" ON "Ticket"("createdAt", "categoryId", "channel", "senderUnverified");
