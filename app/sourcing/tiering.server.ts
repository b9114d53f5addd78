import { Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { type Tx } from "~/utils/db.server";
import { findCompaniesByKey } from "./companies.server";
import { companyMatchKey } from "./company-match";
import { overrideCovers } from "./contact-policy";
import { type Tier, type TierCriteria, type TierJob, type TierReason, tierFor } from "./tiers";

/**
 * Applies the market sort (tiers.ts) to the database: a vacancy's criteria come from
 * its company lists and adjacent niches; an application's tier and tierReason come
 * from the candidate's work history.
 *
 * Whatever changes a work history (an import, a merge, an un-merge, a split) calls
 * retierCandidates in its own transaction, so every application of those people, on
 * every vacancy, shows the tier their history gives. Every tier write goes through
 * writeTiers, which also takes back a contact override that no longer covers the
 * excluded company the candidate is struck out for.
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

export type TierUpdate = { applicationId: string; tier: Tier; reason: TierReason | null };

type Overridden = { id: string; candidateId: string; vacancyId: string; tier: string | null; tierReason: unknown; contactOverrideMatch: unknown };

/**
 * Writes tiers and reasons, only where they changed, and returns how many changed.
 * An application whose contact override was given for another excluded company than
 * the one it is now struck out for loses the override (audited): the person allowed
 * contact despite one company, not despite any.
 */
export async function writeTiers(tx: Tx, updates: readonly TierUpdate[], actorId: string | null = null): Promise<number> {
  if (!updates.length) return 0;
  const ids = updates.map((u) => u.applicationId);
  const overridden = await tx.$queryRaw<Overridden[]>`
    SELECT id, "candidateId", "vacancyId", tier::text AS tier, "tierReason", "contactOverrideMatch" FROM "Application"
    WHERE id = ANY(${ids}::text[]) AND "contactOverrideAt" IS NOT NULL ORDER BY id FOR UPDATE`;
  const byId = new Map(updates.map((u) => [u.applicationId, u]));
  const cleared = overridden.filter((a) => {
    const next = byId.get(a.id)!;
    const given = a.contactOverrideMatch ?? (a.tier === "EXCLUDED" ? a.tierReason : null);
    return next.tier === "EXCLUDED" && !overrideCovers(given, next.reason);
  });
  const clear = new Set(cleared.map((a) => a.id));
  const changed = await tx.$executeRaw`
    UPDATE "Application" AS a SET "tier" = v.tier::"SourcingTier", "tierReason" = v.reason::jsonb, "updatedAt" = now(),
      "contactOverrideAt" = CASE WHEN v.clear THEN NULL ELSE a."contactOverrideAt" END,
      "contactOverrideReason" = CASE WHEN v.clear THEN NULL ELSE a."contactOverrideReason" END,
      "contactOverrideById" = CASE WHEN v.clear THEN NULL ELSE a."contactOverrideById" END,
      "contactOverrideMatch" = CASE WHEN v.clear THEN NULL ELSE a."contactOverrideMatch" END
    FROM unnest(
      ${ids}::text[],
      ${updates.map((u) => u.tier)}::text[],
      ${updates.map((u) => (u.reason ? JSON.stringify(u.reason) : null))}::text[],
      ${updates.map((u) => clear.has(u.applicationId))}::boolean[]
    ) AS v(id, tier, reason, clear)
    WHERE a.id = v.id
      AND (a."tier" IS DISTINCT FROM v.tier::"SourcingTier" OR a."tierReason" IS DISTINCT FROM v.reason::jsonb)`;
  for (const a of cleared) {
    await audit(tx, {
      actorId,
      action: "candidate.contact-override-clear",
      entityType: "Candidate",
      entityId: a.candidateId,
      details: { applicationId: a.id, vacancyId: a.vacancyId, cause: "excluded-company-changed" },
    });
  }
  return changed;
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
export async function retierVacancy(tx: Tx, vacancyId: string, actorId: string | null = null): Promise<number> {
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
    changed += await writeTiers(
      tx,
      applications.map((a) => ({ applicationId: a.id, ...tierFor(histories.get(a.candidateId) ?? [], criteria) })),
      actorId,
    );
    if (applications.length < CHUNK) break;
  }
  return changed;
}

/**
 * Recomputes the tier of every application of these candidates, on every vacancy
 * (but `exceptVacancyId`, which the caller has just tiered), after their work history
 * changed; returns how many changed. Erased candidates keep theirs, as in retierVacancy.
 */
export async function retierCandidates(
  tx: Tx,
  candidateIds: readonly string[],
  options: { actorId?: string | null; exceptVacancyId?: string | null } = {},
): Promise<number> {
  const ids = [...new Set(candidateIds)];
  const criteria = new Map<string, TierCriteria>();
  let changed = 0;
  for (let at = 0; at < ids.length; at += CHUNK) {
    const part = ids.slice(at, at + CHUNK);
    const applications = await tx.application.findMany({
      where: {
        candidateId: { in: part },
        candidate: { erasedAt: null },
        ...(options.exceptVacancyId ? { vacancyId: { not: options.exceptVacancyId } } : {}),
      },
      select: { id: true, candidateId: true, vacancyId: true },
    });
    if (!applications.length) continue;
    for (const vacancyId of new Set(applications.map((a) => a.vacancyId))) {
      if (!criteria.has(vacancyId)) criteria.set(vacancyId, await loadCriteria(tx, vacancyId));
    }
    const histories = await workHistories(tx, [...new Set(applications.map((a) => a.candidateId))]);
    changed += await writeTiers(
      tx,
      applications.map((a) => ({ applicationId: a.id, ...tierFor(histories.get(a.candidateId) ?? [], criteria.get(a.vacancyId)!) })),
      options.actorId ?? null,
    );
  }
  return changed;
}

/** Retiers every vacancy that lists one of the companies; returns how many applications changed. */
export async function retierVacanciesListing(tx: Tx, companyIds: readonly string[], actorId: string | null = null): Promise<number> {
  if (!companyIds.length) return 0;
  const vacancies = await tx.$queryRaw<Array<{ vacancyId: string }>>`
    SELECT DISTINCT "vacancyId" FROM "VacancyCompanyList" WHERE "companyId" IN (${Prisma.join([...companyIds])})`;
  let changed = 0;
  for (const v of vacancies) changed += await retierVacancy(tx, v.vacancyId, actorId);
  return changed;
}
