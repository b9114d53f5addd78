-- DropIndex
DROP INDEX "EmailMessage_campaignId_sentAt_idx";

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "attemptedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "EmailMessage_campaignId_attemptedAt_idx" ON "EmailMessage"("campaignId", "attemptedAt");

