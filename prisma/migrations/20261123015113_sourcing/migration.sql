-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "ImportChannel" AS ENUM ('API', 'FILE', 'PAGE', 'FORM');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEW', 'QUEUED', 'RUNNING', 'COMMITTED', 'FAILED', 'DISCARDED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CandidateSource" ADD VALUE 'FILE' BEFORE 'INBOUND';
ALTER TYPE "CandidateSource" ADD VALUE 'WEB_PAGE' BEFORE 'INBOUND';

-- AlterTable
ALTER TABLE "Vacancy" ADD COLUMN     "adjacentNiches" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "requireLocal" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "salaryCeilingRub" INTEGER,
ADD COLUMN     "sellingLetter" TEXT;

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "relocation" BOOLEAN,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "contactOverrideAt" TIMESTAMP(3),
ADD COLUMN     "contactOverrideById" TEXT,
ADD COLUMN     "contactOverrideReason" TEXT,
ADD COLUMN     "tierReason" JSONB;

-- CreateTable
CREATE TABLE "SourceRecord" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "source" "CandidateSource" NOT NULL,
    "channel" "ImportChannel" NOT NULL,
    "adapter" TEXT NOT NULL,
    "externalId" TEXT,
    "url" TEXT,
    "fingerprint" TEXT NOT NULL,
    "raw" JSONB NOT NULL,
    "parsed" JSONB NOT NULL,
    "importBatchId" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT,
    "source" "CandidateSource" NOT NULL,
    "channel" "ImportChannel" NOT NULL,
    "adapter" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "records" JSONB NOT NULL,
    "rowErrors" JSONB NOT NULL DEFAULT '[]',
    "summary" JSONB NOT NULL DEFAULT '{}',
    "mapping" JSONB,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateMerge" (
    "id" TEXT NOT NULL,
    "survivorId" TEXT NOT NULL,
    "mergedId" TEXT NOT NULL,
    "sourceRecordIds" TEXT[],
    "applicationIds" TEXT[],
    "workExperienceIds" TEXT[],
    "actorId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "CandidateMerge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignMember" (
    "campaignId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignMember_pkey" PRIMARY KEY ("campaignId","applicationId")
);

-- CreateIndex
CREATE INDEX "SourceRecord_candidateId_idx" ON "SourceRecord"("candidateId");

-- CreateIndex
CREATE INDEX "SourceRecord_importBatchId_idx" ON "SourceRecord"("importBatchId");

-- CreateIndex
CREATE UNIQUE INDEX "SourceRecord_source_externalId_key" ON "SourceRecord"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "SourceRecord_source_fingerprint_key" ON "SourceRecord"("source", "fingerprint");

-- CreateIndex
CREATE INDEX "ImportBatch_createdAt_idx" ON "ImportBatch"("createdAt");

-- CreateIndex
CREATE INDEX "CandidateMerge_survivorId_idx" ON "CandidateMerge"("survivorId");

-- CreateIndex
CREATE INDEX "CandidateMerge_mergedId_idx" ON "CandidateMerge"("mergedId");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_vacancyId_name_key" ON "Campaign"("vacancyId", "name");

-- CreateIndex
CREATE INDEX "CampaignMember_applicationId_idx" ON "CampaignMember"("applicationId");

-- CreateIndex
CREATE INDEX "Candidate_mergedIntoId_idx" ON "Candidate"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Candidate_createdAt_idx" ON "Candidate"("createdAt");

-- CreateIndex
CREATE INDEX "Candidate_searchText_idx" ON "Candidate" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Candidate_city_idx" ON "Candidate"("city");

-- CreateIndex
CREATE INDEX "Candidate_salaryExpectationRub_idx" ON "Candidate"("salaryExpectationRub");

-- CreateIndex
CREATE INDEX "Application_vacancyId_tier_idx" ON "Application"("vacancyId", "tier");

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Candidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRecord" ADD CONSTRAINT "SourceRecord_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRecord" ADD CONSTRAINT "SourceRecord_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMember" ADD CONSTRAINT "CampaignMember_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMember" ADD CONSTRAINT "CampaignMember_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

