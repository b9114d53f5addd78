import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAccess } from "~/auth/session.server";
import { countApplicationsByStage, listApplications } from "~/sourcing/candidates.server";
import { listVacancyOptions } from "~/sourcing/vacancies.server";
import { pageTitle } from "~/ui/i18n-instance";
import { StepPage } from "~/ui/step-page";
import { readStageFilter } from "~/utils/http";

const STAGES = ["PROBATION", "HIRED"] as const;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.probation");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "probation");
  const filter = readStageFilter(new URL(request.url), STAGES);
  const [list, vacancies, counts] = await Promise.all([
    listApplications({ stages: filter.stages, vacancyId: filter.vacancyId, page: filter.page }),
    listVacancyOptions(),
    countApplicationsByStage(filter.vacancyId),
  ]);
  return json({ list, vacancies, counts });
}

export default function Probation() {
  const { list, vacancies, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <StepPage
      title={t("nav.probation")}
      intro={t("pages.probation.intro")}
      stages={STAGES}
      counts={counts}
      vacancies={vacancies}
      list={list}
      coming={Object.values(t("pages.probation.coming", { returnObjects: true }) as Record<string, string>)}
    />
  );
}
