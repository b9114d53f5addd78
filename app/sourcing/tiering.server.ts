import { Prisma } from "@prisma/client";
import { type Tx } from "~/utils/db.server";
import { findCompaniesByKey } from "./companies.server";
import { companyMatchKey } from "./company-match";
import { type TierCriteria, type TierJob, tierFor } from "./tiers";

/**
 * Applies the market sort (tiers.ts) to the database: a vacancy's criteria come from
 * its company lists and adjacent niches; an application's tier and tierReason come
 * from the candidate's work history.
 */

const CHUNK = 1_000;

export async function loadCriteria(tx: Tx, vacancyId: string): Promise<TierCriteria> {
  const [vacancy, lists] = await Promise.all([
    tx.vacancy.findUnique({ where: { id: vacancyId }, select: { adjacentNiches: true } }),
    tx.vacancyCompanyList.findMany({ where: { vacancyId }, select: { companyId: true, kind: true } }),
  ]);
  return {
    lists: new Map(lists.map((l) => [l.companyId, l.kind])),
    niches: (vacancy?.adjacentNiches ?? []).map((n) => n.trim()).filter(Boolean),
  };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

type WorkRow = {
  id: string;
  candidateId: string;
  companyId: string | null;
  companyName: string;
  industry: string | null;
  title: string;
  startedOn: Date;
  endedOn: Date | null;
};

const WORK_SELECT = {
  id: true,
  candidateId: true,
  companyId: true,
  companyName: true,
  industry: true,
  title: true,
  startedOn: true,
  endedOn: true,
} as const;

function toJob(row: WorkRow): TierJob {
  return {
    companyId: row.companyId,
    companyName: row.companyName,
    industry: row.industry,
    title: row.title,
    startedOn: isoDate(row.startedOn),
    endedOn: row.endedOn ? isoDate(row.endedOn) : null,
  };
}

/**
 * Links jobs that were saved without a catalog company to the company their
 * employer's name matches, when the catalog has one (no company is created here), so
 * a company put on a list later still catches the people who worked there.
 */
async function linkUnlinkedJobs(tx: Tx, rows: WorkRow[]): Promise<void> {
  const unlinked = rows.filter((r) => !r.companyId);
  if (!unlinked.length) return;
  const keys = new Map(unlinked.map((r) => [r.id, companyMatchKey(r.companyName)]));
  const found = await findCompaniesByKey(tx, [...keys.values()]);
  const links: Array<[string, string]> = [];
  for (const row of unlinked) {
    const company = found.get(keys.get(row.id)!);
    if (!company) continue;
    row.companyId = company.id;
    links.push([row.id, company.id]);
  }
  if (!links.length) return;
  await tx.$executeRaw`
    UPDATE "WorkExperience" AS w SET "companyId" = v.company
    FROM unnest(${links.map((l) => l[0])}::text[], ${links.map((l) => l[1])}::text[]) AS v(id, company)
    WHERE w.id = v.id AND w."companyId" IS NULL`;
}

async function workHistories(tx: Tx, candidateIds: readonly string[]): Promise<Map<string, TierJob[]>> {
  const rows = await tx.workExperience.findMany({ where: { candidateId: { in: [...candidateIds] } }, select: WORK_SELECT });
  await linkUnlinkedJobs(tx, rows);
  const byCandidate = new Map<string, TierJob[]>();
  for (const row of rows) {
    const jobs = byCandidate.get(row.candidateId) ?? [];
    jobs.push(toJob(row));
    byCandidate.set(row.candidateId, jobs);
  }
  return byCandidate;
}

export async function tierCandidate(tx: Tx, candidateId: string, criteria: TierCriteria): Promise<ReturnType<typeof tierFor>> {
  const histories = await workHistories(tx, [candidateId]);
  return tierFor(histories.get(candidateId) ?? [], criteria);
}

/**
 * Recomputes tier and tierReason of every application to the vacancy (after its lists
 * or niches changed, or companies were merged) and returns how many changed. Erased
 * candidates keep the tier they had: their work history is gone, not their past.
 */
export async function retierVacancy(tx: Tx, vacancyId: string): Promise<number> {
  const criteria = await loadCriteria(tx, vacancyId);
  let changed = 0;
  let cursor: string | undefined;
  for (;;) {
    const applications = await tx.application.findMany({
      where: { vacancyId, candidate: { erasedAt: null } },
      select: { id: true, candidateId: true },
      orderBy: { id: "asc" },
      take: CHUNK,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!applications.length) break;
    cursor = applications.at(-1)!.id;
    const histories = await workHistories(tx, applications.map((a) => a.candidateId));
    const results = applications.map((a) => tierFor(histories.get(a.candidateId) ?? [], criteria));
    changed += await tx.$executeRaw`
      UPDATE "Application" AS a SET "tier" = v.tier::"SourcingTier", "tierReason" = v.reason::jsonb, "updatedAt" = now()
      FROM unnest(
        ${applications.map((a) => a.id)}::text[],
        ${results.map((r) => r.tier)}::text[],
        ${results.map((r) => (r.reason ? JSON.stringify(r.reason) : null))}::text[]
      ) AS v(id, tier, reason)
      WHERE a.id = v.id
        AND (a."tier" IS DISTINCT FROM v.tier::"SourcingTier" OR a."tierReason" IS DISTINCT FROM v.reason::jsonb)`;
    if (applications.length < CHUNK) break;
  }
  return changed;
}

/** Retiers every vacancy that lists one of the companies; returns how many applications changed. */
export async function retierVacanciesListing(tx: Tx, companyIds: readonly string[]): Promise<number> {
  if (!companyIds.length) return 0;
  const vacancies = await tx.$queryRaw<Array<{ vacancyId: string }>>`
    SELECT DISTINCT "vacancyId" FROM "VacancyCompanyList" WHERE "companyId" IN (${Prisma.join([...companyIds])})`;
  let changed = 0;
  for (const v of vacancies) changed += await retierVacancy(tx, v.vacancyId);
  return changed;
}
