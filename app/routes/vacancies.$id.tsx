import type { CompanyListKind } from "@prisma/client";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { STAGES } from "~/pipeline/stages";
import { formatRub, formatRubRange } from "~/i18n/format";
import { vacancyQuestionnaireLine } from "~/questionnaires/builder.server";
import { listApplications } from "~/sourcing/applications.server";
import { getVacancy } from "~/sourcing/vacancies.server";
import { LIST_FIELDS } from "~/sourcing/vacancy-form";
import { ApplicationsTable } from "~/ui/applications-table";
import { Badge, VacancyStatusBadge } from "~/ui/badges";
import { DateText } from "~/ui/dates";
import { dataTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader, Section } from "~/ui/page";
import { Pagination } from "~/ui/pagination";
import { useLocale } from "~/ui/use-locale";
import { invariantResponse, pageParam } from "~/utils/http";

const LIST_KINDS = ["TARGET", "ADJACENT", "EXCLUDED"] as const satisfies readonly CompanyListKind[];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.vacancy.title, "vacancies.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "vacancies");
  const vacancy = await getVacancy(params.id ?? "");
  invariantResponse(vacancy, "Vacancy not found");
  const url = new URL(request.url);
  const requested = url.searchParams.get("stage");
  const stage = STAGES.find((s) => s === requested);
  const applications = await listApplications({
    vacancyId: vacancy.id,
    stages: stage ? [stage] : undefined,
    page: pageParam(url),
  });
  const questionnaire = await vacancyQuestionnaireLine(vacancy.id);
  return json({ vacancy, stage: stage ?? null, applications, questionnaire, canEdit: canAccess(user.roles, "vacancyEdit") });
}

export default function VacancyPage() {
  const { vacancy, stage, applications, questionnaire, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const total = Object.values(vacancy.counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/vacancies">← {t("vacancies.title")}</Link>
      </p>
      <PageHeader
        title={vacancy.title}
        description={`${vacancy.city} · ${vacancy.industry}${vacancy.niche ? ` · ${vacancy.niche}` : ""}`}
        actions={
          <>
            <VacancyStatusBadge status={vacancy.status} />
            {canEdit ? (
              <Link to={`/vacancies/${vacancy.id}/edit`} className="button button-secondary">
                {t("vacancyEditor.edit")}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="grid-2">
        <Section id="details" title={t("vacancies.detail.details")}>
          <dl className="details">
            <dt>{t("vacancies.columns.openings")}</dt>
            <dd>{vacancy.openings}</dd>
            <dt>{t("vacancies.columns.salary")}</dt>
            <dd>{formatRubRange(vacancy.salaryMinRub, vacancy.salaryMaxRub, locale)}</dd>
            <dt>{t("vacancies.detail.recruiter")}</dt>
            <dd>{vacancy.recruiter?.name ?? "—"}</dd>
            <dt>{t("vacancies.detail.hiringManager")}</dt>
            <dd>{vacancy.hiringManager?.name ?? "—"}</dd>
            <dt>{t("vacancies.detail.departmentHead")}</dt>
            <dd>{vacancy.departmentHead?.name ?? "—"}</dd>
            <dt>{t("vacancies.detail.created")}</dt>
            <dd>
              <DateText value={vacancy.createdAt} />
            </dd>
            <dt>{t("vacancyEditor.sections.mustHaves")}</dt>
            <dd>
              {[
                vacancy.requireLocal ? t("vacancyEditor.fields.requireLocal") : null,
                vacancy.salaryCeilingRub !== null
                  ? `${t("vacancyEditor.fields.salaryCeilingRub")}: ${formatRub(vacancy.salaryCeilingRub, locale)}`
                  : null,
              ]
                .filter(Boolean)
                .join("; ") || "—"}
            </dd>
            <dt>{t("questionnaireBuilder.vacancyLine.label")}</dt>
            <dd data-vacancy-questionnaire>
              {questionnaire ? (
                <Link to={`/questionnaires/library/${questionnaire.id}`}>
                  {questionnaire.name}
                  {questionnaire.version ? ` (${t("questionnaireBuilder.vacancyLine.version", { version: questionnaire.version })})` : ""}
                </Link>
              ) : (
                <>
                  {t("questionnaireBuilder.vacancyLine.none")} <Link to="/questionnaires/library">{t("questionnaireBuilder.vacancyLine.choose")}</Link>
                </>
              )}
              {questionnaire?.archived ? <> <Badge tone="out">{t("questionnaireBuilder.archivedBadge")}</Badge></> : null}
            </dd>
            <dt>{t("interviewSessions.vacancyLine.label")}</dt>
            <dd data-vacancy-interviews>
              <Link to={`/interviews?vacancy=${vacancy.id}`}>{t("interviewSessions.vacancyLine.sessions")}</Link>
              {" · "}
              <Link to={`/interviews/rubric/${vacancy.id}`}>{t("interviewSessions.vacancyLine.rubric")}</Link>
            </dd>
            {vacancy.closedAt ? (
              <>
                <dt>{t("vacancies.detail.closed")}</dt>
                <dd>
                  <DateText value={vacancy.closedAt} />
                </dd>
              </>
            ) : null}
          </dl>
          {vacancy.description ? <p className="vacancy-description">{vacancy.description}</p> : null}
          {vacancy.status === "OPEN" ? (
            <p>
              <Link to={`/apply/${vacancy.id}`}>{t("vacancyEditor.applyPage")}</Link>
            </p>
          ) : null}
        </Section>
        <Section id="lists" title={t("vacancies.detail.companyLists")}>
          {LIST_KINDS.map((kind) => {
            const companies = vacancy.companyLists.filter((l) => l.kind === kind);
            return (
              <div key={kind} className="company-list">
                <h3>
                  {t(`vacancyEditor.fields.${LIST_FIELDS[kind]}`)} <span className="muted">({companies.length})</span>
                </h3>
                <p className={companies.length ? undefined : "muted"}>
                  {companies.length ? companies.map((l) => l.company.name).join(", ") : t("vacancies.lists.none")}
                </p>
              </div>
            );
          })}
          <div className="company-list">
            <h3>
              {t("vacancyEditor.fields.adjacentNiches")} <span className="muted">({vacancy.adjacentNiches.length})</span>
            </h3>
            <p className={vacancy.adjacentNiches.length ? undefined : "muted"}>
              {vacancy.adjacentNiches.length ? vacancy.adjacentNiches.join(", ") : t("vacancies.lists.none")}
            </p>
          </div>
        </Section>
      </div>

      <Section id="selling-letter" title={t("vacancyEditor.fields.sellingLetter")}>
        {vacancy.sellingLetter ? (
          <p className="vacancy-description">{vacancy.sellingLetter}</p>
        ) : (
          <p className="muted">{t("vacancyEditor.noLetter")}</p>
        )}
      </Section>

      <Section id="pipeline" title={t("vacancies.detail.pipeline")}>
        <nav aria-label={t("vacancies.detail.filterByStage")}>
          <ul className="stage-filter">
            <li>
              <Link to="?" aria-current={stage === null ? "page" : undefined}>
                {t("ui.allStages")} <span className="count">{total}</span>
              </Link>
            </li>
            {STAGES.map((s) => (
              <li key={s}>
                <Link to={`?stage=${s}`} aria-current={stage === s ? "page" : undefined}>
                  {t(`stages.${s}`)} <span className="count">{vacancy.counts[s]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {applications.applications.length ? (
          <>
            <ApplicationsTable
              applications={applications.applications}
              showVacancy={false}
              caption={t("ui.shownOf", { shown: applications.applications.length, total: applications.total })}
            />
            <Pagination page={applications.page} pageCount={applications.pageCount} />
          </>
        ) : (
          <EmptyState title={t("vacancies.detail.noApplications")} />
        )}
      </Section>
    </>
  );
}
