import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { SessionInvitationsSchema } from "~/interviews/invite-form";
import { sessionInvitationsAction, sessionInvitationsPage } from "~/interviews/invitations-page.server";
import { formatInterviewPlace } from "~/interviews/rsvp";
import { Button, ErrorList, FormError } from "~/ui/form";
import { dataTitle } from "~/ui/i18n-instance";
import { BookForm, EstimateLine, InvitationsTable, InviteMoreForm, InviteReportNotice, SessionTime } from "~/ui/interview-invitations";
import { EmptyState, PageHeader, Section } from "~/ui/page";
import { formatPersonName } from "~/ui/person";
import { useLocale } from "~/ui/use-locale";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

/**
 * One session's invitations (/interviews/sessions/:id/invitations): who is invited,
 * who confirmed or declined, the letters, the waitlist. Recruiters invite more (the
 * vacancy's candidates who passed the questionnaire and hold no invitation), book by
 * phone (refused once the room is full), withdraw, and fill free places from the waitlist.
 */
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => dataTitle(matches, data?.vacancy.title, "interviewInvitations.session.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "interviews");
  const page = await sessionInvitationsPage(params.id ?? "");
  invariantResponse(page, "Session not found");
  return json({ ...page, canPlan: canAccess(user.roles, "interviewPlan") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "interviewPlan");
  const submission = parseWithZod(await request.formData(), { schema: SessionInvitationsSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply(), result: null }, { status: 400 });
  const result = await sessionInvitationsAction({ sessionId: params.id ?? "", actorId: user.id, command: submission.value });
  if (!result.ok && result.problem === "no-session") throw new Response("Session not found", { status: 404, statusText: "Session not found" });
  return json({ lastResult: submission.reply({ resetForm: result.ok }), result }, { status: result.ok ? 200 : 409 });
}

export default function SessionInvitations() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();
  const { session, vacancy } = data;
  const result = navigation.state === "idle" ? actionData?.result : null;
  const errors = actionData?.lastResult.error ? Object.values(actionData.lastResult.error).flatMap((e) => e ?? []) : [];
  const canAct = data.canPlan && session.upcoming;
  const bookable = [
    ...data.invitations.filter((i) => i.status === "INVITED"),
    ...data.waitlist,
  ].map((i) => ({ value: i.applicationId, label: i.name ? formatPersonName(i.name, locale) : t("candidates.erasedName") }));
  const bookOptions = [...bookable, ...data.available.map((c) => ({ value: c.applicationId, label: c.name ? formatPersonName(c.name, locale) : t("candidates.erasedName") }))];
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/interviews/sessions/${session.id}`}>← {t("interviewInvitations.session.back")}</Link>
      </p>
      <PageHeader
        title={
          <>
            {t("interviewInvitations.session.title")}: <SessionTime session={session} />
          </>
        }
        description={
          <>
            <Link to={`/vacancies/${vacancy.id}`}>
              {vacancy.title}, {vacancy.city}
            </Link>
            {formatInterviewPlace(session) ? ` · ${formatInterviewPlace(session)}` : null}
          </>
        }
      />
      <ul className="stats">
        {(
          [
            ["seats", `${session.seats} / ${session.capacity}`],
            ["invited", session.counts.active],
            ["confirmed", session.counts.confirmed],
            ["declined", session.counts.declined],
            ["waitlisted", data.waitlist.length],
          ] as const
        ).map(([key, value]) => (
          <li key={key} className="stat" data-stat={key}>
            <span className="stat-value">{value}</span>
            <span className="stat-label">{t(`interviewInvitations.session.stats.${key}`)}</span>
          </li>
        ))}
      </ul>
      <EstimateLine estimate={data.estimate} />
      {session.cancelledAt ? <p className="notice notice-danger">{t("interviewInvitations.session.cancelled")}</p> : null}
      {!session.cancelledAt && !session.upcoming ? <p className="notice">{t("interviewInvitations.session.started")}</p> : null}
      <ErrorList errors={errors} />
      {result && !result.ok ? <FormError errors={[`interviewInvitations.problems.${result.problem}`]} /> : null}
      {result?.ok && result.notice === "invited" ? <InviteReportNotice report={result.report} /> : null}
      {result?.ok && result.notice !== "invited" ? (
        <p className="notice notice-good" role="status" data-session-notice={result.notice}>
          {t(`interviewInvitations.session.notices.${result.notice}`, { count: result.promoted })}
        </p>
      ) : null}

      <Section id="session-invitations" title={t("interviewInvitations.session.invitations")}>
        {data.invitations.length ? <InvitationsTable rows={data.invitations} canPlan={canAct} /> : <EmptyState title={t("interviewInvitations.session.noInvitations")} />}
      </Section>
      <Section
        id="session-waitlist"
        title={t("interviewInvitations.session.waitlist")}
        actions={
          canAct && data.waitlist.length ? (
            <Form method="post">
              <Button variant="secondary" size="small" name="intent" value="fill" disabled={navigation.state !== "idle"}>
                {t("interviewInvitations.session.fill")}
              </Button>
            </Form>
          ) : null
        }
      >
        {data.waitlist.length ? <InvitationsTable rows={data.waitlist} canPlan={canAct} waitlist /> : <p className="muted">{t("interviewInvitations.session.noWaitlist")}</p>}
      </Section>
      {canAct ? (
        <>
          <InviteMoreForm candidates={data.available} recommendation={session.recommendation} active={session.counts.active} />
          <BookForm options={bookOptions} />
        </>
      ) : null}
    </>
  );
}
