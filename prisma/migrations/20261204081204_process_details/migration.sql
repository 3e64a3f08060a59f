-- CreateEnum
CREATE TYPE "UrgentVerification" AS ENUM ('PENDING', 'CONFIRMED', 'NOT_URGENT', 'NOT_REACHED');

-- AlterEnum
ALTER TYPE "AppointmentStatus" ADD VALUE 'WRONG_NUMBER';

-- AlterEnum
ALTER TYPE "ContactNoteKind" ADD VALUE 'WRONG_NUMBER';

-- AlterEnum
ALTER TYPE "SlaUnit" ADD VALUE 'OPENING_HOURS';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "postalCity" TEXT,
ADD COLUMN     "postalCode" TEXT,
ADD COLUMN     "postalStreet" TEXT;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "postalCity" TEXT,
ADD COLUMN     "postalCode" TEXT,
ADD COLUMN     "postalStreet" TEXT;

-- AlterTable
ALTER TABLE "TicketCategory" ADD COLUMN     "complaintBodyId" TEXT;

-- AlterTable
ALTER TABLE "PreAnnouncement" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "linkedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "UrgentRequest" ADD COLUMN     "verification" "UrgentVerification",
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedById" TEXT,
ADD COLUMN     "verifyNote" TEXT;

-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN     "ombudsReason" TEXT,
ADD COLUMN     "ombudsRequestedById" TEXT;

-- AlterTable
ALTER TABLE "SlaPolicy" ADD COLUMN     "lineKey" TEXT;

-- AlterTable: the two fixed lines become rows of ContactLine; the hours keep their line (hand-written,
-- the generated drop-and-add would have lost every opening hour).
ALTER TABLE "OpeningHours" ALTER COLUMN "line" TYPE TEXT USING "line"::text;

-- DropEnum
DROP TYPE "PhoneLine";

-- CreateTable
CREATE TABLE "ComplaintBody" (
    "id" TEXT NOT NULL,
    "nameNl" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "textNl" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplaintBody_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Macro" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'nl',
    "setStatus" "TicketStatus",
    "setCategoryId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Macro_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactLine" (
    "key" TEXT NOT NULL,
    "nameNl" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "phone" TEXT NOT NULL DEFAULT '',
    "audience" "Audience",
    "channels" "Channel"[] DEFAULT ARRAY['PHONE']::"Channel"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactLine_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "LineClosureDay" (
    "lineKey" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "reasonNl" TEXT NOT NULL,
    "reasonEn" TEXT NOT NULL,

    CONSTRAINT "LineClosureDay_pkey" PRIMARY KEY ("lineKey","date")
);

-- Data (hand-written): the two lines that always existed, the default external complaint body from
-- the old setting, and the verification task for urgent mails already flagged "not pre-announced".
INSERT INTO "ContactLine" ("key", "nameNl", "nameEn", "audience", "channels", "sortOrder", "updatedAt") VALUES
  ('BENEFICIARY', 'Lijn voor uitkeringsgerechtigden', 'Beneficiary line', 'BENEFICIARY', ARRAY['PHONE']::"Channel"[], 0, CURRENT_TIMESTAMP),
  ('EMPLOYER', 'Werkgeverslijn', 'Employer line', 'EMPLOYER', ARRAY['PHONE']::"Channel"[], 1, CURRENT_TIMESTAMP);

INSERT INTO "ComplaintBody" ("id", "nameNl", "nameEn", "textNl", "textEn", "isDefault", "updatedAt")
SELECT 'default-complaint-body', 'Externe klachtinstantie', 'External complaint body',
       COALESCE((SELECT "value"->>'nl' FROM "Setting" WHERE "key" = 'complaints.externalBody'), ''),
       COALESCE((SELECT "value"->>'en' FROM "Setting" WHERE "key" = 'complaints.externalBody'), ''),
       true, CURRENT_TIMESTAMP;

UPDATE "UrgentRequest" SET "verification" = 'PENDING' WHERE "notPreAnnounced" AND "answeredAt" IS NULL;

-- CreateIndex
CREATE INDEX "Macro_active_title_idx" ON "Macro"("active", "title");

-- CreateIndex
CREATE INDEX "UrgentRequest_verification_idx" ON "UrgentRequest"("verification");

-- AddForeignKey
ALTER TABLE "TicketCategory" ADD CONSTRAINT "TicketCategory_complaintBodyId_fkey" FOREIGN KEY ("complaintBodyId") REFERENCES "ComplaintBody"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UrgentRequest" ADD CONSTRAINT "UrgentRequest_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_ombudsRequestedById_fkey" FOREIGN KEY ("ombudsRequestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Macro" ADD CONSTRAINT "Macro_setCategoryId_fkey" FOREIGN KEY ("setCategoryId") REFERENCES "TicketCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Macro" ADD CONSTRAINT "Macro_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_lineKey_fkey" FOREIGN KEY ("lineKey") REFERENCES "ContactLine"("key") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningHours" ADD CONSTRAINT "OpeningHours_line_fkey" FOREIGN KEY ("line") REFERENCES "ContactLine"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineClosureDay" ADD CONSTRAINT "LineClosureDay_lineKey_fkey" FOREIGN KEY ("lineKey") REFERENCES "ContactLine"("key") ON DELETE CASCADE ON UPDATE CASCADE;
