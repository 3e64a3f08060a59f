-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "kvkNumber" TEXT,
ADD COLUMN     "rsin" TEXT;
