import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { formatRubRange } from "~/i18n/format";
import { inProgress, listVacancies } from "~/sourcing/vacancies.server";
import { VACANCY_STATUSES } from "~/sourcing/vacancy-form";
import { VacancyStatusBadge } from "~/ui/badges";
import { pageTitle } from "~/ui/i18n-instance";
import { SelectFilter } from "~/ui/select-filter";
import { EmptyState, PageHeader } from "~/ui/page";
import { useLocale } from "~/ui/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vacancies.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "vacancies");
  const requested = new URL(request.url).searchParams.get("status");
  const status = VACANCY_STATUSES.find((s) => s === requested);
  const vacancies = await listVacancies({ status });
  return json({
    canEdit: canAccess(user.roles, "vacancyEdit"),
    vacancies: vacancies.map((v) => ({
      ...v,
      inProgress: inProgress(v.counts),
      interviews: v.counts.INTERVIEW_INVITED + v.counts.INTERVIEWED,
    })),
  });
}

export default function Vacancies() {
  const { vacancies, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <PageHeader
        title={t("vacancies.title")}
        description={t("vacancies.intro")}
        actions={
          canEdit ? (
            <Link to="/vacancies/new" className="button button-primary">
              {t("vacancyEditor.newVacancy")}
            </Link>
          ) : null
        }
      />
      <SelectFilter
        name="status"
        label={t("vacancies.filterStatus")}
        placeholder={t("vacancies.allStatuses")}
        options={VACANCY_STATUSES.map((s) => ({ value: s, label: t(`vacancyStatus.${s}`) }))}
      />
      {vacancies.length === 0 ? (
        <EmptyState title={t("vacancies.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("vacancies.columns.title")}</th>
                <th scope="col">{t("vacancies.columns.status")}</th>
                <th scope="col" className="num">
                  {t("vacancies.columns.openings")}
                </th>
                <th scope="col">{t("vacancies.columns.salary")}</th>
                <th scope="col">{t("vacancies.columns.team")}</th>
                <th scope="col" className="num">
                  {t("vacancies.columns.inProgress")}
                </th>
                <th scope="col" className="num">
                  {t("vacancies.columns.interviews")}
                </th>
                <th scope="col" className="num">
                  {t("vacancies.columns.probation")}
                </th>
                <th scope="col" className="num">
                  {t("vacancies.columns.hired")}
                </th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                    <span className="cell-sub">
                      {v.city} · {v.industry}
                    </span>
                  </th>
                  <td>
                    <VacancyStatusBadge status={v.status} />
                  </td>
                  <td className="num">{v.openings}</td>
                  <td className="nowrap">{formatRubRange(v.salaryMinRub, v.salaryMaxRub, locale)}</td>
                  <td>
                    {v.recruiter?.name ?? "—"}
                    {v.hiringManager ? <span className="cell-sub">{v.hiringManager.name}</span> : null}
                  </td>
                  <td className="num">{v.inProgress}</td>
                  <td className="num">{v.interviews}</td>
                  <td className="num">{v.counts.PROBATION}</td>
                  <td className="num">{v.counts.HIRED}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
