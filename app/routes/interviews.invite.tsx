import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { InviteSchema } from "~/interviews/invite-form";
import { invitePlanner, inviteShortlist } from "~/interviews/invitations-page.server";
import { ErrorList } from "~/ui/form";
import { pageTitle } from "~/ui/i18n-instance";
import { EstimateLine, InviteReportNotice, PlanTable } from "~/ui/interview-invitations";
import { EmptyState, PageHeader, Section } from "~/ui/page";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

/**
 * The bulk invitation to group interviews (/interviews/invite?vacancy=…): the
 * questionnaire shortlist posts the ticked applications here; they are spread over the
 * vacancy's upcoming sessions by each one's recommended number and the rest wait on the
 * waitlist. The page shows what happened and the sessions' plans.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "interviewInvitations.invite.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "interviewPlan");
  const vacancyId = new URL(request.url).searchParams.get("vacancy");
  const planner = vacancyId ? await invitePlanner(vacancyId) : null;
  invariantResponse(!vacancyId || planner, "Vacancy not found");
  return json({ planner });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "interviewPlan");
  const submission = parseWithZod(await request.formData(), { schema: InviteSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply(), report: null }, { status: 400 });
  const { vacancy, ids } = submission.value;
  const report = await inviteShortlist({ vacancyId: vacancy, applicationIds: ids, actorId: user.id });
  return json({ lastResult: submission.reply({ resetForm: true }), report });
}

export default function InviteToInterviews() {
  const { planner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData?.lastResult.error ? Object.values(actionData.lastResult.error).flatMap((e) => e ?? []) : [];
  const back = planner ? (
    <Link to={`/questionnaires?vacancy=${planner.vacancy.id}#shortlist`} className="button button-secondary">
      {t("interviewInvitations.invite.backToShortlist")}
    </Link>
  ) : null;
  return (
    <>
      <PageHeader title={t("interviewInvitations.invite.title")} description={t("interviewInvitations.invite.intro")} actions={back} />
      <ErrorList errors={errors} />
      {actionData?.report ? <InviteReportNotice report={actionData.report} /> : null}
      {planner ? (
        <Section id="invite-plan" title={t("interviewInvitations.invite.plan", { title: planner.vacancy.title, city: planner.vacancy.city })}>
          <EstimateLine estimate={planner.estimate} />
          <PlanTable sessions={planner.sessions} />
          <p className="muted">{t("interviewInvitations.invite.waitlisted", { count: planner.waitlisted })}</p>
        </Section>
      ) : actionData?.report ? null : (
        <EmptyState title={t("interviewInvitations.invite.pickOnShortlist")}>
          <Link to="/questionnaires">{t("interviewInvitations.invite.toShortlist")}</Link>
        </EmptyState>
      )}
    </>
  );
}
