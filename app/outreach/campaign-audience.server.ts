import { Prisma, type SourcingTier, type Stage } from "@prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { type Audience, type AudienceCandidate, readAudience, splitAudience } from "./audience";

/**
 * A campaign's audience read from the database: every application of its vacancy the
 * audience picks (its filter, or its hand-built list), with the facts the exclusion
 * rule in audience.ts needs. One query, however many people.
 */

export type AudienceRow = AudienceCandidate & {
  id: string;
  candidateId: string;
  stage: Stage;
  firstName: string;
  lastName: string;
  middleName: string | null;
};

type Raw = {
  id: string;
  candidateId: string;
  stage: Stage;
  tier: SourcingTier | null;
  tierReason: unknown;
  contactOverrideAt: Date | null;
  contactOverrideMatch: unknown;
  firstName: string;
  lastName: string;
  middleName: string | null;
  email: string | null;
  doNotContact: boolean;
  erasedAt: Date | null;
  mergedIntoId: string | null;
  alreadyReceived: boolean;
};

function audienceCondition(campaignId: string, audience: Audience): Prisma.Sql {
  if (audience.mode === "list") {
    return Prisma.sql`a.id IN (SELECT "applicationId" FROM "CampaignMember" WHERE "campaignId" = ${campaignId})`;
  }
  const parts = [Prisma.sql`a.stage::text IN (${Prisma.join(audience.stages)})`];
  if (audience.tiers.length) parts.push(Prisma.sql`a.tier::text IN (${Prisma.join(audience.tiers)})`);
  if (audience.sources.length) {
    // A source is where the person came from first, or any source that has a record of them (as the candidate list filters).
    parts.push(Prisma.sql`(c.source::text IN (${Prisma.join(audience.sources)}) OR EXISTS (
      SELECT 1 FROM "SourceRecord" s WHERE s."candidateId" = c.id AND s.source::text IN (${Prisma.join(audience.sources)})))`);
  }
  if (audience.tags.length) parts.push(Prisma.sql`c.tags && ARRAY[${Prisma.join(audience.tags)}]::text[]`);
  return Prisma.join(parts, " AND ");
}

/** The audience of a campaign as rows, sorted by name. `client`: a transaction to read under its locks. */
export async function loadAudience(
  client: Tx | ReturnType<typeof db>,
  campaign: { id: string; vacancyId: string; audience: unknown },
): Promise<AudienceRow[]> {
  const audience = readAudience(campaign.audience);
  const rows = await client.$queryRaw<Raw[]>`
    SELECT a.id, a."candidateId", a.stage::text AS stage, a.tier::text AS tier, a."tierReason",
      a."contactOverrideAt", a."contactOverrideMatch",
      c."firstName", c."lastName", c."middleName", c.email, c."doNotContact", c."erasedAt", c."mergedIntoId",
      EXISTS (
        SELECT 1 FROM "EmailMessage" m
        WHERE m."campaignId" = ${campaign.id} AND (m."applicationId" = a.id OR m."candidateId" = a."candidateId")
      ) AS "alreadyReceived"
    FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
    WHERE a."vacancyId" = ${campaign.vacancyId} AND ${audienceCondition(campaign.id, audience)}
    ORDER BY c."lastName", c."firstName", a.id`;
  return rows.map((r) => ({
    id: r.id,
    candidateId: r.candidateId,
    stage: r.stage,
    tier: r.tier,
    tierReason: r.tierReason,
    contactOverrideAt: r.contactOverrideAt,
    contactOverrideMatch: r.contactOverrideMatch,
    firstName: r.firstName,
    lastName: r.lastName,
    middleName: r.middleName,
    alreadyReceived: r.alreadyReceived,
    candidate: { email: r.email, doNotContact: r.doNotContact, erasedAt: r.erasedAt, mergedIntoId: r.mergedIntoId },
  }));
}

export const PREVIEW_PAGE_SIZE = 50;

export type PreviewPerson = {
  applicationId: string;
  candidateId: string;
  /** Null for an erased person: nothing of them is shown. */
  name: { firstName: string; lastName: string; middleName: string | null } | null;
  email: string | null;
  stage: Stage;
  tier: SourcingTier | null;
};

const person = (row: AudienceRow): PreviewPerson => {
  const erased = Boolean(row.candidate.erasedAt);
  return {
    applicationId: row.id,
    candidateId: row.candidateId,
    name: erased ? null : { firstName: row.firstName, lastName: row.lastName, middleName: row.middleName },
    email: erased ? null : row.candidate.email,
    stage: row.stage,
    tier: row.tier,
  };
};

/**
 * Who would get the campaign if it were launched now and who is left out and why:
 * counts, and the first page of each list. Launch applies the same rule again under
 * its locks (and the one contact rule has the final say there). `pageSize: Infinity`
 * lists everyone (the CLI's dry run).
 */
export async function previewAudience(campaignId: string, { pageSize = PREVIEW_PAGE_SIZE }: { pageSize?: number } = {}) {
  const campaign = await db().campaign.findUnique({ where: { id: campaignId }, select: { id: true, vacancyId: true, audience: true } });
  if (!campaign) return null;
  const { recipients, leftOut, counts } = splitAudience(await loadAudience(db(), campaign));
  return {
    recipientCount: recipients.length,
    leftOutCount: leftOut.length,
    counts,
    recipients: recipients.slice(0, pageSize).map(person),
    leftOut: leftOut.slice(0, pageSize).map(({ row, reason }) => ({ ...person(row), reason })),
  };
}
