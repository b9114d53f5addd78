-- CreateEnum
CREATE TYPE "QuestionnaireVerdict" AS ENUM ('PASSED', 'KNOCKED_OUT');

-- AlterTable
ALTER TABLE "Vacancy" ADD COLUMN     "questionnaireId" TEXT;

-- CreateTable
CREATE TABLE "Questionnaire" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reminderAfterHours" INTEGER NOT NULL DEFAULT 48,
    "linkValidDays" INTEGER NOT NULL DEFAULT 14,
    "archivedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireVersion" (
    "id" TEXT NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionnaireVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireInvite" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "emailId" TEXT,
    "remindedAt" TIMESTAMP(3),
    "isReminder" BOOLEAN NOT NULL DEFAULT false,
    "openedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionnaireInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireResponse" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "inviteId" TEXT,
    "answers" JSONB NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "knockouts" JSONB NOT NULL DEFAULT '[]',
    "verdict" "QuestionnaireVerdict" NOT NULL,
    "override" "QuestionnaireVerdict",
    "overrideReason" TEXT,
    "overrideById" TEXT,
    "overrideAt" TIMESTAMP(3),
    "locale" "Locale" NOT NULL DEFAULT 'ru',
    "consentVersion" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionnaireResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Questionnaire_name_key" ON "Questionnaire"("name");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireVersion_questionnaireId_version_key" ON "QuestionnaireVersion"("questionnaireId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireInvite_tokenHash_key" ON "QuestionnaireInvite"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireInvite_emailId_key" ON "QuestionnaireInvite"("emailId");

-- CreateIndex
CREATE INDEX "QuestionnaireInvite_applicationId_idx" ON "QuestionnaireInvite"("applicationId");

-- CreateIndex
CREATE INDEX "QuestionnaireInvite_questionnaireId_remindedAt_idx" ON "QuestionnaireInvite"("questionnaireId", "remindedAt");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_vacancyId_score_idx" ON "QuestionnaireResponse"("vacancyId", "score");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_questionnaireId_idx" ON "QuestionnaireResponse"("questionnaireId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireResponse_applicationId_questionnaireId_key" ON "QuestionnaireResponse"("applicationId", "questionnaireId");

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireVersion" ADD CONSTRAINT "QuestionnaireVersion_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireInvite" ADD CONSTRAINT "QuestionnaireInvite_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireInvite" ADD CONSTRAINT "QuestionnaireInvite_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "QuestionnaireVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

