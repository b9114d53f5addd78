import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { loadStepPage } from "~/pipeline/step-page.server";
import { pageTitle } from "~/ui/i18n-instance";
import { StepPage } from "~/ui/step-page";

const STAGES = ["INTERVIEW_INVITED", "INTERVIEWED"] as const;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.interviews");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "interviews");
  return json(await loadStepPage(request, STAGES));
}

export default function Interviews() {
  const { list, vacancies, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <StepPage
      title={t("nav.interviews")}
      intro={t("pages.interviews.intro")}
      stages={STAGES}
      counts={counts}
      vacancies={vacancies}
      list={list}
      coming={Object.values(t("pages.interviews.coming", { returnObjects: true }) as Record<string, string>)}
    />
  );
}
