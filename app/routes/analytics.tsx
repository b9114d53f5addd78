import type { VacancyStatus } from "@prisma/client";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { FUNNEL } from "~/pipeline/stages";
import { loadFunnels } from "~/analytics/funnel.server";
import { requireAccess } from "~/auth/session.server";
import { VacancyStatusBadge } from "~/ui/badges";
import { NumberText, Percent } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { SelectFilter } from "~/ui/select-filter";
import { EmptyState, PageHeader, Section } from "~/ui/page";

const STATUSES = ["OPEN", "ON_HOLD", "CLOSED"] as const satisfies readonly VacancyStatus[];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "analytics.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "analytics");
  const requested = new URL(request.url).searchParams.get("status");
  return json(await loadFunnels({ status: STATUSES.find((s) => s === requested) }));
}

export default function Analytics() {
  const { overall, vacancies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const top = overall.steps[0]?.reached ?? 0;
  return (
    <>
      <PageHeader title={t("analytics.title")} description={t("analytics.intro")} />
      <SelectFilter
        name="status"
        label={t("vacancies.filterStatus")}
        placeholder={t("analytics.allButDrafts")}
        options={STATUSES.map((s) => ({ value: s, label: t(`vacancyStatus.${s}`) }))}
      />
      {overall.total === 0 ? (
        <EmptyState title={t("analytics.empty")} />
      ) : (
        <Section id="overall" title={t("analytics.overall")}>
          <div className="table-wrap">
            <table className="table funnel">
              <caption>{t("analytics.reachedExplained")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("ui.stage")}</th>
                  <th scope="col" className="num">
                    {t("analytics.reached")}
                  </th>
                  <th scope="col" className="funnel-bar-col">
                    <span className="visually-hidden">{t("analytics.shareOfSourced")}</span>
                  </th>
                  <th scope="col" className="num">
                    {t("analytics.conversion")}
                  </th>
                  <th scope="col" className="num">
                    {t("analytics.now")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overall.steps.map((step) => (
                  <tr key={step.stage}>
                    <th scope="row">{t(`stages.${step.stage}`)}</th>
                    <td className="num">
                      <NumberText value={step.reached} />
                    </td>
                    <td className="funnel-bar-col">
                      <div className="bar" aria-hidden="true">
                        <span style={{ width: `${top ? (step.reached / top) * 100 : 0}%` }} />
                      </div>
                    </td>
                    <td className="num">
                      <Percent value={step.conversion} />
                    </td>
                    <td className="num">
                      <NumberText value={overall.now[step.stage]} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("analytics.dropped")}</th>
                  <td className="num" colSpan={4}>
                    {t("stages.REJECTED")}: <NumberText value={overall.now.REJECTED} /> · {t("stages.WITHDRAWN")}:{" "}
                    <NumberText value={overall.now.WITHDRAWN} />
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </Section>
      )}
      {vacancies.length ? (
        <Section id="by-vacancy" title={t("analytics.byVacancy")}>
          <div className="table-wrap">
            <table className="table">
              <caption>{t("analytics.byVacancyExplained")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("vacancies.columns.title")}</th>
                  <th scope="col">{t("vacancies.columns.status")}</th>
                  {FUNNEL.map((stage) => (
                    <th key={stage} scope="col" className="num">
                      {t(`stagesShort.${stage}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t("analytics.droppedShort")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {vacancies.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                      <span className="cell-sub">
                        {v.city} · {t("analytics.openings", { openings: v.openings })}
                      </span>
                    </th>
                    <td>
                      <VacancyStatusBadge status={v.status} />
                    </td>
                    {v.funnel.steps.map((step) => (
                      <td key={step.stage} className={step.reached ? "num" : "num muted"}>
                        {step.reached}
                        {step.conversion !== null && step.reached ? (
                          <span className="cell-sub">
                            <Percent value={step.conversion} />
                          </span>
                        ) : null}
                      </td>
                    ))}
                    <td className="num muted">{v.funnel.now.REJECTED + v.funnel.now.WITHDRAWN}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}
    </>
  );
}
