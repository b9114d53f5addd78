-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TemplateKind" AS ENUM ('SELLING_LETTER', 'QUESTIONNAIRE_INVITATION', 'INTERVIEW_INVITATION', 'REMINDER', 'REJECTION', 'OFFER', 'CLIENT_NOTICE');

-- CreateEnum
CREATE TYPE "CallOutcome" AS ENUM ('NO_ANSWER', 'CALL_BACK', 'INTERESTED', 'NOT_INTERESTED', 'WRONG_NUMBER');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('SMS', 'MESSENGER', 'EMAIL', 'PHONE', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactDirection" AS ENUM ('OUTBOUND', 'INBOUND');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EmailStatus" ADD VALUE 'BOUNCED';
ALTER TYPE "EmailStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "Vacancy" ADD COLUMN     "callScript" TEXT;

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "audience" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "exclusions" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "launchedAt" TIMESTAMP(3),
ADD COLUMN     "launchedById" TEXT,
ADD COLUMN     "locale" "Locale" NOT NULL DEFAULT 'ru',
ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "ratePerHour" INTEGER NOT NULL DEFAULT 600,
ADD COLUMN     "ratePerMinute" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "scheduledAt" TIMESTAMP(3),
ADD COLUMN     "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "templateId" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Moscow',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "windowDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
ADD COLUMN     "windowEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "windowEnd" INTEGER NOT NULL DEFAULT 1140,
ADD COLUMN     "windowStart" INTEGER NOT NULL DEFAULT 540;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "applicationId" TEXT,
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "campaignId" TEXT,
ADD COLUMN     "headers" JSONB,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "templateKind" "TemplateKind",
ADD COLUMN     "unconfirmed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "unsubscribeTokenHash" TEXT;

-- CreateTable
CREATE TABLE "MailHandover" (
    "emailId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailHandover_pkey" PRIMARY KEY ("emailId")
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" TEXT NOT NULL,
    "kind" "TemplateKind" NOT NULL,
    "name" TEXT NOT NULL,
    "vacancyId" TEXT,
    "subjectRu" TEXT NOT NULL DEFAULT '',
    "bodyRu" TEXT NOT NULL DEFAULT '',
    "subjectEn" TEXT NOT NULL DEFAULT '',
    "bodyEn" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallTask" (
    "applicationId" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastOutcome" "CallOutcome",
    "lastCalledAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "callbackRequested" BOOLEAN NOT NULL DEFAULT false,
    "claimedById" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallTask_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "CallAttempt" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "recruiterId" TEXT,
    "outcome" "CallOutcome" NOT NULL,
    "callbackAt" TIMESTAMP(3),
    "reason" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactLog" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "applicationId" TEXT,
    "channel" "ContactChannel" NOT NULL,
    "direction" "ContactDirection" NOT NULL,
    "body" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MessageTemplate_name_key" ON "MessageTemplate"("name");

-- CreateIndex
CREATE INDEX "MessageTemplate_kind_idx" ON "MessageTemplate"("kind");

-- CreateIndex
CREATE INDEX "CallTask_vacancyId_doneAt_dueAt_idx" ON "CallTask"("vacancyId", "doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "CallAttempt_applicationId_createdAt_idx" ON "CallAttempt"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "CallAttempt_vacancyId_createdAt_idx" ON "CallAttempt"("vacancyId", "createdAt");

-- CreateIndex
CREATE INDEX "CallAttempt_recruiterId_createdAt_idx" ON "CallAttempt"("recruiterId", "createdAt");

-- CreateIndex
CREATE INDEX "ContactLog_candidateId_occurredAt_idx" ON "ContactLog"("candidateId", "occurredAt");

-- CreateIndex
CREATE INDEX "Campaign_status_idx" ON "Campaign"("status");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_unsubscribeTokenHash_key" ON "EmailMessage"("unsubscribeTokenHash");

-- CreateIndex
CREATE INDEX "EmailMessage_applicationId_idx" ON "EmailMessage"("applicationId");

-- CreateIndex
CREATE INDEX "EmailMessage_campaignId_status_idx" ON "EmailMessage"("campaignId", "status");

-- CreateIndex
CREATE INDEX "EmailMessage_campaignId_sentAt_idx" ON "EmailMessage"("campaignId", "sentAt");

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "MessageTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTask" ADD CONSTRAINT "CallTask_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallAttempt" ADD CONSTRAINT "CallAttempt_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLog" ADD CONSTRAINT "ContactLog_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

