import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { listQuestionnaires } from "~/questionnaires/builder.server";
import styles from "~/styles/questionnaire-builder.css";
import { Badge } from "~/ui/badges";
import { DateText, NumberText } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader } from "~/ui/page";
import { useTranslation } from "~/ui/use-translation";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "questionnaireBuilder.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "questionnaires");
  return json({ questionnaires: await listQuestionnaires(), canBuild: canAccess(user.roles, "questionnaireBuild") });
}

export default function QuestionnaireLibrary() {
  const { questionnaires, canBuild } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("questionnaireBuilder.title")}
        description={t("questionnaireBuilder.intro")}
        actions={
          canBuild ? (
            <Link to="/questionnaires/library/new" className="button button-primary">
              {t("questionnaireBuilder.newQuestionnaire")}
            </Link>
          ) : null
        }
      />
      {questionnaires.length === 0 ? (
        <EmptyState title={t("questionnaireBuilder.empty")} />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("questionnaireBuilder.columns.name")}</th>
                <th scope="col" className="num">{t("questionnaireBuilder.columns.version")}</th>
                <th scope="col" className="num">{t("questionnaireBuilder.columns.questions")}</th>
                <th scope="col">{t("questionnaireBuilder.columns.vacancies")}</th>
                <th scope="col" className="num">{t("questionnaireBuilder.columns.responses")}</th>
                <th scope="col">{t("questionnaireBuilder.columns.state")}</th>
                <th scope="col">{t("questionnaireBuilder.columns.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {questionnaires.map((q) => (
                <tr key={q.id} data-questionnaire={q.id}>
                  <th scope="row">
                    <Link to={`/questionnaires/library/${q.id}`}>{q.name}</Link>
                  </th>
                  <td className="num">{q.version ?? t("questionnaireBuilder.noVersion")}</td>
                  <td className="num">
                    <NumberText value={q.questions} />
                  </td>
                  <td>
                    {q.vacancies.length ? (
                      q.vacancies.map((v, i) => (
                        <span key={v.id}>
                          {i ? ", " : ""}
                          <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                          <span className="muted"> · {v.city}</span>
                        </span>
                      ))
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="num">
                    <NumberText value={q.responses} />
                  </td>
                  <td>
                    {q.archivedAt ? <Badge tone="out">{t("questionnaireBuilder.archivedBadge")}</Badge> : <Badge tone="good">{t("questionnaireBuilder.activeBadge")}</Badge>}
                  </td>
                  <td>
                    <DateText value={q.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
