import { type Stage, type VacancyStatus } from "@prisma/client";
import { db } from "~/utils/db.server";
import { buildFunnels, type FunnelRow } from "./funnel";

/**
 * The funnel of every vacancy (or those with `status`), computed from where each
 * application is now and every stage its history entered. The database groups
 * applications by (vacancy, current stage, stages entered), so the rows stay few
 * however many applications there are.
 */
export async function loadFunnels({ status }: { status?: VacancyStatus } = {}) {
  const vacancies = await db().vacancy.findMany({
    where: status ? { status } : { status: { not: "DRAFT" } },
    select: { id: true, title: true, city: true, status: true, openings: true },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
  });
  const ids = vacancies.map((v) => v.id);
  const raw = ids.length
    ? await db().$queryRaw<Array<{ vacancyId: string; current: string; reached: string[]; count: number }>>`
        SELECT "vacancyId", current, reached, count(*)::int AS count
        FROM (
          SELECT a."vacancyId", a.stage::text AS current,
                 coalesce(array_agg(DISTINCT sc."toStage"::text) FILTER (WHERE sc.id IS NOT NULL), '{}') AS reached
          FROM "Application" a
          LEFT JOIN "StageChange" sc ON sc."applicationId" = a.id
          WHERE a."vacancyId" = ANY(${ids})
          GROUP BY a.id
        ) per_application
        GROUP BY "vacancyId", current, reached`
    : [];
  const rows: FunnelRow[] = raw.map((r) => ({
    vacancyId: r.vacancyId,
    current: r.current as Stage,
    reached: r.reached as Stage[],
    count: r.count,
  }));
  const { overall, byVacancy } = buildFunnels(rows, ids);
  const byId = new Map(vacancies.map((v) => [v.id, v]));
  return {
    overall,
    vacancies: byVacancy.flatMap(({ vacancyId, funnel }) => {
      const vacancy = byId.get(vacancyId);
      return vacancy ? [{ ...vacancy, funnel }] : [];
    }),
  };
}
