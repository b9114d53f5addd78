import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { seriesFormDefaults, seriesFormSchema } from "~/interviews/schedule";
import { saveSeries, seriesFormOptions, SessionRefused } from "~/interviews/sessions.server";
import styles from "~/styles/interviews.css";
import { pageTitle } from "~/ui/i18n-instance";
import { SeriesForm } from "~/ui/interview-session-form";
import { PageHeader } from "~/ui/page";
import { useTranslation } from "~/ui/use-translation";

/**
 * The series creator: a vacancy's group interviews over several days and start times at
 * once. "Preview" (and adding a day or time without JavaScript) answers with the form as
 * typed; creating redirects to the calendar.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "interviewSessions.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "interviewPlan");
  const options = await seriesFormOptions();
  const asked = new URL(request.url).searchParams.get("vacancy");
  const vacancyId = options.vacancies.some((v) => v.id === asked) ? asked : null;
  return json({ ...options, defaults: seriesFormDefaults({ timeZone: user.timeZone, vacancyId }) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "interviewPlan");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: seriesFormSchema() });
  if (submission.status !== "success" || formData.get("preview")) {
    return json({ result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  }
  try {
    await saveSeries(submission.value, user.id);
  } catch (error) {
    if (!(error instanceof SessionRefused)) throw error;
    return json({ result: submission.reply({ fieldErrors: error.fieldErrors, formErrors: error.formErrors }) }, { status: 400 });
  }
  return redirect(`/interviews?vacancy=${submission.value.vacancyId}`);
}

export default function NewInterviewSeries() {
  const { vacancies, assessors, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/interviews">← {t("interviewSessions.calendar.title")}</Link>
      </p>
      <PageHeader title={t("interviewSessions.newTitle")} description={t("interviewSessions.newIntro")} />
      <SeriesForm defaultValue={defaults} lastResult={actionData?.result} vacancies={vacancies} assessors={assessors} />
    </>
  );
}
