import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { OverrideSchema } from "~/questionnaires/override";
import { OverrideRefused, overrideResponseVerdict } from "~/questionnaires/override.server";
import { loadResponse } from "~/questionnaires/response-view.server";
import { StageBadge } from "~/ui/badges";
import { DateText } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { PageHeader, Section } from "~/ui/page";
import { CandidateLink } from "~/ui/person";
import { KnockoutText, ScoreText, VerdictBadge } from "~/ui/questionnaire-answer";
import { AnswersTable, OverrideForm, OverrideHistory } from "~/ui/questionnaire-response";
import { useLocale } from "~/ui/use-locale";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

/**
 * One questionnaire response, read against the version the candidate answered, and
 * the override of its verdict (with the stage moves that follow) for those who decide.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "questionnaireResults.response.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "questionnaires");
  const response = await loadResponse(params.id ?? "");
  invariantResponse(response, "Response not found");
  return json({ response, canDecide: canAccess(user.roles, "questionnaireDecide"), saved: new URL(request.url).searchParams.has("saved") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "questionnaireDecide");
  const submission = parseWithZod(await request.formData(), { schema: OverrideSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const responseId = params.id ?? "";
  try {
    await overrideResponseVerdict({ responseId, to: submission.value.to, reason: submission.value.reason, actorId: user.id });
  } catch (error) {
    if (!(error instanceof OverrideRefused)) throw error;
    invariantResponse(error.problem !== "not-found", "Response not found");
    return json(submission.reply({ formErrors: [`questionnaireResults.override.problems.${error.problem}`] }), { status: 409 });
  }
  return redirect(`/questionnaires/responses/${responseId}?saved=1`);
}

export default function QuestionnaireResponsePage() {
  const { response: r, canDecide, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();
  const { questionnaire } = r;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/questionnaires?vacancy=${r.vacancy.id}`}>← {t("nav.questionnaires")}</Link>
      </p>
      <PageHeader
        title={t("questionnaireResults.response.title")}
        description={`${questionnaire.name} · ${t("questionnaireResults.response.version", { version: questionnaire.version })}`}
      />
      {saved ? (
        <div className="notice notice-good" role="status">
          {t("questionnaireResults.override.saved")}
        </div>
      ) : null}
      {questionnaire.newestVersion > questionnaire.version ? (
        <div className="notice" role="status" data-newer-version="">
          {t("questionnaireResults.response.newerVersion", { version: questionnaire.version, newest: questionnaire.newestVersion })}
        </div>
      ) : null}
      <section className="card">
        <dl className="details">
          <dt>{t("questionnaireResults.columns.candidate")}</dt>
          <dd>
            <CandidateLink id={r.candidate.id} name={r.candidate.name} />
          </dd>
          <dt>{t("ui.vacancy")}</dt>
          <dd>
            <Link to={`/vacancies/${r.vacancy.id}`}>{r.vacancy.title}</Link>
          </dd>
          <dt>{t("questionnaireResults.columns.stage")}</dt>
          <dd>
            <StageBadge stage={r.application.stage} />
          </dd>
          <dt>{t("questionnaireResults.columns.score")}</dt>
          <dd data-score="">
            <ScoreText score={r.score} />
          </dd>
          <dt>{t("questionnaireResults.columns.verdict")}</dt>
          <dd data-verdict={r.effective}>
            <VerdictBadge verdict={r.effective} overridden={Boolean(r.override)} />
            {r.override ? (
              <p className="muted">
                {t("questionnaireResults.response.ownVerdict", { verdict: t(`questionnaireResults.verdicts.${r.verdict}`) })}{" "}
                {t("questionnaireResults.response.overriddenBy", { name: r.override.byName ?? "—" })} <DateText value={r.override.at} withTime />
                {r.override.reason ? <> · {r.override.reason}</> : null}
              </p>
            ) : null}
          </dd>
          <dt>{t("questionnaireResults.response.knockouts")}</dt>
          <dd>
            {r.knockouts.length ? (
              <ul data-reasons="">
                {r.knockouts.map((k) => (
                  <li key={k.questionId}>
                    {k.question ? <>{k.question[locale]}: </> : null}
                    <KnockoutText knockout={k} />
                  </li>
                ))}
              </ul>
            ) : (
              t("questionnaireResults.response.noKnockouts")
            )}
          </dd>
          <dt>{t("questionnaireResults.response.submitted")}</dt>
          <dd>
            <DateText value={r.submittedAt} withTime /> ·{" "}
            {r.viaOpenLink ? t("questionnaireResults.response.viaOpenLink") : t("questionnaireResults.response.viaInvite")} ·{" "}
            {t(`questionnaireResults.response.locales.${r.locale}`)}
          </dd>
          <dt>{t("questionnaireResults.response.consent")}</dt>
          <dd>
            <DateText value={r.consentAt} withTime /> · {t("questionnaireResults.response.consentVersion")} <code>{r.consentVersion.slice(0, 12)}</code>
          </dd>
        </dl>
      </section>
      <Section id="answers" title={t("questionnaireResults.response.answers")}>
        {r.erased ? <p className="notice">{t("questionnaireResults.response.erased")}</p> : null}
        <AnswersTable rows={r.rows} />
      </Section>
      {canDecide ? (
        <OverrideForm current={r.effective} own={r.verdict} lastResult={lastResult} submitting={navigation.state === "submitting"} />
      ) : null}
      <OverrideHistory entries={r.history} />
    </>
  );
}
