import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { isLocale } from "~/i18n/i18n";
import { questionnaireVersionPage } from "~/questionnaires/builder.server";
import styles from "~/styles/questionnaire-builder.css";
import { DateText, NumberText } from "~/ui/dates";
import { dataTitle } from "~/ui/i18n-instance";
import { PageHeader, Section } from "~/ui/page";
import { QuestionPreview, QuestionStaffNote } from "~/ui/questionnaire-question-preview";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data ? `${data.questionnaire.name} · ${data.version}` : undefined, "questionnaireBuilder.editTitle");

// "$id_" keeps this page out of the editor's layout: it replaces it, not nests in it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "questionnaires");
  const page = await questionnaireVersionPage(params.id ?? "", Number(params.version));
  invariantResponse(page, "Version not found");
  const requested = new URL(request.url).searchParams.get("lang");
  return json({ ...page, lang: isLocale(requested) ? requested : user.locale });
}

export default function QuestionnaireVersion() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/questionnaires/library/${page.questionnaire.id}`;
  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>← {page.questionnaire.name}</Link>
      </p>
      <PageHeader
        title={t("questionnaireBuilder.versionPage.title", { name: page.questionnaire.name, version: page.version })}
        description={t("questionnaireBuilder.versionPage.intro")}
        actions={
          <nav aria-label={t("questionnaireBuilder.versionPage.language")}>
            <ul className="stage-filter">
              {(["ru", "en"] as const).map((lang) => (
                <li key={lang}>
                  <Link to={`?lang=${lang}`} aria-current={page.lang === lang ? "page" : undefined}>
                    {lang.toUpperCase()}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        }
      />
      <p className="notice" data-version-state>
        {page.version === page.newest ? t("questionnaireBuilder.versionPage.newest") : t("questionnaireBuilder.versionPage.older", { version: page.newest })}
      </p>
      <dl className="details" style={{ marginBottom: "1.25rem" }}>
        <dt>{t("questionnaireBuilder.versionPage.saved")}</dt>
        <dd>
          <DateText value={page.createdAt} withTime />
        </dd>
        <dt>{t("questionnaireBuilder.versionPage.author")}</dt>
        <dd>{page.author ?? "—"}</dd>
        <dt>{t("questionnaireBuilder.versionPage.responses")}</dt>
        <dd>
          <NumberText value={page.responses} />
        </dd>
      </dl>
      <Section id="questions" title={t("questionnaireBuilder.editor.questions")}>
        <ol className="qb-version-questions">
          {page.definition.questions.map((q, index) => (
            <li key={q.id} className="qb-version-question">
              <QuestionPreview question={q} locale={page.lang} number={index + 1} />
              <QuestionStaffNote question={q} />
            </li>
          ))}
        </ol>
      </Section>
      <p>
        <Link to={base}>← {t("questionnaireBuilder.versionPage.back")}</Link>
      </p>
    </>
  );
}
