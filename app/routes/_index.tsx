import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { pipelineDashboard } from "~/sourcing/vacancies.server";
import { NumberText } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader, Section } from "~/ui/page";
import { PipelineTable } from "~/ui/pipeline-table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "workspace");
  return json(await pipelineDashboard(user.id));
}

export default function Home() {
  const { mine, others, totals } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const stats = [
    ["openVacancies", totals.openVacancies],
    ["openings", totals.openings],
    ["inProgress", totals.inProgress],
    ["interviews", totals.interviews],
    ["probation", totals.probation],
  ] as const;
  return (
    <>
      <PageHeader title={t("home.title")} description={t("home.intro")} />
      <ul className="stats" aria-label={t("home.summary")}>
        {stats.map(([key, value]) => (
          <li key={key} className="stat">
            <span className="stat-value">
              <NumberText value={value} />
            </span>
            <span className="stat-label">{t(`home.stats.${key}`)}</span>
          </li>
        ))}
      </ul>
      {mine.length + others.length === 0 ? (
        <EmptyState title={t("home.noOpen")}>
          <Link to="/vacancies">{t("home.allVacancies")}</Link>
        </EmptyState>
      ) : (
        <>
          {mine.length ? (
            <Section id="mine" title={t("home.mine")}>
              <PipelineTable vacancies={mine} caption={t("home.tableCaption")} />
            </Section>
          ) : null}
          {others.length ? (
            <Section id="others" title={mine.length ? t("home.others") : t("home.allOpen")}>
              <PipelineTable vacancies={others} caption={t("home.tableCaption")} />
            </Section>
          ) : null}
        </>
      )}
    </>
  );
}
