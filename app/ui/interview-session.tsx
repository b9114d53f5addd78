import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { InterviewSessionPage } from "~/interviews/sessions.server";
import { numberFormat } from "~/i18n/format";
import { useTranslation } from "~/ui/use-translation";
import { Badge } from "./badges";
import { Button, FormError } from "./form";
import { OVER_CAPACITY_WARNING, SessionNumbers, SessionTime, SessionWhere, useSessionTimes } from "./interview-calendar";
import { EstimateText, NoShowText, usePercent } from "./interview-show-rate";
import { Section } from "./page";
import { useLocale } from "./use-locale";

/** A session's page: what, when and where, who assesses, the numbers, the plan, and after it the no-show ratio. */

type Page = SerializeFrom<InterviewSessionPage>;

export function SessionSummary({ page }: { page: Page }) {
  const { t } = useTranslation();
  const { day } = useSessionTimes();
  const percent = usePercent();
  const { session, assessors } = page;
  return (
    <section className="card" aria-label={t("interviewSessions.session.details")}>
      <dl className="details">
        <dt>{t("interviewSessions.session.when")}</dt>
        <dd>
          {day(session.startsAt)}, <SessionTime session={session} />{" "}
          {session.phase !== "upcoming" ? <Badge tone={session.phase === "cancelled" ? "out" : "neutral"}>{t(`interviewSessions.phase.${session.phase}`)}</Badge> : null}
        </dd>
        <dt>{t("ui.vacancy")}</dt>
        <dd>
          <Link to={`/vacancies/${session.vacancy.id}`}>{session.vacancy.title}</Link>
          {session.series ? <span className="cell-sub">{session.series.name}</span> : null}
        </dd>
        <dt>{t("interviewSessions.session.where")}</dt>
        <dd>
          <SessionWhere place={session.place} videoUrl={session.videoUrl} />
        </dd>
        <dt>{t("interviewSessions.fields.durationMinutes")}</dt>
        <dd>{t("interviewSessions.session.minutes", { count: session.durationMinutes })}</dd>
        <dt>{t("interviewSessions.fields.timeZone")}</dt>
        <dd>{session.timeZone}</dd>
        <dt>{t("interviewSessions.session.confidence")}</dt>
        <dd>{percent(session.confidence)}</dd>
        <dt>{t("interviewSessions.fields.assessors")}</dt>
        <dd data-assessors="">{assessors.length ? assessors.map((a) => a.name).join(", ") : <span className="muted">{t("interviewSessions.session.noAssessors")}</span>}</dd>
        {session.checkInClosedAt ? (
          <>
            <dt>{t("interviewSessions.session.checkIn")}</dt>
            <dd>{t("interviewSessions.session.checkInClosed")}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** Links to the session's other pages, each for those who may use it. */
export function SessionLinks({ page, canPlan }: { page: Page; canPlan: boolean }) {
  const { t } = useTranslation();
  const id = page.session.id;
  const live = page.session.phase !== "cancelled";
  return (
    <nav className="iv-links" aria-label={t("interviewSessions.session.pages")}>
      {canPlan && live ? (
        <Link className="button button-secondary" to={`/interviews/sessions/${id}/invitations`}>
          {t("interviewSessions.session.invitations")}
        </Link>
      ) : null}
      {canPlan && live ? (
        <Link className="button button-secondary" to={`/interviews/sessions/${id}/check-in`}>
          {t("interviewSessions.session.checkIn")}
        </Link>
      ) : null}
      {page.isAssessor && live ? (
        <Link className="button button-secondary" to={`/interviews/sessions/${id}/score`}>
          {t("interviewSessions.session.score")}
        </Link>
      ) : null}
      {live ? (
        <Link className="button button-secondary" to={`/interviews/sessions/${id}/results`}>
          {t("interviewSessions.session.results")}
        </Link>
      ) : null}
    </nav>
  );
}

export function SessionCountsSection({ page }: { page: Page }) {
  const { t } = useTranslation();
  return (
    <Section id="counts" title={t("interviewSessions.session.numbers")}>
      <SessionNumbers session={page.session} />
      {page.session.counts.late ? <p className="muted">{t("interviewSessions.session.lateIncluded", { count: page.session.counts.late })}</p> : null}
    </Section>
  );
}

/** How many to invite now, the chances with the recommendation and with the invitations as they stand. */
export function SessionPlanSection({ page }: { page: Page }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const locale = useLocale();
  const plan = page.session.plan;
  if (!plan) return null;
  const { recommended, current } = plan;
  const risky = recommended.overCapacityChance > OVER_CAPACITY_WARNING;
  const currentRisky = current.overCapacityChance > OVER_CAPACITY_WARNING;
  const one = (n: number) => numberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  return (
    <Section id="plan" title={t("interviewSessions.plan.title")}>
      <p className="iv-invite-now" data-invite-now={plan.inviteNow} data-recommended={recommended.invite}>
        {plan.inviteNow ? t("interviewSessions.plan.inviteNow", { count: plan.inviteNow }) : t("interviewSessions.plan.enoughNow")}
      </p>
      <p className="field-hint">
        {t("interviewSessions.plan.basis", { recommended: recommended.invite, active: plan.active, seats: recommended.seats })} <EstimateText estimate={page.estimate} />
      </p>
      {recommended.cappedToCapacity ? <p className="notice">{t("interviewSessions.plan.capped", { seats: recommended.seats })}</p> : null}
      {!recommended.reached ? <p className="notice">{t("interviewSessions.plan.notReachedLong")}</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" className="num">{t("interviewSessions.plan.invitations")}</th>
              <th scope="col" className="num">{t("interviewSessions.preview.fill")}</th>
              <th scope="col" className="num">{t("interviewSessions.preview.overCapacity")}</th>
              <th scope="col" className="num">{t("interviewSessions.plan.expected")}</th>
            </tr>
          </thead>
          <tbody>
            <tr data-plan="recommended">
              <th scope="row">{t("interviewSessions.plan.withRecommended")}</th>
              <td className="num">{recommended.invite}</td>
              <td className="num">{percent(recommended.fillChance)}</td>
              <td className={risky ? "num iv-warning" : "num"}>{percent(recommended.overCapacityChance)}</td>
              <td className="num">{one(recommended.expectedAttendees)}</td>
            </tr>
            <tr data-plan="current">
              <th scope="row">{t("interviewSessions.plan.withCurrent")}</th>
              <td className="num">{plan.active}</td>
              <td className="num">{percent(current.fillChance)}</td>
              <td className={currentRisky ? "num iv-warning" : "num"}>{percent(current.overCapacityChance)}</td>
              <td className="num">{one(current.expectedAttendees)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {risky || currentRisky ? <p className="notice notice-danger">{t("interviewSessions.plan.overCapacityWarning", { capacity: page.session.capacity })}</p> : null}
    </Section>
  );
}

/** After the session: its no-show ratio as marked, and the vacancy's estimate with it. */
export function SessionOutcomeSection({ page }: { page: Page }) {
  const { t } = useTranslation();
  const { phase, checkInClosedAt } = page.session;
  if (phase !== "over" && phase !== "running" && !checkInClosedAt && !page.noShow) return null;
  return (
    <Section id="outcome" title={t("interviewSessions.outcome.title")}>
      <p data-session-no-show="">
        {t("interviewSessions.outcome.noShow")} <NoShowText ratio={page.noShow} />
      </p>
      <p>
        {t("interviewSessions.outcome.estimate")} <EstimateText estimate={page.estimate} />
      </p>
      {!checkInClosedAt ? <p className="field-hint">{t("interviewSessions.outcome.notClosed")}</p> : null}
    </Section>
  );
}

export function CancelSessionForm({ active, error }: { active: number; error: string | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <Form method="post" className="stack-tight">
      <input type="hidden" name="intent" value="cancel" />
      <FormError errors={error ? [error] : null} />
      <p>{t("interviewSessions.cancelSession.explained", { count: active })}</p>
      <label className="checkbox">
        <input type="checkbox" name="confirm" value="yes" required />
        {t("interviewSessions.cancelSession.confirm")}
      </label>
      <Button variant="danger" disabled={navigation.state === "submitting"}>
        {t("interviewSessions.cancelSession.submit")}
      </Button>
    </Form>
  );
}
