-- CreateEnum
CREATE TYPE "StageEvent" AS ENUM ('INTERVIEW_CONFIRMED', 'INTERVIEW_DECLINED', 'INTERVIEW_ATTENDED', 'INTERVIEW_LATE', 'INTERVIEW_NO_SHOW');

-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('WAITLISTED', 'INVITED', 'CONFIRMED', 'DECLINED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AttendanceMark" AS ENUM ('ATTENDED', 'LATE', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "InterviewDecision" AS ENUM ('TAKE', 'RESERVE', 'REJECT');

-- CreateEnum
CREATE TYPE "ScoreRecommendation" AS ENUM ('STRONG_YES', 'YES', 'NO', 'STRONG_NO');

-- AlterTable
ALTER TABLE "StageChange" ADD COLUMN     "event" "StageEvent";

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "attachments" JSONB;

-- CreateTable
CREATE TABLE "InterviewSeries" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewSession" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "seriesId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Moscow',
    "place" TEXT,
    "videoUrl" TEXT,
    "seats" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "rubric" JSONB NOT NULL,
    "decisionDelegateId" TEXT,
    "checkInClosedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewAssessor" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "InterviewAssessor_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "InterviewInvitation" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "sessionId" TEXT,
    "status" "InvitationStatus" NOT NULL DEFAULT 'INVITED',
    "tokenHash" TEXT NOT NULL,
    "emailId" TEXT,
    "waitlistedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "declineNote" TEXT,
    "reminded24hAt" TIMESTAMP(3),
    "reminded2hAt" TIMESTAMP(3),
    "attendance" "AttendanceMark",
    "attendanceAt" TIMESTAMP(3),
    "attendanceById" TEXT,
    "decision" "InterviewDecision",
    "decisionNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewRubric" (
    "vacancyId" TEXT NOT NULL,
    "competencies" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewRubric_pkey" PRIMARY KEY ("vacancyId")
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "scores" JSONB NOT NULL DEFAULT '{}',
    "notes" TEXT,
    "recommendation" "ScoreRecommendation",
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InterviewSeries_vacancyId_idx" ON "InterviewSeries"("vacancyId");

-- CreateIndex
CREATE INDEX "InterviewSession_vacancyId_startsAt_idx" ON "InterviewSession"("vacancyId", "startsAt");

-- CreateIndex
CREATE INDEX "InterviewSession_startsAt_idx" ON "InterviewSession"("startsAt");

-- CreateIndex
CREATE INDEX "InterviewSession_seriesId_idx" ON "InterviewSession"("seriesId");

-- CreateIndex
CREATE INDEX "InterviewAssessor_userId_idx" ON "InterviewAssessor"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewInvitation_tokenHash_key" ON "InterviewInvitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewInvitation_emailId_key" ON "InterviewInvitation"("emailId");

-- CreateIndex
CREATE INDEX "InterviewInvitation_applicationId_idx" ON "InterviewInvitation"("applicationId");

-- CreateIndex
CREATE INDEX "InterviewInvitation_vacancyId_status_idx" ON "InterviewInvitation"("vacancyId", "status");

-- CreateIndex
CREATE INDEX "InterviewInvitation_sessionId_status_idx" ON "InterviewInvitation"("sessionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewInvitation_sessionId_applicationId_key" ON "InterviewInvitation"("sessionId", "applicationId");

-- CreateIndex
CREATE INDEX "Scorecard_sessionId_idx" ON "Scorecard"("sessionId");

-- CreateIndex
CREATE INDEX "Scorecard_assessorId_idx" ON "Scorecard"("assessorId");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_invitationId_assessorId_key" ON "Scorecard"("invitationId", "assessorId");

-- AddForeignKey
ALTER TABLE "InterviewSeries" ADD CONSTRAINT "InterviewSeries_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewSession" ADD CONSTRAINT "InterviewSession_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewSession" ADD CONSTRAINT "InterviewSession_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "InterviewSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewSession" ADD CONSTRAINT "InterviewSession_decisionDelegateId_fkey" FOREIGN KEY ("decisionDelegateId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewAssessor" ADD CONSTRAINT "InterviewAssessor_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewAssessor" ADD CONSTRAINT "InterviewAssessor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewInvitation" ADD CONSTRAINT "InterviewInvitation_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewInvitation" ADD CONSTRAINT "InterviewInvitation_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewInvitation" ADD CONSTRAINT "InterviewInvitation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewRubric" ADD CONSTRAINT "InterviewRubric_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "InterviewInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

