-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "mailPendingAt" TIMESTAMP(3);

-- Hand-written (Prisma's schema cannot express a partial index): the mails still to write are few
-- at any moment, while the notifications are many.
CREATE INDEX "Notification_mail_pending_idx" ON "Notification" ("userId", "kind") WHERE "mailPendingAt" IS NOT NULL;
