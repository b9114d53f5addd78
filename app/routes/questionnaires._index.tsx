import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { rejectWithLetters } from "~/questionnaires/bulk-reject.server";
import { loadResultsPage } from "~/questionnaires/results-page.server";
import { parseShortlistFilters } from "~/questionnaires/shortlist-filters";
import { ShortlistBulkSchema } from "~/questionnaires/shortlist-form";
import { Badge } from "~/ui/badges";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader, Section } from "~/ui/page";
import { CompletionSection, NoResponses, RejectNotice, ShortlistFiltersForm, VacancyPicker, WaitingSection } from "~/ui/questionnaire-results";
import { Shortlist } from "~/ui/questionnaire-shortlist";
import { useTranslation } from "~/ui/use-translation";

/**
 * Questionnaire results for staff: one vacancy's completion rates, who has not
 * answered yet, and the ranked shortlist of those who did, with the bulk rejection.
 * The builder and the library of questionnaires live under /questionnaires/library.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.questionnaires");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "questionnaires");
  const { filters, errors } = parseShortlistFilters(new URL(request.url).searchParams);
  const page = await loadResultsPage(filters);
  return json({
    ...page,
    filters,
    errors: { ...errors, ...page.errors },
    canBuild: canAccess(user.roles, "questionnaireBuild"),
    canDecide: canAccess(user.roles, "questionnaireDecide"),
    canInvite: canAccess(user.roles, "interviewPlan"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "questionnaireDecide");
  const submission = parseWithZod(await request.formData(), { schema: ShortlistBulkSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply(), report: null }, { status: 400 });
  const { vacancy, ids, reason } = submission.value;
  const report = await rejectWithLetters({ vacancyId: vacancy, applicationIds: ids, reason, actorId: user.id });
  return json({ lastResult: submission.reply({ resetForm: true }), report });
}

export default function QuestionnaireResults() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { vacancy, questionnaire, filters } = data;
  const libraryLink = data.canBuild ? (
    <Link to="/questionnaires/library" className="button button-secondary">
      {t("questionnaireResults.library")}
    </Link>
  ) : null;
  const header = <PageHeader title={t("nav.questionnaires")} description={t("questionnaireResults.intro")} actions={libraryLink} />;
  if (!vacancy) {
    return (
      <>
        {header}
        <EmptyState title={t("questionnaireResults.noVacancies")}>{data.canBuild ? t("questionnaireResults.noVacanciesHint") : null}</EmptyState>
      </>
    );
  }
  const filtered = filters.verdict !== "all" || filters.minScore !== undefined || Boolean(filters.source || filters.tier) || filters.openOnly;
  return (
    <>
      {header}
      <VacancyPicker vacancies={data.vacancies} vacancyId={vacancy.id} error={data.errors.vacancy} />
      <section className="card" aria-labelledby="questionnaire-title" data-questionnaire="">
        <h2 id="questionnaire-title">
          <Link to={`/vacancies/${vacancy.id}`}>{vacancy.title}</Link> <span className="muted">· {vacancy.city}</span>
        </h2>
        {questionnaire ? (
          <p className="stage-strip">
            <span>{t("questionnaireResults.questionnaire", { name: questionnaire.name, version: questionnaire.version ?? "—" })}</span>
            {questionnaire.archived ? <Badge tone="out">{t("questionnaireResults.archived")}</Badge> : null}
            <Link to={`/questionnaires/library/${questionnaire.id}`}>{t("questionnaireResults.openBuilder")}</Link>
          </p>
        ) : (
          <p className="muted">{t("questionnaireResults.noQuestionnaire")}</p>
        )}
      </section>
      {data.completion ? <CompletionSection total={data.completion.total} bySource={data.completion.bySource} /> : null}
      {data.waiting ? <WaitingSection waiting={data.waiting} /> : null}
      <Section id="shortlist" title={t("questionnaireResults.shortlist.title")}>
        <ShortlistFiltersForm filters={filters} errors={data.errors} vacancyId={vacancy.id} />
        {actionData?.report && navigation.state === "idle" ? <RejectNotice report={actionData.report} /> : null}
        {data.list && data.list.rows.length ? (
          <Shortlist
            list={data.list}
            vacancyId={vacancy.id}
            canDecide={data.canDecide}
            canInvite={data.canInvite}
            lastResult={navigation.state === "idle" ? actionData?.lastResult : undefined}
          />
        ) : (
          <NoResponses filtered={filtered} />
        )}
      </Section>
    </>
  );
}
