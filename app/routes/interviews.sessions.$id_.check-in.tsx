import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { MarkSchema } from "~/interviews/attendance";
import { AttendanceRefused, checkInPage, saveAttendanceMark, saveCheckInClose } from "~/interviews/attendance.server";
import styles from "~/styles/interviews.css";
import { DateText } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { SessionTime, SessionWhere, useSessionTimes } from "~/ui/interview-calendar";
import { CheckInList, CheckInTallyBar, CloseCheckInForm, useLiveTally } from "~/ui/interview-check-in";
import { PageHeader } from "~/ui/page";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

/**
 * Check-in at a group interview: everyone invited or confirmed, one tap each for came /
 * late / no-show (intent "mark", answered as JSON so a tap needs no page load), and
 * closing (intent "close"; rest=no-show marks whoever is left as not come).
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "interviewSessions.checkIn.title");

const problemKey = (problem: string) => `interviewSessions.checkIn.problems.${problem}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "interviewPlan");
  const page = await checkInPage(params.id ?? "", { locale: user.locale });
  invariantResponse(page, "Session not found");
  return json(page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "interviewPlan");
  const sessionId = params.id ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "close") {
    try {
      await saveCheckInClose({ sessionId, actorId: user.id, markRestNoShow: formData.get("rest") === "no-show" });
    } catch (error) {
      if (!(error instanceof AttendanceRefused)) throw error;
      invariantResponse(error.problem !== "not-found", "Session not found");
      return json({ ok: false as const, intent: "close" as const, error: `${problemKey(error.problem)}|count=${error.count}` }, { status: 409 });
    }
    return redirect(`/interviews/sessions/${sessionId}/check-in`);
  }
  const parsed = MarkSchema.safeParse({ invitationId: formData.get("invitationId"), mark: formData.get("mark") });
  if (!parsed.success) return json({ ok: false as const, intent: "mark" as const, error: "validation.invalidChoice" }, { status: 400 });
  const { invitationId, mark } = parsed.data;
  try {
    await saveAttendanceMark({ sessionId, invitationId, mark, actorId: user.id });
  } catch (error) {
    if (!(error instanceof AttendanceRefused)) throw error;
    invariantResponse(error.problem !== "not-found", "Session not found");
    return json({ ok: false as const, intent: "mark" as const, invitationId, error: problemKey(error.problem) }, { status: 409 });
  }
  return json({ ok: true as const, intent: "mark" as const, invitationId, mark });
}

export default function CheckInRoute() {
  const { session, state, opensAt, canClose, people, tally: saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { day } = useSessionTimes();
  const tally = useLiveTally(people);
  const endsAt = new Date(new Date(session.startsAt).getTime() + session.durationMinutes * 60_000).toISOString();
  return (
    <div className="iv-check-in">
      <p className="breadcrumb">
        <Link to={`/interviews/sessions/${session.id}`}>← {t("interviewSessions.session.title")}</Link>
      </p>
      <PageHeader
        title={t("interviewSessions.checkIn.title")}
        description={
          <>
            {session.vacancy.title} · {day(session.startsAt)}, <SessionTime session={{ ...session, endsAt }} /> · <SessionWhere place={session.place} videoUrl={session.videoUrl} />
          </>
        }
      />
      {state === "not-yet" ? (
        <p className="notice" role="status">
          {t("interviewSessions.checkIn.opensAt")} <DateText value={opensAt} withTime />
        </p>
      ) : null}
      {state === "closed" ? <p className="notice notice-good" role="status">{t("interviewSessions.checkIn.closed")}</p> : null}
      {state === "cancelled" ? <p className="notice notice-danger" role="status">{t("interviewSessions.checkIn.cancelled")}</p> : null}
      {actionData && !actionData.ok && actionData.intent === "mark" ? <p className="notice notice-danger" role="alert">{t(actionData.error)}</p> : null}
      <CheckInTallyBar tally={state === "open" ? tally : saved} />
      <CheckInList people={people} open={state === "open"} />
      {canClose ? <CloseCheckInForm unmarked={tally.unmarked} error={actionData && !actionData.ok && actionData.intent === "close" ? actionData.error : null} /> : null}
    </div>
  );
}
