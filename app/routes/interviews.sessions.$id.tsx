import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { SessionEditSchema } from "~/interviews/schedule";
import { cancelInterviewSession, interviewSessionPage, saveSessionEdit, SessionRefused } from "~/interviews/sessions.server";
import styles from "~/styles/interviews.css";
import { pageTitle } from "~/ui/i18n-instance";
import { useSessionTimes } from "~/ui/interview-calendar";
import { CancelSessionForm, SessionCountsSection, SessionLinks, SessionOutcomeSection, SessionPlanSection, SessionSummary } from "~/ui/interview-session";
import { SessionEditForm } from "~/ui/interview-session-form";
import { PageHeader, Section } from "~/ui/page";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

/**
 * One group interview: details, numbers and the invitation plan for everyone on the
 * staff; editing the room and assessors, and cancelling before it starts, for those
 * who plan (intents "update" and "cancel").
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "interviewSessions.session.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "interviews");
  const canPlan = canAccess(user.roles, "interviewPlan");
  const page = await interviewSessionPage(params.id ?? "", { userId: user.id, withEditOptions: canPlan });
  invariantResponse(page, "Session not found");
  const notice = new URL(request.url).searchParams.get("done");
  return json({ ...page, canPlan, notice: notice === "saved" || notice === "cancelled" ? notice : null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "interviewPlan");
  const sessionId = params.id ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "cancel") {
    if (formData.get("confirm") !== "yes") return json({ intent: "cancel" as const, error: "interviewSessions.errors.confirmCancel" }, { status: 400 });
    try {
      const cancelled = await cancelInterviewSession({ sessionId, actorId: user.id });
      invariantResponse(cancelled, "Session not found");
    } catch (error) {
      if (!(error instanceof SessionRefused)) throw error;
      return json({ intent: "cancel" as const, error: error.formErrors[0] ?? "interviewSessions.errors.sessionCancelled" }, { status: 409 });
    }
    return redirect(`/interviews/sessions/${sessionId}?done=cancelled`);
  }
  const submission = parseWithZod(formData, { schema: SessionEditSchema });
  if (submission.status !== "success") return json({ intent: "update" as const, result: submission.reply() }, { status: 400 });
  try {
    const saved = await saveSessionEdit({ sessionId, input: submission.value, actorId: user.id });
    invariantResponse(saved, "Session not found");
  } catch (error) {
    if (!(error instanceof SessionRefused)) throw error;
    return json({ intent: "update" as const, result: submission.reply({ fieldErrors: error.fieldErrors, formErrors: error.formErrors }) }, { status: 400 });
  }
  return redirect(`/interviews/sessions/${sessionId}?done=saved`);
}

export default function InterviewSessionRoute() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { day, clock } = useSessionTimes();
  const { session, canPlan, notice } = page;
  const editable = canPlan && page.assessorOptions && session.phase !== "cancelled";
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/interviews?vacancy=${session.vacancy.id}`}>← {t("interviewSessions.calendar.title")}</Link>
      </p>
      <PageHeader title={`${session.vacancy.title}: ${day(session.startsAt)}, ${clock(session.startsAt)}`} description={t("interviewSessions.session.intro")} />
      {notice ? (
        <div className="notice notice-good" role="status">
          {t(`interviewSessions.notices.${notice}`)}
        </div>
      ) : null}
      <SessionLinks page={page} canPlan={canPlan} />
      <SessionSummary page={page} />
      <SessionCountsSection page={page} />
      <SessionPlanSection page={page} />
      <SessionOutcomeSection page={page} />
      {editable ? (
        <Section id="edit" title={t("interviewSessions.edit.title")}>
          <SessionEditForm
            defaultValue={{
              place: session.place ?? "",
              videoUrl: session.videoUrl ?? "",
              seats: String(session.seats),
              capacity: String(session.capacity),
              assessorIds: page.assessors.map((a) => a.id),
            }}
            lastResult={actionData?.intent === "update" ? actionData.result : undefined}
            assessors={page.assessorOptions ?? []}
          />
        </Section>
      ) : null}
      {canPlan && page.canCancel ? (
        <Section id="cancel" title={t("interviewSessions.cancelSession.title")}>
          <CancelSessionForm active={session.counts.active} error={actionData?.intent === "cancel" ? actionData.error : null} />
        </Section>
      ) : null}
    </>
  );
}
