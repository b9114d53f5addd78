import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { loadStepPage } from "~/pipeline/step-page.server";
import { pageTitle } from "~/ui/i18n-instance";
import { StepPage } from "~/ui/step-page";

const STAGES = ["QUESTIONNAIRE_SENT", "QUESTIONNAIRE_PASSED"] as const;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.questionnaires");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "questionnaires");
  return json(await loadStepPage(request, STAGES));
}

export default function Questionnaires() {
  const { list, vacancies, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <StepPage
      title={t("nav.questionnaires")}
      intro={t("pages.questionnaires.intro")}
      stages={STAGES}
      counts={counts}
      vacancies={vacancies}
      list={list}
      coming={Object.values(t("pages.questionnaires.coming", { returnObjects: true }) as Record<string, string>)}
    />
  );
}
