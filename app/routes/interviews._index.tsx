import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { interviewCalendar } from "~/interviews/sessions.server";
import styles from "~/styles/interviews.css";
import { pageTitle } from "~/ui/i18n-instance";
import { CalendarDays } from "~/ui/interview-calendar";
import { ShowRatePanel } from "~/ui/interview-show-rate";
import { PageHeader, Section } from "~/ui/page";
import { SelectFilter } from "~/ui/select-filter";
import { useTranslation } from "~/ui/use-translation";

/** The interview calendar: upcoming and past sessions by day, and each vacancy's show rate. */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "interviewSessions.calendar.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "interviews");
  const vacancyId = new URL(request.url).searchParams.get("vacancy") || null;
  const calendar = await interviewCalendar({ vacancyId, timeZone: user.timeZone });
  return json({ ...calendar, canPlan: canAccess(user.roles, "interviewPlan") });
}

export default function InterviewCalendarPage() {
  const { vacancies, vacancyId, upcoming, past, showRates, canPlan } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("interviewSessions.calendar.title")}
        description={t("interviewSessions.calendar.intro")}
        actions={
          canPlan ? (
            <Link to={vacancyId ? `/interviews/new?vacancy=${vacancyId}` : "/interviews/new"} className="button button-primary">
              {t("interviewSessions.calendar.newSeries")}
            </Link>
          ) : null
        }
      />
      <SelectFilter
        name="vacancy"
        label={t("ui.vacancy")}
        placeholder={t("ui.allVacancies")}
        options={vacancies.map((v) => ({ value: v.id, label: `${v.title} (${v.city})` }))}
      />
      <Section id="upcoming" title={t("interviewSessions.calendar.upcoming")}>
        <CalendarDays days={upcoming} emptyTitle={t("interviewSessions.calendar.noUpcoming")} />
      </Section>
      {showRates.map((panel) => (
        <ShowRatePanel key={panel.vacancy.id} panel={panel} />
      ))}
      <Section id="past" title={t("interviewSessions.calendar.past")}>
        <CalendarDays days={past} emptyTitle={t("interviewSessions.calendar.noPast")} />
      </Section>
    </>
  );
}
