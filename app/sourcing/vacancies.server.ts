import { type Stage, type VacancyStatus } from "@prisma/client";
import { isOpen, STAGES } from "~/pipeline/stages";
import { db } from "~/utils/db.server";

export type StageCounts = Record<Stage, number>;

function emptyCounts(): StageCounts {
  return Object.fromEntries(STAGES.map((stage) => [stage, 0])) as StageCounts;
}

/** How many applications each vacancy has at each stage right now. */
export async function stageCountsByVacancy(vacancyIds: readonly string[]) {
  const counts = new Map<string, StageCounts>(vacancyIds.map((id) => [id, emptyCounts()]));
  if (!vacancyIds.length) return counts;
  const groups = await db().application.groupBy({
    by: ["vacancyId", "stage"],
    where: { vacancyId: { in: [...vacancyIds] } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const row = counts.get(group.vacancyId);
    if (row) row[group.stage] = group._count._all;
  }
  return counts;
}

/** Applications still in the running (neither hired nor out). */
export function inProgress(counts: StageCounts): number {
  return STAGES.filter(isOpen).reduce((sum, stage) => sum + counts[stage], 0);
}

const personName = { select: { id: true, name: true } } as const;

export async function listVacancies({ status }: { status?: VacancyStatus } = {}) {
  const vacancies = await db().vacancy.findMany({
    where: status ? { status } : {},
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      city: true,
      industry: true,
      status: true,
      openings: true,
      salaryMinRub: true,
      salaryMaxRub: true,
      createdAt: true,
      recruiter: personName,
      hiringManager: personName,
    },
  });
  const counts = await stageCountsByVacancy(vacancies.map((v) => v.id));
  return vacancies.map((v) => ({ ...v, counts: counts.get(v.id) ?? emptyCounts() }));
}

/**
 * Home page: every open vacancy with its openings and stage counts, the ones the
 * user works on (as recruiter, hiring manager or department head) first.
 */
export async function pipelineDashboard(userId: string) {
  const vacancies = await db().vacancy.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      city: true,
      openings: true,
      recruiterId: true,
      hiringManagerId: true,
      departmentHeadId: true,
      recruiter: personName,
    },
  });
  const counts = await stageCountsByVacancy(vacancies.map((v) => v.id));
  const rows = vacancies.map(({ recruiterId, hiringManagerId, departmentHeadId, ...v }) => ({
    ...v,
    mine: [recruiterId, hiringManagerId, departmentHeadId].includes(userId),
    counts: counts.get(v.id) ?? emptyCounts(),
  }));
  const sum = (pick: (c: StageCounts) => number) => rows.reduce((s, r) => s + pick(r.counts), 0);
  return {
    mine: rows.filter((r) => r.mine),
    others: rows.filter((r) => !r.mine),
    totals: {
      openVacancies: rows.length,
      openings: rows.reduce((s, r) => s + r.openings, 0),
      inProgress: sum(inProgress),
      interviews: sum((c) => c.INTERVIEW_INVITED + c.INTERVIEWED),
      probation: sum((c) => c.PROBATION),
    },
  };
}

export async function getVacancy(id: string) {
  const vacancy = await db().vacancy.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      city: true,
      industry: true,
      niche: true,
      openings: true,
      salaryMinRub: true,
      salaryMaxRub: true,
      status: true,
      description: true,
      sellingLetter: true,
      adjacentNiches: true,
      requireLocal: true,
      salaryCeilingRub: true,
      createdAt: true,
      closedAt: true,
      recruiter: personName,
      hiringManager: personName,
      departmentHead: personName,
      companyLists: {
        select: { kind: true, company: { select: { id: true, name: true } } },
        orderBy: { company: { name: "asc" } },
      },
    },
  });
  if (!vacancy) return null;
  const counts = (await stageCountsByVacancy([id])).get(id) ?? emptyCounts();
  return { ...vacancy, counts };
}

/** For filter drop-downs: every vacancy that is not a draft, open ones first. */
export async function listVacancyOptions() {
  return db().vacancy.findMany({
    where: { status: { not: "DRAFT" } },
    orderBy: [{ status: "asc" }, { title: "asc" }],
    select: { id: true, title: true, city: true, status: true, openings: true },
  });
}
