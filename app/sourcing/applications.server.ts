import { type Prisma, type Stage } from "@prisma/client";
import { db } from "~/utils/db.server";
import { PAGE_SIZE, publicSummary } from "./candidate-summary";

/**
 * Leaves out the applications kept with merged candidates (the person's other
 * application to the same vacancy is with the survivor). Merged candidates are few
 * and indexed, so this is cheaper than joining every application to its candidate.
 */
async function notMerged(): Promise<Prisma.ApplicationWhereInput> {
  const merged = await db().candidate.findMany({ where: { mergedIntoId: { not: null } }, select: { id: true } });
  return merged.length ? { candidateId: { notIn: merged.map((c) => c.id) } } : {};
}

/**
 * Applications at the given stages (newest stage change first), with the person
 * behind each: what the outreach, questionnaire, interview and probation pages list.
 */
export async function listApplications({
  stages,
  vacancyId,
  page = 1,
  pageSize = PAGE_SIZE,
}: {
  stages?: readonly Stage[];
  vacancyId?: string;
  page?: number;
  pageSize?: number;
}) {
  const where: Prisma.ApplicationWhereInput = {
    ...(await notMerged()),
    ...(stages ? { stage: { in: [...stages] } } : {}),
    ...(vacancyId ? { vacancyId } : {}),
  };
  const [total, rows] = await Promise.all([
    db().application.count({ where }),
    db().application.findMany({
      where,
      orderBy: [{ stageChangedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        stage: true,
        tier: true,
        stageChangedAt: true,
        vacancy: { select: { id: true, title: true } },
        candidate: {
          select: {
            id: true,
            firstName: true,
            lastName: true,
            middleName: true,
            city: true,
            currentTitle: true,
            email: true,
            phone: true,
            doNotContact: true,
            consentAt: true,
            erasedAt: true,
          },
        },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    applications: rows.map(({ candidate: { email, phone, ...candidate }, ...a }) => ({
      ...a,
      candidate: {
        ...publicSummary(candidate),
        hasEmail: !candidate.erasedAt && Boolean(email),
        hasPhone: !candidate.erasedAt && Boolean(phone),
      },
    })),
  };
}

/** Applications per stage, across all vacancies or one. */
export async function countApplicationsByStage(vacancyId?: string) {
  const groups = await db().application.groupBy({
    by: ["stage"],
    where: { ...(await notMerged()), ...(vacancyId ? { vacancyId } : {}) },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.stage, g._count._all])) as Partial<Record<Stage, number>>;
}
