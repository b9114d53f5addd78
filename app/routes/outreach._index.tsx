import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { loadStepPage } from "~/pipeline/step-page.server";
import { OutreachTools } from "~/ui/campaign-nav";
import { pageTitle } from "~/ui/i18n-instance";
import { StepPage } from "~/ui/step-page";

const STAGES = ["SOURCED", "CONTACTED"] as const;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.outreach");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "outreach");
  return json(await loadStepPage(request, STAGES));
}

export default function Outreach() {
  const { list, vacancies, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <StepPage
      title={t("nav.outreach")}
      intro={t("pages.outreach.intro")}
      stages={STAGES}
      counts={counts}
      vacancies={vacancies}
      list={list}
    >
      <OutreachTools />
    </StepPage>
  );
}
