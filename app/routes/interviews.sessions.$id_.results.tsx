import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { decideOnAttendee, DecisionRefused, DelegateRefused, delegateSession } from "~/interviews/decisions.server";
import { DISAGREEMENT_POINTS, ResultsFormSchema } from "~/interviews/results";
import { resultsPage } from "~/interviews/results.server";
import styles from "~/styles/scorecards.css";
import { pageTitle } from "~/ui/i18n-instance";
import { DelegateForm, HiddenList, RankingList, ResultsSummary } from "~/ui/interview-results";
import { SessionLine } from "~/ui/interview-scorecard";
import { PageHeader, Section } from "~/ui/page";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

/**
 * A session's results: the attendees ranked by their weighted score, with the spread
 * between assessors and the competencies they disagree on, and the decisions (take to
 * probation, reserve, reject) for the department head or the hiring manager a head
 * delegated the session to. Open to all staff to read; an assessor sees no scores of
 * an attendee before submitting their own scorecard for them.
 */

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "interviewScoring.results.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "interviews");
  const page = await resultsPage({ sessionId: params.id ?? "", viewer: user });
  invariantResponse(page, "Session not found");
  return json(page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "interviewDecide");
  const sessionId = params.id ?? "";
  const submission = parseWithZod(await request.formData(), { schema: ResultsFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const form = submission.value;
  if (form.intent === "delegate") {
    try {
      await delegateSession({ sessionId, userId: form.delegateId || null, actorId: user.id });
    } catch (error) {
      if (!(error instanceof DelegateRefused)) throw error;
      return json(submission.reply({ fieldErrors: { delegateId: [`interviewScoring.delegate.problems.${error.problem}`] } }), { status: 409 });
    }
    return json({ ok: true as const, delegated: form.delegateId || null });
  }
  try {
    const result = await decideOnAttendee({ sessionId, invitationId: form.invitationId, decision: form.decision, note: form.note, actorId: user.id });
    return json({ ok: true as const, result });
  } catch (error) {
    if (!(error instanceof DecisionRefused)) throw error;
    return json(submission.reply({ formErrors: [`interviewScoring.decision.problems.${error.problem}`] }), { status: 409 });
  }
}

export default function SessionResults() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { session } = data;
  const delegateErrors = actionData && "error" in actionData ? (actionData.error?.delegateId ?? null) : null;
  return (
    <div className="rs-page">
      <PageHeader title={t("interviewScoring.results.title")} />
      <SessionLine session={session} here="results" />
      <ResultsSummary attendees={data.ranked.length + data.hidden.length} decided={data.decided} recommendations={data.recommendations} />
      <p className="muted" data-deciders="">
        {session.delegate ? t("interviewScoring.delegate.current", { name: session.delegate.name }) : t("interviewScoring.delegate.heads")}
        {!data.canDecide ? ` ${t("interviewScoring.decision.readOnly")}` : null}
      </p>
      {data.canDelegate ? <DelegateForm managers={data.managers} delegateId={session.decisionDelegateId} errors={delegateErrors} /> : null}
      <Section
        id="ranking"
        title={t("interviewScoring.results.ranking")}
        actions={
          data.viewerAssesses ? (
            <Link to={`/interviews/sessions/${session.id}/score`} className="button button-secondary">
              {t("interviewScoring.session.score")}
            </Link>
          ) : null
        }
      >
        <p className="muted">{t("interviewScoring.results.explain", { points: DISAGREEMENT_POINTS })}</p>
        <RankingList rubric={data.rubric} rows={data.ranked} canDecide={data.canDecide} />
      </Section>
      <HiddenList rows={data.hidden} sessionId={session.id} canDecide={data.canDecide} />
      <Section id="assessors" title={t("interviewScoring.results.assessors")}>
        <ul className="timeline">
          {data.assessors.map((a) => (
            <li key={a.id}>
              {a.name} <span className="muted">· {t("interviewScoring.results.assessorSubmitted", { count: a.submitted })}</span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
