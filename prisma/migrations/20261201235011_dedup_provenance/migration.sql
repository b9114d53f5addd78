-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "fieldSources" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "SourceRecord" ADD COLUMN     "email" TEXT,
ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "CandidateMerge" ADD COLUMN     "undo" JSONB;

-- AlterTable
ALTER TABLE "WorkExperience" ADD COLUMN     "sourceRecordId" TEXT;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "contactOverrideMatch" JSONB,
ADD COLUMN     "sourceRecordId" TEXT;

-- CreateIndex
CREATE INDEX "SourceRecord_email_idx" ON "SourceRecord"("email");

-- CreateIndex
CREATE INDEX "SourceRecord_phone_idx" ON "SourceRecord"("phone");

-- CreateIndex
CREATE INDEX "WorkExperience_sourceRecordId_idx" ON "WorkExperience"("sourceRecordId");

-- CreateIndex
CREATE INDEX "Application_sourceRecordId_idx" ON "Application"("sourceRecordId");

-- AddForeignKey
ALTER TABLE "WorkExperience" ADD CONSTRAINT "WorkExperience_sourceRecordId_fkey" FOREIGN KEY ("sourceRecordId") REFERENCES "SourceRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_sourceRecordId_fkey" FOREIGN KEY ("sourceRecordId") REFERENCES "SourceRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written data changes below (Prisma writes only the schema part).

-- A merge's undo data moves from its audit entry to the merge row, and the audit entry
-- keeps the names of the filled fields only: the audit trail outlives an erasure, the
-- merge row's undo data does not. This one correction rewrites audit rows, so the
-- append-only trigger is lifted for it and put back in the same transaction.
UPDATE "CandidateMerge" m SET "undo" = jsonb_build_object(
    'filled', COALESCE(e.details->'filled', '{}'::jsonb),
    'fieldSources', '{}'::jsonb,
    'tagsAdded', COALESCE(e.details->'tagsAdded', '[]'::jsonb),
    'doNotContactAt', e.details->'doNotContactAt',
    'swapped', COALESCE(e.details->'swapped', '[]'::jsonb))
  FROM "AuditEntry" e
  WHERE e.action = 'candidate.merge' AND e.details->>'mergeId' = m.id;

ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only";
UPDATE "AuditEntry" SET details = jsonb_build_object(
    'mergeId', details->'mergeId',
    'otherId', details->'otherId',
    'reason', details->'reason',
    'filled', (SELECT COALESCE(jsonb_agg(k ORDER BY k), '[]'::jsonb)
               FROM jsonb_object_keys(CASE WHEN jsonb_typeof(details->'filled') = 'object' THEN details->'filled' ELSE '{}'::jsonb END) k),
    'tagsAdded', CASE WHEN jsonb_typeof(details->'tagsAdded') = 'array' THEN jsonb_array_length(details->'tagsAdded') ELSE 0 END,
    'doNotContactAdded', (details->>'doNotContactAt') IS NOT NULL)
  WHERE action = 'candidate.merge' AND jsonb_typeof(details->'filled') = 'object';
ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only";

-- Contacts of the source records we hold, for matching. The e-mail as normalizeEmail
-- keeps it; phones only in the form nearly every resume gives (a Russian mobile,
-- with or without +7/8): other numbers are matched once their record is imported again.
UPDATE "SourceRecord" s SET
    "email" = CASE
      WHEN lower(btrim(s.parsed->>'email')) ~ '^[^\s@"''<>(),;:]+@[^\s@"''<>(),;:]+\.[^\s@"''<>(),;:.]{2,}$'
        AND position('..' IN s.parsed->>'email') = 0
      THEN lower(btrim(s.parsed->>'email')) END,
    "phone" = (SELECT CASE
        WHEN p.raw ~ '[[:alpha:],;/]' THEN NULL
        WHEN p.d ~ '^[78]9[0-9]{9}$' THEN '+7' || substr(p.d, 2)
        WHEN p.d ~ '^9[0-9]{9}$' THEN '+7' || p.d
      END
      FROM (SELECT s.parsed->>'phone' AS raw, regexp_replace(COALESCE(s.parsed->>'phone', ''), '[^0-9]', '', 'g') AS d) p)
  FROM "Candidate" c
  WHERE c.id = s."candidateId" AND c."erasedAt" IS NULL AND s.adapter <> 'apply-page';

-- Overrides given so far were given for the match the application has now.
UPDATE "Application" SET "contactOverrideMatch" = "tierReason"
  WHERE "contactOverrideAt" IS NOT NULL AND "tierReason" IS NOT NULL;
