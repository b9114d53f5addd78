import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { isSubmit, scorecardFormSchema } from "~/interviews/scorecard";
import { assessedSession, assessorScoringPage, saveAssessorScorecard, ScorecardRefused } from "~/interviews/scorecards.server";
import styles from "~/styles/scorecards.css";
import { pageTitle } from "~/ui/i18n-instance";
import { AttendeePicker, attendeeState, ScorecardForm, SessionLine, SubmittedScores } from "~/ui/interview-scorecard";
import { EmptyState, PageHeader } from "~/ui/page";
import { CandidateLink } from "~/ui/person";
import { useTranslation } from "~/ui/use-translation";

/**
 * An assessor's scorecards for one session, made for a tablet: pick an attendee, score
 * each competency 1–5 against its descriptions, save a draft or submit. Only the
 * session's assessors open it (403 for anyone else, heads included).
 */

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "interviewScoring.scoring.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "interviewScore");
  const page = await assessorScoringPage({ sessionId: params.id ?? "", userId: user.id });
  const url = new URL(request.url);
  const asked = url.searchParams.get("attendee");
  // The one asked for; else the first this assessor has not submitted yet; else the first.
  const current =
    page.attendees.find((a) => a.invitationId === asked) ?? page.attendees.find((a) => !a.own?.submittedAt) ?? page.attendees[0] ?? null;
  const saved = url.searchParams.get("saved");
  return json({ ...page, current: current?.invitationId ?? null, saved: saved === "draft" || saved === "submitted" ? saved : null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "interviewScore");
  const sessionId = params.id ?? "";
  const session = await assessedSession({ sessionId, userId: user.id });
  const formData = await request.formData();
  const submit = isSubmit(formData);
  const submission = parseWithZod(formData, { schema: scorecardFormSchema(session.rubric, { submit }) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { invitationId, intent: _intent, ...values } = submission.value;
  try {
    await saveAssessorScorecard({ sessionId, invitationId, assessorId: user.id, values, submit });
  } catch (error) {
    if (!(error instanceof ScorecardRefused)) throw error;
    if (error.problem === "invalid") return json(submission.reply({ fieldErrors: error.fieldErrors }), { status: 400 });
    return json(submission.reply({ formErrors: [`interviewScoring.scorecard.problems.${error.problem}`] }), { status: 409 });
  }
  return redirect(`/interviews/sessions/${sessionId}/score?attendee=${invitationId}&saved=${submit ? "submitted" : "draft"}`);
}

export default function ScoreSession() {
  const { session, rubric, attendees, current, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const attendee = attendees.find((a) => a.invitationId === current) ?? null;
  const done = attendees.filter((a) => attendeeState(a) === "submitted").length;
  return (
    <div className="sc-page">
      <PageHeader title={t("interviewScoring.scoring.title")} description={t("interviewScoring.scoring.progress", { done, total: attendees.length })} />
      <SessionLine session={session} here="score" />
      {saved ? (
        <p className="notice notice-good" role="status" data-saved={saved}>
          {t(`interviewScoring.scoring.saved.${saved}`)}
        </p>
      ) : null}
      {!attendees.length ? (
        <EmptyState title={t("interviewScoring.scoring.noAttendees")}>
          <p>{t("interviewScoring.scoring.noAttendeesHint")}</p>
        </EmptyState>
      ) : (
        <>
          <AttendeePicker attendees={attendees} current={current} />
          {attendee ? (
            <section className="sc-current" aria-labelledby="sc-current-name" data-current={attendee.invitationId}>
              <h2 id="sc-current-name">
                <CandidateLink id={attendee.candidateId} name={attendee.name} />
              </h2>
              {attendee.own?.submittedAt ? (
                <SubmittedScores rubric={rubric} attendee={attendee} />
              ) : (
                <>
                  <p className="muted" data-others-hidden="">
                    {t("interviewScoring.scoring.othersHidden", { count: attendee.othersSubmitted })}
                  </p>
                  <ScorecardForm
                    key={attendee.invitationId}
                    rubric={rubric}
                    attendee={attendee}
                    lastResult={lastResult?.initialValue?.invitationId === attendee.invitationId ? lastResult : undefined}
                  />
                </>
              )}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
