import { type Stage } from "@prisma/client";
import { countApplicationsByStage, listApplications } from "~/sourcing/applications.server";
import { listVacancyOptions } from "~/sourcing/vacancies.server";
import { readStageFilter } from "~/utils/http";

/**
 * The data of a pipeline step's page (outreach, questionnaires, interviews,
 * probation): the applications at the step's stages, filterable by vacancy and stage.
 * The caller has already passed requireAccess for its area.
 */
export async function loadStepPage(request: Request, stages: readonly Stage[]) {
  const filter = readStageFilter(new URL(request.url), stages);
  const [list, vacancies, counts] = await Promise.all([
    listApplications({ stages: filter.stages, vacancyId: filter.vacancyId, page: filter.page }),
    listVacancyOptions(),
    countApplicationsByStage(filter.vacancyId),
  ]);
  return { list, vacancies, counts };
}
